"""Logins differ by more than case: «race0x» and «RACE0X» made at the same moment in two tabs both passed the
form's check before either was written. The database decides now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0010_names_one_line"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE UNIQUE INDEX members_username_without_case ON auth_user (lower(username))",
            "DROP INDEX members_username_without_case",
        ),
    ]
