"""The admin in correct Russian: every model's name in the forms Russian counts and choices need.

Django's admin has only a model's verbose_name and verbose_name_plural, so it writes «3 планы работы»,
«5 сотрудники» and «Выберите пользователь для изменения». Here each registered model has its forms — one
(1, 21), few (2–4, 22), many (5, 11, 0) — and the accusative that «Выберите …» takes. RussianAdmin uses them
for the list's title and the deletion message; the list's count reads them through {% count_of %}
(templates/admin/pagination.html). tests/test_admin_russian.py checks that every registered model has its words.
"""

import re

from django.contrib import admin, messages

# label: (one, few, many, accusative)
WORDS = {
    "auth.group": ("группа", "группы", "групп", "группу"),
    "auth.user": ("пользователь", "пользователя", "пользователей", "пользователя"),
    "members.association": ("объединение", "объединения", "объединений", "объединение"),
    "members.school": ("школа", "школы", "школ", "школу"),
    "members.person": ("сотрудник", "сотрудника", "сотрудников", "сотрудника"),
    "members.account": ("учётная запись", "учётные записи", "учётных записей", "учётную запись"),
    "members.course": ("курсы", "курсов", "курсов", "курсы"),
    "members.portfolioentry": (
        "запись портфолио",
        "записи портфолио",
        "записей портфолио",
        "запись портфолио",
    ),
    "members.consent": ("согласие", "согласия", "согласий", "согласие"),
    "members.privacypolicy": (
        "редакция политики",
        "редакции политики",
        "редакций политики",
        "редакцию политики",
    ),
    "members.loginattempt": ("попытка входа", "попытки входа", "попыток входа", "попытку входа"),
    "events.plan": ("план работы", "плана работы", "планов работы", "план работы"),
    "events.event": ("мероприятие", "мероприятия", "мероприятий", "мероприятие"),
    "events.section": ("раздел плана", "раздела плана", "разделов плана", "раздел плана"),
    "contests.contest": ("конкурс", "конкурса", "конкурсов", "конкурс"),
    "contests.entry": ("заявка на конкурс", "заявки на конкурс", "заявок на конкурс", "заявку на конкурс"),
    "contests.certificate": ("грамота", "грамоты", "грамот", "грамоту"),
    "meetings.meeting": ("заседание", "заседания", "заседаний", "заседание"),
    "meetings.agendaitem": ("вопрос повестки", "вопроса повестки", "вопросов повестки", "вопрос повестки"),
    "meetings.decision": ("решение", "решения", "решений", "решение"),
    "meetings.attendance": ("отметка явки", "отметки явки", "отметок явки", "отметку явки"),
    "meetings.material": (
        "материал заседания",
        "материала заседания",
        "материалов заседания",
        "материал заседания",
    ),
    "textbooks.textbook": ("учебник из ФПУ", "учебника из ФПУ", "учебников из ФПУ", "учебник из ФПУ"),
    "textbooks.offer": ("предложение", "предложения", "предложений", "предложение"),
    "textbooks.need": ("потребность", "потребности", "потребностей", "потребность"),
    "textbooks.transfer": ("передача", "передачи", "передач", "передачу"),
    "rounds.round": ("сбор отчётов", "сбора отчётов", "сборов отчётов", "сбор отчётов"),
    "rounds.report": ("отчёт школы", "отчёта школы", "отчётов школ", "отчёт школы"),
    "rounds.fsemanswer": ("сверка с ФСЭМ", "сверки с ФСЭМ", "сверок с ФСЭМ", "сверку с ФСЭМ"),
    "rounds.inspectionanswer": ("проверка фонда", "проверки фонда", "проверок фонда", "проверку фонда"),
}


# Django's Russian «Successfully deleted %(count)d %(items)s.»
DELETED = re.compile(r"^Успешно удалены (\d+) ")


def plural_form(count):
    """0 for 1, 21, 101; 1 for 2–4, 22–24; 2 for 0, 5–20, 25–30 (Russian's three forms)."""
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


def count_of(count, opts):
    """«3 плана работы», «5 планов работы», «21 план работы»; a model without its words: Django's own."""
    words = WORDS.get(opts.label_lower)
    if words is None:
        return f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}"
    return f"{count} {words[plural_form(count)]}"


def accusative(opts):
    words = WORDS.get(opts.label_lower)
    return words[3] if words else str(opts.verbose_name)


class RussianAdmin(admin.ModelAdmin):
    """Every model admin of the site: the list's title with the model's accusative, the deletion in Russian."""

    def changelist_view(self, request, extra_context=None):
        title = (
            "Выберите {} для изменения"
            if self.has_change_permission(request)
            else "Выберите {} для просмотра"
        )
        extra_context = {"title": title.format(accusative(self.opts)), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        # «delete selected» says «Успешно удалены 5 планы работы.»: the count said again with its right form.
        deleted = DELETED.match(str(message))
        if deleted:
            message = f"Удалено: {count_of(int(deleted[1]), self.opts)}."
        super().message_user(request, message, level, extra_tags, fail_silently)
