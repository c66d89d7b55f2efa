"""The regional coordinator's summary: for each association, how its year's plan is done, the textbook
provision its schools reported in the last round, and the copies its schools handed to others.

A fixed number of queries whatever the number of associations.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from core.years import academic_year_bounds
from events.models import Event, Plan
from members.models import Association
from rounds.models import Kind, ProvisionLine, Report, Round
from textbooks.models import Transfer


@dataclass
class AssociationSummary:
    association: Association
    events: int = 0
    done: int = 0
    provision_round: Round | None = None
    students: int = 0
    available: int = 0
    copies_moved: int = 0

    @property
    def done_percent(self):
        return round(self.done * 100 / self.events) if self.events else None

    @property
    def provision_percent(self):
        return min(100, round(self.available * 100 / self.students)) if self.students else None


def regional_summary(year_start):
    associations = list(Association.objects.order_by("name"))
    rows = {a.pk: AssociationSummary(a) for a in associations}
    for plan in Plan.objects.filter(year_start=year_start).annotate(
        total=Count("sections__events"),
        done=Count("sections__events", filter=Q(sections__events__status=Event.Status.DONE)),
    ):
        rows[plan.association_id].events, rows[plan.association_id].done = plan.total, plan.done
    latest = {}
    for round_ in Round.objects.filter(kind=Kind.PROVISION).order_by("association_id", "-deadline", "-pk"):
        latest.setdefault(round_.association_id, round_)
    totals = (
        ProvisionLine.objects.filter(
            report__round__in=latest.values(), report__status=Report.Status.SUBMITTED
        )
        .values("report__round__association_id")
        .annotate(students=Sum("students"), available=Sum("available"))
    )
    for association_id, round_ in latest.items():
        rows[association_id].provision_round = round_
    for total in totals:
        row = rows[total["report__round__association_id"]]
        row.students, row.available = total["students"], total["available"]
    first_day, last_day = academic_year_bounds(year_start)
    moved = (
        Transfer.objects.filter(handed_over_on__range=(first_day, last_day))
        .values("offer__school__association_id")
        .annotate(copies=Sum("copies"))
    )
    for entry in moved:
        rows[entry["offer__school__association_id"]].copies_moved = entry["copies"]
    return [rows[a.pk] for a in associations]
