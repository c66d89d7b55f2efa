"""The results computed from the score sheets: an entry's total is, criterion by criterion, the mean of the jury
members who scored it, summed — so a jury member who did not score an entry neither lowers nor raises it. Places
go by the total within the category; equal totals share a place and take the places after them, as in sport
(I, II, II, then IV — no III): ties do not multiply the prizes. The head may change any of them before confirming
(services.confirm_places)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from contests.models import Contest, Entry, Score

HUNDREDTH = Decimal("0.01")
NO_SCORE = "—"


def score_text(value):
    """«9,5», «22», «—» for no score: a Russian decimal comma, no trailing zeros."""
    if value is None:
        return NO_SCORE
    text = f"{Decimal(value).quantize(HUNDREDTH):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass
class Result:
    entry: Entry
    total: Decimal | None  # None: nobody scored it yet
    by_criterion: dict = field(default_factory=dict)  # criterion_id -> mean Decimal
    suggested: int | None = None


def totals(entries, scores):
    """{entry_id: (total or None, {criterion_id: mean})} from the Score rows of these entries."""
    cells = defaultdict(list)
    for score in scores:
        cells[(score.entry_id, score.criterion_id)].append(score.value)
    means = defaultdict(dict)
    for (entry_id, criterion_id), values in cells.items():
        means[entry_id][criterion_id] = (sum(values) / len(values)).quantize(HUNDREDTH, ROUND_HALF_UP)
    return {
        entry.pk: (sum(means[entry.pk].values()) if means[entry.pk] else None, means[entry.pk])
        for entry in entries
    }


def rank(results, places):
    """Sets `suggested` on each Result of one category: 1 + how many have a higher total, up to `places`."""
    scored = sorted((r.total for r in results if r.total is not None and r.total > 0), reverse=True)
    for result in results:
        if result.total is None or result.total <= 0:
            result.suggested = None
            continue
        place = 1 + sum(1 for total in scored if total > result.total)
        result.suggested = place if place <= places else None


def results(contest: Contest, entries=None):
    """[(category, [Result …] best first)] for every category of the contest, in its order — two queries (three
    without `entries`)."""
    if entries is None:
        entries = list(contest.entries.select_related("school", "category", "participant", "mentor"))
    found = totals(entries, Score.objects.filter(entry__contest=contest))
    by_category = defaultdict(list)
    for entry in entries:
        total, means = found[entry.pk]
        by_category[entry.category_id].append(Result(entry, total, means))
    grouped = []
    for category in contest.categories.all():
        rows = by_category.get(category.pk, [])
        rank(rows, contest.places)
        rows.sort(key=lambda r: (_place(r, contest) or 99, -(r.total or 0), r.entry.name))
        grouped.append((category, rows))
    return grouped


def suggested_places(contest: Contest) -> dict:
    """{entry_id: suggested place or None}"""
    return {r.entry.pk: r.suggested for _category, rows in results(contest) for r in rows}


def _place(result, contest):
    """The confirmed place once the head confirmed them, the suggested one before."""
    return result.entry.place if contest.places_confirmed else result.suggested
