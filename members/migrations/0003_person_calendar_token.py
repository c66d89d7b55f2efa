import secrets

from django.db import migrations, models

import members.models


def fill_tokens(apps, schema_editor):
    Person = apps.get_model("members", "Person")
    for person in Person.objects.filter(calendar_token__isnull=True):
        person.calendar_token = secrets.token_urlsafe(32)
        person.save(update_fields=["calendar_token"])


class Migration(migrations.Migration):
    """Each person gets the secret part of a calendar feed address: nullable first, filled, then unique."""

    dependencies = [("members", "0002_librarians_data_bank")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="calendar_token",
            field=models.CharField(max_length=43, null=True, editable=False),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person",
            name="calendar_token",
            field=models.CharField(
                default=members.models.new_calendar_token, editable=False, max_length=43, unique=True
            ),
        ),
    ]
