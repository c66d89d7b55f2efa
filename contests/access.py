"""Who may read and change a contest. Every contest view goes through these helpers.

- read the contest, its entries' list and its results: the signed-in accounts of its association (head,
  librarians, committee; a coordinator looking at it) — a librarian's list of entries shows her own school's only;
  a visitor reads only the published results on the published plan (contests.hooks), never these pages;
- set it up, confirm the places, publish, issue the certificates: its association's head;
- add and change an entry: the head until the places are confirmed, and a librarian of the entry's school while
  the contest accepts entries (before the deadline, or reopened by the head; never after the places are confirmed);
- before the places are confirmed, a librarian reads her own school's entries and results only (sees_all_entries);
- fill a score sheet: the jury member herself, and the head (for a guest of the jury, or on anyone's behalf);
- a work's file: those who may change the entry, the jury, the head and the committee.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from contests.models import Contest, Entry, JuryMember
from events.models import Event
from members.access import Rights, get_account, require_member


def get_event_for_setup(request: HttpRequest, pk: int) -> Contest:
    """The contest of the plan event `pk` for the head to set up — an unsaved one when it is not a contest yet —
    or 404 (another association's event) / 403 (not the head)."""
    account = require_member(request)
    event = get_object_or_404(
        Event.objects.select_related("section__plan__association"),
        pk=pk,
        section__plan__association=account.association,
        meeting_number__isnull=True,  # a meeting is not a contest
    )
    if not account.is_head:
        raise PermissionDenied
    contest = Contest.objects.filter(event=event).first() or Contest(event=event)
    contest.event = event
    return contest


def get_contest_for_user(request: HttpRequest, pk: int, manage: bool = False) -> tuple[Contest, Rights]:
    """(contest, Rights) of the plan event `pk`, or 404 (not a contest, another association's) / 403 (with
    `manage`, not the head). Rights.manage: the head; Rights.edit: may add an entry now."""
    account = require_member(request)
    contest = get_object_or_404(
        Contest.objects.select_related("event__section__plan__association"),
        pk=pk,
        event__section__plan__association=account.association,
    )
    rights = Rights(
        edit=(account.is_head and not contest.places_confirmed)
        or (account.school_id_acted_for is not None and contest.accepts_entries()),
        manage=account.is_head,
        member=True,
    )
    if manage and not rights.manage:
        raise PermissionDenied
    return contest, rights


def get_entry_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Entry, Rights]:
    """(entry, Rights): an entry of the asker's association's contests that she may see (her own school's, or any
    for the head, the committee and the contest's jury), else 404; with `edit`, 403 unless she may change it now."""
    account = require_member(request)
    entry = get_object_or_404(
        Entry.objects.select_related("contest__event__section__plan__association", "school", "category"),
        pk=pk,
        contest__event__section__plan__association=account.association,
    )
    may_change = can_change_entry(account, entry)
    sees = account.reads_everything or account.acts_for(entry.school) or is_jury(account, entry.contest)
    if not sees:
        raise Http404
    if edit and not may_change:
        raise PermissionDenied
    return entry, Rights(edit=may_change, manage=account.is_head, member=True)


def can_change_entry(account, entry) -> bool:
    """The head until the places are confirmed; a librarian of its school while the contest accepts entries."""
    if account.is_head:
        return entry.school.association_id == account.association_id and not entry.contest.places_confirmed
    return account.acts_for(entry.school) and entry.contest.accepts_entries()


def sees_all_entries(account, contest) -> bool:
    """Every school's entries and scores: the head, the committee and the jury always; a librarian once the places
    are confirmed (before, she sees her own school's only)."""
    return account.reads_everything or is_jury(account, contest) or contest.places_confirmed


def school_of_entries(request: HttpRequest, contest: Contest):
    """Whose entries the asker may list and add: None for all schools (the head, the committee, the jury), else
    her own school (a librarian) — 403 for a librarian placed in no school."""
    account = require_member(request)
    if account.reads_everything or is_jury(account, contest):
        return None
    if account.school_id_acted_for is None:
        raise PermissionDenied
    return account.school


def school_to_enter(request: HttpRequest, contest: Contest):
    """For whom the asker adds entries: None for the head (who chooses the school), her school for a librarian;
    403 for anyone else (the committee, a librarian placed in no school). Whether the contest still accepts
    entries is Rights.edit of get_contest_for_user."""
    account = require_member(request)
    if account.is_head:
        return None
    if account.school_id_acted_for is None:
        raise PermissionDenied
    return account.school


def is_jury(account, contest) -> bool:
    return account.person_id is not None and any(m.person_id == account.person_id for m in contest.jury.all())


def get_jury_for_user(request: HttpRequest, pk: int) -> JuryMember:
    """The jury member `pk` whose score sheet the asker fills: herself, or any for the head — 404 for another
    association's, 403 for someone else's sheet."""
    account = require_member(request)
    member = get_object_or_404(
        JuryMember.objects.select_related("contest__event__section__plan__association", "person"),
        pk=pk,
        contest__event__section__plan__association=account.association,
    )
    if not member.can_score(account):
        raise PermissionDenied
    return member


def may_download_certificates(request: HttpRequest, contest: Contest):
    """Whose certificates the asker downloads: None for all (the head, the committee), her school for a librarian;
    403 for anyone else."""
    account = get_account(request)
    if account is None or account.association_id != contest.plan.association_id:
        raise Http404
    if account.reads_everything:
        return None
    if account.school_id_acted_for is None:
        raise PermissionDenied
    return account.school
