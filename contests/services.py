"""Every change of a contest's state: made from a plan event, set up (or copied from last year's), its entries,
the jury's scores, the places confirmed, the results published. Views, the importer of entries and commands call
these; none changes the models itself. The certificates are contests.certificates'."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from contests.models import Category, Contest, Criterion, Entry, JuryMember, Score, Stage
from contests.scoring import suggested_places
from core.positions import renumber
from events import services as plan
from events.models import Event

PARTS = (Stage, Category, Criterion, JuryMember)


def ensure_saved(contest: Contest) -> Contest:
    """A contest is written down the first time something of it is set up (its page shows an unsaved one)."""
    if contest._state.adding:
        contest.save()
    return contest


@transaction.atomic
def save_setup(contest: Contest, formsets) -> Contest:
    """The contest's settings and its four lists (stages, categories, criteria, jury) as the setup page gave them,
    each numbered 1, 2 … in the order shown."""
    contest.save()
    for formset in formsets:
        formset.instance = contest
        rows = formset.save(commit=False)
        for gone in formset.deleted_objects:
            gone.delete()
        for row in rows:
            row.contest = contest
            row.save()
        deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
        kept = [form.instance for form in formset.forms if id(form) not in deleted and form.instance.pk]
        renumber(kept)
    return contest


def last_years_contest(contest: Contest) -> Contest | None:
    """The contest of the same name in the association's plan of the year before, to copy the setup from."""
    year = contest.plan.year_start
    title = contest.event.title.strip().lower()
    candidates = Contest.objects.filter(
        event__section__plan__association_id=contest.plan.association_id,
        event__section__plan__year_start=year - 1,
    ).select_related("event")
    return next((found for found in candidates if found.event.title.strip().lower() == title), None)


@transaction.atomic
def copy_setup(source: Contest, target: Contest) -> Contest:
    """The rules, stages (dates a year later), categories, criteria and jury of `source` into `target`, replacing
    what `target` had set up; its entries are its own and stay. Refused once the jury has scored (the criteria
    and the jury the scores belong to would go)."""
    if Score.objects.filter(entry__contest=target).exists():
        raise ValidationError(
            _(
                "Жюри уже выставило оценки: перенос заменил бы критерии и жюри и стёр их. Настройте конкурс вручную."
            )
        )
    for field in ("for_librarians", "level", "rules", "places", "participant_award", "layout"):
        setattr(target, field, getattr(source, field))
    if source.entry_deadline:
        target.entry_deadline = _a_year_later(source.entry_deadline)
    target.save()
    if target.entries.exists():  # the categories hold entries: keep them, add the missing ones
        have = {category.title for category in target.categories.all()}
        categories = [c for c in source.categories.all() if c.title not in have]
    else:
        target.categories.all().delete()
        categories = list(source.categories.all())
    for model in (Stage, Criterion, JuryMember):
        model.objects.filter(contest=target).delete()
    for row in [*source.stages.all(), *categories, *source.criteria.all(), *source.jury.all()]:
        row.pk = None
        row.contest = target
        if isinstance(row, Stage):
            row.starts_on = row.starts_on and _a_year_later(row.starts_on)
            row.ends_on = row.ends_on and _a_year_later(row.ends_on)
        row.save()
    return target


def _a_year_later(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def save_entry(entry: Entry) -> Entry:
    ensure_saved(entry.contest)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def delete_entry(entry: Entry):
    """The entry and, once that is committed, its work's file (kept when the deletion is rolled back)."""
    if entry.work_file:
        storage, name = entry.work_file.storage, entry.work_file.name
        transaction.on_commit(lambda: storage.delete(name))
    entry.delete()


@transaction.atomic
def save_scores(jury: JuryMember, values: dict) -> int:
    """One jury member's score sheet: {(entry_id, criterion_id): Decimal | None}. Empty cells remove a score.
    Returns how many cells changed."""
    existing = {(s.entry_id, s.criterion_id): s for s in Score.objects.filter(jury=jury)}
    create, update, delete = [], [], []
    for (entry_id, criterion_id), value in values.items():
        score = existing.get((entry_id, criterion_id))
        if value is None:
            if score is not None:
                delete.append(score.pk)
        elif score is None:
            create.append(Score(entry_id=entry_id, criterion_id=criterion_id, jury=jury, value=value))
        elif score.value != value:
            score.value = value
            update.append(score)
    Score.objects.bulk_create(create)
    Score.objects.bulk_update(update, ["value"])
    Score.objects.filter(pk__in=delete).delete()
    return len(create) + len(update) + len(delete)


@transaction.atomic
def confirm_places(contest: Contest, places: dict) -> Contest:
    """The places the head confirmed: {entry_id: place or None}; entries not named keep the suggestion. Refused
    when they are confirmed already (a page sent twice, an old tab): «Изменить места» comes first."""
    if Contest.objects.select_for_update().get(pk=contest.pk).places_confirmed:
        raise ValidationError(_("Места уже утверждены. Чтобы изменить их, нажмите «Изменить места»."))
    suggested = suggested_places(contest)
    for entry in contest.entries.all():
        place = places.get(entry.pk, suggested.get(entry.pk))
        if place is not None and not 1 <= place <= contest.places:
            raise ValidationError(_("Место должно быть от 1 до %(places)d.") % {"places": contest.places})
        if entry.place != place:
            entry.place = place
            entry.save(update_fields=["place"])
    contest.places_confirmed = True
    contest.save(update_fields=["places_confirmed"])
    return contest


@transaction.atomic
def reopen_places(contest: Contest) -> Contest:
    """Back to scoring: the places may change again (the results are unpublished)."""
    contest.places_confirmed = False
    contest.published = False
    contest.save(update_fields=["places_confirmed", "published"])
    return contest


@transaction.atomic
def publish(contest: Contest, publish: bool = True) -> Contest:
    """The results for everyone on the published plan, and the event «проведено» — once the places are confirmed."""
    if publish and not contest.places_confirmed:
        raise ValidationError(_("Сначала утвердите места — потом публикуйте итоги."))
    contest.published = publish
    contest.save(update_fields=["published"])
    if publish and contest.event.status != Event.Status.DONE:
        plan.set_status(contest.event, Event.Status.DONE)
    return contest


def set_reopened(contest: Contest, reopened: bool) -> Contest:
    contest.reopened = reopened
    contest.save(update_fields=["reopened"])
    return contest
