"""python manage.py export_analysis 2023-2024 --format pdf|xlsx --output FILE [--association SLUG]"""

from events.management.commands._export import ExportCommand


class Command(ExportCommand):
    help = "Выгрузить анализ деятельности за учебный год в PDF или XLSX."
    kind = "analysis"
