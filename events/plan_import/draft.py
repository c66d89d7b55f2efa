"""A plan as read from a document, before anything is saved: what the preview shows and the writer saves."""

from dataclasses import dataclass, field


@dataclass
class Warning:
    where: str  # the row it is about («Таблица 2, строка 6»), or "" for the whole document
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class EventDraft:
    title: str
    dates_text: str = ""
    lines: list = field(default_factory=list)  # [members.names.Line]: the responsible cell, line by line
    extra: dict = field(
        default_factory=dict
    )  # the other columns, by their header: {"Форма проведения": "семинар"}
    number: int | None = None  # as written (or numbered by Word), when it is a number
    where: str = ""
    meeting_number: int | None = None  # a meeting of the association (events.meeting_titles)


@dataclass
class SectionDraft:
    title: str
    where: str = ""
    events: list = field(default_factory=list)  # [EventDraft]


@dataclass
class Block:
    """«УТВЕРЖДАЮ» or «СОГЛАСОВАНО»: a post (or the body that agreed), a name, a date, a note (protocol, order)."""

    post: str = ""
    name: str = ""
    on: object = None  # datetime.date
    note: str = ""

    def __bool__(self):
        return bool(self.post or self.name or self.note or self.on)


@dataclass
class PlanDraft:
    year_start: int | None = None
    title: str = ""
    city_theme: str = ""
    theme: str = ""
    goal: str = ""
    tasks: list = field(default_factory=list)  # [(task, [sub-point, …])]
    results: list = field(default_factory=list)  # [str]
    labels: dict = field(default_factory=dict)  # field → the label as written, when it is not the usual one
    notes: list = field(default_factory=list)  # [(label, text)]: the header's other texts, kept
    approved: Block = field(default_factory=Block)
    agreed: Block = field(default_factory=Block)
    head_post: str = ""
    head_name: str = ""
    sections: list = field(default_factory=list)  # [SectionDraft]
    warnings: list = field(default_factory=list)  # [Warning]

    @property
    def events(self):
        return [event for section in self.sections for event in section.events]

    def warn(self, where, message):
        self.warnings.append(Warning(where, message))

    def tasks_text(self):
        """Plan.tasks: a task per line, each sub-point on its own line after it, starting with «- »."""
        lines = []
        for task, points in self.tasks:
            lines.append(task)
            lines.extend(f"- {point}" for point in points)
        return "\n".join(lines)

    def results_text(self):
        return "\n".join(self.results)

    def names(self):
        """{name key: (PrintedName, [event numbers])} of every person's name in the responsible cells, in order."""
        found = {}
        for number, event in enumerate(self.events, start=1):
            for line in event.lines:
                if line.name:
                    found.setdefault(line.name.key, (line.name, []))[1].append(number)
        return found
