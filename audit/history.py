"""What changed, when and by whom (from django-simple-history's records), and bringing deleted things back.

`changes(obj)` lists an object's versions newest first, each with the fields it changed;
`deleted_for(association)` lists what a person deleted there, each with what it belonged to;
`restore(record)` re-creates a deleted object from its last record, with the children that were
deleted along with it (the events of a deleted section, the responsibles of a deleted event…), and
says what changed around it meanwhile rather than silently undoing it.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Children deleted within this time of their parent are taken as deleted with it (a cascade).
CASCADE_WINDOW = datetime.timedelta(seconds=10)
KINDS = {"+": gettext_lazy("создано"), "~": gettext_lazy("изменено"), "-": gettext_lazy("удалено")}


@dataclass
class Change:
    when: datetime.datetime
    who: str
    kind: str
    fields: list = field(default_factory=list)  # [(label, old, new)]


def who(record):
    user = record.history_user
    if user is None:
        return _("система")
    account = getattr(user, "account", None)
    person = account.person if account else None
    return person.printed_name if person else user.get_username()


def shown(model, field_name, value, names=None):
    """A stored value as a person reads it: the choice's label, «да»/«нет», «—» for empty; a related object by
    its name (from `names`, {(related model, pk): name}, when the caller fetched them at once)."""
    if value in (None, ""):
        return "—"
    model_field = model._meta.get_field(field_name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("да") if value else _("нет")
    if isinstance(model_field, models.ForeignKey):
        if names is not None:
            return names.get((model_field.related_model, value), f"№ {value}")
        related = model_field.related_model.objects.filter(pk=value).first()
        return str(related) if related else f"№ {value}"
    return str(value)


def field_changes(model, newer, older, names=None):
    if older is None:
        return []
    return delta_rows(model, newer.diff_against(older), names)


def delta_rows(model, delta, names=None):
    result = []
    for change in delta.changes:
        name = change.field
        label = str(model._meta.get_field(name).verbose_name)
        result.append(
            (
                label[:1].upper() + label[1:],
                shown(model, name, change.old, names),
                shown(model, name, change.new, names),
            )
        )
    return result


def related_names(model, deltas):
    """{(related model, pk): name} of every object the changes' foreign keys point to: a query per related model,
    whatever the number of changes."""
    wanted = {}
    for delta in deltas:
        for change in delta.changes:
            field = model._meta.get_field(change.field)
            if isinstance(field, models.ForeignKey):
                wanted.setdefault(field.related_model, set()).update(
                    value for value in (change.old, change.new) if value not in (None, "")
                )
    return {
        (related, pk): str(obj)
        for related, pks in wanted.items()
        for pk, obj in related.objects.in_bulk(pks).items()
    }


def changes(obj, limit=30):
    """The object's history, newest first: [Change]. Two queries, and one per kind of object its changed
    references name (a section, a school)."""
    model = type(obj)
    records = list(
        obj.history.select_related("history_user__account__person").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    deltas = {
        index: record.diff_against(records[index + 1])
        for index, record in enumerate(records[:limit])
        if record.history_type == "~" and index + 1 < len(records)
    }
    names = related_names(model, deltas.values())
    result = []
    for index, record in enumerate(records[:limit]):
        fields = delta_rows(model, deltas[index], names) if index in deltas else []
        if record.history_type == "~" and not fields:
            continue  # saved without a visible change
        result.append(Change(record.history_date, who(record), KINDS[record.history_type], fields))
    return result


def latest_version(obj):
    """The id of the object's newest history record: a version number forms carry (audit.concurrency)."""
    record = obj.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first()
    return record or 0


def changes_since(obj, version):
    """[Change] made to the object after `version`, oldest first."""
    records = list(
        obj.history.select_related("history_user__account__person").order_by("history_date", "history_id")
    )
    model = type(obj)
    result, previous = [], None
    for record in records:
        if previous is not None and record.history_id > version and record.history_type == "~":
            result.append(
                Change(record.history_date, who(record), KINDS["~"], field_changes(model, record, previous))
            )
        previous = record
    return result


# ---------------------------------------------------------------- the deleted and their restoring

# The foreign keys that lead from an object to the one it belongs to, up to an association.
PARENTS = ("plan", "section", "event", "school", "person", "report", "round", "offer")


def association_of(obj):
    """The id of the association an object belongs to, following plan, section, school, person… (parents
    that are deleted too are read from their history)."""
    for _depth in range(6):
        if obj is None:
            return None
        if "association_id" in obj.__dict__:
            return obj.association_id
        parent = next(
            (f for f in obj._meta.concrete_fields if f.name in PARENTS and isinstance(f, models.ForeignKey)),
            None,
        )
        if parent is None:
            return None
        parent_id = getattr(obj, parent.attname)
        model = parent.related_model
        obj = model.objects.filter(pk=parent_id).first()
        if obj is None and hasattr(model, "history"):
            record = model.history.filter(id=parent_id).order_by("-history_date").first()
            obj = record.instance if record else None
    return None


def tracked_models():
    return [
        m
        for m in apps.get_models()
        if hasattr(m, "history") and m._meta.app_label in ("events", "members", "rounds", "textbooks")
    ]


# Rows that belong to their parent: an edit of the parent deletes and re-creates them (Event.set_responsibles
# replaces an event's lines on every save and every plan import), so their deletion is never a person's. They
# are not listed apart: they come back with their parent.
PARTS = {"events.responsible"}


def parent_field(model):
    """The foreign key that leads to what the model's rows belong to (PARENTS), or None."""
    return next(
        (f for f in model._meta.concrete_fields if f.name in PARENTS and isinstance(f, models.ForeignKey)),
        None,
    )


def attach_related(objects, all_links=False):
    """Fill the objects' links to what they belong to (and that one's, up to the association) from the
    database or, for what is deleted too, from its last history record: a query or two for each kind of
    link, whatever the number of objects. With `all_links`, every foreign key of the objects themselves.
    The parents read from history carry `gone = True`."""
    level = list(objects)
    for depth in range(6):
        wanted = {}  # field → [(obj, id)]
        for obj in level:
            if "association_id" in obj.__dict__ and not (all_links and depth == 0):
                continue
            fields = (
                [f for f in obj._meta.concrete_fields if isinstance(f, models.ForeignKey)]
                if all_links and depth == 0
                else [parent_field(type(obj))]
            )
            for link in fields:
                if link is not None and getattr(obj, link.attname) is not None:
                    wanted.setdefault(link, []).append((obj, getattr(obj, link.attname)))
        if not wanted:
            return
        by_model = {}
        for link, pairs in wanted.items():
            by_model.setdefault(link.related_model, set()).update(pk for _obj, pk in pairs)
        found = {}
        for model, ids in by_model.items():
            known = {o.pk: o for o in model._default_manager.filter(pk__in=ids)}
            missing = ids - known.keys()
            if missing and hasattr(model, "history"):
                for record in model.history.filter(id__in=missing).order_by("history_date", "history_id"):
                    known[record.id] = record.instance  # the newest record wins
                    known[record.id].gone = True
            found[model] = known
        next_level = {}
        for link, pairs in wanted.items():
            for obj, pk in pairs:
                parent = found[link.related_model].get(pk)
                if parent is not None:
                    link.set_cached_value(obj, parent)
                    if link is parent_field(type(obj)):
                        next_level[id(parent)] = parent
        level = list(next_level.values())


def cached_parent(obj):
    link = parent_field(type(obj))
    return link.get_cached_value(obj, None) if link is not None else None


def cached_association(obj):
    """association_of(obj) from the links attach_related filled: no query."""
    for _depth in range(6):
        if obj is None:
            return None
        if "association_id" in obj.__dict__:
            return obj.association_id
        obj = cached_parent(obj)
    return None


def deleted(limit=100):
    """The latest records of objects that no longer exist, newest first: [(model, record)]. An object deleted,
    restored and deleted again is there once, by its last deletion; the rows of PARTS are not there."""
    found = []
    for model in tracked_models():
        if model._meta.label_lower in PARTS:
            continue
        records = (
            model.history.filter(history_type="-")
            .select_related("history_user__account__person")
            .order_by("-history_date", "-history_id")[:limit]
        )
        existing = set(model.objects.filter(pk__in=[r.id for r in records]).values_list("pk", flat=True))
        seen = set()
        for record in records:
            if record.id not in existing and record.id not in seen:
                seen.add(record.id)
                found.append((model, record))
    found.sort(key=lambda pair: pair[1].history_date, reverse=True)
    return found[:limit]


@dataclass
class Deleted:
    """One row of «Удалённое»: what was deleted, from where, who deleted it and when."""

    model: type
    record: object
    obj: object
    title: str
    where: str
    who: str
    along: list = field(default_factory=list)  # what was deleted with it: ["мероприятие «Круглый стол»"]

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def what(self):
        return self.model._meta.verbose_name

    def __getitem__(self, key):  # row["who"], as the rows were dicts
        return getattr(self, key)


def along_with(child, child_record, parent_model, parent_record):
    """Whether a deleted child went with its deleted parent (a cascade) rather than on its own before."""
    link = parent_field(type(child))
    return (
        link is not None
        and link.related_model is parent_model
        and getattr(child, link.attname) == parent_record.id
        and abs(child_record.history_date - parent_record.history_date) <= CASCADE_WINDOW
    )


def deleted_for(association_id, limit=100):
    """What a person deleted in one association, newest first: [Deleted]. Whatever was deleted along with a
    listed object (the events of a section, the courses of a card) is named in its row, not listed apart.
    The number of queries does not grow with the number of rows."""
    pairs = [(model, record, record.instance) for model, record in deleted(limit)]
    attach_related([obj for _model, _record, obj in pairs], all_links=True)
    pairs = [pair for pair in pairs if cached_association(pair[2]) == association_id]
    listed = {(model, record.id): (record, obj) for model, record, obj in pairs}
    parents_of = {}
    for model, record, obj in pairs:
        link = parent_field(model)
        parent = listed.get((link.related_model, getattr(obj, link.attname))) if link else None
        if parent and along_with(obj, record, link.related_model, parent[0]):
            parents_of[(model, record.id)] = (link.related_model, parent[0].id)
    numbers = event_numbers(
        [obj for model, _record, obj in pairs if model._meta.label_lower == "events.event"]
    )
    rows, by_key = [], {}
    for model, record, obj in pairs:
        if (model, record.id) in parents_of:
            continue
        row = Deleted(model, record, obj, str(obj), where(obj, numbers), who(record))
        by_key[(model, record.id)] = row
        rows.append(row)
    for (model, pk), parent_key in parents_of.items():
        top = parent_key
        while top in parents_of:  # an event of a section of a deleted plan: named in the plan's row
            top = parents_of[top]
        if top in by_key:
            by_key[top].along.append(f"{model._meta.verbose_name} «{listed[(model, pk)][1]}»")
    return rows


def event_numbers(events):
    """{event pk: its number in the plan}, as it was when it was deleted (and will be when restored in its
    place): the events of the sections before its section, and its place in its own. One query."""
    from django.db.models import Count

    sections = [e.section for e in events if "section" in e._state.fields_cache]
    sections = [s for s in sections if not getattr(s, "gone", False)]
    if not sections:
        return {}
    Event = type(events[0])
    counts = (
        Event.objects.filter(section__plan_id__in={s.plan_id for s in sections})
        .values("section__plan_id", "section__position")
        .annotate(count=Count("id"))
    )
    before = {}
    for row in counts:
        before.setdefault(row["section__plan_id"], []).append((row["section__position"], row["count"]))
    result = {}
    for event in events:
        section = event.section if "section" in event._state.fields_cache else None
        if section is None or getattr(section, "gone", False):
            continue
        earlier = sum(
            count for position, count in before.get(section.plan_id, []) if position < section.position
        )
        result[event.pk] = earlier + event.position
    return result


def where(obj, numbers=None):
    """What a deleted object belonged to, as the head says it: «из раздела II «Социальное партнерство», № 3»,
    «из карточки Куклина Н.Н.». From the links attach_related filled."""
    parent = cached_parent(obj)
    if parent is None:
        return ""
    label = parent._meta.label_lower
    gone = _(" (удалено тоже)") if getattr(parent, "gone", False) else ""
    if label == "events.section":
        text = _("из раздела %(numeral)s «%(title)s»%(gone)s") % {
            "numeral": parent.numeral,
            "title": parent.title,
            "gone": gone,
        }
        number = (numbers or {}).get(obj.pk)
        return text + (_(", было № %(number)s") % {"number": number} if number else "")
    if label == "events.plan":
        return _("из плана на %(year)s учебный год%(gone)s") % {"year": parent.year_name, "gone": gone}
    if label == "events.event":
        return _("из мероприятия «%(title)s»%(gone)s") % {"title": parent, "gone": gone}
    if label == "members.person":
        return _("из карточки %(name)s%(gone)s") % {"name": parent.printed_name, "gone": gone}
    if label == "members.school":
        return _("школа %(name)s%(gone)s") % {"name": parent.short_name, "gone": gone}
    return f"{parent._meta.verbose_name}: {parent}{gone}"


class RestoreError(Exception):
    """A restore refused, with a Russian sentence for the head."""


def check_parents(obj):
    """RestoreError when something the object belongs to (an event's section, a section's plan) is gone too;
    a link that may be empty (SET_NULL) to something gone is emptied instead."""
    for parent in obj._meta.concrete_fields:
        parent_id = getattr(obj, parent.attname) if isinstance(parent, models.ForeignKey) else None
        if parent_id is None or parent.related_model.objects.filter(pk=parent_id).exists():
            continue
        if parent.remote_field.on_delete is models.SET_NULL:
            setattr(obj, parent.attname, None)
            continue
        model = parent.related_model
        record = (
            model.history.filter(id=parent_id).order_by("-history_date").first()
            if hasattr(model, "history")
            else None
        )
        raise RestoreError(
            _(
                "«%(title)s» не восстановить: %(what)s «%(parent)s», к которому это относится, тоже удалено. Сначала восстановите его."
            )
            % {
                "title": obj,
                "what": model._meta.verbose_name,
                "parent": record.instance if record else f"№ {parent_id}",
            }
        )


def check_last_deletion(model, record):
    """RestoreError when the record is not the object's last: after it the object was restored, edited and
    deleted again, and bringing back this older version would undo those edits."""
    later = model.history.filter(id=record.id, history_date__gte=record.history_date).exclude(
        history_id=record.history_id
    )
    if later.exists():
        raise RestoreError(
            _(
                "«%(title)s» не восстановить из этой записи: после неё запись восстанавливали и меняли. "
                "Восстановите её последнее удаление."
            )
            % {"title": record.instance}
        )


def check_free(obj):
    """RestoreError when what the object needs to itself is taken meanwhile (a plan of the same year loaded
    anew, a second report of the school in the round)."""
    from django.core.exceptions import ValidationError

    try:
        obj.validate_unique()
        obj.validate_constraints()
    except ValidationError as error:
        raise RestoreError(
            _("«%(title)s» не восстановить: его место уже занято. %(reason)s")
            % {"title": obj, "reason": " ".join(error.messages)}
        ) from None


def parent_changes(obj, since):
    """What was changed in the object's parent after `since` (its deletion): a sentence, or ""."""
    link = parent_field(type(obj))
    model = link.related_model if link else None
    if model is None or not hasattr(model, "history"):
        return ""
    records = list(
        model.history.filter(id=getattr(obj, link.attname))
        .select_related("history_user__account__person")
        .order_by("history_date", "history_id")
    )
    parts, previous = [], None
    for record in records:
        if previous is not None and record.history_date > since and record.history_type == "~":
            fields = field_changes(model, record, previous)
            if fields:
                changed = "; ".join(f"{label}: «{old}» → «{new}»" for label, old, new in fields)
                parts.append(f"{changed} ({who(record)})")
        previous = record
    if not parts:
        return ""
    return _("После удаления изменили %(what)s «%(parent)s»: %(changes)s.") % {
        "what": model._meta.verbose_name,
        "parent": model.objects.get(pk=getattr(obj, link.attname)),
        "changes": "; ".join(parts),
    }


# The objects that stand in order among their siblings, with what restore says when their place is taken.
PLACES = {
    "events.event": (
        "section",
        gettext_lazy(
            "Мероприятие «%(title)s» восстановлено в конце раздела %(parent)s: его место заняли (%(others)s)."
        ),
    ),
    "events.section": (
        "plan",
        gettext_lazy("Раздел «%(title)s» восстановлен в конце плана: его место заняли (%(others)s)."),
    ),
}


def take_place(model, obj, since):
    """Keep the object's old position unless something added after its deletion now stands there or before
    it: then it goes to the end, and the sentence says so (else "")."""
    place = PLACES.get(model._meta.label_lower)
    if place is None:
        return ""
    link_name, message = place
    link = model._meta.get_field(link_name)
    parent_id = getattr(obj, link.attname)
    # made anew after the deletion: not those brought back (their first record is older)
    added = (
        model.history.filter(**{link.attname: parent_id})
        .values("id")
        .annotate(first=models.Min("history_date"))
        .filter(first__gt=since)
        .values("id")
    )
    siblings = model.objects.filter(**{link.attname: parent_id})
    taking = list(siblings.filter(pk__in=added, position__lte=obj.position).order_by("position"))
    if not taking:
        return ""
    obj.position = (siblings.aggregate(models.Max("position"))["position__max"] or 0) + 1
    parent = getattr(obj, link_name)
    return message % {
        "title": obj.title,
        "parent": getattr(parent, "numeral", parent),
        "others": ", ".join(f"«{other.title}»" for other in taking),
    }


def cascade_children(model, record, obj):
    """The records of the children deleted with the object (within CASCADE_WINDOW of it), not those an edit
    replaced before: a child deleted before the last sibling was created was gone before the cascade."""
    window = (record.history_date - CASCADE_WINDOW, record.history_date + CASCADE_WINDOW)
    for child_model in tracked_models():
        for child_field in child_model._meta.get_fields():
            if not (
                isinstance(child_field, models.ForeignKey)
                and child_field.related_model is model
                and child_field.remote_field.on_delete is models.CASCADE
            ):
                continue
            mine = child_model.history.filter(**{child_field.attname: obj.pk})
            last_created = (
                mine.filter(history_type="+", history_date__lte=record.history_date + CASCADE_WINDOW)
                .order_by("-history_date")
                .values_list("history_date", flat=True)
                .first()
            )
            children = mine.filter(history_type="-", history_date__range=window)
            if last_created is not None:
                children = children.filter(history_date__gte=last_created)
            for child in children.order_by("history_date", "history_id"):
                if not child_model.objects.filter(pk=child.id).exists():
                    yield child_model, child


@transaction.atomic
def restore(model, record, notes=None):
    """Bring back a deleted object (same id) and the children deleted along with it. Returns the object.

    RestoreError (nothing restored) when what it belonged to is deleted as well, when a later version of the
    object exists, or when what it needs to itself is taken. Into `notes` (a list) go the sentences the head
    should read: what was changed in its parent since, that its place was taken and where it stands now.
    An object already back (with its parent) is returned as it is."""
    existing = model.objects.filter(pk=record.id).first()
    if existing is not None:
        return existing
    check_last_deletion(model, record)
    obj = record.instance
    check_parents(obj)
    check_free(obj)
    said = [parent_changes(obj, record.history_date), take_place(model, obj, record.history_date)]
    obj.save()
    for child_model, child in list(cascade_children(model, record, obj)):
        if not child_model.objects.filter(pk=child.id).exists():
            restore(child_model, child)
    if hasattr(obj, "after_restore"):
        obj.after_restore()
    if notes is not None:
        notes.extend(sentence for sentence in said if sentence)
    return obj
