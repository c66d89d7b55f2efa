"""Shared helpers of the adversarial probes."""

import datetime

from django.test import Client
from django.utils import timezone


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def open_until(contest, days=7):
    contest.entry_deadline = timezone.localdate() + datetime.timedelta(days=days)
    contest.save()
    return contest


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }


def setup_data(contest, **overrides):
    """The setup page's POST as the page itself would send it for an existing contest: its current values and
    lists, with the version."""
    from audit.history import latest_version

    data = {
        "level": contest.level,
        "entry_deadline": contest.entry_deadline.isoformat() if contest.entry_deadline else "",
        "places": str(contest.places),
        "participant_award": contest.participant_award,
        "layout": contest.layout,
        "rules": contest.rules,
        "version": latest_version(contest) or "",
    }
    if contest.for_librarians:
        data["for_librarians"] = "on"
    for prefix, rows, fields in [
        ("stages", list(contest.stages.all()), ("title",)),
        ("categories", list(contest.categories.all()), ("title", "grade_from", "grade_to", "ages")),
        ("criteria", list(contest.criteria.all()), ("title", "max_score")),
        ("jury", list(contest.jury.all()), ("person", "guest")),
    ]:
        data.update(management(prefix, len(rows), len(rows)))
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            for name in fields:
                value = getattr(row, f"{name}_id" if name == "person" else name)
                data[f"{prefix}-{index}-{name}"] = "" if value is None else str(value)
            if prefix == "jury" and row.is_chair:
                data[f"{prefix}-{index}-is_chair"] = "on"
    data.update(overrides)
    return data


def sheet_data(contest, values=None):
    values = values or {}
    data = {}
    for entry in contest.entries.all():
        for criterion in contest.criteria.all():
            data[f"score-{entry.pk}-{criterion.pk}"] = values.get((entry.surname, criterion.position), "")
    return data
