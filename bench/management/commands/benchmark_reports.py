"""python manage.py benchmark_reports [--runs 5] [--events 500]

Render times of the printed plan and the year's analysis: the seed plan (25 events)
and a large generated plan. Everything is built inside a transaction that is rolled
back, so the database is left as it was. A benchmark, not a test: README records the figures.
"""

import os
import platform
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from bench.large_plan import make_large_plan
from events.plan_import import import_plan_file
from members.models import Association
from reports.base import get_exporter

SEED_PLAN = Path(settings.BASE_DIR) / "demo" / "data" / "plan-2023-2024.txt"
EXPORTERS = ["plan-pdf", "plan-xlsx", "plan-docx", "analysis-pdf", "analysis-xlsx"]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Замерить время выгрузки плана (PDF, XLSX, DOCX) и анализа (PDF, XLSX): план-образец и большой план. База не меняется."

    def add_arguments(self, parser):
        parser.add_argument(
            "--runs", type=int, default=5, help="сколько раз выгружать каждый файл (медиана), по умолчанию 5"
        )
        parser.add_argument(
            "--events", type=int, default=500, help="мероприятий в большом плане, по умолчанию 500"
        )

    def handle(self, *args, **options):
        runs, events = max(options["runs"], 1), max(options["events"], 1)
        cpu = _cpu_name()
        self.stdout.write(
            f"{timezone.localdate():%Y-%m-%d}, {cpu}, Python {platform.python_version()}, "
            f"база {connection.vendor}, медиана из {runs}:"
        )
        try:
            with transaction.atomic():
                association = Association.objects.create(
                    name="Замер времени", short_name="ГТО ШБ", slug="benchmark-reports-tmp"
                )
                seed = import_plan_file(SEED_PLAN, association).plan
                large = make_large_plan(association, events=events, year_start=seed.year_start + 1)
                for label, plan in [
                    ("план-образец, 25 мероприятий", seed),
                    (f"большой план, {events} мероприятий", large),
                ]:
                    self.stdout.write(f"  {label}:")
                    for identifier in EXPORTERS:
                        exporter_class = get_exporter(identifier)
                        times, size = [], 0
                        for _ in range(runs):
                            started = time.perf_counter()
                            size = len(exporter_class(plan).render())
                            times.append(time.perf_counter() - started)
                        self.stdout.write(
                            f"    {identifier:<14} {statistics.median(times):7.3f} с"
                            f"  (мин. {min(times):.3f} с, макс. {max(times):.3f} с, {size // 1024} КБ)"
                        )
                raise Rollback
        except Rollback:
            pass


def _cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()} ({os.cpu_count()} ядр.)"
    except OSError:
        pass
    return platform.processor() or platform.machine()
