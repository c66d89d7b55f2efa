"""Who may read and change what in the exchange bank. Every textbooks view goes through these helpers.

- Reading: the bank is the region's: every signed-in account reads every association's offers,
  needs and schools' bank pages (the bank page shows one's own association first and widens on
  request); a transfer is read by the accounts of the two schools' associations (404 for others).
- Changing: a librarian changes their own school's offers and needs, asks for copies for
  their school and decides on requests for their school's offers; the head does all of it
  for any school of the association; the committee changes nothing (403).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from members.access import can_edit_school, require_member
from members.models import School
from textbooks.models import Need, Offer, Transfer


def editable_schools(account):
    """The schools `account` acts for in the bank: all of the association for the head, their own for a librarian."""
    if account.is_head:
        return School.objects.filter(association=account.association)
    if account.role == account.Role.LIBRARIAN and account.person is not None and account.person.school_id:
        return School.objects.filter(pk=account.person.school_id, association=account.association)
    return School.objects.none()


def own_school(account):
    """A librarian's school (None for the head, the committee, or a librarian not placed in a school)."""
    if account.role == account.Role.LIBRARIAN and account.person is not None:
        return account.person.school
    return None


def acts_for_a_school(account):
    """The head, or a librarian placed in a school: who may add offers and needs and ask for copies (no query)."""
    return account.is_head or (
        account.role == account.Role.LIBRARIAN
        and account.person is not None
        and account.person.school_id is not None
    )


def require_editor(request):
    """An account that acts for at least one school (else 403)."""
    account = require_member(request)
    if not acts_for_a_school(account):
        raise PermissionDenied
    return account


def get_offer_for_user(request, pk, edit=False):
    """An offer of any association (the bank is the region's); with `edit`, only the head of its association
    or the offering school's librarian (403)."""
    account = require_member(request)
    offer = get_object_or_404(Offer.objects.select_related("school", "textbook"), pk=pk)
    if edit and not can_edit_school(account, offer.school):
        raise PermissionDenied
    return offer


def get_need_for_user(request, pk, edit=False):
    """A need of any association (the bank is the region's); with `edit`, only the head of its association
    or the needing school's librarian (403)."""
    account = require_member(request)
    need = get_object_or_404(Need.objects.select_related("school", "textbook"), pk=pk)
    if edit and not can_edit_school(account, need.school):
        raise PermissionDenied
    return need


def get_school_for_bank(request, pk, edit=False):
    """A school's exchange page (any association's: the bank is the region's); with `edit`, its editors only (403)."""
    account = require_member(request)
    school = get_object_or_404(School, pk=pk)
    if edit and not can_edit_school(account, school):
        raise PermissionDenied
    return school


GIVER, RECEIVER, EITHER = "giver", "receiver", "either"


def visible_transfers(account):
    """The one rule for reading transfers: those where a school of the account's association gives or receives.
    The transfer's page and every list of transfers (a school's bank page) read through it."""
    return Transfer.objects.filter(
        Q(offer__school__association=account.association) | Q(to_school__association=account.association)
    )


def get_transfer_for_user(request, pk, side=None):
    """A transfer that involves a school of the asker's association (giving or receiving), or 404.

    `side`: GIVER — only the head or the offering school's librarian (agree, decline, hand over,
    take back); RECEIVER — the head or the receiving school's; EITHER — one of both (cancel). 403 otherwise.
    """
    account = require_member(request)
    transfer = get_object_or_404(
        visible_transfers(account).select_related("offer__school", "offer__textbook", "to_school", "need"),
        pk=pk,
    )
    if side is not None:
        sides = transfer_sides(account, transfer)
        if not sides or (side != EITHER and side not in sides):
            raise PermissionDenied
    return transfer


def transfer_sides(account, transfer):
    """The sides of `transfer` the account acts for: a set of GIVER and RECEIVER."""
    sides = set()
    if can_edit_school(account, transfer.offer.school):
        sides.add(GIVER)
    if can_edit_school(account, transfer.to_school):
        sides.add(RECEIVER)
    return sides
