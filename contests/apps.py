from django.apps import AppConfig


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = "Конкурсы"

    def ready(self):
        # What contests add to the pages of the apps below: the plan's rows, a school's page, the analysis.
        from contests import hooks  # noqa: F401
