"""python manage.py export_plan 2023-2024 --format pdf|xlsx|docx --output FILE [--association SLUG]"""

from events.management.commands._export import ExportCommand


class Command(ExportCommand):
    help = "Выгрузить план работы на учебный год в PDF, XLSX или Word (DOCX)."
    kind = "plan"
    formats = ["pdf", "xlsx", "docx"]
