"""The contest's certificates: issued once the places are confirmed, numbered within the association's year, printed
one A4 page each into one PDF, and filed into the librarians' portfolios.

- `issue(contest)`: a диплом for each entry with a place, a грамота or a сертификат участника (the contest's
  choice) for every other, a благодарность to whoever prepared each winner. Certificates that still apply keep
  their numbers; those that no longer do are withdrawn; new ones take the next numbers of the association's
  CertificateCounter — a number once given is never given again. Issuing twice changes nothing. Fast: it writes
  rows only.
- `start_preparing(contest)` / `prepare(contest)`: the one PDF of all of them, made outside the request (see
  «Preparing» below), and each certificate made out to a person of the data bank (a librarian's благодарность, a
  librarian's own диплом in a contest for librarians) filed as a portfolio entry of the contest's level with its
  page attached (Certificate.portfolio_entry: made once, updated after, not made again once she deleted it).
- `render_pdf(contest, certificates)`: one page per certificate, in one of three layouts or on the head's own
  background image; WeasyPrint reads nothing but that image. `render_now`: the same within a request's bounds.
- `certificates_for(contest, school)`: what a librarian downloads — her school's entries' certificates and the
  благодарности of her school's people.
"""

from __future__ import annotations

import datetime
import logging
import mimetypes
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from contests import names
from contests.models import ROMAN, Certificate, CertificateCounter, Contest, Entry
from contests.uploads import validate_background
from core.formats import format_date
from members.models import Account, PortfolioEntry
from reports.pdf import RENDER_SECONDS, DocumentTooLarge, deadline

log = logging.getLogger(__name__)

TEMPLATE = "contests/certificates.html"
TOO_MANY = gettext_lazy(
    "Грамот слишком много, чтобы собрать их сразу: скачайте общий файл на странице итогов."
)
BACKGROUND_URL = "https://certificate.invalid/background"  # the one address WeasyPrint may read (url_fetcher)
FILE_PREFIX = "gramota-"
KIND_ORDER = {Certificate.Kind.DIPLOMA: 0, Certificate.Kind.GRAMOTA: 1, Certificate.Kind.PARTICIPANT: 1,
              Certificate.Kind.THANKS: 2}  # fmt: skip
PARTICIPANT_KIND = {
    Contest.ParticipantAward.CERTIFICATE: Certificate.Kind.PARTICIPANT,
    Contest.ParticipantAward.GRAMOTA: Certificate.Kind.GRAMOTA,
}
RELATED = (
    "contest__event__section__plan__association",
    "entry__school",
    "entry__category",
    "entry__participant__school",
    "entry__mentor__school",
    "person__school",
)


# Issuing ------------------------------------------------------------------------------------------------------


def wanted(contest: Contest, entries) -> dict:
    """{(entry_id, kind): (entry, person or None)}: the certificates the entries call for now."""
    result = {}
    for entry in entries:
        if entry.place:
            result[(entry.pk, Certificate.Kind.DIPLOMA)] = (entry, entry.participant)
            if entry.mentor_id or entry.mentor_text.strip():
                result[(entry.pk, Certificate.Kind.THANKS)] = (entry, entry.mentor)
        else:
            kind = PARTICIPANT_KIND.get(contest.participant_award, Certificate.Kind.PARTICIPANT)
            result[(entry.pk, kind)] = (entry, entry.participant)
    return result


def _order(item):
    (_entry_id, kind), (entry, _person) = item
    return (
        entry.category.position,
        entry.place or 99,
        entry.surname,
        entry.first_name,
        entry.pk,
        KIND_ORDER[kind],
    )


@transaction.atomic
def issue(contest: Contest, today=None) -> list[Certificate]:
    """The contest's certificates as its confirmed places call for them, in number order (see the module)."""
    # One issue of a contest at a time: the second waits for the first and then finds its certificates.
    contest = (
        Contest.objects.select_for_update()
        .select_related("event__section__plan__association")
        .get(pk=contest.pk)
    )
    if not contest.places_confirmed:
        raise ValidationError(_("Сначала утвердите места — потом выпускайте грамоты."))
    today = today or timezone.localdate()
    association = contest.association
    entries = list(
        Entry.objects.filter(contest=contest).select_related("category", "school", "participant", "mentor")
    )
    needed = wanted(contest, entries)
    existing = {
        (c.entry_id, c.kind): c
        for c in Certificate.objects.filter(contest=contest).select_related("portfolio_entry")
    }
    gone = [certificate for key, certificate in existing.items() if key not in needed]
    if gone:
        _withdraw_from_portfolios(gone)
        Certificate.objects.filter(pk__in=[c.pk for c in gone]).delete()
    changed = []
    for key, (_entry, person) in needed.items():
        certificate = existing.get(key)
        if certificate is not None and certificate.person_id != (person.pk if person else None):
            certificate.person = person
            changed.append(certificate)
    Certificate.objects.bulk_update(changed, ["person"])
    new = sorted((item for item in needed.items() if item[0] not in existing), key=_order)
    if new:
        numbers = _take_numbers(association, today.year, len(new))
        Certificate.objects.bulk_create(
            Certificate(
                contest=contest,
                entry=entry,
                kind=kind,
                person=person,
                year=today.year,
                number=number,
                association=association,
                issued_on=today,
            )  # fmt: skip
            for ((_entry_id, kind), (entry, person)), number in zip(new, numbers, strict=True)
        )
    contest.issued_at = timezone.now()
    contest.save(update_fields=["issued_at"])
    return list(certificates_for(contest))


def _take_numbers(association, year, count) -> range:
    """The next `count` numbers of the association's year: the counter row locked until the transaction ends, so
    that no two issues (of this or any other contest) take the same number."""
    counter, _created = CertificateCounter.objects.select_for_update().get_or_create(
        association=association, year=year
    )
    # Never below a number already given (certificates made before the counter was, or by hand).
    highest = (
        Certificate.objects.filter(association=association, year=year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    )
    first = max(counter.last, highest) + 1
    counter.last = first + count - 1
    counter.save(update_fields=["last"])
    return range(first, first + count)


# Portfolio ----------------------------------------------------------------------------------------------------


def portfolio_result(certificate: Certificate) -> str:
    """«диплом I степени», «грамота за участие», «сертификат участника», «благодарность за подготовку победителя»."""
    kind, place = certificate.kind, certificate.entry.place
    if kind == Certificate.Kind.DIPLOMA:
        return _("диплом %(degree)s степени") % {"degree": ROMAN.get(place, place)}
    if kind == Certificate.Kind.GRAMOTA:
        return _("грамота за участие")
    if kind == Certificate.Kind.PARTICIPANT:
        return _("сертификат участника")
    if place == 1:
        return _("благодарность за подготовку победителя")
    return _("благодарность за подготовку призёра")


def file_into_portfolios(contest: Contest, certificates, pages) -> int:
    """Each certificate made out to a person of the data bank (`pages`: its one-page PDF by certificate pk) as her
    portfolio entry: made the first time, brought up to date after (a place changed), never made again once she
    deleted it. Returns how many entries were written."""
    written = 0
    for certificate in certificates:
        if not certificate.person_id or certificate.pk not in pages:
            continue
        row = certificate.portfolio_entry
        if row is None and certificate.filed:
            continue  # she removed it from her portfolio
        fields = {
            "title": contest.title[:400],
            "kind": PortfolioEntry.Kind.CONTEST,
            "level": contest.level,
            "date": contest.awarded_on or certificate.issued_on,
            "result": portfolio_result(certificate)[:300],
        }
        if row is None:
            row = PortfolioEntry(person=certificate.person)
        elif row.file:
            row.file.delete(save=False)
        for name, value in fields.items():
            setattr(row, name, value)
        row.file = ContentFile(pages[certificate.pk], name=f"{FILE_PREFIX}{certificate.number_text}.pdf")
        try:
            row.full_clean()
        except ValidationError as error:  # her portfolio is full: the certificate is still issued and printed
            log.warning("certificate %s not filed into portfolio: %s", certificate, error)
            continue
        row.save()
        Certificate.objects.filter(pk=certificate.pk).update(portfolio_entry=row, filed=True)
        written += 1
    return written


def _withdraw_from_portfolios(certificates):
    for certificate in certificates:
        row = certificate.portfolio_entry
        if row is not None:
            row.file.delete(save=False)
            row.delete()


# Preparing the one PDF ----------------------------------------------------------------------------------------
# A contest of 300 entries is some 330 pages: about 15 seconds of WeasyPrint, more than a request may take
# (reports.pdf bounds every render a request makes to 10 seconds). So «Выпустить грамоты» only numbers them; the
# PDF and the portfolio pages are made by `manage.py prepare_certificates <contest>`, started in a process of its
# own, and the results page offers the file once it is there. A librarian's own school's few pages are rendered
# when she asks (bounded like every other PDF).

STALE_AFTER = datetime.timedelta(minutes=15)  # a preparation still not done by then is taken as lost


def start_preparing(contest: Contest):
    """The preparation in a process of its own, started once the issue is committed — or here and now, in the
    issue's transaction, with settings.CERTIFICATES_IN_BACKGROUND off (the tests)."""
    Contest.objects.filter(pk=contest.pk).update(preparing_since=timezone.now())
    if not settings.CERTIFICATES_IN_BACKGROUND:
        prepare(contest.pk)
        return
    command = [
        sys.executable,
        str(Path(settings.BASE_DIR) / "manage.py"),
        "prepare_certificates",
        str(contest.pk),
    ]
    transaction.on_commit(
        lambda: subprocess.Popen(  # noqa: S603 — our own command, the contest's number as its one argument
            command,
            cwd=settings.BASE_DIR,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    )


def is_preparing(contest: Contest) -> bool:
    return (
        not contest.certificates_ready
        and contest.preparing_since is not None
        and timezone.now() - contest.preparing_since < STALE_AFTER
    )


def prepare(contest_pk: int) -> Contest | None:
    """The contest's certificates as one PDF (kept in `certificates_file`) and each librarian's page filed into
    her portfolio — laid out once. If they were issued again meanwhile, the newer issue's preparation wins."""
    contest = (
        Contest.objects.select_related("event__section__plan__association").filter(pk=contest_pk).first()
    )
    if contest is None or contest.issued_at is None:
        return None
    issued_at = contest.issued_at
    certificates = list(certificates_for(contest).select_related("portfolio_entry"))
    if not certificates:
        return contest
    document = _document(contest, certificates)
    whole = document.write_pdf()
    if len(document.pages) == len(certificates):
        pages = {
            c.pk: document.copy([page]).write_pdf()
            for c, page in zip(certificates, document.pages, strict=True)
            if c.person_id
        }
    else:  # a page spilled over: each on its own
        pages = {c.pk: _document(contest, [c]).write_pdf() for c in certificates if c.person_id}
    with transaction.atomic():
        current = Contest.objects.select_for_update().get(pk=contest.pk)
        if current.issued_at != issued_at:
            return current  # issued again meanwhile: that issue's preparation writes the file
        file_into_portfolios(current, certificates, pages)
        if current.certificates_file:
            current.certificates_file.delete(save=False)
        current.certificates_file.save(f"{FILE_PREFIX}{current.pk}.pdf", ContentFile(whole), save=False)
        current.prepared_for, current.preparing_since = issued_at, None
        current.save(update_fields=["certificates_file", "prepared_for", "preparing_since"])
    return current


# Choosing -----------------------------------------------------------------------------------------------------


def certificates_for(contest: Contest, school=None):
    """The contest's certificates in number order, each with what its page prints (a constant number of queries
    however many); with `school`, a librarian's: her school's entries' and the благодарности of its people."""
    rows = Certificate.objects.filter(contest=contest).select_related(*RELATED).order_by("year", "number")
    if school is not None:
        rows = rows.filter(Q(entry__school=school) | Q(kind=Certificate.Kind.THANKS, person__school=school))
    return rows


# Printing -----------------------------------------------------------------------------------------------------


def _school_name(school):
    return school.short_name if school else ""


def _pupil(entry, gender, case):
    """«ученица 5 класса МАОУ СОШ № 1» in the case asked ("nomn", "datv", "gent")."""
    words = {
        ("femn", "nomn"): pgettext("certificate", "ученица"),
        ("masc", "nomn"): pgettext("certificate", "ученик"),
        ("femn", "datv"): pgettext("certificate", "ученице"),
        ("masc", "datv"): pgettext("certificate", "ученику"),
        ("femn", "gent"): pgettext("certificate", "ученицы"),
        ("masc", "gent"): pgettext("certificate", "ученика"),
    }
    pupil = words[(gender, case)]
    school = _school_name(entry.school)
    if entry.grade:
        return _("%(pupil)s %(grade)d класса %(school)s") % {
            "pupil": pupil,
            "grade": entry.grade,
            "school": school,
        }
    return f"{pupil} {school}".strip()


def _named(entry, case):
    """(the participant's name, what she is) in the case asked: «Ивановой Марии», «ученице 5 класса …»."""
    person = entry.participant
    if person is not None:
        return _person_declined(person, case), _school_name(person.school or entry.school)
    gender = names.guess_gender(entry.surname, entry.first_name)
    name = (
        entry.name
        if case == "nomn"
        else names.declined(entry.surname, entry.first_name, "", gender, case=case)
    )
    return name, _pupil(entry, gender, case)


def _person_declined(person, case):
    """A person of the data bank in `case`: «Куклиной Наталье Николаевне», or «Куклиной Н.Н.» when her card has
    the initials only (they do not decline)."""
    gender = names.guess_gender(person.surname, person.first_name, person.patronymic)
    if case == "nomn":
        return person.full_name if person.first_name else person.printed_name
    if person.first_name:
        return names.declined(person.surname, person.first_name, person.patronymic, gender, case=case)
    return f"{names.declined(person.surname, '', '', gender, case=case)} {person.initials}".strip()


def _mentor(entry):
    """The mentor in the dative and her school: («Куклиной Наталье Николаевне», «МАОУ СОШ № 1»)."""
    if entry.mentor_id:
        person = entry.mentor
        return _person_declined(person, "datv"), _school_name(person.school)
    return names.dative_text(entry.mentor_text.strip()), ""


def page_of(certificate: Certificate, contest: Contest) -> dict:
    """What one page prints."""
    entry, kind = certificate.entry, certificate.kind
    title = f"«{contest.title}»"
    page = {"number": certificate.number_text, "kind": kind, "degree": "", "category": entry.category.title}
    if kind == Certificate.Kind.DIPLOMA:
        page["heading"] = pgettext("certificate heading", "Диплом")
        page["degree"] = _("%(degree)s степени") % {"degree": ROMAN.get(entry.place, entry.place)}
        page["lead"] = _("награждается")
        page["name"], page["who"] = _named(entry, "nomn")
        if entry.place == 1:
            page["reason"] = _("победитель конкурса %(title)s") % {"title": title}
        else:
            page["reason"] = _("призёр (%(place)s место) конкурса %(title)s") % {
                "place": ROMAN.get(entry.place, entry.place),
                "title": title,
            }
    elif kind == Certificate.Kind.GRAMOTA:
        page["heading"] = pgettext("certificate heading", "Грамота")
        page["lead"] = _("награждается")
        page["name"], page["who"] = _named(entry, "nomn")
        page["reason"] = _("за участие в конкурсе %(title)s") % {"title": title}
    elif kind == Certificate.Kind.PARTICIPANT:
        page["heading"] = pgettext("certificate heading", "Сертификат участника")
        page["lead"] = _("выдан")
        page["name"], page["who"] = _named(entry, "datv")
        gender = _gender_of(entry)
        page["reason"] = (
            _("участнице конкурса %(title)s") if gender == names.FEMALE else _("участнику конкурса %(title)s")
        ) % {"title": title}
    else:
        page["heading"] = pgettext("certificate heading", "Благодарность")
        page["lead"] = _("объявляется")
        page["name"], page["who"] = _mentor(entry)
        winner, what = _named(entry, "gent")
        prepared = (
            _("за подготовку победителя конкурса %(title)s")
            if entry.place == 1
            else _("за подготовку призёра конкурса %(title)s")
        )
        page["reason"] = prepared % {"title": title}
        page["winner"] = f"{winner}, {what}" if what else winner
    # Long texts take a smaller type, so that every certificate stays on its one page.
    page["long"] = len(contest.title) > 120 or len(page.get("who", "")) + len(page.get("winner", "")) > 160
    page["very_long"] = len(contest.title) > 220
    return page


def _gender_of(entry):
    person = entry.participant
    if person is not None:
        return names.guess_gender(person.surname, person.first_name, person.patronymic)
    return names.guess_gender(entry.surname, entry.first_name)


def signature(contest: Contest) -> tuple[str, str]:
    """(the post, the name) of the head's signature line: the plan's signature, else the association's post and
    its head's account."""
    plan, association = contest.plan, contest.association
    post = (plan.head_post or "").strip() or (getattr(association, "head_post", "") or "").strip()
    name = (plan.head_name or "").strip()
    if not name:
        head = (
            Account.objects.filter(association=association, role=Account.Role.HEAD, person__isnull=False)
            .select_related("person")
            .order_by("pk")
            .first()
        )
        name = head.person.printed_name if head else ""
    return post, name


def _background(contest: Contest):
    """(bytes, MIME type) of the contest's own background, or None — a file that no longer passes the upload's
    checks is left out rather than handed to the renderer."""
    if not contest.background:
        return None
    try:
        with contest.background.open("rb") as file:
            validate_background(file)
            file.seek(0)
            content = file.read()
    except (OSError, ValidationError) as error:
        log.warning("certificate background of contest %s left out: %s", contest.pk, error)
        return None
    mime = mimetypes.guess_type(contest.background.name)[0] or "image/png"
    return content, mime


def _fetcher(background):
    """A url_fetcher that hands WeasyPrint the background image and refuses every other address (a file of the
    server, the network) — whatever a template or a text might ask for."""
    from weasyprint import urls

    def refuse(url):
        return ValueError(f"certificates read no other file: {url[:80]}")

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68 and later

        class OnlyTheBackground(urls.URLFetcher):
            def fetch(self, url, headers=None):
                if background is not None and url == BACKGROUND_URL:
                    content, mime = background
                    return urls.URLFetcherResponse(url, content, {"Content-Type": mime})
                raise refuse(url)

        return OnlyTheBackground()

    def fetch(url, *args, **kwargs):
        if background is not None and url == BACKGROUND_URL:
            content, mime = background
            return {"string": content, "mime_type": mime, "redirected_url": url}
        raise refuse(url)

    return fetch


def _document(contest: Contest, certificates):
    import weasyprint

    background = _background(contest)
    post, head = signature(contest)
    html = render_to_string(
        TEMPLATE,
        {
            "contest": contest,
            "association": contest.association,
            "layout": contest.layout if not background else "own",
            "background_url": BACKGROUND_URL if background else "",
            "pages": [
                {
                    **page_of(certificate, contest),
                    "date": format_date(contest.awarded_on or certificate.issued_on),
                }
                for certificate in certificates
            ],
            "head_post": post,
            "head_name": head,
        },
    )
    return weasyprint.HTML(string=html, base_url=BACKGROUND_URL, url_fetcher=_fetcher(background)).render()


def render_pdf(contest: Contest, certificates) -> bytes:
    """One PDF, one A4 page per certificate, in the order given — unbounded: for `prepare` and the benchmark."""
    certificates = list(certificates)
    return _document(contest, certificates).write_pdf()


MOST_PAGES_NOW = 100  # about 5 seconds: what a request renders itself (a librarian's school's certificates)


def render_now(contest: Contest, certificates) -> bytes:
    """render_pdf within a request's bounds (reports.pdf): DocumentTooLarge past MOST_PAGES_NOW or the time."""
    certificates = list(certificates)
    if len(certificates) > MOST_PAGES_NOW:
        raise DocumentTooLarge(str(TOO_MANY))
    with deadline(RENDER_SECONDS):
        return render_pdf(contest, certificates)
