"""The bank's search by title or author, forgiving a typo.

Offers, needs and catalogue entries keep `search_text`: title and authors in lower case with
Ё as Е and punctuation dropped (textbooks.keys). A query is cut into words the same way.

On PostgreSQL, so that it stays fast at 200,000 offers:

1. Every word must begin a word of the text: «алгеб 7» finds «Алгебра. 7 класс», «канакин» finds
   «Канакина». A full-text index answers it: the tsvector `search_words`, which PostgreSQL
   generates from `search_text` itself, with a GIN index (migration 0003), queried as
   `'алгеб':* & '7':*`. The rows come in the list's order (title, grade).
2. Only when nothing is found so — a typo — each word that begins no word of the bank is put
   right: the bank's own words (SearchWord, kept by triggers; migration 0005) are searched for the
   most similar one by pg_trgm's trigram similarity, at least WORD_SIMILARITY_THRESHOLD. «канакна»
   becomes «канакина», «атонасян» «атанасян»; the search then runs as in 1 with those words, and
   the page says what it looked for instead. A word with nothing similar enough finds nothing.

SQLite (trying the site out): every word as a substring of `search_text` (case and Ё/Е forgiven).
A typo is forgiven as in 2, with the same threshold, and the page says so in the same words: SQLite
has neither the triggers nor pg_trgm, so the bank's words are read from the rows' `search_text` (capped)
and compared by pg_trgm's similarity computed in Python (textbooks.words). A word is kept as typed there
when some word of the bank contains it — what the substring search finds.
"""

from django.db import connection
from django.db.models import Lookup
from django.db.models.expressions import Col

from textbooks.keys import search_words
from textbooks.words import bank_words, most_similar

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
        column = (
            f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name(WORDS_COLUMN)}"
        )
        rhs, params = self.process_rhs(compiler, connection)
        return f"{column} @@ to_tsquery('simple', {rhs})", params


def prefix_query(words):
    """The tsquery of the words as prefixes: «алгеб», «7» → "'алгеб':* & '7':*" (words are [0-9a-zа-я]+)."""
    return " & ".join(f"'{word}':*" for word in words)


class Search:
    """What a query finds in `queryset`.

    `as_typed` is the queryset of the rows found as the words were typed (on PostgreSQL through the
    full-text index: `indexed`); when it has none, `corrected()` gives the rows found with the words
    put right (on either database), `corrected_words` saying which. Both keep `queryset`'s ordering.
    """

    def __init__(self, queryset, query):
        self.base = queryset
        self.words = search_words(query)
        self.corrected_words = None
        self.indexed = bool(self.words) and is_postgresql()
        self.as_typed = self.matching(self.words) if self.words else queryset

    def matching(self, words):
        """The rows of the queryset that have every word: as beginnings of their words through the
        full-text index (PostgreSQL), as substrings of `search_text` (SQLite)."""
        if self.indexed:
            return self.base.filter(search_text__word_prefixes=prefix_query(words))
        queryset = self.base
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    @property
    def can_correct(self):
        return bool(self.words)

    def corrected(self):
        """The rows found with the words put right (one query to the bank's words), or None when a word
        has nothing similar enough, or when every word is fine as typed (then there is nothing to correct)."""
        if not self.can_correct:
            return None
        words = correct(self.words)
        if words is None or words == self.words:
            return None
        self.corrected_words = words
        return self.matching(words)

    def queryset(self):
        """The rows found: as typed, or else with the words put right (a query or two to find out)."""
        if not self.can_correct or self.as_typed.exists():
            return self.as_typed
        corrected = self.corrected()
        return corrected if corrected is not None else self.as_typed


def correct(words):
    """Each word as it is if it begins a word of the bank (or is shorter than three letters), else the
    bank's most similar word; None if some word has none similar enough. One query.

    On SQLite see correct_from_rows. On PostgreSQL `%` finds the candidates through the trigram index
    at pg_trgm's default threshold (0.3), and the similarity is then held to WORD_SIMILARITY_THRESHOLD:
    no per-connection setting is needed.
    """
    if not is_postgresql():
        return correct_from_rows(words)
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT q.position,
                      EXISTS (SELECT 1 FROM textbooks_searchword s WHERE s.word LIKE q.word || '%%'),
                      (SELECT s.word FROM textbooks_searchword s
                        WHERE s.word %% q.word AND similarity(s.word, q.word) >= %s
                        ORDER BY similarity(s.word, q.word) DESC, s.word LIMIT 1)
                 FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, position)""",
            [WORD_SIMILARITY_THRESHOLD, list(words)],
        )
        found = {position: (known, similar) for position, known, similar in cursor.fetchall()}
    return _put_right(words, [found[position] for position in range(1, len(words) + 1)])


def correct_from_rows(words):
    """`correct` where the bank keeps no word list (SQLite): the words are read from the rows (one query,
    capped: textbooks.words.bank_words), a word is known when one of them contains it, and the most
    similar is chosen by pg_trgm's similarity — the same threshold, the same order among equals."""
    candidates = bank_words()
    found = []
    for word in words:
        known = any(word in candidate for candidate in candidates)
        similar = None
        if not known and len(word) >= MIN_TRIGRAM_WORD:
            similar = most_similar(word, candidates, WORD_SIMILARITY_THRESHOLD)
        found.append((known, similar))
    return _put_right(words, found)


def _put_right(words, found):
    """The words with each unknown one replaced by its similar word; None when one has none.
    `found`: for each word, whether the bank knows it and its most similar word in the bank."""
    result = []
    for word, (known, similar) in zip(words, found, strict=True):
        if known or len(word) < MIN_TRIGRAM_WORD:
            result.append(word)
        elif similar:
            result.append(similar)
        else:
            return None
    return result


def search(queryset, query):
    """`queryset` narrowed to the rows whose title or authors match `query` (see Search).

    Returns the queryset unchanged for an empty query.
    """
    return Search(queryset, query).queryset()
