"""The copies of an offer never go below zero, also when schools ask for the last copies at the same moment.

PostgreSQL only: each thread is a separate connection, the requests really run at once, and the
row locks of textbooks.services are what keeps them apart. (SQLite has one writer at a time.)
"""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from members.models import Account, Person, School
from tests.conftest import make_account
from textbooks import services
from textbooks.models import Offer, Transfer

from .conftest import make_offer, make_textbook

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs parallel connections and row locks: PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 8
RETURN_BY = (datetime.date.today() + datetime.timedelta(days=200)).isoformat()


def at_once(jobs):
    """Run the callables in threads released together; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as error:  # noqa: BLE001 — reported to the test
            results[index] = error
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def client_for(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@pytest.fixture
def schools(association):
    """The offering school and eight schools that ask, each with its librarian."""
    giver = School.objects.create(
        association=association, name="Средняя школа № 1", short_name="МАОУ СОШ № 1"
    )
    askers = []
    for n in range(THREADS):
        school = School.objects.create(
            association=association, name=f"Средняя школа № {n + 2}", short_name=f"МАОУ СОШ № {n + 2}"
        )
        person = Person.objects.create(
            association=association, surname=f"Иванова{chr(0x430 + n)}", initials="А.А.", school=school
        )
        askers.append((school, make_account(association, Account.Role.LIBRARIAN, f"asker-{n}", person)))
    person = Person.objects.create(association=association, surname="Куклина", initials="Н.Н.", school=giver)
    return giver, make_account(association, Account.Role.LIBRARIAN, "giver", person), askers


def test_parallel_requests_for_the_last_copies_never_grant_more_than_there_are(schools):
    giver, giver_user, askers = schools
    offer = make_offer(giver, make_textbook(), copies=5)

    # Eight schools ask for 2 of the 5 copies at the same moment: asking reserves nothing, every request is taken.
    clients = [client_for(user) for _school, user in askers]
    responses = at_once([
        (lambda c=c: c.post(reverse("textbooks:offer_request", args=[offer.pk]), {"copies": 2, "return_by": RETURN_BY}))
        for c in clients
    ])  # fmt: skip
    assert all(getattr(r, "status_code", r) == 302 for r in responses), responses
    assert Transfer.objects.filter(offer=offer, status="requested").count() == THREADS
    assert Offer.objects.get(pk=offer.pk).available == 5

    # The offering school's librarian presses «Согласиться» on all eight at once (eight tabs):
    # only two can be granted — 4 copies of 5.
    transfers = list(Transfer.objects.filter(offer=offer))
    giver_clients = [client_for(giver_user) for _ in transfers]
    responses = at_once([
        (lambda c=c, t=t: c.post(reverse("textbooks:transfer_action", args=[t.pk, "agree"])))
        for c, t in zip(giver_clients, transfers)
    ])  # fmt: skip
    assert all(getattr(r, "status_code", r) == 302 for r in responses), responses
    agreed = Transfer.objects.filter(offer=offer, status="agreed")
    assert sum(t.copies for t in agreed) == 4 and agreed.count() == 2
    assert Transfer.objects.filter(offer=offer, status="requested").count() == THREADS - 2
    assert Offer.objects.get(pk=offer.pk).available == 1


def test_the_same_request_agreed_twice_at_once_takes_the_copies_once(schools):
    giver, giver_user, askers = schools
    offer = make_offer(giver, make_textbook(), copies=5)
    transfer = services.request_transfer(
        offer, askers[0][0], 3, datetime.date.today() + datetime.timedelta(days=200)
    )
    clients = [client_for(giver_user) for _ in range(4)]  # a double click, and two more
    at_once(
        [
            (lambda c=c: c.post(reverse("textbooks:transfer_action", args=[transfer.pk, "agree"])))
            for c in clients
        ]
    )
    assert Offer.objects.get(pk=offer.pk).available == 2
    assert Transfer.objects.get(pk=transfer.pk).status == "agreed"


def test_agreeing_and_editing_the_copies_at_once(schools):
    """A librarian lowers the copies while the last ones are being agreed: the offer stays consistent."""
    giver, _giver_user, askers = schools
    offer = make_offer(giver, make_textbook(), copies=6)
    transfers = [
        services.request_transfer(offer, school, 2, datetime.date.today() + datetime.timedelta(days=200))
        for school, _ in askers[:3]
    ]

    def lower():
        fresh = Offer.objects.get(pk=offer.pk)
        fresh.copies = 3
        try:
            services.save_offer(fresh)
        except services.TransferError:
            return "refused"
        return "saved"

    results = at_once([lambda t=t: services.agree(t.pk) for t in transfers] + [lower])
    offer = Offer.objects.get(pk=offer.pk)
    promised = sum(t.copies for t in Transfer.objects.filter(offer=offer, status="agreed"))
    assert 0 <= offer.available <= offer.copies
    assert offer.copies - offer.available == promised
    assert results[-1] in ("saved", "refused")


def test_one_school_asking_thirty_times_at_once_waits_for_one_answer(schools):
    """«One waiting request per school per offer» is the database's rule (a partial unique index), so parallel
    requests cannot slip past a check made before the insert."""
    giver, _giver_user, askers = schools
    offer = make_offer(giver, make_textbook(), copies=50)
    _school, user = askers[0]
    clients = [client_for(user) for _ in range(30)]
    responses = at_once([
        (lambda c=c: c.post(reverse("textbooks:offer_request", args=[offer.pk]), {"copies": 1, "return_by": RETURN_BY}))
        for c in clients
    ])  # fmt: skip
    assert all(getattr(response, "status_code", None) == 302 for response in responses), responses
    assert Transfer.objects.filter(offer=offer, status=Transfer.Status.REQUESTED).count() == 1
