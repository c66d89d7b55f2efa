"""Who may read and change what in the exchange bank. Every textbooks view goes through these helpers.

- Reading: the bank is the region's: every signed-in account reads every association's offers,
  needs and schools' bank pages (the bank page shows one's own association first and widens on
  request); a transfer is read by the accounts of the two schools' associations (404 for others).
- Changing: a librarian changes their own school's offers and needs, asks for copies for
  their school and decides on requests for their school's offers; the head does all of it
  for any school of the association; the committee changes nothing (403).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from members.access import Rights, require_member
from members.models import Account, School
from textbooks.models import Need, Offer, Transfer


def editable_schools(account: Account) -> QuerySet[School]:
    """The schools `account` acts for in the bank: all of the association for the head, their own for a librarian."""
    if account.is_head:
        return School.objects.filter(association=account.association)
    if account.acts_for_a_school:
        return School.objects.filter(pk=account.school_id_acted_for, association=account.association)
    return School.objects.none()


def schools_to_choose(account: Account) -> QuerySet[School] | None:
    """The schools a form offers to choose from: the head's association's; None for a librarian, who acts for
    her own school only (account.school)."""
    return editable_schools(account) if account.is_head else None


def _rights(account: Account, school: School) -> Rights:
    return Rights(edit=account.acts_for(school), manage=account.is_head)


def require_editor(request: HttpRequest) -> Account:
    """An account that acts for at least one school (else 403)."""
    account = require_member(request)
    if not account.acts_for_a_school:
        raise PermissionDenied
    return account


def get_offer_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Offer, Rights]:
    """(offer, Rights): an offer of any association (the bank is the region's); with `edit`, only the head of its
    association or the offering school's librarian (403)."""
    account = require_member(request)
    offer = get_object_or_404(Offer.objects.select_related("school", "textbook"), pk=pk)
    rights = _rights(account, offer.school)
    if edit and not rights.edit:
        raise PermissionDenied
    return offer, rights


def get_need_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Need, Rights]:
    """(need, Rights): a need of any association (the bank is the region's); with `edit`, only the head of its
    association or the needing school's librarian (403)."""
    account = require_member(request)
    need = get_object_or_404(Need.objects.select_related("school", "textbook"), pk=pk)
    rights = _rights(account, need.school)
    if edit and not rights.edit:
        raise PermissionDenied
    return need, rights


def get_school_for_bank(request: HttpRequest, pk: int, edit: bool = False) -> tuple[School, Rights]:
    """(school, Rights): a school's exchange page (any association's: the bank is the region's); with `edit`,
    its editors only (403)."""
    account = require_member(request)
    school = get_object_or_404(School, pk=pk)
    rights = _rights(account, school)
    if edit and not rights.edit:
        raise PermissionDenied
    return school, rights


GIVER, RECEIVER, EITHER = "giver", "receiver", "either"


def visible_transfers(account: Account) -> QuerySet[Transfer]:
    """The one rule for reading transfers: those where a school of the account's association gives or receives.
    The transfer's page and every list of transfers (a school's bank page) read through it."""
    return Transfer.objects.filter(
        Q(offer__school__association=account.association) | Q(to_school__association=account.association)
    )


@dataclass(frozen=True)
class TransferRights:
    """What the asker may do with a transfer: the sides she acts for, its history, its act."""

    sides: frozenset
    manage: bool  # the head's own actions: its history of changes
    act: bool  # read the act: the two schools, the head and the committee

    @property
    def is_giver(self):
        return GIVER in self.sides

    @property
    def is_receiver(self):
        return RECEIVER in self.sides


def get_transfer_for_user(
    request: HttpRequest, pk: int, side: str | None = None
) -> tuple[Transfer, TransferRights]:
    """(transfer, TransferRights): a transfer that involves a school of the asker's association (giving or
    receiving), or 404.

    `side`: GIVER — only the head or the offering school's librarian (agree, decline, hand over,
    take back); RECEIVER — the head or the receiving school's; EITHER — one of both (cancel). 403 otherwise.
    """
    account = require_member(request)
    transfer = get_object_or_404(
        visible_transfers(account).select_related("offer__school", "offer__textbook", "to_school", "need"),
        pk=pk,
    )
    sides = frozenset(transfer_sides(account, transfer))
    if side is not None and (not sides or (side != EITHER and side not in sides)):
        raise PermissionDenied
    return transfer, TransferRights(
        sides, manage=account.is_head, act=bool(sides) or account.reads_everything
    )


def transfer_sides(account: Account, transfer: Transfer) -> set[str]:
    """The sides of `transfer` the account acts for: a set of GIVER and RECEIVER."""
    sides = set()
    if account.acts_for(transfer.offer.school):
        sides.add(GIVER)
    if account.acts_for(transfer.to_school):
        sides.add(RECEIVER)
    return sides
