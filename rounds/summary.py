"""What a round adds up to, from the reports submitted so far."""

from collections import defaultdict
from dataclasses import dataclass, field

from members.models import GRADES
from rounds.models import Kind, ProvisionLine, Report, provision_percent
from rounds.services import line_key


@dataclass
class ProvisionTotal:
    grade: int
    subject: str
    students: int = 0
    available: int = 0
    missing: int = 0
    schools: int = 0

    @property
    def percent(self):
        return provision_percent(self.students, self.available)


@dataclass
class Summary:
    kind: str
    reports: list  # every report of the round, with .late set
    submitted: list = field(default_factory=list)
    late: list = field(default_factory=list)
    # provision
    city: list = field(default_factory=list)  # [ProvisionTotal] per grade and subject
    below: list = field(default_factory=list)  # [(school, ProvisionLine)] under 100 %
    # fsem
    fsem_rows: list = field(default_factory=list)  # [(school, FsemAnswer)]
    fsem_found: int = 0
    fsem_withdrawn: int = 0
    # inspection
    inspection_rows: list = field(default_factory=list)  # [(school, InspectionAnswer)]
    share_average: float | None = None
    excluded_total: int = 0
    excluded_by_grade: list = field(default_factory=list)  # [(grade, copies)]


def summarize(round_, today=None):
    """The round's summary: who submitted, who is late, and the kind's totals over the submitted reports.

    A fixed number of queries whatever the number of schools.
    """
    reports = list(
        round_.reports.select_related("school", "fsem", "inspection").order_by(
            "school__sort_key", "school__short_name"
        )
    )
    summary = Summary(kind=round_.kind, reports=reports)
    for report in reports:
        report.round = round_  # known already: no query per report
        report.late = report.is_late(today)
    summary.submitted = [r for r in reports if r.is_submitted]
    summary.late = [r for r in reports if r.late]
    if round_.kind == Kind.PROVISION:
        _provision(summary, round_)
    elif round_.kind == Kind.FSEM:
        _fsem(summary)
    else:
        _inspection(summary)
    return summary


def _provision(summary, round_):
    lines = ProvisionLine.objects.filter(
        report__round=round_, report__status=Report.Status.SUBMITTED
    ).select_related("report__school")
    totals = {}
    for line in lines:
        key = line_key(line.grade, line.subject)
        total = totals.setdefault(key, ProvisionTotal(line.grade, line.subject.strip()))
        total.students += line.students
        total.available += line.available
        total.missing += line.missing
        total.schools += 1
        if line.percent is not None and line.percent < 100:
            summary.below.append((line.report.school, line))
    summary.city = sorted(totals.values(), key=lambda t: (t.grade, t.subject.lower()))
    summary.below.sort(key=lambda pair: (pair[0].short_name, pair[1].grade, pair[1].subject))


def _fsem(summary):
    for report in summary.submitted:
        answer = getattr(report, "fsem", None)
        if answer:
            summary.fsem_rows.append((report.school, answer))
            summary.fsem_found += answer.items_found
            summary.fsem_withdrawn += answer.items_withdrawn


def _inspection(summary):
    by_grade = defaultdict(int)
    shares = []
    for report in summary.submitted:
        answer = getattr(report, "inspection", None)
        if answer:
            summary.inspection_rows.append((report.school, answer))
            shares.append(answer.share_in_fpu)
            summary.excluded_total += answer.excluded_in_use
            for grade, count in answer.grade_counts():
                by_grade[grade] += count
    summary.share_average = round(sum(shares) / len(shares), 1) if shares else None
    summary.excluded_by_grade = [(grade, by_grade[grade]) for grade in GRADES]
