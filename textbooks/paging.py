"""Pages of the bank's lists that cost the same at 30 rows and at 200,000.

Django's Paginator counts every row the list has, on every page: at 200,000 offers that count
alone is a scan of the table. Here the count stops at COUNT_CAP: up to it the page says exactly how
many were found («Найдено 734 предложения», «3 из 25»); beyond it, «Найдено больше 1000 предложений»
and the pages go on with «Дальше» (the page query reads one row more than it shows to know that
there is a next page).

Two queries per page whatever the list's size: the capped count of the first tier of the search
(textbooks.search.Search), then the rows of one page — of that tier, or, when it has none, of the
typo tier, whose rows carry their own total.
"""

import math

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, TextField, Value
from django.db.models.functions import Concat
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator:
    """Pages of a textbooks.search.Search (or of a plain queryset)."""

    def __init__(self, search, per_page, cap=None):
        self.tiers = list(getattr(search, "tiers", [search]))
        self.per_page = per_page
        self.cap = cap or COUNT_CAP

    @cached_property
    def first_count(self):
        """Rows of the first tier, counted up to cap + 1."""
        return self.tiers[0].order_by().values("pk")[: self.cap + 1].count()

    def get_page(self, number):
        """The page `number` (text from the URL is fine): a bad number gives the first page; one past the end,
        the last when the count is known (the first, for the typo tier), an empty page otherwise."""
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        count = self.first_count
        if count or len(self.tiers) == 1:
            exact = count <= self.cap
            if exact:
                number = min(number, max(1, math.ceil(count / self.per_page)))
            offset = (number - 1) * self.per_page
            tier = self.tiers[0] if not exact else sorted_whole(self.tiers[0])
            rows = list(tier[offset : offset + self.per_page + 1])
            return Page(self, number, rows[: self.per_page], count if exact else None, has_next=len(rows) > self.per_page)
        # The typo tier: ranked whole anyway, so its rows carry the total (search_total) from the same query.
        offset = (number - 1) * self.per_page
        rows = list(self.tiers[1][offset : offset + self.per_page])
        total = rows[0].search_total if rows else 0
        if not rows and number > 1:
            return self.get_page(1)
        return Page(self, number, rows, total, has_next=offset + len(rows) < total)


def sorted_whole(queryset):
    """`queryset` in the same order, written so that no index can hand the rows over in it.

    When few rows match (up to the cap), fetching them all through the filter's index and sorting
    them is quick; walking an index in the list's order and skipping the rows that do not match is
    not — and PostgreSQL, not knowing how few there are, may choose the walk. `title_key || ''` sorts
    as `title_key` does, but no index is built on it.
    """
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    if not ordering or not isinstance(ordering[0], str):
        return queryset
    first = ordering[0]
    descending, name = first.startswith("-"), first.lstrip("-")
    try:
        field = queryset.model._meta.get_field(name)
    except FieldDoesNotExist:
        return queryset  # an annotation (the typo tier's rank): no index gives that order anyway
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

    def __init__(self, paginator, number, rows, exact_count, has_next):
        self.object_list = rows
        self.number = number
        self._has_next = has_next
        self.paginator = PageCount(paginator.per_page, paginator.cap, exact_count)

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
