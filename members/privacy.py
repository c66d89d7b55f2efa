"""A person's personal data as 152-ФЗ has her ask for it: all of it in one file («Мои данные»), and erased
when she leaves — her contacts and private records gone, her surname and initials kept where they are part of
a past plan (a responsible person of an event stays «Куклина Н.Н.»)."""

import datetime

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Account, Consent, Course, LoginAttempt, Person, PortfolioEntry, new_calendar_token
from members.services import switch_login
from members.throttle import login_key

# The card's fields that are hers alone and go when she is erased; what stays: surname, initials, school,
# position (so that a past plan and its public pages still read), whether and when she left.
ERASED_FIELDS = [
    "first_name", "patronymic", "rate", "education_level", "education_institution", "education_year",
    "education_specialty", "experience_total", "experience_library", "experience_as_of", "category",
    "attestation_date", "attestation_due", "self_education_theme", "phone", "email",
]  # fmt: skip

CARD_FIELDS = [
    "surname",
    "first_name",
    "patronymic",
    "initials",
    "school",
    "position",
    "rate",
    *ERASED_FIELDS[3:],
    "is_active",
    "left_on",
]


def _value(value):
    """A value as the file holds it: dates stay dates (JSON writes them ISO, the PDF in Russian), yes/no in words."""
    if isinstance(value, bool):
        return _("да") if value else _("нет")
    if value is None or isinstance(value, (str, int, datetime.date)):
        return value
    return str(value)


def _shown(obj, name):
    """A field as a person reads it: the choice's label, the school's name."""
    field = obj._meta.get_field(name)
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    return _value(getattr(obj, name))


def record_consent(consent: Consent, person: Person, confirmed_by) -> Consent:
    """A consent the head has in hand (its scan attached), entered on the person's card."""
    consent.person, consent.confirmed_by = person, confirmed_by
    consent.save()
    return consent


def withdraw_consent(consent: Consent) -> Consent:
    """The person withdrew it: from today it no longer allows what it allowed."""
    consent.withdrawn_on = timezone.localdate()
    consent.save(update_fields=["withdrawn_on"])
    return consent


def personal_data(person):
    """Everything the site keeps about the person, for «Мои данные» (JSON and PDF): a dict of sections."""
    account = getattr(person, "account", None)
    responsibilities = person.responsibilities.select_related("event__section__plan__association").order_by(
        "-event__section__plan__year_start", "event__section__position", "event__position"
    )
    return {
        "сформировано": timezone.localtime().replace(microsecond=0),
        "объединение": person.association.name,
        "карточка": {str(Person._meta.get_field(name).verbose_name): _shown(person, name) for name in CARD_FIELDS},
        "курсы повышения квалификации": [
            {"название": c.title, "организация": c.provider, "часов": c.hours, "начало": c.start, "окончание": c.end,
             "удостоверение": c.certificate_number, "скан": _value(bool(c.scan))}
            for c in person.courses.all()
        ],
        "портфолио": [
            {"название": e.title, "вид": e.get_kind_display(), "уровень": e.get_level_display(), "дата": e.date,
             "результат": e.result, "ссылка": e.link, "файл": _value(bool(e.file))}
            for e in person.portfolio.all()
        ],
        "согласия": [
            {"на что": c.get_scope_display(), "дата": c.given_on, "скан": _value(bool(c.scan)), "отозвано": c.withdrawn_on}
            for c in person.consents.all()
        ],
        "вход на сайт": {
            "логин": account.user.username, "роль": account.get_role_display(), "включён": _value(account.user.is_active),
            "создан": timezone.localtime(account.user.date_joined).date(),
            "последний вход": timezone.localtime(account.user.last_login).date() if account.user.last_login else None,
        } if account else None,
        "попытки входа": [
            {"когда": timezone.localtime(a.at).replace(microsecond=0), "адрес": a.ip, "вход выполнен": _value(a.succeeded)}
            for a in (LoginAttempt.objects.filter(username=login_key(account.user.get_username())).order_by("-at")[:200] if account else [])
        ],
        "письма-напоминания": [
            {"мероприятие": r.event.title, "о чём": r.get_kind_display(), "отправлено": timezone.localtime(r.sent_at).replace(microsecond=0)}
            for r in person.reminders.select_related("event").order_by("-sent_at")
        ],
        "ответственный в планах": [
            {"план": f"{r.event.section.plan.association.short_name} {r.event.section.plan.year_name}", "мероприятие": r.event.title,
             "сроки": r.event.dates_text}
            for r in responsibilities
        ],
    }  # fmt: skip


@transaction.atomic
def erase(person):
    """Erase the personal data of someone who left: the card's private fields, courses, portfolio, consent scans
    (and every earlier file of theirs), the same in the card's history; her login is emptied and switched off.
    Her surname and initials stay, and so does who did what (the history names her as before).

    ValueError (a Russian sentence) while she still works, or when her login is the site administrator's.
    """
    if person.is_active:
        raise ValueError(
            _("Стереть можно только данные того, кто уже не работает: сначала отметьте уход в карточке.")
        )
    account = Account.objects.filter(person=person).select_related("user").first()
    if account is not None and (account.user.is_staff or account.user.is_superuser or account.is_head):
        raise ValueError(
            _(
                "У этого сотрудника логин руководителя или администратора сайта: его данные стирает администратор сайта."
            )
        )
    files = _files_of(person)
    if account is not None:
        _empty_login(account.user)
    for model in (Course, PortfolioEntry):
        model.objects.filter(person=person).delete()
        model.history.filter(person_id=person.pk).delete()  # the deletion's own records too
    today = timezone.localdate()
    Consent.objects.filter(person=person, withdrawn_on__isnull=True).update(withdrawn_on=today)
    Consent.objects.filter(person=person).update(scan="")
    Consent.history.filter(person_id=person.pk).update(scan="")
    blank = {name: None if Person._meta.get_field(name).null else "" for name in ERASED_FIELDS}
    Person.history.filter(id=person.pk).update(**blank)
    Person.objects.filter(pk=person.pk).update(
        **blank, erased_on=today, publish_name=False, calendar_token=new_calendar_token()
    )
    person.reminders.all().delete()
    person.refresh_from_db()
    person._change_reason = "личные данные стёрты"
    person.save()  # one record in the card's history: who erased, and when
    transaction.on_commit(lambda: [default_storage.delete(name) for name in files])
    return person


def _files_of(person):
    """Every file the person's records hold or held: a scan replaced long ago is still on the disk."""
    names = set()
    for model, name in ((Course, "scan"), (PortfolioEntry, "file"), (Consent, "scan")):
        for query in (model.objects.filter(person=person), model.history.filter(person_id=person.pk)):
            names.update(query.exclude(**{name: ""}).values_list(name, flat=True))
    return sorted(names)


def _empty_login(user):
    """Her login emptied rather than deleted, so that the history still says who did what: no name, no e-mail,
    no password, switched off; its attempts forgotten."""
    LoginAttempt.objects.filter(username=login_key(user.get_username())).delete()
    user.username, user.email, user.first_name, user.last_name = f"erased-{user.pk}", "", "", ""
    user.set_unusable_password()
    user.save()
    switch_login(user, on=False)
