"""Who may see and fill report rounds.

- the head: opens, edits, closes and reopens rounds, sees every school's answers, reopens a submitted report;
- the committee: reads every round and answer;
- a librarian: sees and fills only their own school's reports, and only until they are submitted or the round is
  closed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from members.access import Rights, require_member
from members.models import Account
from rounds.models import Kind, Report, Round


def get_round_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Round, Rights]:
    """(round, Rights): a round's page with every school's answers: the head and the committee only (403).
    With `edit` (changing, closing, reopening the round, reminding the late): the head only (403).
    Rights.edit and Rights.manage: the head's."""
    account = require_member(request)
    round_ = get_object_or_404(Round, pk=pk, association=account.association)
    if not account.reads_everything:
        raise PermissionDenied
    rights = Rights(edit=account.is_head, manage=account.is_head)
    if edit and not rights.edit:
        raise PermissionDenied
    return round_, rights


def get_report_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Report, Rights]:
    """(report, Rights): one school's report; a librarian gets 404 for another school's. With `edit`: not once
    submitted, nor in a closed round, never by the committee (403). Rights.edit: the report may be filled now;
    Rights.manage: the head's reopening and history."""
    account = require_member(request)
    report = get_object_or_404(
        Report.objects.select_related("round", "school"), pk=pk, round__association=account.association
    )
    if account.is_librarian and not account.acts_for(report.school):
        raise Http404
    rights = Rights(
        edit=not (account.is_reader or report.is_submitted or report.round.is_closed), manage=account.is_head
    )
    if edit and not rights.edit:
        raise PermissionDenied
    return report, rights


def get_provision_form_for_user(request: HttpRequest, pk: int) -> tuple[Report, Rights]:
    """(report, Rights): a provision report's form to fill in Excel — for whoever fills it: the school's librarian
    and the head; the committee, which fills nothing, is refused (403). Another school's report is not there for a
    librarian (404), nor is the form of a report of another kind (404)."""
    report, rights = get_report_for_user(request, pk)
    if report.round.kind != Kind.PROVISION:
        raise Http404
    if require_member(request).is_reader:
        raise PermissionDenied
    return report, rights


def may_make_needs(account: Account) -> bool:
    """Who turns a provision report's missing copies into the bank's needs: the head and the school's librarian."""
    return not account.is_reader
