"""The bank's typo-forgiving search on PostgreSQL: the pg_trgm extension and GIN trigram indexes
on the normalised title-and-authors column of offers, needs and the catalogue (textbooks.search).

Nothing happens on SQLite, where the search falls back to a normalised substring match.
"""

from django.db import migrations

INDEXES = [
    ("textbooks_offer", "offer_search_trgm"),
    ("textbooks_need", "need_search_trgm"),
    ("textbooks_textbook", "textbook_search_trgm"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    # The extension stays: other parts of the database may use it.


class Migration(migrations.Migration):
    dependencies = [("textbooks", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
