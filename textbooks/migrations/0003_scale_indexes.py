"""The bank at a region's size (200,000 offers): indexes for its search, filters and subject list.

- `search_words` on PostgreSQL: a stored tsvector of `search_text` that PostgreSQL generates itself
  (to_tsvector('simple', …): every word as it is, no stemming, no stop words), with a GIN index, for
  the search's first tier, the words as prefixes (textbooks.search). A generated column: Django
  never writes it, every insert and update keeps it right. Nothing of it on SQLite.
- The bank filtered by subject (and grade) in its own order: UPPER(subject), then the list's order.
- The catalogue's subjects, listed for the filter by the index on subject.
"""

import django.db.models.functions.text
from django.db import migrations, models

TABLES = [
    ("textbooks_offer", "offer_search_words"),
    ("textbooks_need", "need_search_words"),
    ("textbooks_textbook", "textbook_search_words"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_words tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
        )
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_words)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_words")


class Migration(migrations.Migration):
    dependencies = [("textbooks", "0002_trigram_search")]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(
                django.db.models.functions.text.Upper("subject"),
                models.F("title_key"),
                models.F("grade_from"),
                models.F("id"),
                name="offer_subject_bank_order",
            ),
        ),
        migrations.AddIndex(
            model_name="need",
            index=models.Index(
                django.db.models.functions.text.Upper("subject"),
                models.F("grade"),
                models.F("title_key"),
                models.F("id"),
                name="need_subject_grade",
            ),
        ),
        migrations.AddIndex(
            model_name="textbook", index=models.Index(fields=["subject"], name="textbook_subject")
        ),
    ]
