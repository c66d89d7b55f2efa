"""The bank's words where PostgreSQL does not keep them: putting a mistyped word right on SQLite.

On PostgreSQL the words are the SearchWord table, kept by triggers, and pg_trgm compares them
(migration 0005, textbooks.search.correct). SQLite has neither, so here:

- `bank_words()` reads the distinct words of three letters or more of the titles and authors of
  offers, needs and the catalogue — what SearchWord holds on PostgreSQL — in one query, straight from
  their `search_text` (offers first, then needs, then the catalogue). The rows read are capped at
  ROWS_CAP (so the words at about eight a row, 200,000 with repeats), and a search costs the same
  whatever the bank's size: SQLite serves the site being tried out, and in a bank larger than that a
  typo is put right only to a word of the rows read first.
- `similarity()` is pg_trgm's similarity, computed the same way, so that a word is put right to
  the same word on both databases with the same WORD_SIMILARITY_THRESHOLD.
"""

from django.db import connection

from textbooks.models import Need, Offer, Textbook

ROWS_CAP = 25_000  # rows whose words are read: titles with their authors, about 200,000 words
MAX_WORD = 100  # SearchWord.word's length


def bank_words(cap=ROWS_CAP):
    """The distinct words of three letters or more of the bank's first `cap` rows, from `search_text`
    (words of [0-9a-zа-я] separated by single spaces, textbooks.keys)."""
    quote = connection.ops.quote_name
    texts = " UNION ALL ".join(
        f"SELECT search_text AS text FROM {quote(model._meta.db_table)}" for model in (Offer, Need, Textbook)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH RECURSIVE texts(rest) AS (SELECT text || ' ' FROM ({texts}) LIMIT %s),
                     split(word, rest) AS (
                         SELECT '', rest FROM texts
                         UNION ALL
                         SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
                           FROM split WHERE rest <> ''
                     )
                SELECT DISTINCT word FROM split WHERE length(word) BETWEEN 3 AND %s""",
            [cap, MAX_WORD],
        )
        return [word for (word,) in cursor.fetchall()]


def trigrams(word):
    """pg_trgm's trigrams of a word: «кот» → {'  к', ' ко', 'кот', 'от '} (two spaces before, one after)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(first, second):
    """pg_trgm's similarity(): the trigrams the words share among all the trigrams of both."""
    return _similarity(trigrams(first), trigrams(second))


def _similarity(first, second):
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared) if first or second else 0.0


def most_similar(word, candidates, threshold):
    """The candidate most similar to `word` (at least `threshold`; the first in order among equals), or None —
    as textbooks.search.correct orders them on PostgreSQL."""
    own = trigrams(word)
    size = len(own)
    best, best_score = None, threshold
    for candidate in candidates:
        # At most len(candidate) + 1 trigrams, and the shared ones are no more than the fewer trigrams:
        # a word much shorter or longer cannot reach the threshold.
        if len(candidate) + 1 < threshold * size:
            continue
        score = _similarity(own, trigrams(candidate))
        if score > best_score or (score == best_score and (best is None or candidate < best)):
            best, best_score = candidate, score
    return best
