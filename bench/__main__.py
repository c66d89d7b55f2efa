"""python -m bench — the site's speed at a region's size, measured (bin/benchmark runs it).

1. A PostgreSQL database of its own (gto_shb_bench; never the working or the test ones), migrated and
   filled by `generate_scale_data` — a region of 40 associations sharing one textbook bank; skipped
   when it already holds the same seed and sizes (the database's comment says which), then VACUUM
   ANALYZE. One more, small association carries the real 25-event plan for the PDF timings.
2. The site behind gunicorn on a free loopback port: DEBUG off, HTTPS off, the collected static files,
   persistent database connections (DB_CONN_MAX_AGE=60: without them every request opens a connection
   and sets the trigram threshold again).
3. Signed in as generated users of the largest association (sessions written straight into the
   database), a bounded load per page: a few threads asking one after another for a few seconds; p50,
   p95, requests per second. The bank is searched in one's own association (the default) and in the
   whole region (all 200,000 offers); the Django admin's change-list search over the same offers is the
   baseline the region-wide search is compared to. The coordinator's regional summary too.
4. The plan and the year's analysis as PDF (25 and 500 events), the regional summary as PDF; the
   region's whole bank as XLSX at 200,000 offers —
   time to the first byte, time in all, size and the serving worker's peak memory.
5. A table on the screen, everything in docs/benchmark.json (docs/performance.md keeps the figures).
"""

import argparse
import datetime
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load
from core.years import academic_year_of

ROOT = Path(__file__).resolve().parent.parent
PYTHON = (
    str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
)
SERVER = os.environ.get(
    "BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"
)  # another server: BENCH_POSTGRES=postgres://…
SAMPLE_PLAN = ROOT / "demo" / "data" / "plan-2023-2024.txt"

# Words people type into the bank's search: authors' surnames, subjects, a subject and a grade.
FRAGMENTS = ["атанасян", "виленкин", "мордкович", "канакина", "алгебра", "геометрия 8", "физика 7", "английский",
             "перышкин", "химия", "окружающий мир", "босова"]  # fmt: skip
TYPOS = ["канакна", "атонасян", "виленкен", "мардкович", "геометрея", "матиматика"]
SUBJECT_GRADES = [("Математика", 5), ("Физика", 8), ("Русский язык", 3), ("Биология", 7), ("Английский язык", 6),
                  ("История России", 9), ("Химия", 10), ("География", 6)]  # fmt: skip

TARGETS = {
    "bank_search_p95_ms": 30,
    "bank_search_region_p95_ms": 30,
    "bank_subject_grade_p95_ms": 30,
    "bank_subject_grade_region_p95_ms": 30,
    "search_vs_admin_ratio": 10,
    "plan_page_p95_ms": 50,
    "xlsx_peak_mb": 300,
}


def say(text):
    print(text, flush=True)


def main():
    parser = argparse.ArgumentParser(
        prog="bin/benchmark", description="Замер скорости на данных размером с регион."
    )
    parser.add_argument("--associations", type=int, default=40)
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--librarians", type=int, default=1200)
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--offers", type=int, default=200000)
    parser.add_argument("--needs", type=int, default=50000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database", default="gto_shb_bench", help="база для замера (её имя кончается на _bench)"
    )
    parser.add_argument(
        "--workers", type=int, default=3, help="процессов gunicorn (как в README), по умолчанию 3"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=os.cpu_count() or 2,
        help="одновременных клиентов без пауз, по умолчанию по числу ядер: все ядра заняты, запросы не ждут в очереди",
    )
    parser.add_argument("--duration", type=float, default=8.0, help="секунд на страницу, по умолчанию 8")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="DB_CONN_MAX_AGE для gunicorn, по умолчанию 60"
    )
    parser.add_argument(
        "--json", default=str(ROOT / "docs" / "benchmark.json"), help="куда записать результаты"
    )
    parser.add_argument(
        "--only",
        nargs="*",
        help="только эти страницы (ключи из docs/benchmark.json), без PDF и XLSX: для проб",
    )
    parser.add_argument(
        "--certificates-only",
        action="store_true",
        help="только грамоты конкурса: 300 заявок одним PDF, во временной SQLite (bench/certificates.py)",
    )
    args = parser.parse_args()
    if args.certificates_only:
        from bench import certificates

        certificates.main()
        return
    if not args.database.endswith("_bench"):
        parser.error("база для замера должна называться …_bench: рабочую и тестовые базы замер не трогает")

    sizes = {
        name: getattr(args, name)
        for name in ("associations", "schools", "librarians", "titles", "offers", "needs", "years", "events")
    }
    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{args.database}",
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-not-for-production",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DB_CONN_MAX_AGE": str(args.conn_max_age),
        "DJANGO_SETTINGS_MODULE": "gto_shb.settings",
    }
    os.environ.update(env)
    load_before = os.getloadavg()
    import django

    django.setup()  # no database yet: setup does not connect
    prepared = prepare_database(args, sizes, env)
    facts = data_facts()
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = start_gunicorn(port, args, env)
    try:
        results = measure(port, server, args, facts, env)
    finally:
        stop(server)
    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "database": args.database,
            "server": f"gunicorn, {args.workers} sync workers, DEBUG=false, DB_CONN_MAX_AGE={args.conn_max_age}",
            "load": f"{args.concurrency} clients in a closed loop (no pause), {args.duration:g} s per page, on 127.0.0.1",
            "sizes": sizes,
            "seed": args.seed,
            "data_generated_now": prepared,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },  # fmt: skip
        "data": facts["counts"],
        "measured_as": {
            "association": facts["largest"],
            "smallest_association_schools": facts["smallest_schools"],
        },
        **results,
    }
    if args.only:
        for page in report["pages"].values():
            say(
                f"{page['title']:<62} p50 {page['p50_ms']!s:>7}  p95 {page['p95_ms']!s:>7}  {page['rps']!s:>6}/с  {page['requests']}"
            )
        return 0
    report["targets"] = targets(report)
    print_table(report)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    say(
        f"\nРезультаты: {Path(args.json).relative_to(ROOT) if Path(args.json).is_relative_to(ROOT) else args.json}"
    )
    return 0 if all(t["met"] for t in report["targets"].values()) else 1


# ---------------------------------------------------------------- the database


def stamp_of(args, sizes):
    from bench.scale_data import VERSION

    year = academic_year_now()
    return f"gto-shb benchmark data v{VERSION}: seed={args.seed} year={year} " + " ".join(
        f"{k}={v}" for k, v in sizes.items()
    )


def academic_year_now():
    return academic_year_of(datetime.date.today())


def prepare_database(args, sizes, env):
    """Create (or re-create, when its data differ) the benchmark database, migrate, fill. True if filled now."""
    import psycopg2

    stamp = stamp_of(args, sizes)
    admin = psycopg2.connect(f"{SERVER}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [args.database],
        )
        row = cursor.fetchone()
        if row is not None and row[0] != stamp:
            say(f"База {args.database} заполнена другими данными: создаю заново.")
            cursor.execute(f'DROP DATABASE "{args.database}"')
            row = None
        if row is None:
            cursor.execute(f'CREATE DATABASE "{args.database}"')
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    if row is not None:
        say(f"База {args.database}: данные уже созданы ({stamp}).")
        admin.close()
        return False
    say(f"Создаю данные в базе {args.database}: {stamp}")
    started = time.monotonic()
    subprocess.run([PYTHON, "manage.py", "generate_scale_data", f"--seed={args.seed}", f"--year={academic_year_now()}",
                    *[f"--{k}={v}" for k, v in sizes.items()]], cwd=ROOT, env=env, check=True)  # fmt: skip
    subprocess.run([PYTHON, "-c", "import django; django.setup(); from bench.__main__ import add_sample_plan; add_sample_plan()"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    with admin.cursor() as cursor:
        target = psycopg2.connect(f"{SERVER}/{args.database}")
        target.autocommit = True
        with target.cursor() as vacuum:
            vacuum.execute("VACUUM ANALYZE")
        target.close()
        cursor.execute(f'COMMENT ON DATABASE "{args.database}" IS %s', [stamp])
    admin.close()
    say(f"Данные созданы за {time.monotonic() - started:.0f} с.")
    return True


def add_sample_plan():
    """The real 2023-2024 plan (25 events) in an association of its own, with a head to ask for its analysis."""
    from django.contrib.auth.models import User

    from events.plan_import import import_plan_file
    from members.models import Account, Association

    association, _ = Association.objects.get_or_create(
        slug="sample", defaults={"name": "ГТО ШБ (план-образец)", "city": "Усть-Илимск"}
    )
    if not association.plans.exists():
        plan = import_plan_file(SAMPLE_PLAN, association).plan
        plan.status = plan.Status.PUBLISHED
        plan.save()
    user, _ = User.objects.get_or_create(username="sample-head", defaults={"password": "!"})
    Account.objects.get_or_create(user=user, defaults={"association": association, "role": Account.Role.HEAD})


def data_facts():
    """What the database holds — the region's totals and the largest association's, whose people the pages are
    measured as (the largest: the most schools, librarians and offers on its own pages)."""
    from django.db import connection
    from django.db.models import Count, F

    from events.models import Event, Plan
    from members.models import Association, Person, School
    from textbooks.models import Need, Offer, Textbook, Transfer

    region = Association.objects.exclude(slug="sample")
    largest = region.annotate(n=Count("schools")).order_by("-n", "pk").first()
    plan = Plan.objects.filter(association=largest).order_by("-year_start").first()
    sample = Plan.objects.get(association__slug="sample")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    schools = School.objects.filter(association__in=region)
    offers = Offer.objects.filter(school__association__in=region)
    needs = Need.objects.filter(school__association__in=region)
    return {
        "association": largest.slug,
        "plan_url": plan.get_absolute_url(),
        "plan": (largest.slug, plan.year_name),
        "sample": ("sample", sample.year_name),
        "year": plan.year_start,
        "postgres": f"PostgreSQL {postgres} (shared_buffers {shared_buffers})",
        "counts": {
            "associations": region.count(),
            "schools": schools.count(),
            "librarians": Person.objects.filter(association__in=region).count(),
            "titles_in_fpu": Textbook.objects.count(),
            "offers": offers.count(),
            "active_offers": Offer.objects.active().filter(school__association__in=region).count(),
            "needs": needs.count(),
            "open_needs": Need.objects.open().filter(school__association__in=region).count(),
            "transfers": Transfer.objects.count(),
            "transfers_across_associations": Transfer.objects.exclude(
                to_school__association=F("offer__school__association")
            ).count(),
            "plans": Plan.objects.filter(association__in=region).count(),
            "events_in_all_plans": Event.objects.filter(section__plan__association__in=region).count(),
            "events_in_the_plan": Event.objects.filter(section__plan=plan).count(),
            "events_in_the_sample_plan": Event.objects.filter(section__plan=sample).count(),
        },
        "largest": {
            "slug": largest.slug,
            "name": largest.name,
            "schools": largest.n,
            "librarians": Person.objects.filter(association=largest).count(),
            "active_offers": Offer.objects.active().filter(school__association=largest).count(),
            "open_needs": Need.objects.open().filter(school__association=largest).count(),
        },  # fmt: skip
        "smallest_schools": min(region.annotate(n=Count("schools")).values_list("n", flat=True)),
    }


# ---------------------------------------------------------------- the server


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port, args, env):
    log = tempfile.NamedTemporaryFile(prefix="gunicorn-bench-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "gto_shb.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    server.log_path = log.name
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn не запустился: {Path(log.name).read_text()[-2000:]}")
        try:
            if load.get(port, "/accounts/login/", timeout=5)[0] == 200:
                say(f"gunicorn: 127.0.0.1:{port}, процессов: {args.workers}.")
                return server
        except OSError:
            pass
        time.sleep(0.3)
    stop(server)
    raise SystemExit("gunicorn не ответил за минуту")


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def workers_of(server):
    try:
        return [
            int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        ]
    except OSError:
        return []


def memory_mb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


def session_cookie(username):
    """Sign in as `username` the way django.contrib.auth does, without a password: a session row."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[
        0
    ]  # a session of another backend is not a login
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


# ---------------------------------------------------------------- the measurements


def measure(port, server, args, facts, env):
    from urllib.parse import unquote_plus, urlencode

    from members.models import Account

    slug, largest, counts = facts["association"], facts["largest"], facts["counts"]
    librarian = Account.objects.filter(
        association__slug=slug, role=Account.Role.LIBRARIAN, person__school__isnull=False
    )
    cookies = {
        "head": session_cookie(f"{slug}-head"),
        "librarian": session_cookie(librarian.order_by("pk").first().user.username),
        "coordinator": session_cookie("region-coordinator"),
        "admin": session_cookie("region-admin"),
        "sample": session_cookie("sample-head"),
    }
    bank, region = "/textbooks/?", {"scope": "region"}
    own = f"своё объединение, предложений: {largest['active_offers']}"
    everywhere = f"весь регион, предложений: {counts['active_offers']}"
    pages = [
        ("home", "Главная (руководитель)", ["/"], "head"),
        ("plan_reader", f"План, {counts['events_in_the_plan']} мероприятий (библиотекарь)", [facts["plan_url"]], "librarian"),
        ("plan_head", f"План, {counts['events_in_the_plan']} мероприятий (руководитель, с правкой)", [facts["plan_url"]], "head"),
        ("bank_list", f"Обменный фонд: первая страница ({own})", [bank], "librarian"),
        ("bank_search", f"Фонд: поиск по названию или автору ({own})", [bank + urlencode({"q": q}) for q in FRAGMENTS], "librarian"),
        ("bank_search_region", f"Фонд: поиск по названию или автору ({everywhere})",
         [bank + urlencode({"q": q, **region}) for q in FRAGMENTS], "librarian"),
        ("bank_search_typo", f"Фонд: поиск с опечаткой ({everywhere})", [bank + urlencode({"q": q, **region}) for q in TYPOS], "librarian"),
        ("bank_subject_grade", f"Фонд: предмет и класс ({own})",
         [bank + urlencode({"subject": s, "grade": g}) for s, g in SUBJECT_GRADES], "librarian"),
        ("bank_subject_grade_region", f"Фонд: предмет и класс ({everywhere})",
         [bank + urlencode({"subject": s, "grade": g, **region}) for s, g in SUBJECT_GRADES], "librarian"),
        ("needs", "Нужно школам: первая страница", ["/textbooks/needs/"], "librarian"),
        ("librarians", f"Библиотекари объединения ({largest['librarians']})", ["/members/"], "head"),
        ("schools", f"Школы объединения ({largest['schools']})", ["/members/schools/"], "head"),
        ("region", f"Регион: сводка по объединениям ({counts['associations']}; координатор)", ["/region/"], "coordinator"),
        ("admin_search", f"Админка Django: поиск предложений (их {counts['offers']}; база сравнения)",
         ["/admin/textbooks/offer/?" + urlencode({"q": q}) for q in FRAGMENTS], "admin"),
    ]  # fmt: skip
    results = {}
    for key, title, paths, who in pages:
        if args.only and key not in args.only:
            continue
        say(f"  {title} …")
        result = load.run(
            title, port, paths, cookies[who], concurrency=args.concurrency, duration=args.duration
        )
        results[key] = {
            "title": title,
            "who": who,
            "paths": [unquote_plus(path) for path in paths],
            **result.summary(),
        }

    if args.only:
        return {
            "pages": results,
            "documents": {},
            "xlsx_export": {},
            "search_vs_admin_ratio": None,
            "postgres": facts["postgres"],
        }
    documents = {}
    for key, title, path, who in [
        # as the association's own head: made anew each time (a visitor's copy is cached by its content — the last row)
        ("plan_pdf_25", f"План (PDF), {facts['counts']['events_in_the_sample_plan']} мероприятий", "/reports/{}/{}/plan.pdf".format(*facts["sample"]), "sample"),
        ("plan_pdf_500", f"План (PDF), {facts['counts']['events_in_the_plan']} мероприятий", "/reports/{}/{}/plan.pdf".format(*facts["plan"]), "head"),
        ("analysis_pdf_25", f"Анализ года (PDF), {facts['counts']['events_in_the_sample_plan']} мероприятий", "/reports/{}/{}/analysis.pdf".format(*facts["sample"]), "sample"),
        ("analysis_pdf_500", f"Анализ года (PDF), {facts['counts']['events_in_the_plan']} мероприятий", "/reports/{}/{}/analysis.pdf".format(*facts["plan"]), "head"),
        ("region_pdf", f"Регион: сводка по объединениям ({facts['counts']['associations']}; PDF)", f"/region/summary.pdf?year={facts['year']}", "coordinator"),
        ("plan_pdf_500_visitor", f"План (PDF), {facts['counts']['events_in_the_plan']} мероприятий, посетителю (из кэша)",
         "/reports/{}/{}/plan.pdf".format(*facts["plan"]), None),
    ]:  # fmt: skip
        say(f"  {title} …")
        cookie = cookies[who] if who else None
        load.get(port, path, cookie)  # fonts and stylesheet, once per worker process
        timings, size = [], 0
        for _ in range(5):
            status, body, seconds = load.get(port, path, cookie)
            if status != 200:
                raise SystemExit(f"{path}: {status}")
            timings.append(seconds)
            size = len(body)
        timings.sort()
        documents[key] = {"title": title, "path": path, "median_s": round(timings[len(timings) // 2], 2),
                          "min_s": round(timings[0], 2), "max_s": round(timings[-1], 2), "kb": size // 1024}  # fmt: skip

    say("  Обменный фонд всего региона (XLSX) …")
    # In a worker of its own, just started: its peak is the download's, not what the PDFs left in the others.
    export_port = free_port()
    export_server = start_gunicorn(export_port, argparse.Namespace(workers=1), env)
    try:
        export = measure_export(
            export_port, export_server, cookies["head"], "/textbooks/export.xlsx?scope=region"
        )
    finally:
        stop(export_server)
    export["busy_workers_rss_mb"] = sorted(round(memory_mb(pid, "VmRSS")) for pid in workers_of(server))
    export["rows"] = facts["counts"]["active_offers"] + facts["counts"]["open_needs"]
    ratio = None
    if (
        results["admin_search"]["p50_ms"] and results["bank_search_region"]["p50_ms"]
    ):  # over the same 200,000 offers
        ratio = round(results["admin_search"]["p50_ms"] / results["bank_search_region"]["p50_ms"], 1)
    return {"pages": results, "documents": documents, "xlsx_export": export, "search_vs_admin_ratio": ratio,
            "postgres": facts["postgres"]}  # fmt: skip


def measure_export(port, server, cookie, path):
    """The whole bank as XLSX: time to the first byte and in all, size, and the serving worker's peak memory.

    Each worker's peak (VmHWM) is reset to its present size first (/proc/PID/clear_refs), so the peak read
    afterwards is this download's.
    """
    workers = workers_of(server)
    before = {}
    for pid in workers:
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            pass
        before[pid] = memory_mb(pid, "VmRSS")
    status, size, first, total = load.download(port, path, cookie)
    if status != 200:
        raise SystemExit(f"export.xlsx: {status}")
    peaks = {pid: memory_mb(pid, "VmHWM") for pid in workers}
    grown = max(workers, key=lambda pid: peaks[pid] - before[pid]) if workers else None
    return {
        "rows": None,
        "mb": round(size / 1e6, 1),
        "first_byte_s": round(first, 2),
        "total_s": round(total, 1),
        "worker_rss_before_mb": round(before[grown]) if grown else None,
        "worker_peak_mb": round(peaks[grown]) if grown else None,
        "streamed": first is not None and first < total / 2,
    }


# ---------------------------------------------------------------- the report


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    import django

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory / 1024 / 1024),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(), "django": django.get_version(),
        "gunicorn": _version("gunicorn"), "openpyxl": _version("openpyxl"),
    }  # fmt: skip


def _version(package):
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def targets(report):
    pages, export = report["pages"], report["xlsx_export"]
    plan_p95 = max(pages["plan_reader"]["p95_ms"], pages["plan_head"]["p95_ms"])
    rows = {
        "bank_search_p95_ms": (pages["bank_search"]["p95_ms"], "≤", TARGETS["bank_search_p95_ms"]),
        "bank_search_region_p95_ms": (
            pages["bank_search_region"]["p95_ms"],
            "≤",
            TARGETS["bank_search_region_p95_ms"],
        ),
        "bank_subject_grade_p95_ms": (
            pages["bank_subject_grade"]["p95_ms"],
            "≤",
            TARGETS["bank_subject_grade_p95_ms"],
        ),
        "bank_subject_grade_region_p95_ms": (
            pages["bank_subject_grade_region"]["p95_ms"],
            "≤",
            TARGETS["bank_subject_grade_region_p95_ms"],
        ),
        "search_vs_admin_ratio": (report["search_vs_admin_ratio"], "≥", TARGETS["search_vs_admin_ratio"]),
        "plan_page_p95_ms": (plan_p95, "≤", TARGETS["plan_page_p95_ms"]),
        "xlsx_peak_mb": (export["worker_peak_mb"], "≤", TARGETS["xlsx_peak_mb"]),
        "xlsx_streamed": (export["streamed"], "=", True),
    }
    result = {}
    for name, (value, sign, target) in rows.items():
        met = value is not None and (
            value <= target if sign == "≤" else value >= target if sign == "≥" else value == target
        )
        result[name] = {"value": value, "target": f"{sign} {target}", "met": met}
    return result


def print_table(report):
    say("")
    say(f"{report['date']} · {report['machine']['cpu']}, {report['machine']['cores']} ядра, {report['machine']['memory_gb']} ГБ · "
        f"{report['postgres']} · Python {report['machine']['python']}, Django {report['machine']['django']}")  # fmt: skip
    say(f"{report['settings']['server']}; {report['settings']['load']}")
    say(
        f"Нагрузка на машину до замера: {report['settings']['load_average_before']}, после: {report['settings']['load_average_after']}"
    )
    data, largest = report["data"], report["measured_as"]["association"]
    say(f"Данные: объединений {data['associations']}, школ {data['schools']}, действующих предложений {data['active_offers']}, "
        f"планов {data['plans']}. Страницы — от имени самого большого объединения, {largest['name']}: школ {largest['schools']}, "
        f"библиотекарей {largest['librarians']}, предложений {largest['active_offers']}")  # fmt: skip
    say("")
    say(f"{'страница':<74} {'p50, мс':>8} {'p95, мс':>8} {'запр./с':>8} {'запросов':>9} {'КБ':>6}")
    for page in report["pages"].values():
        errors = f"  ошибки: {page['errors']}" if page["errors"] else ""
        say(f"{page['title']:<74} {page['p50_ms']!s:>8} {page['p95_ms']!s:>8} {page['rps']!s:>8} {page['requests']:>9} "
            f"{page['kb_per_page']!s:>6}{errors}")  # fmt: skip
    say(
        f"\nПоиск обменного фонда быстрее поиска админки в {report['search_vs_admin_ratio']} раз (по медиане)."
    )
    say("")
    for document in report["documents"].values():
        say(
            f"{document['title']:<74} {document['median_s']:>6} с (медиана из 5; {document['min_s']}–{document['max_s']} с, {document['kb']} КБ)"
        )
    export = report["xlsx_export"]
    say(f"{'Обменный фонд всего региона (XLSX), строк: ' + str(export['rows']):<74} {export['total_s']:>6} с, первые байты через {export['first_byte_s']} с, "
        f"{export['mb']} МБ; новый процесс gunicorn: {export['worker_rss_before_mb']} → пик {export['worker_peak_mb']} МБ")  # fmt: skip
    say(f"{'':<74} (процессы, отработавшие замер: {export['busy_workers_rss_mb']} МБ)")
    say("")
    for name, target in report["targets"].items():
        say(
            f"{'выполнено' if target['met'] else 'НЕ ВЫПОЛНЕНО':<13} {name}: {target['value']} (цель {target['target']})"
        )


if __name__ == "__main__":
    sys.exit(main())
