"""The home page (/): the plans one may read, and for the head and a librarian what needs them now."""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone

from events.models import Plan
from home import dashboard
from meetings.queries import tracked_decisions
from members.access import get_account
from members.models import Association


def home(request):
    """The plans one may read (published ones for everybody, drafts too for the association's accounts),
    and for the head and a librarian what needs them now (home.dashboard)."""
    account = get_account(request)
    plans = Plan.objects.select_related("association").order_by("association__name", "-year_start")
    if account:
        plans = plans.filter(association=account.association) | plans.published()
    else:
        plans = plans.published()
    plans = list(plans.distinct())
    context = {
        "plans": plans,
        "plan_groups": plans_by_association(plans, account.association if account else None),
    }
    if account:
        context.update(_dashboard(account, timezone.localdate()))
    return render(request, "home/home.html", context)


@dataclass
class PlanGroup:
    association: Association
    plans: list
    own: bool  # one's own association (or the site's only one): listed in full, drafts too


def plans_by_association(plans, own_association):
    """The plans (in association-name, newest-year order) grouped by association, one's own first: on a region's
    site the other associations' ten years of plans each become one line of year links instead of ten rows."""
    groups = {}
    for plan in plans:
        groups.setdefault(plan.association_id, PlanGroup(plan.association, [], own=False)).plans.append(plan)
    groups = list(groups.values())
    for group in groups:
        group.own = len(groups) == 1 or group.association == own_association
    return sorted(groups, key=lambda group: not group.own)


def _dashboard(account, today):
    association = account.association
    if account.is_head:
        decisions = tracked_decisions(association)
        return {
            "decisions": decisions,
            "decisions_overdue": sum(decision.is_overdue(today) for decision in decisions),
            "upcoming": dashboard.upcoming_events(association, today),
            "overdue": dashboard.overdue_events(association, today),
            "attestations": dashboard.attestations_due(association, today),
            "late_rounds": dashboard.rounds_with_late_schools(association, today),
            "requests": dashboard.requests_waiting(association),
        }
    if account.is_librarian and account.person:
        school = account.person.school
        decisions = tracked_decisions(association, person=account.person)
        return {
            "decisions": decisions,
            "decisions_overdue": sum(decision.is_overdue(today) for decision in decisions),
            "upcoming": dashboard.upcoming_events(association, today, person=account.person),
            "owed": dashboard.reports_owed(school) if school else [],
            "requests": dashboard.requests_waiting(association, school) if school else [],
        }
    return {}
