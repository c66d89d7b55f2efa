"""python -m bench.soak — 50 people using the site at once for a minute (bin/loadtest runs it).

Every virtual person is a librarian signed in to the demo data (`setup_demo`) in a database of its
own (gto_shb_soak, made anew each run) behind gunicorn with DEBUG off. Each loops, with no pause:
reads the home page, the bank (searching) and the plan; then writes — adds a need, edits one of
its needs, or asks another school for copies of an offer set aside for it. Nothing leaves 127.0.0.1,
and the run stops by itself after --duration seconds.

Afterwards the database is compared with what the server acknowledged: every need the server said
it created exists, every transfer request too, every edited need holds the last value acknowledged.
A server error (5xx) or a lost write fails the run (exit code 1). Figures go to docs/loadtest.json.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.__main__ import PYTHON, ROOT, SERVER, free_port, machine, say, session_cookie, start_gunicorn, stop

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d*)"')
NEED = re.compile(r"^/textbooks/needs/(\d+)/$")
TRANSFER = re.compile(r"^/textbooks/transfers/(\d+)/$")
OFFERS_EACH = 300  # offers set aside for each person's requests: more than a minute of asking uses


class Person:
    """One signed-in librarian's browser: cookies, and what the server acknowledged."""

    def __init__(self, port, username, session, offers):
        self.port, self.username, self.offers = port, username, list(offers)
        self.cookies = dict([session.split("=", 1)])
        self.needs_created, self.transfers_created, self.need_copies = set(), set(), {}
        self.statuses, self.latencies, self.errors = {}, [], []

    def request(self, method, path, form=None):
        body = urlencode(form) if form is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        self.latencies.append(time.perf_counter() - started)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
        if response.status >= 500:
            self.errors.append(f"{method} {path}: {response.status}")
        return response.status, response.getheader("Location", ""), text

    def form_token(self, path):
        status, _, text = self.request("GET", path)
        token = TOKEN.search(text)
        version = VERSION.search(text)
        return (token.group(1) if token else ""), (version.group(1) if version else "")

    def add_need(self, n):
        token, _ = self.form_token("/textbooks/needs/new/")
        status, location, _ = self.request(
            "POST",
            "/textbooks/needs/new/",
            {
                "csrfmiddlewaretoken": token,
                "fpu_number": "",
                "title": f"Нагрузка {self.username} {n}",
                "authors": "Тестов Т.Т.",
                "subject": "Математика",
                "grade": "5",
                "copies": "3",
                "needed_by": "",
                "note": "",
                "version": "",
            },
        )
        if status == 302 and NEED.match(location):
            self.needs_created.add(int(NEED.match(location).group(1)))

    def edit_need(self, n):
        if not self.needs_created:
            return self.add_need(n)
        pk = random.choice(sorted(self.needs_created))
        token, version = self.form_token(f"/textbooks/needs/{pk}/edit/")
        copies = 1 + n % 40
        status, location, _ = self.request(
            "POST",
            f"/textbooks/needs/{pk}/edit/",
            {
                "csrfmiddlewaretoken": token,
                "fpu_number": "",
                "title": f"Нагрузка {self.username} правка",
                "authors": "Тестов Т.Т.",
                "subject": "Математика",
                "grade": "5",
                "copies": str(copies),
                "needed_by": "",
                "note": "",
                "version": version,
            },
        )
        if status == 302:
            self.need_copies[pk] = copies

    def ask(self, n):
        if not self.offers:
            return self.read(n)
        offer = self.offers.pop(0)
        token, _ = self.form_token(f"/textbooks/offers/{offer}/")
        status, location, _ = self.request(
            "POST",
            f"/textbooks/offers/{offer}/request/",
            {"csrfmiddlewaretoken": token, "copies": "2", "return_by": "2027-05-31", "need": "", "note": ""},
        )
        if status == 302 and TRANSFER.match(location):
            self.transfers_created.add(int(TRANSFER.match(location).group(1)))

    def read(self, n):
        self.request("GET", "/")
        self.request(
            "GET",
            "/textbooks/?" + urlencode({"q": random.choice(["математика", "русский", "атанасян", "чтение"])}),
        )
        self.request("GET", "/plans/ust-ilimsk/2023-2024/")

    def run(self, until):
        n = 0
        actions = [self.read, self.add_need, self.read, self.edit_need, self.read, self.ask]
        while time.monotonic() < until:
            try:
                actions[n % len(actions)](n)
            except OSError as error:
                self.errors.append(f"{type(error).__name__}: {error}")
            n += 1


def prepare(database, users, env):
    import psycopg2

    admin = psycopg2.connect(f"{SERVER}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
        cursor.execute(f'CREATE DATABASE "{database}"')
    admin.close()
    for command in (["migrate", "--noinput", "-v0"], ["setup_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    subprocess.run([PYTHON, "-c", f"import django; django.setup(); from bench.soak import add_people; add_people({users})"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip


def add_people(count):
    """`count` librarians spread over the demo city's schools, each with offers of another school set aside for it."""
    from django.contrib.auth.models import User

    from members.models import Account, Association, Person, School
    from textbooks.models import Offer

    association = Association.objects.get(slug="ust-ilimsk")
    schools = list(School.objects.filter(association=association).order_by("pk"))
    for i in range(count):
        school = schools[i % len(schools)]
        person = Person.objects.create(
            association=association,
            surname=f"Нагрузочная{chr(1040 + i % 32)}{i}",
            initials="Н.Н.",
            school=school,
        )
        user = User.objects.create_user(username=f"load{i}", password=None)
        Account.objects.create(user=user, association=association, role=Account.Role.LIBRARIAN, person=person)
        giver = schools[(i + 1) % len(schools)]
        offers = [
            Offer(
                school=giver,
                title=f"Учебник для нагрузки {i}-{k}",
                authors="Авторов А.А.",
                subject="Математика",
                grade_from=5,
                grade_to=5,
                copies=10,
                available=10,
            )
            for k in range(OFFERS_EACH)
        ]
        for offer in offers:
            offer.set_keys()
        Offer.objects.bulk_create(offers)


def offers_for(i):
    from textbooks.models import Offer

    return list(
        Offer.objects.filter(title__startswith=f"Учебник для нагрузки {i}-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def check(people):
    """What the server acknowledged against what the database holds: [problems]."""
    from textbooks.models import Need, Transfer

    problems = []
    if (
        not any(p.needs_created for p in people)
        or not any(p.need_copies for p in people)
        or not any(p.transfers_created for p in people)
    ):
        problems.append(
            "сервер не подтвердил ни одной записи какого-то вида: проверять нечего (вход или формы не работают)"
        )
    acknowledged_needs = set().union(*(p.needs_created for p in people))
    stored_needs = set(Need.objects.filter(title__startswith="Нагрузка").values_list("pk", flat=True))
    if acknowledged_needs - stored_needs:
        problems.append(f"потеряны потребности: {sorted(acknowledged_needs - stored_needs)[:10]}")
    if stored_needs - acknowledged_needs:
        problems.append(f"лишние потребности: {sorted(stored_needs - acknowledged_needs)[:10]}")
    acknowledged_transfers = set().union(*(p.transfers_created for p in people))
    stored_transfers = set(Transfer.objects.values_list("pk", flat=True)) - BASELINE_TRANSFERS
    if acknowledged_transfers != stored_transfers:
        problems.append(
            f"запросы: подтверждено {len(acknowledged_transfers)}, в базе {len(stored_transfers)}"
        )
    copies = dict(
        Need.objects.filter(pk__in=[pk for p in people for pk in p.need_copies]).values_list("pk", "copies")
    )
    lost = [pk for p in people for pk, value in p.need_copies.items() if copies.get(pk) != value]
    if lost:
        problems.append(f"правки потребностей не совпали: {lost[:10]}")
    return problems


BASELINE_TRANSFERS = set()


def main():
    parser = argparse.ArgumentParser(
        prog="bin/loadtest", description="Нагрузочная проверка: люди одновременно читают и пишут."
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="секунд (по умолчанию 60)")
    parser.add_argument("--workers", type=int, default=3, help="процессов gunicorn")
    parser.add_argument("--database", default="gto_shb_soak")
    parser.add_argument("--output", default=str(ROOT / "docs" / "loadtest.json"))
    args = parser.parse_args()

    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{args.database}", "DEBUG": "false", "HTTPS": "false",
           "SECRET_KEY": "load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz", "ALLOWED_HOSTS": "127.0.0.1",
           "DB_CONN_MAX_AGE": "60", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
           "DJANGO_SETTINGS_MODULE": "gto_shb.settings"}  # fmt: skip
    say(f"Готовлю базу {args.database}: демо-данные и {args.users} библиотекарей.")
    prepare(args.database, args.users, env)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DEBUG", "HTTPS", "SECRET_KEY", "ALLOWED_HOSTS")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "gto_shb.settings"
    import django

    django.setup()
    from textbooks.models import Transfer

    BASELINE_TRANSFERS.update(Transfer.objects.values_list("pk", flat=True))
    port = free_port()
    server = start_gunicorn(port, args, env)
    try:
        people = [
            Person(port, f"load{i}", session_cookie(f"load{i}"), offers_for(i)) for i in range(args.users)
        ]
        say(f"{args.users} человек работают {args.duration:.0f} с…")
        until = time.monotonic() + args.duration
        started = time.monotonic()
        threads = [threading.Thread(target=p.run, args=(until,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        stop(server)
    problems = check(people)
    latencies = sorted(x for p in people for x in p.latencies)
    statuses = {}
    for p in people:
        for status, count in p.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    errors = [e for p in people for e in p.errors]
    report = {
        "date": datetime.date.today().isoformat(), "machine": machine(), "users": args.users, "duration_s": round(elapsed, 1),
        "gunicorn_workers": args.workers, "requests": len(latencies), "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1) if latencies else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "needs_created": sum(len(p.needs_created) for p in people), "needs_edited": sum(len(p.need_copies) for p in people),
        "transfers_requested": sum(len(p.transfers_created) for p in people),
        "server_errors": errors[:20], "lost_writes": problems,
    }  # fmt: skip
    Path(args.output).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    say(json.dumps({k: v for k, v in report.items() if k != "machine"}, ensure_ascii=False, indent=1))
    if errors or problems:
        say("ПРОВАЛ: " + "; ".join(problems + errors[:5]))
        sys.exit(1)
    say(
        f"Без ошибок сервера и без потерянных записей: {report['requests']} запросов, {report['rps']} в секунду. Записано в {args.output}."
    )


if __name__ == "__main__":
    main()
