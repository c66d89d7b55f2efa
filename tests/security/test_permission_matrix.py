"""Every URL of the site against five people: a visitor, a librarian of school A, a librarian of school B,
the committee and the head. The objects belong to school A; the plan is a draft.

Two more people are checked on every row: the regional coordinator (looking at this association) answers
as the committee does, and the head of another association («outsider») reaches none of these objects.

A URL pattern without a row here fails `test_every_url_has_a_row`: whoever adds a page adds its row.
Each request runs in a transaction rolled back afterwards, so the rows do not disturb each other.

When the answer is 404 and when 403 — one rule, checked on every row by `test_403_and_404_follow_one_rule`:
- 404: the asker may not know the object is there — another association's object, a draft plan for a visitor,
  another school's report for a librarian. Whatever she tries on it answers 404, never 403, so a guessed id
  tells her nothing.
- 403: she may see the object (or the page) but not do this — the committee editing, a librarian doing the
  head's work. An object she can read never answers 404 to an action on it.
- One exception, by the same reasoning: a person's private files (a course certificate's scan, a consent's
  scan) are not there for those who may not see her private data, though they read her card: 404 (PRIVATE).
- A visitor is sent to the login page wherever an account is needed and the object is not public.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from contests.models import Category, Contest, Criterion, Entry, JuryMember
from events import plan_uploads
from events.models import Event
from meetings.models import AgendaItem, Decision, Material, Meeting
from members.access import COORDINATED_KEY
from members.models import Consent, Course, Person, PortfolioEntry
from rounds.models import FsemAnswer, Kind, Report
from rounds.services import open_round
from tests.conftest import SEED_PLAN
from textbooks import services as bank
from textbooks.models import Need, Offer, default_return_by

OK = "ok"  # 200, or a redirect that is not to the login page
LOGIN = "login"  # sent to the login page
ROLES = ["visitor", "lib_a", "lib_b", "viewer", "head"]


def r(method, target, visitor, lib_a, lib_b, viewer, head):
    return method, target, dict(zip(ROLES, [visitor, lib_a, lib_b, viewer, head]))


ANY_MEMBER = (OK, OK, OK, OK)
HEAD_ONLY = (403, 403, 403, OK)
OWN_OR_HEAD = (OK, 403, 403, OK)  # school A's librarian and the head; B and the committee refused

# url name: (method, how to build its arguments, visitor, lib_a, lib_b, viewer, head)
MATRIX = {
    "home": r("get", None, OK, *ANY_MEMBER),
    "login": r("get", None, OK, *ANY_MEMBER),
    "logout": r("post", None, OK, *ANY_MEMBER),
    "password_change": r("get", None, LOGIN, *ANY_MEMBER),
    "password_change_done": r("get", None, LOGIN, *ANY_MEMBER),
    # the plan (a draft)
    "events:plan": r("get", "plan", 404, *ANY_MEMBER),
    "events:plan_calendar": r("get", "plan", 404, *ANY_MEMBER),
    "events:plan_edit": r("get", "plan", LOGIN, *HEAD_ONLY),
    "events:plan_publish": r("post", "plan", LOGIN, *HEAD_ONLY),
    "events:plan_copy": r("post", "plan", LOGIN, *HEAD_ONLY),
    "events:section_add": r("get", "plan", LOGIN, *HEAD_ONLY),
    "events:plan_link_name": r("post", "plan", LOGIN, *HEAD_ONLY),
    "events:plan_import": r("get", None, LOGIN, *HEAD_ONLY),  # the head's own association's
    "events:plan_import_preview": r("get", "plan_upload", LOGIN, *HEAD_ONLY),  # another head's upload: 404
    "events:section_edit": r("get", "section", LOGIN, *HEAD_ONLY),
    "events:section_delete": r("post", "section", LOGIN, *HEAD_ONLY),
    "events:section_move": r("post", "section", LOGIN, *HEAD_ONLY),
    "events:event_add": r("get", "section", LOGIN, *HEAD_ONLY),
    "events:event_edit": r("get", "event", LOGIN, *HEAD_ONLY),
    "events:event_delete": r("post", "event", LOGIN, *HEAD_ONLY),
    "events:event_move": r("post", "event", LOGIN, *HEAD_ONLY),
    "events:event_status": r("post", "event", LOGIN, *HEAD_ONLY),
    "events:person_feed": r("get", "feed", OK, *ANY_MEMBER),  # the private address is the key
    "events:person_feed_renew": r("post", "person", LOGIN, OK, 403, 403, OK),
    "reports:plan": r("get", "plan_pdf", 404, *ANY_MEMBER),
    "reports:analysis": r("get", "plan_pdf", LOGIN, *ANY_MEMBER),
    # meetings (the secretary is school A's librarian, who is also responsible for the decision)
    "meetings:list": r("get", None, LOGIN, *ANY_MEMBER),
    "meetings:meeting": r("get", "meeting", LOGIN, *ANY_MEMBER),
    "meetings:protocol": r("get", "protocol", LOGIN, *ANY_MEMBER),
    "meetings:edit": r("get", "meeting", LOGIN, *OWN_OR_HEAD),
    "meetings:attendance": r("get", "meeting", LOGIN, *OWN_OR_HEAD),
    "meetings:item_add": r("get", "meeting", LOGIN, *OWN_OR_HEAD),
    "meetings:material_add": r("post", "meeting", LOGIN, *OWN_OR_HEAD),
    "meetings:publish": r("post", "meeting", LOGIN, *HEAD_ONLY),
    "meetings:item_edit": r("get", "agenda_item", LOGIN, *OWN_OR_HEAD),
    "meetings:item_delete": r("post", "agenda_item", LOGIN, *OWN_OR_HEAD),
    "meetings:item_move": r("post", "agenda_item", LOGIN, *OWN_OR_HEAD),
    "meetings:material": r("get", "material", LOGIN, *ANY_MEMBER),
    "meetings:material_delete": r("post", "material", LOGIN, *OWN_OR_HEAD),
    "meetings:decision_done": r("post", "decision", LOGIN, *OWN_OR_HEAD),
    # contests (the entry is school A's; the jury is the head and a guest; the deadline is a week ahead)
    "contests:list": r("get", None, LOGIN, *ANY_MEMBER),
    "contests:contest": r("get", "contest", LOGIN, *ANY_MEMBER),
    "contests:setup": r("get", "contest", LOGIN, *HEAD_ONLY),
    "contests:copy": r("post", "contest", LOGIN, *HEAD_ONLY),
    "contests:reopen": r("post", "contest", LOGIN, *HEAD_ONLY),
    "contests:rules_file": r("get", "contest", LOGIN, *ANY_MEMBER),
    "contests:background": r("get", "contest", LOGIN, *HEAD_ONLY),
    "contests:entry_add": r("get", "contest", LOGIN, OK, OK, 403, OK),
    "contests:entries_upload": r("get", "contest", LOGIN, OK, OK, 403, OK),
    "contests:entries_template": r("get", "contest", LOGIN, *ANY_MEMBER),
    "contests:results": r("get", "contest", LOGIN, *ANY_MEMBER),
    "contests:unconfirm": r("post", "contest", LOGIN, *HEAD_ONLY),
    "contests:publish": r("post", "contest", LOGIN, *HEAD_ONLY),
    "contests:issue": r("post", "contest", LOGIN, *HEAD_ONLY),
    "contests:certificates": r("get", "contest", LOGIN, *ANY_MEMBER),
    "contests:document": r(
        "get", "contest_document", LOGIN, 403, 403, OK, OK
    ),  # before the places are confirmed
    "contests:entry_edit": r("get", "entry", LOGIN, OK, 404, 403, OK),
    "contests:entry_delete": r("post", "entry", LOGIN, OK, 404, 403, OK),
    "contests:work_file": r("get", "entry", LOGIN, OK, 404, OK, OK),
    "contests:score_sheet": r("get", "jury", LOGIN, *HEAD_ONLY),
    # the librarians' data bank
    "members:people": r("get", None, LOGIN, *ANY_MEMBER),
    "members:person": r("get", "person", LOGIN, *ANY_MEMBER),
    "members:person_card": r("get", "person", LOGIN, *ANY_MEMBER),
    "members:person_create": r("get", None, LOGIN, *HEAD_ONLY),
    "members:person_edit": r("get", "person", LOGIN, *OWN_OR_HEAD),
    "members:account_create": r("get", "no_login_person", LOGIN, *HEAD_ONLY),
    "members:account_switch": r("post", "person", LOGIN, *HEAD_ONLY),
    "members:login_unlock": r("post", "person", LOGIN, *HEAD_ONLY),
    # personal data (152-ФЗ)
    "privacy": r("get", None, OK, *ANY_MEMBER),
    "members:consent_add": r("get", "person", LOGIN, *HEAD_ONLY),
    "members:consent_withdraw": r("post", "consent", LOGIN, *HEAD_ONLY),
    "members:consent_scan": r(
        "get", "consent", LOGIN, OK, 404, OK, OK
    ),  # private: the person, the committee, the head
    "members:my_data": r("get", "my_data", LOGIN, *OWN_OR_HEAD),
    "members:person_erase": r("post", "person", LOGIN, *HEAD_ONLY),
    "members:overview": r("get", None, LOGIN, 403, 403, OK, OK),
    "members:download": r("get", None, LOGIN, 403, 403, OK, OK),
    "members:course_add": r("get", "person", LOGIN, *OWN_OR_HEAD),
    "members:course_edit": r("get", "course", LOGIN, *OWN_OR_HEAD),
    "members:course_delete": r("post", "course", LOGIN, *OWN_OR_HEAD),
    "members:course_scan": r(
        "get", "course", LOGIN, OK, 404, OK, OK
    ),  # private: the person, the committee, the head
    "members:portfolio_add": r("get", "person", LOGIN, *OWN_OR_HEAD),
    "members:portfolio_edit": r("get", "portfolio", LOGIN, *OWN_OR_HEAD),
    "members:portfolio_delete": r("post", "portfolio", LOGIN, *OWN_OR_HEAD),
    "members:portfolio_file": r("get", "portfolio", LOGIN, *ANY_MEMBER),
    "members:association": r("get", None, LOGIN, *HEAD_ONLY),  # one's own association's
    "members:schools": r("get", None, LOGIN, *ANY_MEMBER),
    "members:school": r("get", "school", LOGIN, *ANY_MEMBER),
    "members:school_create": r("get", None, LOGIN, *HEAD_ONLY),
    "members:school_edit": r("get", "school", LOGIN, *OWN_OR_HEAD),
    # the exchange bank
    "textbooks:bank": r("get", None, LOGIN, *ANY_MEMBER),
    "textbooks:needs": r("get", None, LOGIN, *ANY_MEMBER),
    "textbooks:export": r("get", None, LOGIN, *ANY_MEMBER),
    "textbooks:catalogue": r("get", None, LOGIN, *ANY_MEMBER),
    "textbooks:catalogue_suggest": r("get", None, LOGIN, *ANY_MEMBER),  # ФПУ entries as one types a title
    "textbooks:my_school": r(
        "get", None, LOGIN, *ANY_MEMBER
    ),  # the committee and the head choose a school to look at
    "textbooks:school": r("get", "school", LOGIN, *ANY_MEMBER),
    "textbooks:offer_create": r("get", None, LOGIN, OK, OK, 403, OK),
    "textbooks:offers_import": r("get", None, LOGIN, OK, OK, 403, OK),
    "textbooks:offers_sample": r("get", None, LOGIN, *ANY_MEMBER),
    "textbooks:offer": r("get", "offer", LOGIN, *ANY_MEMBER),
    "textbooks:offer_edit": r("get", "offer", LOGIN, *OWN_OR_HEAD),
    "textbooks:offer_withdraw": r("post", "offer", LOGIN, *OWN_OR_HEAD),
    "textbooks:offer_request": r(
        "post", "offer", LOGIN, OK, OK, 403, OK
    ),  # A asking itself gets a message, nothing is made
    "textbooks:need_create": r("get", None, LOGIN, OK, OK, 403, OK),
    "textbooks:need": r("get", "need", LOGIN, *ANY_MEMBER),
    "textbooks:need_edit": r("get", "need", LOGIN, *OWN_OR_HEAD),
    "textbooks:need_close": r("post", "need", LOGIN, *OWN_OR_HEAD),
    "textbooks:transfer": r("get", "transfer", LOGIN, *ANY_MEMBER),
    "textbooks:transfer_act": r("get", "agreed_transfer", LOGIN, *ANY_MEMBER),
    "textbooks:transfer_action": r("post", "agree", LOGIN, OK, 403, 403, OK),  # the offering school decides
    # report rounds
    "rounds:rounds": r("get", None, LOGIN, *ANY_MEMBER),
    "rounds:round_create": r("get", None, LOGIN, *HEAD_ONLY),
    "rounds:round": r("get", "round", LOGIN, 403, 403, OK, OK),
    "rounds:round_edit": r("get", "round", LOGIN, *HEAD_ONLY),
    "rounds:round_close": r("post", "round", LOGIN, *HEAD_ONLY),
    "rounds:round_reopen": r("post", "round", LOGIN, *HEAD_ONLY),
    "rounds:round_remind": r("post", "round", LOGIN, *HEAD_ONLY),
    "rounds:round_download": r("get", "round_xlsx", LOGIN, 403, 403, OK, OK),
    "rounds:report": r("get", "report", LOGIN, OK, 404, OK, OK),
    "rounds:report_reopen": r("post", "report", LOGIN, 403, 404, 403, OK),  # B cannot see A's report
    "rounds:report_to_needs": r("post", "report", LOGIN, OK, 404, 403, OK),
    "rounds:report_form_xlsx": r("get", "report", LOGIN, OK, 404, 403, OK),  # the form to fill offline
    "rounds:fsem_scan": r("get", "fsem_report", LOGIN, OK, 404, OK, OK),
    # history
    "audit:deleted": r("get", None, LOGIN, *HEAD_ONLY),
    "audit:restore": r("post", "deleted_event", LOGIN, *HEAD_ONLY),
    # the region (the coordinator's own pages)
    "region:region": r("get", None, LOGIN, 403, 403, 403, 403),
    "region:choose": r("post", "association", LOGIN, 403, 403, 403, 403),
    "region:download": r("get", "xlsx", LOGIN, 403, 403, 403, 403),
}

# The coordinator answers as the committee does, but for the region's own pages.
COORDINATOR = {"region:region": OK, "region:choose": OK, "region:download": OK}
# The head of another association: the lists of their own association open, these objects do not
# (but for the regional textbook bank).
OUTSIDER = {
    "home": OK,
    "login": OK,
    "logout": OK,
    "password_change": OK,
    "password_change_done": OK,
    "events:person_feed": OK,
    "events:plan": 404,
    "events:plan_calendar": 404,
    "reports:plan": 404,
    "reports:analysis": 404,
    "region:region": 403,
    "region:choose": 403,
    "region:download": 403,
    # the textbook bank is the region's: another association's people read its offers and needs and ask
    # for copies the same way; they change nothing of them
    "textbooks:school": OK,
    "textbooks:offer": OK,
    "textbooks:need": OK,
    "textbooks:offer_request": OK,
    "textbooks:offer_edit": 403,
    "textbooks:offer_withdraw": 403,
    "textbooks:need_edit": 403,
    "textbooks:need_close": 403,
}


def expected_for(name, target, expected, role):
    if role == "coordinator":
        return COORDINATOR.get(name, expected["viewer"])
    if role == "outsider":
        if name in OUTSIDER:
            return OUTSIDER[name]
        return expected["head"] if target is None else 404
    return expected[role]


def url_names(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


# The page that reads each kind of object: what it answers a person decides 404 or 403 for every action on it.
READ_PAGE = {
    "plan": "events:plan",
    "section": "events:plan",
    "event": "events:plan",
    "meeting": "meetings:meeting",
    "protocol": "meetings:meeting",
    "agenda_item": "meetings:meeting",
    "material": "meetings:meeting",
    "decision": "meetings:meeting",
    "contest": "contests:contest",
    "contest_document": "contests:contest",
    "entry": "contests:work_file",
    "jury": "contests:contest",
    "person": "members:person",
    "no_login_person": "members:person",
    "course": "members:person",
    "portfolio": "members:person",
    "consent": "members:person",
    "fsem_report": "rounds:report",
    "school": "members:school",
    "offer": "textbooks:offer",
    "need": "textbooks:need",
    "round": "rounds:round",
    "report": "rounds:report",
}


PRIVATE = {"members:course_scan", "members:consent_scan"}


def test_403_and_404_follow_one_rule():
    broken = []
    for name, (_method, target, expected) in MATRIX.items():
        if target not in READ_PAGE or name == READ_PAGE[target] or name in PRIVATE:
            continue
        _m, _t, read = MATRIX[READ_PAGE[target]]
        for role in [*ROLES, "coordinator", "outsider"]:
            reads = expected_for(READ_PAGE[target], target, read, role)
            answer = expected_for(name, target, expected, role)
            if (reads == 404 and answer == 403) or (reads == OK and answer == 404):
                broken.append(f"{name} for {role}: {answer}, while {READ_PAGE[target]} answers {reads}")
    assert not broken, "\n".join(broken)


def test_every_url_has_a_row():
    names = set(url_names())
    assert names - MATRIX.keys() == set(), "add these URLs to the matrix"
    assert MATRIX.keys() - names == set(), "these rows name no URL"


@pytest.fixture
def world(
    plan,
    head_user,
    librarian_user,
    other_librarian_user,
    viewer_user,
    coordinator_user,
    other_head_user,
    school,
    other_school,
    association,
    media_root,
):
    lib_a = librarian_user.account.person
    offer = Offer.objects.create(
        school=school,
        title="Математика. 5 класс",
        authors="Виленкин Н.Я.",
        grade_from=5,
        grade_to=5,
        copies=10,
        available=10,
    )
    need = Need.objects.create(
        school=school, title="История. 6 класс", authors="Арсентьев Н.М.", grade=6, copies=4
    )
    requested = bank.request_transfer(offer, other_school, 2, default_return_by())
    second = Offer.objects.create(
        school=school,
        title="Физика. 7 класс",
        authors="Пёрышкин А.В.",
        grade_from=7,
        grade_to=7,
        copies=3,
        available=3,
    )
    agreed = bank.request_transfer(second, other_school, 1, default_return_by())
    bank.agree(agreed.pk)
    round_ = open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность",
        2024,
        timezone.localdate() + datetime.timedelta(days=5),
        [school, other_school],
    )
    course = Course.objects.create(
        person=lib_a,
        title="Курсы",
        hours=16,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 1, 2),
        scan=SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan"),
    )
    portfolio = PortfolioEntry.objects.create(
        person=lib_a,
        title="Выступление",
        kind="talk",
        date=datetime.date(2024, 2, 2),
        level="municipal",
        file=SimpleUploadedFile("talk.pdf", b"%PDF-1.4 talk"),
    )
    fsem = open_round(
        association,
        head_user,
        Kind.FSEM,
        "Сверка с ФСЭМ",
        2024,
        timezone.localdate() + datetime.timedelta(days=5),
        [school],
    )
    fsem_report = Report.objects.get(round=fsem, school=school)
    FsemAnswer.objects.create(
        report=fsem_report,
        check_date=datetime.date(2024, 3, 1),
        list_edition=datetime.date(2024, 2, 1),
        items_found=1,
        items_withdrawn=1,
        act_number="1",
        act_date=datetime.date(2024, 3, 1),
        act_scan=SimpleUploadedFile("act.pdf", b"%PDF-1.4 act"),
    )
    consent = Consent.objects.create(
        person=lib_a,
        scope=Consent.Scope.PROCESSING,
        given_on=datetime.date(2024, 1, 1),
        scan=SimpleUploadedFile("consent.pdf", b"%PDF-1.4 consent"),
    )
    section = plan.sections.first()
    meeting_event = Event.objects.create(section=section, position=8, title="Заседание №1", meeting_number=1)
    meeting = Meeting.objects.create(event=meeting_event, secretary=lib_a)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="О плане работы")
    decision = Decision.objects.create(
        item=item, position=1, text="Утвердить план", responsible=lib_a, deadline=datetime.date(2024, 1, 1)
    )
    material = Material.objects.create(
        meeting=meeting, file=SimpleUploadedFile("доклад.pdf", b"%PDF-1.4 talk")
    )
    contest = Contest.objects.create(
        event=Event.objects.get(section__plan=plan, title="Конкурс юных поэтов"),
        entry_deadline=timezone.localdate() + datetime.timedelta(days=7),
        rules_file=SimpleUploadedFile("положение.pdf", b"%PDF-1.4 rules"),
        background=SimpleUploadedFile("фон.png", b"\x89PNG\r\n\x1a\n background"),
    )
    category = Category.objects.create(
        contest=contest, position=1, title="5–8 классы", grade_from=5, grade_to=8
    )
    Criterion.objects.create(contest=contest, position=1, title="Выразительность", max_score=10)
    jury = JuryMember.objects.create(contest=contest, position=1, person=head_user.account.person)
    JuryMember.objects.create(contest=contest, position=2, guest="Орлова Н.П.")
    contest_entry = Entry.objects.create(
        contest=contest,
        school=school,
        category=category,
        surname="Иванова",
        first_name="Мария",
        grade=5,
        work_file=SimpleUploadedFile("стих.pdf", b"%PDF-1.4 poem"),
    )
    gone = Event.objects.create(section=section, position=9, title="Удалённое мероприятие")
    gone_pk = gone.pk
    gone.delete()
    targets = {
        "deleted_event": ["events.event", Event.history.get(id=gone_pk, history_type="-").history_id],
        "plan": [plan.association.slug, plan.year_name],
        "plan_pdf": [plan.association.slug, plan.year_name, "pdf"],
        "section": [section.pk],
        "event": [Event.objects.filter(section=section).first().pk],
        "feed": [lib_a.calendar_token],
        "meeting": [meeting_event.pk],
        "protocol": [meeting_event.pk, "docx"],
        "agenda_item": [item.pk],
        "contest": [contest.pk],
        "contest_document": [contest.pk, "protocol.docx"],
        "entry": [contest_entry.pk],
        "jury": [jury.pk],
        "material": [material.pk],
        "decision": [decision.pk],
        "person": [lib_a.pk],
        "no_login_person": [
            Person.objects.create(
                association=association, surname="Новикова", initials="Е.А.", school=school
            ).pk
        ],
        "course": [course.pk],
        "portfolio": [portfolio.pk],
        "school": [school.pk],
        "offer": [offer.pk],
        "need": [need.pk],
        "transfer": [requested.pk],
        "agreed_transfer": [agreed.pk],
        "agree": [requested.pk, "agree"],
        "round": [round_.pk],
        "round_xlsx": [round_.pk, "xlsx"],
        "report": [Report.objects.get(round=round_, school=school).pk],
        "fsem_report": [fsem_report.pk],
        "consent": [consent.pk],
        "my_data": [lib_a.pk, "json"],
        "association": [association.pk],
        "xlsx": ["xlsx"],
        "plan_upload": [
            plan_uploads.store(SimpleUploadedFile("план.txt", SEED_PLAN.read_bytes()), head_user.account)
        ],
    }
    users = {
        "visitor": None,
        "lib_a": librarian_user,
        "lib_b": other_librarian_user,
        "viewer": viewer_user,
        "head": head_user,
        "coordinator": coordinator_user,
        "outsider": other_head_user,
    }
    return targets, users, association


@pytest.mark.django_db
def test_permission_matrix(world):
    targets, users, association = world
    login_url = reverse("login")
    wrong = []
    for name, (method, target, expected) in MATRIX.items():
        url = reverse(name, args=targets[target] if target else [])
        for role, user in users.items():
            client = Client()
            if user:
                client.force_login(user)
            if role == "coordinator":
                session = client.session
                session[COORDINATED_KEY] = association.pk  # looking at this association
                session.save()
            with transaction.atomic():
                response = getattr(client, method)(url)
                transaction.set_rollback(True)
            redirect = response.get("Location", "")
            if response.status_code == 302 and redirect.startswith(login_url):
                got = LOGIN
            elif response.status_code in (200, 302):
                got = OK
            else:
                got = response.status_code
            want = expected_for(name, target, expected, role)
            if got != want:
                wrong.append(f"{method.upper()} {name} as {role}: {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_no_account_of_the_site_opens_the_admin(world):
    """The admin is the site administrator's alone: every registered model's list and add page, and a plan's
    change page, send everybody else to the admin's login (none of these people is staff)."""
    from django.contrib import admin

    targets, users, association = world
    plan = Event.objects.first().section.plan
    urls = [reverse("admin:index"), reverse("admin:events_plan_change", args=[plan.pk])]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    assert len(urls) > 10
    opened = []
    for role, user in users.items():
        if user is None:
            continue
        assert not (user.is_staff or user.is_superuser), role
        client = Client()
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            if not (response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))):
                opened.append(f"{role}: {url} → {response.status_code}")
    assert not opened, "\n".join(opened)
