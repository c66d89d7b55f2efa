"""The rounds' lists, each built in one place: a school's reports, an association's rounds with their progress."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from members.models import Association, School
from rounds.models import Report, Round


def school_reports(school: School | None) -> QuerySet[Report] | list:
    """The reports a school owes and has sent, drafts first, the latest deadline first; none without a school."""
    if school is None:
        return []
    return Report.objects.filter(school=school).select_related("round").order_by("status", "-round__deadline")


def rounds_with_progress(association: Association) -> QuerySet[Round]:
    """Every round of the association with how many schools it asked and how many have submitted."""
    return Round.objects.filter(association=association).annotate(
        asked=Count("reports"), submitted=Count("reports", filter=Q(reports__status=Report.Status.SUBMITTED))
    )
