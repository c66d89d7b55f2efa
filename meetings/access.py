"""Who may read and edit a meeting. Every meeting view goes through these helpers.

- read: the signed-in accounts of its association (head, librarians, committee; a coordinator looking at it);
  a visitor reads only what a published protocol puts on the published plan (meetings.hooks), never this page;
- edit (the meeting, its agenda, attendance, protocol and materials): its association's head and its secretary;
- publish the protocol: the head;
- mark a decision done: the person responsible for it, the head and the secretary.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from events.models import Event
from meetings.models import AgendaItem, Decision, Material, Meeting
from members.access import Rights, get_account, require_member


def get_meeting_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Meeting, Rights]:
    """(meeting, Rights) of the plan event `pk` marked as a meeting — an unsaved Meeting when nothing is filled in
    yet — or 404 (not a meeting, another association's) / 403 (may not edit). Rights.edit: the head and the
    secretary; Rights.manage: the head (publishing)."""
    account = require_member(request)
    event = get_object_or_404(
        Event.objects.select_related("section__plan__association"),
        pk=pk,
        meeting_number__isnull=False,
        section__plan__association=account.association,
    )
    meeting = Meeting.objects.select_related("chair", "secretary").filter(event=event).first() or Meeting(
        event=event
    )
    meeting.event = event
    return meeting, _checked(request, meeting, edit)


def get_item_for_user(request: HttpRequest, pk: int, edit: bool = True) -> tuple[AgendaItem, Rights]:
    item = get_object_or_404(_mine(request, AgendaItem, "meeting"), pk=pk)
    return item, _checked(request, item.meeting, edit)


def get_material_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Material, Rights]:
    material = get_object_or_404(_mine(request, Material, "meeting"), pk=pk)
    return material, _checked(request, material.meeting, edit)


def get_decision_for_user(request: HttpRequest, pk: int, mark: bool = True) -> tuple[Decision, Rights]:
    """(decision, Rights) with Rights.edit: may mark it done (403 without, with `mark`)."""
    decision = get_object_or_404(_mine(request, Decision, "item__meeting"), pk=pk)
    meeting_rights = _checked(request, decision.item.meeting, edit=False)
    rights = Rights(
        edit=decision.can_be_marked_by(get_account(request)), manage=meeting_rights.manage, member=True
    )
    if mark and not rights.edit:
        raise PermissionDenied
    return decision, rights


def _mine(request, model, to_meeting):
    """`model`'s rows of the asker's association's meetings, with the meeting and its event at hand."""
    account = require_member(request)
    return model.objects.select_related(
        f"{to_meeting}__event__section__plan__association", f"{to_meeting}__secretary"
    ).filter(**{f"{to_meeting}__event__section__plan__association": account.association})


def _checked(request, meeting, edit):
    account = get_account(request)
    if account is None or account.association_id != meeting.plan.association_id:
        raise Http404
    rights = Rights(edit=meeting.can_be_edited_by(account), manage=account.is_head, member=True)
    if edit and not rights.edit:
        raise PermissionDenied
    return rights
