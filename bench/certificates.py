"""python -m bench --certificates-only (or python -m bench.certificates): a contest's certificates for 300 entries
as one PDF — the time and the peak memory, in this process, on a temporary SQLite database of its own.

The contest: 300 pupils in three categories, every tenth with a place and a librarian who prepared it (so some
60 благодарности join the 300 дипломы and сертификаты), issued once (numbers only), then prepared as
`manage.py prepare_certificates` does after «Выпустить грамоты»: the one PDF and the portfolio pages, for the time
(and the process's ru_maxrss); then the PDF is rendered once more under tracemalloc for the peak of Python's
allocations.
"""

import datetime
import os
import resource
import sys
import tempfile
import time
import tracemalloc

ENTRIES = 300
LIBRARIANS = [(surname, first, patronymic) for surname in ("Куклина", "Петрова", "Сидоренко", "Белая", "Ким")
              for first, patronymic in (("Наталья", "Николаевна"), ("Анна", "Сергеевна"), ("Ольга", "Петровна"),
                                        ("Елена", "Ивановна"))]  # fmt: skip


def build():
    from contests.models import Category, Contest, Entry
    from contests.services import confirm_places
    from events.models import Event, Plan, Section
    from members.models import Association, Person, School

    association = Association.objects.create(name="ГТО ШБ г. Усть-Илимска", city="Усть-Илимск", slug="bench")
    plan = Plan.objects.create(association=association, year_start=2023, head_name="Саблина В.И.")
    section = Section.objects.create(plan=plan, position=1, title="Конкурсы")
    event = Event.objects.create(
        section=section, position=1, title="Живая классика", dates_text="Март, 2024 г."
    )
    contest = Contest.objects.create(event=event)
    categories = [
        Category.objects.create(contest=contest, position=n, title=title)
        for n, title in enumerate(["5–6 классы", "7–8 классы", "9–11 классы"], start=1)
    ]
    schools = [
        School.objects.create(
            association=association, name=f"Средняя школа № {n}", short_name=f"МАОУ СОШ № {n}"
        )
        for n in range(1, 21)
    ]
    librarians = [
        Person.objects.create(
            association=association, surname=surname, first_name=first, patronymic=patronymic, school=school
        )  # fmt: skip
        for school, (surname, first, patronymic) in zip(schools, LIBRARIANS, strict=True)
    ]
    pupils = [("Иванова", "Мария"), ("Петров", "Иван"), ("Шевченко", "Ольга"), ("Ли", "Ким"), ("Гусь", "Лев"),
              ("Черных", "Анна"), ("Белая", "Дарья"), ("Сердюк", "Артём")]  # fmt: skip
    Entry.objects.bulk_create(
        Entry(
            contest=contest,
            school=schools[n % 20],
            category=categories[n % 3],
            surname=pupils[n % 8][0],
            first_name=pupils[n % 8][1],
            grade=5 + n % 7,
            mentor=librarians[n % 20] if n % 5 == 0 else None,
            place=(1 + n // 10 % 3) if n % 10 == 0 else None,
        )  # fmt: skip
        for n in range(ENTRIES)
    )
    places = {entry.pk: entry.place for entry in contest.entries.all()}
    return confirm_places(contest, places)


def run():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contests import certificates

    contest = build()
    started = time.perf_counter()
    issued = certificates.issue(contest, today=datetime.date(2024, 3, 20))
    issue_seconds = time.perf_counter() - started

    # What `manage.py prepare_certificates` does after «Выпустить грамоты»: the one PDF and the portfolio pages.
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        prepared = certificates.prepare(contest.pk)
    seconds = time.perf_counter() - started
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pdf_bytes = prepared.certificates_file.size

    tracemalloc.start()
    certificates.render_pdf(contest, certificates.certificates_for(contest))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "entries": ENTRIES,
        "certificates": len(issued),
        "issue_seconds": round(issue_seconds, 2),
        "prepare_seconds": round(seconds, 2),
        "per_page_ms": round(seconds / len(issued) * 1000),
        "prepare_queries": len(queries),
        "pdf_mb": round(pdf_bytes / 1024 / 1024, 2),
        "tracemalloc_peak_mb": round(peak / 1024 / 1024, 1),
        "process_maxrss_mb": round(maxrss_mb, 1),
    }


def main():
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    with tempfile.TemporaryDirectory() as media:
        os.environ["MEDIA_ROOT"] = media
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        results = run()
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    return results


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
