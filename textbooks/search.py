"""The bank's search by title or author, forgiving a typo.

Offers, needs and catalogue entries keep `search_text`: title and authors in lower case with
Ё as Е and punctuation dropped (textbooks.keys). A query is cut into words the same way.

On PostgreSQL the search goes in two tiers, so that it stays fast at 200,000 offers:

1. Every word begins a word of the text: «алгеб 7» finds «Алгебра. 7 класс», «канакин» finds
   «Канакина». Answered by a full-text index: a stored tsvector `search_words`, generated from
   `search_text` by PostgreSQL itself, with a GIN index (migration 0003), queried as `'алгеб':* & '7':*`.
   The rows come in the bank's order, so a broad word reads one page of an ordered index, not every match.
2. Only when nothing is found that way — a typo: a word of three letters or more must be
   *word-similar* to part of the text, the pg_trgm operator `search_text %> 'word'` that the GIN
   trigram index answers (migration 0002); shorter words are matched as substrings. «канакна» finds
   «Канакина», «атонасян» finds «Атанасян». The results come most similar first.

How similar is similar enough: `pg_trgm.word_similarity_threshold`, set on each new PostgreSQL
connection to WORD_SIMILARITY_THRESHOLD (TextbooksConfig.ready). The default, 0.6, misses a
single wrong letter in a short surname.

SQLite (trying the site out): every word as a substring of `search_text` — case and Ё/Е are
still forgiven, a typo is not.
"""

from django.db import connection
from django.db.models import Count, F, FloatField, Lookup, Value, Window
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce

from textbooks.keys import search_words

WORD_SIMILARITY_THRESHOLD = 0.5
MIN_TRIGRAM_WORD = 3
# The PostgreSQL column generated from search_text (migration 0003): to_tsvector('simple', search_text).
WORDS_COLUMN = "search_words"


def is_postgresql():
    return connection.vendor == "postgresql"


class WordPrefixes(Lookup):
    """`search_text__word_prefixes="'алгеб':* & '7':*"`: the text's stored tsvector matches the query
    (PostgreSQL only; registered on the three search_text fields by TextbooksConfig.ready)."""

    lookup_name = "word_prefixes"

    def as_sql(self, compiler, connection):
        if not isinstance(self.lhs, Col):
            raise ValueError("word_prefixes applies to a search_text column")
        column = f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name(WORDS_COLUMN)}"
        rhs, params = self.process_rhs(compiler, connection)
        return f"{column} @@ to_tsquery('simple', {rhs})", params


def prefix_query(words):
    """The tsquery of the words as prefixes: «алгеб», «7» → "'алгеб':* & '7':*" (words are [0-9a-zа-я]+)."""
    return " & ".join(f"'{word}':*" for word in words)


class Search:
    """What a query finds in `queryset`, as the tiers the module docstring describes.

    `tiers` is a list of querysets, tried in order: the first that has rows is the result. Each keeps
    `queryset`'s ordering, except the typo tier, which comes most similar first and carries
    `search_total` (the number of its rows, from the same query).
    """

    def __init__(self, queryset, query):
        self.words = search_words(query)
        if not self.words:
            self.tiers = [queryset]
        elif not is_postgresql():
            for word in self.words:
                queryset = queryset.filter(search_text__contains=word)
            self.tiers = [queryset]
        else:
            self.tiers = [queryset.filter(search_text__word_prefixes=prefix_query(self.words)), similar(queryset, self.words)]

    @property
    def is_search(self):
        return bool(self.words)

    def queryset(self):
        """The rows found: the first tier that has any (one query to find out when there are two)."""
        if len(self.tiers) > 1 and not self.tiers[0].exists():
            return self.tiers[1]
        return self.tiers[0]


def similar(queryset, words):
    """The typo tier: every word word-similar to the text (short words as substrings), most similar first."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    rank = Value(0.0, output_field=FloatField())
    for word in words:
        if len(word) >= MIN_TRIGRAM_WORD:
            queryset = queryset.filter(search_text__trigram_word_similar=word)
            rank = rank + Coalesce(TrigramWordSimilarity(Value(word), F("search_text")), 0.0)
        else:
            queryset = queryset.filter(search_text__contains=word)
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    return queryset.annotate(search_rank=rank, search_total=Window(Count("pk"))).order_by("-search_rank", *ordering)


def search(queryset, query):
    """`queryset` narrowed to the rows whose title or authors match `query` (see Search).

    Returns the queryset unchanged for an empty query.
    """
    return Search(queryset, query).queryset()


def set_threshold(sender, connection, **kwargs):
    """connection_created: the word-similarity threshold the `%>` operator (and its index) uses."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {float(WORD_SIMILARITY_THRESHOLD)}")
