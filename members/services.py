from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Account, Association, Person

DEFAULT_ASSOCIATION = {
    "name": "Городское творческое объединение школьных библиотекарей",
    "short_name": "ГТО ШБ",
    "slug": "gto-shb",
}


def get_association(slug: str | None = None) -> Association:
    """The association a command works on: by slug; else the only one there is (created if none).

    ValueError with a Russian sentence when the choice is not clear.
    """
    if slug:
        try:
            return Association.objects.get(slug=slug)
        except Association.DoesNotExist:
            raise ValueError(f"Объединение с адресом «{slug}» не найдено.") from None
    associations = list(Association.objects.order_by("slug"))
    if not associations:
        return Association.objects.create(**DEFAULT_ASSOCIATION)
    if len(associations) > 1:
        named = "; ".join(f"{association.slug} — {association.name}" for association in associations)
        raise ValueError(
            f"На сайте несколько объединений, укажите нужное через --association АДРЕС: {named}."
        )
    return associations[0]


def find_or_create_person(association: Association, printed_name: str) -> Person:
    """The person a printed name («Саблина В.И.») stands for; created if the association has none yet.

    Returns (person, created).
    """
    person = Person.objects.filter(association=association, key=printed_name.key).first()
    if person:
        return person, False
    person = Person.objects.create(
        association=association, surname=printed_name.surname, initials=printed_name.initials
    )
    return person, True


def save_association(form) -> Association:
    """The head's changes to her association's details (name, short name, town, the post plans are signed with)."""
    return form.save()


# ---------------------------------------------------------------- logins


def give_login(giver: Account, person: Person, username: str, role: str, login_url: str = ""):
    """A login for `person`, given by `giver` (an Account: the head of the person's association), and the letter
    with it to the person's e-mail when the card has one (and `login_url`, the site's login page, is given).

    Returns (user, password, sent): the password is made up here, to be shown once. ValidationError when the
    rule on Account (`check_given_by`) or the account's own validation refuses; nothing is written then.
    """
    if not person.is_active:
        raise ValidationError(_("«%(name)s» не работает: логин не даётся.") % {"name": person.printed_name})
    account = Account(association=person.association, role=role, person=person)
    account.check_given_by(giver)
    password = secrets.token_urlsafe(9)
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=username, password=password, email=person.email
            )
            account.user = user
            account.full_clean()
            account.save()
    except IntegrityError:  # the same login made a moment earlier, in another tab
        raise ValidationError(_("Такой логин уже занят.")) from None
    sent = bool(login_url) and send_login(person, user.username, password, login_url)
    return user, password, sent


def send_login(person: Person, username: str, password: str, login_url: str) -> bool:
    """The letter with a new login; False when the card has no e-mail."""
    if not person.email:
        return False
    send_mail(
        _("Вход на сайт ГТО ШБ"),
        _(
            "Здравствуйте!\n\nДля вас создан вход на сайт ГТО ШБ: %(url)s\nЛогин: %(login)s\nПароль: %(password)s\n\nПосле входа смените пароль: «Сменить пароль» вверху страницы."
        )
        % {"url": login_url, "login": username, "password": password},
        None,
        [person.email],
    )
    return True


def switch_login(user, on: bool) -> None:
    """Switch a login on or off, deleting nothing; switched off, its open sessions end too."""
    user.is_active = on
    user.save(update_fields=["is_active"])
    if not on:
        end_sessions(user)


def end_sessions(user):
    """Sign the user out everywhere: delete the sessions that carry their id (sessions are not indexed by user)."""
    mine = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
