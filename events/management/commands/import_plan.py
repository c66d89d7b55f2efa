"""python manage.py import_plan FILE [--year 2023-2024] [--replace] [--association SLUG] [--check]"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.years import parse_academic_year
from events.plan_import import PlanImportError, draft_from_file, preview, preview_text, save_draft
from members.services import get_association


class Command(BaseCommand):
    help = (
        "Загрузить план работы объединения из документа Word (.docx) или его текстовой копии (.txt): сначала "
        "печатается то, что прочитано (как на странице загрузки), затем план сохраняется."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="файл плана: .docx или .txt")
        parser.add_argument("--year", help="учебный год, например 2023-2024 (по умолчанию — из документа)")
        parser.add_argument(
            "--replace", action="store_true", help="заменить уже загруженный план на этот год"
        )
        parser.add_argument("--association", help="адрес объединения (нужен, если на сайте их несколько)")
        parser.add_argument(
            "--check", action="store_true", help="только показать, что прочитано, ничего не сохраняя"
        )

    def handle(self, *args, **options):
        year_start = None
        if options["year"]:
            try:
                year_start = parse_academic_year(options["year"])
            except ValueError as error:
                raise CommandError(str(error)) from None
        self.stderr.write(f"Читаю план «{options['file']}»…")
        # One transaction, so that a failed import leaves nothing behind — not even a first association.
        with transaction.atomic():
            try:
                association = get_association(options["association"])
            except ValueError as error:
                raise CommandError(str(error)) from None
            try:
                draft = draft_from_file(options["file"])
                shown = preview(draft, association, year_start)
                for line in preview_text(shown):
                    self.stdout.write(line)
                if options["check"]:
                    transaction.set_rollback(True)
                    return
                if shown.existing and not options["replace"]:
                    raise PlanImportError(
                        f"План на {shown.year_name} учебный год уже есть. Чтобы заменить его, укажите --replace."
                    )
                result = save_draft(draft, association, year_start=year_start, replace=options["replace"])
            except PlanImportError as error:
                raise CommandError(f"План не загружен. {error}") from None
        self.stdout.write(
            f"Сохранён план работы на {result.plan.year_name} учебный год: {result.plan.get_absolute_url()}"
        )
