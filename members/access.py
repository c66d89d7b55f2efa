"""Who is asking: the account behind a request, and what it may read and edit in the members app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

if TYPE_CHECKING:
    from django.http import HttpRequest

    from members.models import Account, Association, Person, School


@dataclass(frozen=True)
class Rights:
    """What the asker may do with the object a getter returned: views and templates read these, never roles."""

    edit: bool = False  # change it
    manage: bool = False  # the head's own actions on it: its history of changes, a login, what only she fills
    contacts: bool = False  # read a person's private contacts and consents
    member: bool = False  # one of the object's association's accounts (a plan's drafts, names and analysis)


def get_account(request: HttpRequest) -> Account | None:
    """The signed-in person's Account (with its association and person), or None for a visitor.

    One query per request: the answer is kept on the request.
    """
    if not hasattr(request, "_account"):
        from members.models import Account

        user = request.user
        account = (
            Account.objects.select_related("association", "person").filter(user=user).first()
            if user.is_authenticated
            else None
        )
        if account is not None and account.role == Account.Role.COORDINATOR:
            account = account.acting_in(coordinated_association(request))
        request._account = account
    return request._account


COORDINATED_KEY = "coordinated_association"


def coordinated_association(request: HttpRequest) -> Association | None:
    """The association a regional coordinator is looking at (chosen on the region page; the first by default)."""
    from members.models import Association

    chosen = request.session.get(COORDINATED_KEY)
    associations = Association.objects.order_by("name")
    return (chosen and associations.filter(pk=chosen).first()) or associations.first()


def is_head_of(request: HttpRequest, association: Association) -> bool:
    account = get_account(request)
    return account is not None and account.is_head and account.association_id == association.pk


def is_member_of(request: HttpRequest, association: Association) -> bool:
    """Any signed-in account of the association: head, librarian or committee viewer."""
    account = get_account(request)
    return account is not None and account.association_id == association.pk


def get_person_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[Person, Rights]:
    """(person, Rights): a person of the asker's association, or 404; with `edit`, only the head or the person
    themselves (else 403)."""
    from members.models import Person

    account = require_member(request)
    person = get_object_or_404(
        Person.objects.select_related("school"), pk=pk, association=account.association
    )
    rights = Rights(
        edit=can_edit_person(account, person),
        manage=account.is_head,
        contacts=can_see_contacts(account, person),
    )
    if edit and not rights.edit:
        raise PermissionDenied
    return person, rights


def can_edit_person(account: Account, person: Person) -> bool:
    """The head of the person's association, or the person herself: who edits the card, its courses and portfolio,
    and takes «Мои данные»."""
    return account.association_id == person.association_id and (
        account.is_head or account.person_id == person.pk
    )


def get_school_for_user(request: HttpRequest, pk: int, edit: bool = False) -> tuple[School, Rights]:
    """(school, Rights): a school of the asker's association, or 404; with `edit`, only the head or a librarian of
    that school (else 403)."""
    from members.models import School

    account = require_member(request)
    school = get_object_or_404(School, pk=pk, association=account.association)
    rights = Rights(edit=account.acts_for(school), manage=account.is_head)
    if edit and not rights.edit:
        raise PermissionDenied
    return school, rights


def can_see_contacts(account: Account, person: Person) -> bool:
    """Private contacts: the head, the committee and the person themselves; not the other librarians."""
    return account.reads_everything or account.person_id == person.pk


def require_head(request: HttpRequest) -> Account:
    account = require_member(request)
    if not account.is_head:
        raise PermissionDenied
    return account


def require_reader_of_all(request: HttpRequest) -> Account:
    """The head or the committee: the overviews of the whole association."""
    account = require_member(request)
    if not account.reads_everything:
        raise PermissionDenied
    return account


def require_member(request: HttpRequest) -> Account:
    account = get_account(request)
    if account is None:
        raise PermissionDenied
    return account
