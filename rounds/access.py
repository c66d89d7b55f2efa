"""Who may see and fill report rounds.

- the head: opens rounds, sees every school's answers, reopens a submitted report;
- the committee: reads every round and answer;
- a librarian: sees and fills only their own school's reports, and only until they are submitted.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from members.access import require_member
from rounds.models import Report, Round


def get_round_for_user(request, pk):
    """A round's page with every school's answers: the head and the committee only."""
    account = require_member(request)
    round_ = get_object_or_404(Round, pk=pk, association=account.association)
    if account.role == account.Role.LIBRARIAN:
        raise PermissionDenied
    return round_


def get_report_for_user(request, pk, edit=False):
    """One school's report; a librarian gets 404 for another school's. With `edit`: not once submitted (403)."""
    account = require_member(request)
    report = get_object_or_404(
        Report.objects.select_related("round", "school"), pk=pk, round__association=account.association
    )
    if account.role == account.Role.LIBRARIAN and (
        account.person is None or account.person.school_id != report.school_id
    ):
        raise Http404
    if edit and (account.role == account.Role.VIEWER or report.is_submitted):
        raise PermissionDenied
    return report


def school_of(account):
    """The school whose reports a librarian fills, or None."""
    if account.role == account.Role.LIBRARIAN and account.person is not None:
        return account.person.school
    return None
