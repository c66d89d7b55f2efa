"""Who may read and edit a plan. Every plan view goes through these helpers.

- a published plan: anyone, signed in or not;
- a draft: the signed-in accounts of its association (head, librarians, committee);
- editing: the head of its association only.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from core.years import parse_academic_year
from events.models import Event, Plan, Section
from members.access import Rights, is_head_of, is_member_of


class PlanNotPublished(Http404):
    """A draft plan at its own address, for someone who may not read it: still a 404, whose page says only «План ещё
    не опубликован» and what to do (gto_shb.errors) — nothing else of the plan."""


def can_read(request: HttpRequest, plan: Plan) -> bool:
    return plan.is_published or is_member_of(request, plan.association)


def can_edit(request: HttpRequest, plan: Plan) -> bool:
    return is_head_of(request, plan.association)


def shows_names(request: HttpRequest, plan: Plan) -> bool:
    """The plan's people by name: for its association's accounts; everyone else reads it as the public does,
    names only with each person's consent to publishing them (Person.public_name)."""
    return is_member_of(request, plan.association)


def get_plan_for_user(request: HttpRequest, slug: str, year: str, edit: bool = False) -> tuple[Plan, Rights]:
    """(plan, Rights): the plan at /plans/<slug>/<year>/, or 404 (unknown; PlanNotPublished: a draft the visitor
    may not see) / 403 (may not edit). Rights.edit: the head's; Rights.member: names shown, the analysis readable."""
    try:
        year_start = parse_academic_year(year)
    except ValueError:
        raise Http404 from None
    plan = get_object_or_404(
        Plan.objects.select_related("association"), association__slug=slug, year_start=year_start
    )
    if not can_read(request, plan):
        raise PlanNotPublished
    return _checked(request, plan, edit)


def get_section_for_user(request: HttpRequest, pk: int, edit: bool = True) -> tuple[Section, Rights]:
    section = get_object_or_404(Section.objects.select_related("plan__association"), pk=pk)
    _plan, rights = _checked(request, section.plan, edit)
    return section, rights


def get_event_for_user(request: HttpRequest, pk: int, edit: bool = True) -> tuple[Event, Rights]:
    event = get_object_or_404(Event.objects.select_related("section__plan__association"), pk=pk)
    _plan, rights = _checked(request, event.section.plan, edit)
    return event, rights


def _checked(request, plan, edit):
    if not can_read(request, plan):
        raise Http404
    head = can_edit(request, plan)
    rights = Rights(edit=head, manage=head, member=shows_names(request, plan))
    if edit and not rights.edit:
        raise PermissionDenied
    return plan, rights
