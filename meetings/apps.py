from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Заседания"

    def ready(self):
        # What meetings add to the pages of the apps below: the plan's rows, a person's card, the overview, reminders.
        from meetings import hooks  # noqa: F401
