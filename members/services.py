from members.models import Association, Person

DEFAULT_ASSOCIATION = {
    "name": "Городское творческое объединение школьных библиотекарей",
    "short_name": "ГТО ШБ",
    "slug": "gto-shb",
}


def get_association(slug=None):
    """The association a command works on: by slug; else the only one there is (created if none).

    ValueError with a Russian sentence when the choice is not clear.
    """
    if slug:
        try:
            return Association.objects.get(slug=slug)
        except Association.DoesNotExist:
            raise ValueError(f"Объединение с адресом «{slug}» не найдено.") from None
    associations = list(Association.objects.all()[:2])
    if not associations:
        return Association.objects.create(**DEFAULT_ASSOCIATION)
    if len(associations) > 1:
        raise ValueError("На сайте несколько объединений: укажите нужное через --association.")
    return associations[0]


def find_or_create_person(association, printed_name):
    """The person a printed name («Саблина В.И.») stands for; created if the association has none yet.

    Returns (person, created).
    """
    person = Person.objects.filter(association=association, key=printed_name.key).first()
    if person:
        return person, False
    person = Person.objects.create(association=association, surname=printed_name.surname, initials=printed_name.initials)
    return person, True


def three_years_ago(today):
    from members.models import add_months

    return add_months(today, -36)


def librarians(association, today):
    """The association's people for lists: their school and the end of their latest course, in one query."""
    from django.db.models import Max

    return (
        Person.objects.filter(association=association)
        .select_related("school")
        .annotate(last_course_end=Max("courses__end"))
        .order_by("-is_active", "surname", "initials")
    )


def without_recent_course(people, today):
    from django.db.models import Q

    return people.filter(Q(last_course_end__isnull=True) | Q(last_course_end__lt=three_years_ago(today)))
