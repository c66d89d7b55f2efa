from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TextbooksConfig(AppConfig):
    name = "textbooks"
    verbose_name = _("Учебники и обменный фонд")

    def ready(self):
        from textbooks import search

        # The full-text lookup on the three search columns only (textbooks.search).
        for model_name in ("Textbook", "Offer", "Need"):
            self.get_model(model_name)._meta.get_field("search_text").register_lookup(search.WordPrefixes)
