from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Отчёты и печатные формы")

    def ready(self):
        # Each app puts its documents (exporters, analysis blocks) in <app>/exports.py, imported here.
        autodiscover_modules("exports")
