"""What changed, when and by whom (from django-simple-history's records), and bringing deleted things back.

`changes(obj)` lists an object's versions newest first, each with the fields it changed;
`restore(record)` re-creates a deleted object from its last record, with the children that were
deleted along with it (the events of a deleted section, the responsibles of a deleted event…).
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils.translation import gettext as _

# Children deleted within this time of their parent are taken as deleted with it (a cascade).
CASCADE_WINDOW = datetime.timedelta(seconds=10)
KINDS = {"+": _("создано"), "~": _("изменено"), "-": _("удалено")}


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


def shown(model, field_name, value):
    """A stored value as a person reads it: the choice's label, «да»/«нет», «—» for empty."""
    if value in (None, ""):
        return "—"
    model_field = model._meta.get_field(field_name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("да") if value else _("нет")
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model.objects.filter(pk=value).first()
        return str(related) if related else f"№ {value}"
    return str(value)


def field_changes(model, newer, older):
    if older is None:
        return []
    delta = newer.diff_against(older)
    result = []
    for change in delta.changes:
        name = change.field
        label = str(model._meta.get_field(name).verbose_name)
        result.append(
            (label[:1].upper() + label[1:], shown(model, name, change.old), shown(model, name, change.new))
        )
    return result


def changes(obj, limit=30):
    """The object's history, newest first: [Change]. Two queries."""
    model = type(obj)
    records = list(
        obj.history.select_related("history_user__account__person").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    result = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        fields = field_changes(model, record, older) if record.history_type == "~" else []
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


def deleted(limit=100):
    """The latest records of objects that no longer exist, newest first: [(model, record)]."""
    found = []
    for model in tracked_models():
        records = (
            model.history.filter(history_type="-")
            .select_related("history_user__account__person")
            .order_by("-history_date")[:limit]
        )
        existing = set(model.objects.filter(pk__in=[r.id for r in records]).values_list("pk", flat=True))
        found += [(model, r) for r in records if r.id not in existing]
    found.sort(key=lambda pair: pair[1].history_date, reverse=True)
    return found[:limit]


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


@transaction.atomic
def restore(model, record):
    """Bring back a deleted object (same id) and the children deleted along with it. Returns the object.

    RestoreError (nothing restored) when what it belonged to is deleted as well."""
    obj = record.instance
    check_parents(obj)
    obj.save()
    for child_model in tracked_models():
        for child_field in child_model._meta.get_fields():
            if (
                isinstance(child_field, models.ForeignKey)
                and child_field.related_model is model
                and child_field.remote_field.on_delete is models.CASCADE
            ):
                window = (record.history_date - CASCADE_WINDOW, record.history_date + CASCADE_WINDOW)
                children = child_model.history.filter(
                    history_type="-", history_date__range=window, **{child_field.attname: obj.pk}
                )
                for child in children:
                    if not child_model.objects.filter(pk=child.id).exists():
                        restore(child_model, child)
    if hasattr(obj, "after_restore"):
        obj.after_restore()
    return obj
