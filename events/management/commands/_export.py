"""What export_plan and export_analysis share: find the plan, render, write the file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from core.years import parse_academic_year
from events.models import Plan
from members.models import Association
from members.services import get_association
from reports.base import get_exporter
from reports.pdf import DocumentTooLarge


class ExportCommand(BaseCommand):
    kind = ""  # "plan" or "analysis": the exporters «<kind>-<format>»
    formats = ["pdf", "xlsx"]

    def add_arguments(self, parser):
        parser.add_argument("year", help="учебный год, например 2023-2024")
        parser.add_argument(
            "--format",
            choices=self.formats,
            default="pdf",
            help=f"{', '.join(self.formats)}; по умолчанию pdf",
        )
        parser.add_argument(
            "--output", help="куда записать файл; по умолчанию — русское имя файла в текущей папке"
        )
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")

    def handle(self, *args, **options):
        no_plan = f"Плана на {options['year'].strip()} учебный год нет."
        try:
            year_start = parse_academic_year(options["year"])
            if not options["association"] and not Association.objects.exists():
                raise CommandError(no_plan)  # and no association is created for nothing
            association = get_association(options["association"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        plan = (
            Plan.objects.select_related("association")
            .filter(association=association, year_start=year_start)
            .first()
        )
        if plan is None:
            raise CommandError(no_plan)
        exporter = get_exporter(f"{self.kind}-{options['format']}")(plan)
        path = Path(options["output"] or exporter.filename())
        try:
            content = exporter.render()
        except DocumentTooLarge as error:
            raise CommandError(str(error)) from None
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Не удалось записать «{path}»: {error.strerror}.") from None
        size = len(content)
        self.stdout.write(
            f"Записан файл «{path}»: "
            + ngettext("%(count)d байт", "%(count)d байт", size) % {"count": size}
            + "."
        )
