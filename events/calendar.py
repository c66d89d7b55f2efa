"""The plan's events laid out on a month, and as an iCalendar feed."""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

# An event longer than this is listed for the month, not written into every day of it.
LONG_EVENT_DAYS = 7


@dataclass
class Month:
    first: datetime.date
    weeks: list  # [[(day or None, [events])] * 7]
    long_events: list = field(default_factory=list)

    @property
    def previous(self):
        return (self.first - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self):
        return (self.first + datetime.timedelta(days=32)).replace(day=1)


def month_of(events, first):
    """`events` (with derived dates) on the month starting at `first`, Monday first."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    by_day, long_events = {}, []
    for event in events:
        if not event.date_start or event.date_end < first or event.date_start > last:
            continue
        if (event.date_end - event.date_start).days >= LONG_EVENT_DAYS:
            long_events.append(event)
            continue
        day = max(event.date_start, first)
        while day <= min(event.date_end, last):
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [(day if day.month == first.month else None, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    return Month(first=first, weeks=weeks, long_events=long_events)


# ---------------------------------------------------------------- iCalendar (RFC 5545)

# RFC 5545 3.3.11: TEXT holds no control characters but HTAB; a line break is written «\n».
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _escape(text):
    text = re.sub("\r\n|[\r\u0085\u2028\u2029]", "\n", text)  # every line break a calendar might read as one
    text = CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1)."""
    data = line.encode()
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
    parts.append(data)
    return b"\r\n ".join(parts)


def _names(event, owner):
    return [
        r.printed_name if owner is not None and r.person_id == owner.pk else r.public_name
        for r in event.responsibles.all()
    ]


def ical(events, name, host, owner=None):
    """An iCalendar file of whole-day events: one VEVENT per event with dates. The people responsible beside
    `owner` are named as a public page names them (Person.public_name): a feed is read without a login and
    lives on in calendar servers."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//gto-shb//План работы ГТО ШБ//RU",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Asia/Irkutsk",
    ]
    for event in events:
        if not event.date_start:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date_start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.date_end + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(event.title)}",
            f"DESCRIPTION:{_escape('Сроки: ' + event.dates_text + '. Ответственные: ' + ', '.join(_names(event, owner)))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"\r\n".join(_fold(line) for line in lines) + b"\r\n"
