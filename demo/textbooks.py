"""The exchange bank's demo data, loaded by `manage.py setup_demo` (the README's `bin/start`).

The sample Federal List (demo/data/fpu-sample.xlsx), offers and needs across the demo
schools — several of which match — and a few transfers at different steps; then the newer
sample list, so that some offers and needs point to titles excluded from it and the bank marks
them. Safe to run again: once the demo schools have offers or needs, nothing is added.
"""

from django.db import transaction
from django.utils import timezone

from core.years import academic_year_bounds, academic_year_of
from demo.samples import DEMO_DIR
from textbooks import services
from textbooks.fpu import import_fpu
from textbooks.models import Need, Offer, Textbook, default_return_by

C = Offer.Condition
# school index, ФПУ number (None: typed in), typed description, grades, year, copies, condition, note
OFFERS = [
    (2, "1.1.1.1.1.2", None, (2, 2), 2019, 12, C.GOOD, ""),
    (3, "1.1.3.1.2.1", None, (1, 1), 2020, 25, C.GOOD, "Комплект в двух частях"),
    (4, "1.2.3.3.1.1", None, (7, 9), 2021, 15, C.NEW, ""),
    (1, "1.2.1.2.1.1", None, (5, 5), 2018, 8, C.FAIR, ""),
    (
        5,
        None,
        ("Физика. 7 класс", "Перышкин А.В.", "Дрофа", "Физика"),
        (7, 7),
        2017,
        30,
        C.FAIR,
        "Перешли на новый учебник",
    ),
    (6, "1.2.3.2.1.2", None, (8, 8), 2017, 20, C.GOOD, ""),
    (7, "1.1.2.1.1.1", None, (2, 2), 2016, 10, C.WORN, "Нужен ремонт корешков"),
    (8, "1.3.4.1.1.1", None, (10, 10), 2020, 14, C.GOOD, ""),
    (0, "1.2.2.3.1.1", None, (5, 6), 2019, 18, C.GOOD, ""),
    (
        9,
        None,
        ("География Иркутской области", "Сергеева Т.А.", "Сибирская книга", "Краеведение"),
        (8, 8),
        2016,
        20,
        C.GOOD,
        "Региональный учебник",
    ),
    (2, "1.1.1.2.1.2", None, (2, 2), 2020, 9, C.GOOD, ""),
    (0, "1.1.3.1.1.1", None, (1, 1), 2021, 6, C.NEW, ""),
]
# school index, ФПУ number (None: typed in), typed description, grade, copies, note
NEEDS = [
    (0, "1.1.1.1.1.2", None, 2, 10, ""),
    (0, "1.2.4.1.1.1", None, 7, 25, ""),
    (1, "1.2.2.3.1.1", None, 5, 15, "Пришли два новых пятых класса"),
    (1, "1.2.3.3.1.1", None, 8, 5, ""),
    (3, None, ("Информатика. 7 класс", "Босова Л.Л., Босова А.Ю.", "Информатика"), 7, 12, ""),
    (6, "1.1.3.1.2.1", None, 1, 20, ""),
]


def next_september(today):
    return academic_year_bounds(academic_year_of(today) + 1)[0]


@transaction.atomic
def load(association, schools, today=None):
    """Fill the bank for the demo `schools` (the list setup_demo made, in its order). Returns a sentence for the output."""
    today = today or timezone.localdate()
    if not Textbook.objects.exists():
        import_fpu(DEMO_DIR / "fpu-sample.xlsx", today=today)
    if Offer.objects.filter(school__in=schools).exists() or Need.objects.filter(school__in=schools).exists():
        return "Обменный фонд учебников уже заполнен."
    textbooks = {textbook.fpu_number: textbook for textbook in Textbook.objects.all()}

    offers = []
    for school, number, typed, (grade_from, grade_to), year, copies, condition, note in OFFERS:
        offer = Offer(school=schools[school], grade_from=grade_from, grade_to=grade_to, year_published=year,
                      copies=copies, condition=condition, note=note)  # fmt: skip
        if number:
            offer.fill_from_textbook(textbooks[number])
        else:
            offer.title, offer.authors, offer.publisher, offer.subject = typed
        offers.append(services.save_offer(offer))

    needs = []
    for school, number, typed, grade, copies, note in NEEDS:
        need = Need(
            school=schools[school], grade=grade, copies=copies, needed_by=next_september(today), note=note
        )
        if number:
            need.fill_from_textbook(textbooks[number])
        else:
            need.title, need.authors, need.subject = typed
        need.save()
        needs.append(need)

    return_by = default_return_by(today)
    # СОШ № 1 asks СОШ № 5 for «Русский язык. 2 класс»: waiting for an answer.
    services.request_transfer(offers[0], schools[0], 10, return_by, need=needs[0])
    # СОШ № 2 asks СОШ № 1 for geography: СОШ № 1's librarian (the demo login «kuklina») decides.
    services.request_transfer(offers[8], schools[1], 15, return_by, need=needs[2])
    # СОШ № 2 got geometry from СОШ № 9: agreed, the act can be printed.
    geometry = services.request_transfer(offers[2], schools[1], 5, return_by, need=needs[3])
    services.agree(geometry.pk)
    # СОШ № 1 took algebra from СОШ № 12 and has it now.
    algebra = services.request_transfer(offers[5], schools[0], 10, return_by)
    services.agree(algebra.pk)
    services.hand_over(algebra.pk, today)

    newer = import_fpu(DEMO_DIR / "fpu-sample-newer.xlsx", today=today)
    return (
        f"Обменный фонд учебников: перечень — {Textbook.objects.count()} учебников ({newer.excluded} исключены новым перечнем), "
        f"{len(offers)} предложений и {len(needs)} потребностей школ, 4 передачи."
    )
