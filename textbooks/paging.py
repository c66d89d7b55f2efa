"""Pages of the bank's lists that cost the same at 30 rows and at 200,000.

Django's Paginator counts every row the list has, on every page: at 200,000 offers that count
alone is a scan of the table. Here the count stops at COUNT_CAP: up to it the page says exactly how
many were found («Найдено 734 предложения», «3 из 25»); beyond it, «Найдено больше 1000 предложений»
and the pages go on with «Дальше» (the page query reads one row more than it shows to know that
there is a next page).

Two queries a page whatever the list's size: the capped count, then the rows of one page (CappedPaginator). A search
with a typo takes two more (textbooks.search: the words put right, the count of what they find);
a search that finds more than the cap, one more (the planner's estimate, below).

How the page of a search is read. The rows found by the full-text index can be fetched all and
sorted (cost: the rows found), or the list's order can be walked until a page of them turns up
(cost: the rows walked). PostgreSQL picks the walk whenever it expects many rows, assuming they are
spread evenly — but a subject's name is the first word of its titles, so «химия» are all together
at the end of the alphabetical order, and the walk reads the whole table.
So a search reads its rows whole (`sorted_whole`) unless the planner expects more than WALK_ABOVE
of them, when they are everywhere and the walk is quick.
"""

import json
import math

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, TextField, Value
from django.db.models.functions import Concat
from django.utils.functional import cached_property

COUNT_CAP = 1000
WALK_ABOVE = 20000


class CappedPaginator:
    """Pages of a textbooks.search.Search (or of a plain queryset).

    A page is read in two steps within one query: the ids of its rows, from the filtered list alone; then
    those rows with what the page shows of them — `rows(queryset)` adds the joins and annotations
    (select_related, the matching flags). Joined first, the thousands of rows a search finds were each
    joined to their school and catalogue entry before all but thirty were thrown away.
    """

    def __init__(self, search, per_page, cap=None, rows=None):
        from textbooks.search import Search

        self.search = search if isinstance(search, Search) else None
        self.queryset = search.as_typed if self.search else search
        self.per_page = per_page
        self.cap = cap or COUNT_CAP
        self.rows = rows or (lambda queryset: queryset)

    def capped_count(self, queryset):
        """Rows of `queryset`, counted up to cap + 1."""
        return queryset.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def first_count(self):
        return self.capped_count(self.queryset)

    def get_page(self, number):
        """The page `number` (text from the URL is fine): a bad number gives the first page; one past
        the end, the last when the count is known, an empty page otherwise."""
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        queryset, count, corrected_words = self.queryset, self.first_count, None
        if not count and self.search is not None and self.search.can_correct:
            corrected = self.search.corrected()
            if corrected is None:
                return Page(self, 1, [], 0, has_next=False)
            queryset, count, corrected_words = (
                corrected,
                self.capped_count(corrected),
                self.search.corrected_words,
            )
        exact = count <= self.cap
        if exact:
            number = min(number, max(1, math.ceil(count / self.per_page)))
        ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
        if (
            self.search is not None
            and self.search.indexed
            and (exact or self.estimate(queryset) <= WALK_ABOVE)
        ):
            queryset = sorted_whole(queryset)
        offset = (number - 1) * self.per_page
        ids = queryset.values("pk")[offset : offset + self.per_page + 1]
        rows = list(self.rows(queryset.model._default_manager.filter(pk__in=ids)).order_by(*ordering))
        page = Page(
            self, number, rows[: self.per_page], count if exact else None, has_next=len(rows) > self.per_page
        )
        page.corrected_words = corrected_words
        return page

    @staticmethod
    def estimate(queryset):
        """How many rows PostgreSQL expects `queryset` to have (EXPLAIN: planning only, nothing is read)."""
        plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
        return plan[0]["Plan"]["Plan Rows"]


def sorted_whole(queryset):
    """`queryset` in the same order, written so that no index can hand the rows over in it: the rows
    are found through the filter's index and sorted (see the module's docstring).
    `title_key || ''` sorts as `title_key` does, but no index is built on it.
    """
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    if not ordering or not isinstance(ordering[0], str):
        return queryset
    first = ordering[0]
    descending, name = first.startswith("-"), first.lstrip("-")
    try:
        field = queryset.model._meta.get_field(name)
    except FieldDoesNotExist:
        return queryset  # an annotation: no index gives that order anyway
    if isinstance(field, (CharField, TextField)):
        expression = Concat(F(name), Value(""), output_field=field)
    else:
        expression = F(name) + 0
    return queryset.order_by(expression.desc() if descending else expression.asc(), *ordering[1:])


class Page:
    """What the templates read: the rows, the number, the neighbours, and the count when it is known.

    `paginator.count` is the exact number of rows found, or cap + 1 when there are more than the cap
    (`paginator.count_is_exact` says which); `paginator.num_pages` is None when unknown.
    """

    corrected_words = None  # the words searched for instead of the ones typed (a typo put right)

    def __init__(self, paginator, number, rows, exact_count, has_next):
        self.object_list = rows
        self.number = number
        self._has_next = has_next
        self.paginator = PageCount(paginator.per_page, paginator.cap, exact_count)

    @property
    def corrected_query(self):
        return " ".join(self.corrected_words or [])

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


class PageCount:
    def __init__(self, per_page, cap, exact_count):
        self.per_page = per_page
        self.cap = cap
        self.count_is_exact = exact_count is not None
        self.count = exact_count if exact_count is not None else cap + 1
        self.num_pages = max(1, math.ceil(exact_count / per_page)) if exact_count is not None else None
