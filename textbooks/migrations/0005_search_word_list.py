"""The bank's words, for putting a mistyped word right (textbooks.search.correct), and the end of the
whole-text trigram search it replaces.

- SearchWord: every word of three letters or more in the titles and authors of offers, needs and the
  catalogue. On PostgreSQL a trigram GIN index finds the most similar words, and statement triggers
  add the words of every inserted or updated row (from its generated `search_words`); the words
  already there are added now. Words are never taken out: one that no row has any more only leads
  to a search that finds nothing.
- The trigram indexes on `search_text` (migration 0002) served the old typo search, which compared
  the query with every matching title in full: they go (the pg_trgm extension stays, for the words).

Nothing of it on SQLite but the empty table.
"""

from django.db import migrations, models

TABLES = ["textbooks_offer", "textbooks_need", "textbooks_textbook"]
OLD_INDEXES = [("textbooks_offer", "offer_search_trgm"), ("textbooks_need", "need_search_trgm"),
               ("textbooks_textbook", "textbook_search_trgm")]  # fmt: skip
WORDS_OF = """SELECT DISTINCT word FROM {rows}, unnest(tsvector_to_array({rows}.search_words)) AS word
              WHERE length(word) BETWEEN 3 AND 100"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    execute(
        "CREATE INDEX IF NOT EXISTS searchword_trgm ON textbooks_searchword USING gin (word gin_trgm_ops)"
    )
    execute(f"""CREATE OR REPLACE FUNCTION textbooks_add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO textbooks_searchword (word) {WORDS_OF.format(rows="new_rows")} ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$""")  # fmt: skip
    for table in TABLES:
        for event in ("INSERT", "UPDATE"):
            execute(f"""CREATE TRIGGER {table}_words_{event.lower()} AFTER {event} ON {table}
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION textbooks_add_search_words()""")
        execute(
            f"INSERT INTO textbooks_searchword (word) {WORDS_OF.format(rows=table)} ON CONFLICT DO NOTHING"
        )
    for _table, index in OLD_INDEXES:
        execute(f"DROP INDEX IF EXISTS {index}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        for event in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_words_{event} ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS textbooks_add_search_words()")
    for table, index in OLD_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_text gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("textbooks", "0004_history")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[("word", models.CharField(max_length=100, primary_key=True, serialize=False))],
            options={
                "verbose_name": "слово обменного фонда",
                "verbose_name_plural": "слова обменного фонда (для исправления опечаток)",
            },
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
