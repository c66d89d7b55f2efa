"""The librarians' data bank as XLSX (a row per person; courses and portfolio on sheets of their own),
one librarian's card as PDF, through the reports registry; and the data bank's blocks of the year's
analysis (courses, attestations)."""

from collections import Counter

from django.db.models import Prefetch
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.formats import format_date
from members.models import Course, Person, PortfolioEntry
from reports.base import PdfExporter, XlsxExporter, register
from reports.blocks import AnalysisBlock, analysis_block
from reports.xlsx import write_list_sheet

PERSON_COLUMNS = [
    (_("Фамилия, имя, отчество"), 30),
    (_("Как в документах"), 18),
    (_("Школа"), 20),
    (_("Должность"), 20),
    (_("Ставка"), 8),
    (_("Образование"), 18),
    (_("Учебное заведение"), 30),
    (_("Год окончания"), 10),
    (_("Специальность"), 25),
    (_("Общий стаж, лет"), 10),
    (_("Библиотечный стаж, лет"), 12),
    (_("Стаж на дату"), 14),
    (_("Категория"), 18),
    (_("Дата аттестации"), 14),
    (_("Следующая аттестация"), 14),
    (_("Тема самообразования"), 35),
    (_("Телефон"), 16),
    (_("Электронная почта"), 25),
    (_("Работает"), 10),
]


def _yes_no(value):
    return gettext("да") if value else gettext("нет")


@register
class MembersXlsx(XlsxExporter):
    """Subject: an Association. Four queries: people with schools, courses, portfolio."""

    identifier = "members-xlsx"
    title = _("Банк данных о школьных библиотекарях (XLSX)")

    def filename_stem(self):
        return f"Банк данных о школьных библиотекарях {self.subject.short_name}"

    def people(self):
        return (
            Person.objects.filter(association=self.subject)
            .select_related("school")
            .prefetch_related(
                Prefetch("courses", queryset=Course.objects.order_by("-end")),
                Prefetch("portfolio", queryset=PortfolioEntry.objects.order_by("-date")),
            )
            .order_by("-is_active", "surname", "initials")
        )

    def write(self, workbook):
        people = list(self.people())
        write_list_sheet(
            workbook,
            gettext("Библиотекари"),
            [str(name) for name, _ in PERSON_COLUMNS],
            (self.person_row(p) for p in people),
            column_widths=[w for _, w in PERSON_COLUMNS],
            landscape=True,
        )
        write_list_sheet(
            workbook,
            gettext("Курсы"),
            [
                gettext("Сотрудник"),
                gettext("Школа"),
                gettext("Курсы"),
                gettext("Организация"),
                gettext("Часов"),
                gettext("Начало"),
                gettext("Окончание"),
                gettext("Удостоверение"),
            ],
            (
                [
                    p.printed_name,
                    p.school.short_name if p.school else "",
                    c.title,
                    c.provider,
                    c.hours,
                    c.start,
                    c.end,
                    c.certificate_number,
                ]
                for p in people
                for c in p.courses.all()
            ),
            column_widths=[18, 18, 40, 25, 8, 12, 12, 14],
            landscape=True,
        )
        write_list_sheet(
            workbook,
            gettext("Портфолио"),
            [
                gettext("Сотрудник"),
                gettext("Школа"),
                gettext("Название"),
                gettext("Вид"),
                gettext("Уровень"),
                gettext("Дата"),
                gettext("Результат"),
                gettext("Ссылка"),
            ],
            (
                [
                    p.printed_name,
                    p.school.short_name if p.school else "",
                    e.title,
                    e.get_kind_display(),
                    e.get_level_display(),
                    e.date,
                    e.result,
                    e.link,
                ]
                for p in people
                for e in p.portfolio.all()
            ),
            column_widths=[18, 18, 40, 18, 16, 12, 20, 30],
            landscape=True,
        )

    @staticmethod
    def person_row(p):
        return [
            p.full_name,
            p.printed_name,
            p.school.short_name if p.school else "",
            p.get_position_display(),
            p.rate,
            p.get_education_level_display(),
            p.education_institution,
            p.education_year,
            p.education_specialty,
            p.experience_total,
            p.experience_library,
            p.experience_as_of,
            p.get_category_display(),
            p.attestation_date,
            p.attestation_due,
            p.self_education_theme,
            p.phone,
            p.email,
            _yes_no(p.is_active),
        ]


@register
class PersonCardPdf(PdfExporter):
    """Subject: a Person. Option `contacts`: print the phone and e-mail (only for those who may see them)."""

    identifier = "person-card-pdf"
    title = _("Карточка библиотекаря (PDF)")
    template_name = "reports/person_card.html"

    def filename_stem(self):
        return f"Карточка {self.subject.printed_name}"

    def get_context(self):
        person = self.subject
        return {
            "title": gettext("Карточка школьного библиотекаря"),
            "author": person.association.name,
            "person": person,
            "contacts": self.options.get("contacts", False),
            "courses": person.courses.all(),
            "portfolio": person.portfolio.all(),
            "attestation_date": format_date(person.attestation_date) if person.attestation_date else "",
            "attestation_due": " — ".join(
                str(part)
                for part in (format_date(person.attestation_due), person.attestation_badge[1])
                if part
            )
            if person.attestation_due
            else "",
        }


@register
class PersonalDataPdf(PdfExporter):
    """Subject: a Person. Everything the site keeps about her (members.privacy.personal_data), as she may ask for it."""

    identifier = "personal-data-pdf"
    title = _("Мои данные (PDF)")
    template_name = "reports/personal_data.html"

    def filename_stem(self):
        return f"Мои данные {self.subject.printed_name}"

    def get_context(self):
        from members.privacy import personal_data

        sections = []
        for heading, content in personal_data(self.subject).items():
            if isinstance(content, dict):
                sections.append({"heading": heading, "pairs": list(content.items())})
            elif isinstance(content, list):
                sections.append(
                    {
                        "heading": heading,
                        "columns": list(content[0]) if content else [],
                        "rows": [list(row.values()) for row in content],
                    }
                )
            else:
                sections.append({"heading": heading, "value": content})
        return {
            "title": gettext("Персональные данные: %(name)s") % {"name": self.subject.printed_name},
            "author": self.subject.association.name,
            "sections": sections,
        }


# The year's analysis: the data bank's blocks.


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
        column_widths=[19, 16, 44, 10, 17],  # «Часов» whole in its header
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
