from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Отчёты и печатные формы")

    def ready(self):
        # The project's own reports register themselves on import; other apps put
        # theirs (exporters, analysis blocks) in <app>/exports.py, imported here.
        from reports import analysis, blocks, plan, plan_docx  # noqa: F401

        autodiscover_modules("exports")
