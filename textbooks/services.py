"""Transfers into temporary use, and the copies an offer has left.

Where copies are reserved: **at agreement**. Asking reserves nothing — a school may ask for
copies another school has also asked for, and the offering school chooses whom to give them
to. Agreeing takes the copies out of the offer's `available`; cancelling an agreement
(before the hand-over) or a return puts them back; copies kept for good stay out.

Why it never goes below zero, also when two requests for the last copies are agreed at the
same moment (two tabs, the head and the librarian): every change of `available` runs in one
transaction that first locks the transfer's row, then the offer's row (`select_for_update`,
always in that order, so two of them cannot deadlock); the second waits for the first to
commit, then reads the copies the first has left and is refused if they are too few. The
database's check constraint `offer_available_within_copies` stands behind it. On SQLite,
which has no row locks, a write transaction locks the whole database instead.

tests/textbooks/test_concurrency.py proves it on PostgreSQL with parallel requests.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import School
from textbooks.models import Need, Offer, Transfer


class TransferError(Exception):
    """A step refused, with a Russian sentence for the person who asked for it."""


def copies_text(count: int) -> str:
    return ngettext("%(count)d экземпляр", "%(count)d экземпляров", count) % {"count": count}


def request_transfer(
    offer: Offer,
    to_school: School,
    copies: int,
    return_by: datetime.date,
    need: Need | None = None,
    note: str = "",
) -> Transfer:
    """`to_school` asks for `copies` of `offer`. Nothing is reserved yet (see the module's docstring)."""
    if offer.school_id == to_school.pk:
        raise TransferError(_("Это предложение вашей же школы."))
    if offer.is_withdrawn:
        raise TransferError(_("Школа сняла это предложение."))
    if copies > offer.available:
        raise TransferError(
            _("Свободно только %(available)s — запросите не больше.")
            % {"available": copies_text(offer.available)}
        )
    try:
        with (
            transaction.atomic()
        ):  # the partial unique index `transfer_one_waiting_request` decides, also in parallel
            return Transfer.objects.create(
                offer=offer, to_school=to_school, copies=copies, return_by=return_by, need=need, note=note
            )
    except IntegrityError as error:
        if not _one_waiting_request(error):
            raise
        raise TransferError(
            _("Ваша школа уже ждёт ответа на запрос этого учебника: дождитесь его или отмените запрос.")
        ) from None


def _one_waiting_request(error):
    """The integrity error is the index `transfer_one_waiting_request`'s (PostgreSQL names it; SQLite its columns)."""
    text = str(error)
    return (
        "transfer_one_waiting_request" in text
        or "textbooks_transfer.offer_id, textbooks_transfer.to_school_id" in text
    )


def _locked(transfer_pk):
    """The transfer and its offer, both locked for the rest of the transaction (transfer first, then offer)."""
    transfer = Transfer.objects.select_for_update().get(pk=transfer_pk)
    offer = Offer.objects.select_for_update().get(pk=transfer.offer_id)
    transfer.offer = offer
    return transfer, offer


def _require(transfer, *statuses):
    if transfer.status not in statuses:
        raise TransferError(
            _("Уже нельзя: передача в состоянии «%(status)s». Обновите страницу.")
            % {"status": transfer.get_status_display()}
        )


@transaction.atomic
def agree(transfer_pk: int) -> Transfer:
    """The offering school agrees: the copies leave the offer's `available`, or TransferError if too few are left."""
    transfer, offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.REQUESTED)
    if offer.available < transfer.copies:
        raise TransferError(
            _(
                "Свободно только %(available)s из запрошенных %(asked)d: откажите или попросите школу запросить меньше."
            )
            % {"available": copies_text(offer.available), "asked": transfer.copies}
        )
    offer.available -= transfer.copies
    offer.save(update_fields=["available", "updated_at"])
    transfer.status, transfer.decided_at = Transfer.Status.AGREED, timezone.now()
    transfer.save(update_fields=["status", "decided_at"])
    return transfer


@transaction.atomic
def decline(transfer_pk: int) -> Transfer:
    transfer, _offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.REQUESTED)
    transfer.status, transfer.decided_at = Transfer.Status.DECLINED, timezone.now()
    transfer.save(update_fields=["status", "decided_at"])
    return transfer


@transaction.atomic
def cancel(transfer_pk: int) -> Transfer:
    """A request withdrawn, or an agreement called off before the hand-over: agreed copies go back to the offer."""
    transfer, offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.REQUESTED, Transfer.Status.AGREED)
    if transfer.status == Transfer.Status.AGREED:
        offer.available += transfer.copies
        offer.save(update_fields=["available", "updated_at"])
    transfer.status = Transfer.Status.CANCELLED
    transfer.save(update_fields=["status"])
    return transfer


@transaction.atomic
def hand_over(transfer_pk: int, day: datetime.date, return_by: datetime.date | None = None) -> Transfer:
    transfer, _offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.AGREED)
    transfer.status, transfer.handed_over_on = Transfer.Status.HANDED_OVER, day
    if return_by:
        transfer.return_by = return_by
    if transfer.return_by < day:
        raise TransferError(_("Срок возврата не может быть раньше дня передачи."))
    transfer.save(update_fields=["status", "handed_over_on", "return_by"])
    return transfer


@transaction.atomic
def mark_returned(transfer_pk: int, day: datetime.date) -> Transfer:
    """The copies are back at the offering school: they are free to give again."""
    transfer, offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.HANDED_OVER)
    if day < transfer.handed_over_on:
        raise TransferError(_("Вернуть раньше, чем передали, нельзя: проверьте дату."))
    offer.available += transfer.copies
    offer.save(update_fields=["available", "updated_at"])
    transfer.status, transfer.returned_on = Transfer.Status.RETURNED, day
    transfer.save(update_fields=["status", "returned_on"])
    return transfer


@transaction.atomic
def keep(transfer_pk: int) -> Transfer:
    """The receiving school keeps the copies for good: they stay out of the offer."""
    transfer, _offer = _locked(transfer_pk)
    _require(transfer, Transfer.Status.HANDED_OVER)
    transfer.status = Transfer.Status.KEPT
    transfer.save(update_fields=["status"])
    return transfer


@transaction.atomic
def save_offer(offer: Offer) -> Offer:
    """Save an offer whose `copies` may have changed: `available` follows, the copies promised stay promised.

    TransferError when fewer copies are left than are promised or handed over.
    """
    if offer.pk is None:
        offer.available = offer.copies
        offer.save()
        return offer
    reserved = Offer.objects.select_for_update().values_list("copies", "available").get(pk=offer.pk)
    reserved = reserved[0] - reserved[1]
    if refusal := Offer.below_reserved(offer.copies, reserved):
        raise TransferError(refusal)
    offer.available = offer.copies - reserved
    offer.save()
    return offer


def save_need(need: Need) -> Need:
    """A new or changed need (what it asks for is checked by its form)."""
    need.save()
    return need


def close_need(need: Need) -> Need:
    """The school has what it needed: the need leaves the bank (its history stays)."""
    if not need.is_closed:
        need.closed_at = timezone.now()
        need.save(update_fields=["closed_at", "updated_at"])
    return need


@transaction.atomic
def withdraw_offer(offer: Offer) -> int:
    """The school takes its offer out of the bank; requests still waiting are declined. Agreed transfers go on."""
    Offer.objects.select_for_update().filter(pk=offer.pk).first()
    offer.withdrawn_at = timezone.now()
    offer.save(update_fields=["withdrawn_at", "updated_at"])
    return Transfer.objects.filter(offer=offer, status=Transfer.Status.REQUESTED).update(
        status=Transfer.Status.DECLINED, decided_at=timezone.now()
    )
