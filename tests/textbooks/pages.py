"""The exchange bank's pages on the demo data, as the librarian «kuklina» and the head «sablina» see them.

Part of tests.pages.main_pages(), which the markup, accessibility and screenshot checks walk.
"""

from django.urls import reverse

from members.models import Person
from textbooks.models import Need, Offer, Transfer


def bank_pages():
    """[(login, name, url)] — after load_demo()."""
    school = Person.objects.get(surname="Куклина").school
    offer = Offer.objects.filter(school=school).first()
    need = Need.objects.filter(school=school).first()
    agreed = Transfer.objects.filter(status="agreed").first()
    return [
        ("kuklina", "bank", reverse("textbooks:bank")),
        ("kuklina", "bank-search", reverse("textbooks:bank") + "?q=канакна&fpu=listed"),
        ("kuklina", "bank-nothing", reverse("textbooks:bank") + "?q=химия"),
        ("kuklina", "needs", reverse("textbooks:needs")),
        ("kuklina", "fpu", reverse("textbooks:catalogue") + "?grade=7"),
        ("kuklina", "my-school", reverse("textbooks:school", args=[school.pk])),
        ("kuklina", "offer", reverse("textbooks:offer", args=[offer.pk])),
        (
            "kuklina",
            "other-offer",
            reverse("textbooks:offer", args=[Offer.objects.exclude(school=school).first().pk]),
        ),
        ("kuklina", "need", reverse("textbooks:need", args=[need.pk])),
        ("kuklina", "offer-new", reverse("textbooks:offer_create") + f"?textbook={offer.textbook_id}"),
        ("kuklina", "need-new", reverse("textbooks:need_create")),
        ("kuklina", "import", reverse("textbooks:offers_import")),
        ("sablina", "transfer", reverse("textbooks:transfer", args=[agreed.pk])),
        ("sablina", "schools", reverse("textbooks:my_school")),
    ]
