"""The bank's search by title or author, forgiving a typo.

Offers, needs and catalogue entries keep `search_text`: title and authors in lower case with
Ё as Е and punctuation dropped (textbooks.keys). A query is cut into words the same way, and
every word must be found in it:

- PostgreSQL: a word of three letters or more must be *word-similar* to part of the text —
  the pg_trgm operator `search_text %> 'word'`, which the GIN trigram index on `search_text`
  answers (migration 0002), so the search reads the index, not the whole table, at 200,000
  offers too. «канакна» finds «Канакина», «атонасян» finds «Атанасян». Shorter words
  («5», «ю») are matched as substrings. The results come most similar first.
- SQLite (trying the site out): every word as a substring of `search_text` — case and Ё/Е
  are still forgiven, a typo is not.

How similar is similar enough: `pg_trgm.word_similarity_threshold`, set on each new PostgreSQL
connection to WORD_SIMILARITY_THRESHOLD (TextbooksConfig.ready). The default, 0.6, misses a
single wrong letter in a short surname.
"""

from django.db import connection
from django.db.models import F, FloatField, Value
from django.db.models.functions import Coalesce

from textbooks.keys import search_words

WORD_SIMILARITY_THRESHOLD = 0.5
MIN_TRIGRAM_WORD = 3


def is_postgresql():
    return connection.vendor == "postgresql"


def search(queryset, query):
    """`queryset` narrowed to the rows whose title or authors match `query`; most similar first on PostgreSQL.

    Returns the queryset unchanged for an empty query.
    """
    words = search_words(query)
    if not words:
        return queryset
    if not is_postgresql():
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    from django.contrib.postgres.search import TrigramWordSimilarity

    rank = Value(0.0, output_field=FloatField())
    for word in words:
        if len(word) >= MIN_TRIGRAM_WORD:
            queryset = queryset.filter(search_text__trigram_word_similar=word)
            rank = rank + Coalesce(TrigramWordSimilarity(Value(word), F("search_text")), 0.0)
        else:
            queryset = queryset.filter(search_text__contains=word)
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    return queryset.annotate(search_rank=rank).order_by("-search_rank", *ordering)


def set_threshold(sender, connection, **kwargs):
    """connection_created: the word-similarity threshold the `%>` operator (and its index) uses."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {float(WORD_SIMILARITY_THRESHOLD)}")
