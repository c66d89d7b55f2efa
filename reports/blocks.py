"""Optional blocks of the year's analysis from the librarians' data bank (members): courses and attestations.

Each is one query and returns None when the association has nothing for that
academic year, so the analysis leaves it out. The exchange fund's block (textbook
transfers, copies moved) joins the same way when the textbooks app has its data:
a function of the plan, decorated with @analysis_block, in textbooks/exports.py.
"""

from collections import Counter

from django.utils.translation import gettext, ngettext

from members.models import Course, Person
from reports.analysis import AnalysisBlock, analysis_block


@analysis_block(order=10)
def courses(plan):
    """Qualification courses that ended within the plan's academic year."""
    first_day, last_day = plan.bounds
    found = list(
        Course.objects.filter(person__association=plan.association, end__range=(first_day, last_day))
        .select_related("person__school")
        .order_by("end", "person__surname", "person__initials", "pk")
    )
    if not found:
        return None
    people = len({course.person_id for course in found})
    hours = sum(course.hours for course in found)
    summary = ", ".join(
        [
            ngettext("%(count)d библиотекарь", "%(count)d библиотекарей", people) % {"count": people},
            ngettext("%(count)d курс", "%(count)d курсов", len(found)) % {"count": len(found)},
            ngettext("%(count)d час", "%(count)d часов", hours) % {"count": hours},
        ]
    )
    return AnalysisBlock(
        title=gettext("Курсы повышения квалификации"),
        summary=gettext("Курсы повышения квалификации за учебный год: %(summary)s.") % {"summary": summary},
        header=[
            gettext("Библиотекарь"),
            gettext("Школа"),
            gettext("Курсы"),
            gettext("Часов"),
            gettext("Окончание"),
        ],
        rows=[
            [
                course.person.printed_name,
                course.person.school.short_name if course.person.school_id else "",
                f"{course.title} ({course.provider})" if course.provider else course.title,
                course.hours,
                course.end,
            ]
            for course in found
        ],
        column_widths=[20, 17, 46, 8, 17],
        sheet_title=gettext("Курсы"),
    )


@analysis_block(order=20)
def attestations(plan):
    """Librarians attested within the plan's academic year, with the category they got."""
    first_day, last_day = plan.bounds
    found = list(
        Person.objects.filter(association=plan.association, attestation_date__range=(first_day, last_day))
        .select_related("school")
        .order_by("attestation_date", "surname", "initials")
    )
    if not found:
        return None
    by_category = Counter(
        person.get_category_display() or gettext("категория не указана") for person in found
    )
    summary = ngettext("%(count)d библиотекарь", "%(count)d библиотекарей", len(found)) % {
        "count": len(found)
    }
    details = "; ".join(
        f"{category} — {count}" for category, count in sorted(by_category.items(), key=lambda item: -item[1])
    )
    return AnalysisBlock(
        title=gettext("Аттестация"),
        summary=gettext("Аттестованы за учебный год: %(summary)s (%(details)s).")
        % {"summary": summary, "details": details},
        header=[gettext("Библиотекарь"), gettext("Школа"), gettext("Категория"), gettext("Дата аттестации")],
        rows=[
            [
                person.printed_name,
                person.school.short_name if person.school_id else "",
                person.get_category_display(),
                person.attestation_date,
            ]
            for person in found
        ],
        column_widths=[22, 18, 34, 18],
        sheet_title=gettext("Аттестация"),
    )
