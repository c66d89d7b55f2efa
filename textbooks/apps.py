from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class TextbooksConfig(AppConfig):
    name = "textbooks"
    verbose_name = _("Учебники и обменный фонд")

    def ready(self):
        from django.contrib.postgres.lookups import TrigramWordSimilar

        from textbooks import search

        # The trigram operator on the three search columns only, not on every text field of the site
        # (which is what adding django.contrib.postgres to INSTALLED_APPS would do).
        for model_name in ("Textbook", "Offer", "Need"):
            field = self.get_model(model_name)._meta.get_field("search_text")
            field.register_lookup(TrigramWordSimilar)
            field.register_lookup(search.WordPrefixes)
        connection_created.connect(search.set_threshold, dispatch_uid="textbooks.search.set_threshold")
