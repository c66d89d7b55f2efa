"""The bank's lists, each built in one place: the offers, the needs and the Federal List as a person filters
and searches them. A view validates its form, takes its criteria and asks one function here for a Search
(textbooks.search), which textbooks.paging cuts into pages."""

import datetime
from dataclasses import dataclass

from django.db import connection

from members.models import Association, School
from textbooks.keys import search_words
from textbooks.models import Need, Offer, Textbook
from textbooks.search import Search

REGION = "region"  # the scope that takes in every association


@dataclass(frozen=True)
class BankCriteria:
    """What a person asked of the bank's list (the filter form's valid values; empty when it was not valid)."""

    association: Association  # one's own: the list's scope unless `scope` widens it
    scope: str = ""  # "", REGION, or another association's pk
    subject: str = ""
    grade: int | None = None
    school: School | None = None
    fpu: str = ""
    q: str = ""


@dataclass(frozen=True)
class CatalogueCriteria:
    grade: int | None = None
    excluded: bool = False  # the entries the newer Federal List dropped, too
    q: str = ""


def _bank(queryset, criteria: BankCriteria, today: datetime.date):
    if criteria.scope == REGION:
        pass
    elif criteria.scope:
        queryset = queryset.filter(school__association_id=int(criteria.scope))
    else:
        queryset = queryset.for_association(criteria.association)
    if criteria.subject:
        queryset = queryset.filter(subject__iexact=criteria.subject)
    if criteria.grade:
        queryset = queryset.in_grade(criteria.grade)
    if criteria.school:
        queryset = queryset.filter(school=criteria.school)
    if criteria.fpu:
        queryset = queryset.with_fpu_status(criteria.fpu, today)
    return Search(queryset, criteria.q)


def bank_offers(criteria: BankCriteria, today: datetime.date) -> Search:
    """The active offers the criteria select, searched by their words."""
    return _bank(Offer.objects.active(), criteria, today)


def bank_needs(criteria: BankCriteria, today: datetime.date) -> Search:
    """The open needs the criteria select, searched by their words."""
    return _bank(Need.objects.open(), criteria, today)


def offer_rows(offers):
    """What the bank's list shows of an offer: its school and catalogue entry, the needs flag — in the same query."""
    return offers.select_related("school", "textbook").with_needs_flag()


def need_rows(needs):
    return needs.select_related("school", "textbook").with_offers_flag()


def catalogue(criteria: CatalogueCriteria) -> Search:
    """The Federal List's entries: those still listed unless `excluded`, of a grade, searched by their words."""
    textbooks = Textbook.objects.all()
    if not criteria.excluded:
        textbooks = textbooks.filter(excluded=False)
    if criteria.grade:
        textbooks = textbooks.filter(grade_from__lte=criteria.grade, grade_to__gte=criteria.grade)
    return Search(textbooks, criteria.q)


def catalogue_subjects():
    """The subjects of the Federal List in order, for the filter.

    One query that reads the index on `subject` once per subject (a loose index scan: a few dozen
    index probes, where DISTINCT would read all 20,000 entries of a regional list).
    """
    table = connection.ops.quote_name(Textbook._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH RECURSIVE subjects(subject) AS (
                    SELECT MIN(subject) FROM {table} WHERE subject > ''
                    UNION ALL
                    SELECT (SELECT MIN(t.subject) FROM {table} t WHERE t.subject > s.subject) FROM subjects s WHERE s.subject IS NOT NULL
                ) SELECT subject FROM subjects WHERE subject IS NOT NULL"""
        )
        return [subject for (subject,) in cursor.fetchall()]


SUGGESTIONS = 10  # entries suggested as one types a title
SUGGEST_QUERY_LENGTH = 200  # what is read of the typed text, as the catalogue's search field allows
SUGGEST_MIN_LETTERS = 2
SUGGEST_MAX_WORDS = 8  # «Русский язык 5 класс Ладыженская» is five


@dataclass(frozen=True)
class Suggestions:
    textbooks: list
    corrected_words: list | None = None  # the words looked for instead, when the typed ones found nothing


def catalogue_suggestions(query: str) -> Suggestions:
    """The Federal List's entries for what a person is typing in an offer's or a need's title: at most
    SUGGESTIONS, the listed ones first (an excluded entry still names a school's old copies), by the catalogue's
    search (a typo forgiven). Nothing for fewer than SUGGEST_MIN_LETTERS letters. At most three queries, whatever
    the list's size and however long the text."""
    words = search_words(query[:SUGGEST_QUERY_LENGTH])[:SUGGEST_MAX_WORDS]
    if sum(len(word) for word in words) < SUGGEST_MIN_LETTERS:
        return Suggestions([])
    textbooks = Textbook.objects.order_by("excluded", "fpu_number").only(
        "fpu_number", "title", "authors", "publisher", "grade_from", "grade_to", "excluded"
    )
    search = Search(textbooks, " ".join(words))
    found = list(search.as_typed[:SUGGESTIONS])
    if not found and (corrected := search.corrected()) is not None:
        found = list(corrected[:SUGGESTIONS])
    return Suggestions(found, search.corrected_words if found else None)
