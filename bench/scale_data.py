"""Region-sized data for measuring speed (`manage.py generate_scale_data`, bin/benchmark).

A region on one site: an association for each town or district (forty by default, the towns of
Irkutsk oblast, the largest with the most schools), each with its schools and librarians, their
accounts, courses and attestations, ten years of its own work plans and its own report rounds;
one Federal List of tens of thousands of distinct titles; the schools' offers, needs and transfers
in the region's one textbook bank (most transfers within an association, some across); a regional
coordinator and a site administrator.

Deterministic: everything is drawn from one `random.Random(seed)`, so the same seed and sizes give
the same records (dates are counted from the academic year given, today's by default). Rows go in
with bulk_create in batches, the derived keys computed once per title, so PostgreSQL is filled in
a few minutes at 200,000 offers.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

from core.formats import sort_key
from core.years import academic_year_bounds, academic_year_name, add_months, year_of_month
from events.dates import parse_dates
from events.models import Event, Plan, Responsible, Section
from members.models import Account, Association, Course, Enrollment, Person, PortfolioEntry, School
from rounds.models import Kind, ProvisionLine, Report, Round
from textbooks.models import Need, Offer, Textbook, Transfer

BATCH = 5000
# Changed whenever the generator makes different data: bin/benchmark then fills its database anew.
VERSION = 2


@dataclass
class Sizes:
    associations: int = 40  # one per town of TOWNS at most
    schools: int = 1000
    librarians: int = 1200
    titles: int = 20000
    offers: int = 200000
    needs: int = 50000
    years: int = 10
    events: int = 500  # in each year's plan

    def as_dict(self):
        return dict(self.__dict__)


# ---------------------------------------------------------------- words

# Towns of the region: in the genitive as school names write them («МБОУ СОШ № 5 г. Братска»), in the
# nominative (the association's city), and in Latin letters for addresses (/plans/<prefix>-<town>/<year>/).
TOWNS = [
    ("г. Иркутска", "Иркутск", "irkutsk"),
    ("г. Ангарска", "Ангарск", "angarsk"),
    ("г. Братска", "Братск", "bratsk"),
    ("г. Усть-Илимска", "Усть-Илимск", "ust-ilimsk"),
    ("г. Усолья-Сибирского", "Усолье-Сибирское", "usolye-sibirskoye"),
    ("г. Шелехова", "Шелехов", "shelekhov"),
    ("г. Черемхово", "Черемхово", "cheremkhovo"),
    ("г. Саянска", "Саянск", "sayansk"),
    ("г. Тулуна", "Тулун", "tulun"),
    ("г. Усть-Кута", "Усть-Кут", "ust-kut"),
    ("г. Нижнеудинска", "Нижнеудинск", "nizhneudinsk"),
    ("г. Тайшета", "Тайшет", "tayshet"),
    ("г. Зимы", "Зима", "zima"),
    ("г. Железногорска-Илимского", "Железногорск-Илимский", "zheleznogorsk-ilimsky"),
    ("г. Слюдянки", "Слюдянка", "slyudyanka"),
    ("г. Байкальска", "Байкальск", "baykalsk"),
    ("г. Бодайбо", "Бодайбо", "bodaybo"),
    ("г. Киренска", "Киренск", "kirensk"),
    ("г. Свирска", "Свирск", "svirsk"),
    ("г. Вихоревки", "Вихоревка", "vikhorevka"),
    ("г. Алзамая", "Алзамай", "alzamay"),
    ("г. Бирюсинска", "Бирюсинск", "biryusinsk"),
    ("р.п. Чуны", "Чуна", "chuna"),
    ("р.п. Куйтуна", "Куйтун", "kuytun"),
    ("р.п. Залари", "Залари", "zalari"),
    ("р.п. Новой Игирмы", "Новая Игирма", "novaya-igirma"),
    ("с. Хомутово", "Хомутово", "khomutovo"),
    ("с. Оёк", "Оёк", "oyok"),
    ("с. Баяндай", "Баяндай", "bayanday"),
    ("с. Осы", "Оса", "osa"),
    ("р.п. Качуга", "Качуг", "kachug"),
    ("р.п. Жигалово", "Жигалово", "zhigalovo"),
    ("с. Кутулик", "Кутулик", "kutulik"),
    ("с. Еланцы", "Еланцы", "yelantsy"),
    ("р.п. Магистрального", "Магистральный", "magistralny"),
    ("с. Балаганска", "Балаганск", "balagansk"),
    ("с. Ербогачёна", "Ербогачён", "yerbogachyon"),
    ("р.п. Мамы", "Мама", "mama"),
    ("с. Тангуя", "Тангуй", "tanguy"),
    ("р.п. Култука", "Култук", "kultuk"),
]
SCHOOL_KINDS = [
    (
        "МБОУ СОШ № {n}",
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
        10,
    ),
    (
        "МАОУ СОШ № {n}",
        "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
        5,
    ),
    (
        "МКОУ ООШ № {n}",
        "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа № {n}»",
        3,
    ),
    ("МБОУ «Лицей № {n}»", "Муниципальное бюджетное общеобразовательное учреждение «Лицей № {n}»", 1),
    ("МБОУ «Гимназия № {n}»", "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {n}»", 1),
    (
        "МКОУ НОШ № {n}",
        "Муниципальное казённое общеобразовательное учреждение «Начальная общеобразовательная школа № {n}»",
        1,
    ),
]

# Surnames: (masculine, feminine).
SURNAME_STEMS = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
    "Воробьёв",
    "Сергеев",
    "Кузьмин",
    "Фролов",
    "Александров",
    "Дмитриев",
    "Королёв",
    "Гусев",
    "Киселёв",
    "Ильин",
    "Максимов",
    "Поляков",
    "Сорокин",
    "Виноградов",
    "Ковалёв",
    "Белов",
    "Медведев",
    "Антонов",
    "Тарасов",
    "Жуков",
    "Баранов",
    "Филиппов",
    "Комаров",
    "Давыдов",
    "Беляев",
    "Герасимов",
    "Богданов",
    "Осипов",
    "Сидоров",
    "Матвеев",
    "Титов",
    "Марков",
    "Миронов",
    "Крылов",
    "Куликов",
    "Карпов",
    "Власов",
    "Мельников",
    "Денисов",
    "Гаврилов",
    "Тихонов",
    "Казаков",
    "Афанасьев",
    "Данилов",
    "Савельев",
    "Тимофеев",
    "Фомин",
    "Чернов",
    "Абрамов",
    "Мартынов",
    "Ефимов",
    "Федотов",
    "Щербаков",
    "Назаров",
    "Калинин",
    "Исаев",
    "Чернышёв",
    "Быков",
    "Маслов",
    "Родионов",
    "Коновалов",
    "Лазарев",
    "Воронин",
    "Климов",
    "Филатов",
    "Пономарёв",
    "Голубев",
    "Кудрявцев",
    "Прохоров",
    "Наумов",
    "Потапов",
    "Журавлёв",
    "Овчинников",
    "Трофимов",
    "Леонов",
    "Соболев",
    "Ермаков",
    "Колесников",
    "Гончаров",
    "Емельянов",
    "Никифоров",
    "Грачёв",
    "Котов",
    "Гришин",
    "Ефремов",
    "Архипов",
    "Громов",
    "Кириллов",
    "Малышев",
    "Панов",
    "Моисеев",
    "Румянцев",
    "Акимов",
    "Кондратьев",
    "Бирюков",
    "Горбунов",
    "Анисимов",
    "Ерёмин",
    "Тихомиров",
    "Галкин",
    "Лукьянов",
    "Михеев",
    "Скворцов",
    "Юдин",
    "Белоусов",
    "Нестеров",
    "Симонов",
    "Прокофьев",
    "Харитонов",
    "Князев",
    "Цветков",
    "Левин",
    "Митрофанов",
    "Воронов",
    "Аксёнов",
    "Софронов",
    "Мальцев",
    "Логинов",
    "Горшков",
    "Савин",
    "Краснов",
    "Майоров",
    "Демидов",
    "Елисеев",
    "Рыбаков",
    "Сафонов",
    "Плотников",
    "Дёмин",
    "Хохлов",
    "Жданов",
    "Носков",
    "Кононов",
    "Зуев",
    "Субботин",
    "Пестов",
    "Шубин",
    "Блинов",
    "Пахомов",
    "Литвинов",
    "Канакин",
    "Горецкий",
    "Атанасян",
    "Виленкин",
    "Мордкович",
    "Перышкин",
    "Босов",
    "Пасечник",
    "Габриелян",
    "Рудзитис",
    "Баранов",
    "Ладыженский",
    "Коровин",
    "Бунеев",
    "Климанов",
    "Плешаков",
    "Моро",
    "Дорофеев",
    "Петерсон",
    "Макарычев",
    "Колягин",
    "Бутузов",
    "Погорелов",
    "Мякишев",
    "Касьянов",
    "Сонин",
    "Сивоглазов",
    "Алексеев",
    "Домогацкий",
    "Торкунов",
    "Мединский",
    "Арсентьев",
    "Вигасин",
    "Агибалов",
    "Боголюбов",
    "Никитенко",
    "Кауфман",
    "Биболетов",
    "Вербицкий",
    "Афанасьев",
    "Михеев",
    "Бим",
    "Угринович",
    "Семакин",
    "Поляков",
    "Лях",
    "Матвеев",
    "Критская",
    "Неменский",
    "Лутцев",
    "Роговцев",
    "Хренников",
    "Виноградов",
    "Смирнов",
    "Шемшурин",
    "Кураев",
    "Бабкин",
    "Чаругин",
    "Воронцов",
]
FEMININE_ONLY = {"Моро", "Бим", "Критская"}
FIRST_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТФЭЮЯ"
PATRONYMIC_LETTERS = "АБВГДЕИКЛМНОПРСФЮ"

# name, first grade, last grade; the title's extra words (a topic, «и начала математического анализа»…)
SUBJECTS = [
    ("Русский язык", 1, 11, ["", "", "Развитие речи", "Теория", "Практика"]),
    ("Литературное чтение", 1, 4, ["", "Уроки словесности", "Родная речь"]),
    ("Азбука", 1, 1, ["", "Букварь"]),
    ("Математика", 1, 6, ["", "", "Математика и информатика", "Наглядная геометрия"]),
    ("Алгебра", 7, 11, ["", "и начала математического анализа"]),
    ("Геометрия", 7, 11, [""]),
    ("Вероятность и статистика", 7, 11, [""]),
    ("Окружающий мир", 1, 4, ["", "Мир вокруг нас"]),
    ("Литература", 5, 11, ["", "Учебник-хрестоматия", "Литература Сибири"]),
    (
        "Английский язык",
        2,
        11,
        ["", "Английский в фокусе", "Rainbow English", "Звёздный английский", "Forward"],
    ),
    ("Немецкий язык", 2, 11, ["", "Горизонты", "Вундеркинды"]),
    ("Французский язык", 2, 11, ["", "Синяя птица", "Твой друг французский язык"]),
    ("Китайский язык", 5, 9, ["", "Второй иностранный язык"]),
    ("История России", 6, 11, ["", "1945 год — начало XXI века", "С древнейших времён до начала XVI века"]),
    (
        "Всеобщая история",
        5,
        11,
        ["", "История Древнего мира", "История Средних веков", "История Нового времени", "Новейшая история"],
    ),
    ("Обществознание", 6, 11, ["", ""]),
    (
        "География",
        5,
        11,
        [
            "",
            "Землеведение",
            "Материки, океаны, народы и страны",
            "География России",
            "География Иркутской области",
        ],
    ),
    (
        "Биология",
        5,
        11,
        ["", "Живой организм", "Растения. Бактерии. Грибы", "Животные", "Человек", "Общая биология"],
    ),
    ("Физика", 7, 11, ["", ""]),
    ("Химия", 8, 11, ["", "Органическая химия", "Неорганическая химия"]),
    ("Информатика", 5, 11, ["", ""]),
    ("Астрономия", 10, 11, [""]),
    ("Музыка", 1, 8, [""]),
    ("Изобразительное искусство", 1, 7, ["", "Искусство вокруг нас", "Декоративно-прикладное искусство"]),
    ("Технология", 1, 9, ["", "Труд (технология)"]),
    ("Физическая культура", 1, 11, [""]),
    ("Основы безопасности и защиты Родины", 8, 11, [""]),
    (
        "Основы религиозных культур и светской этики",
        4,
        4,
        ["Основы православной культуры", "Основы светской этики", "Основы мировых религиозных культур"],
    ),
    ("Основы духовно-нравственной культуры народов России", 5, 6, [""]),
    ("Родной язык (русский)", 1, 11, [""]),
    ("Литературное чтение на родном языке", 1, 4, [""]),
    ("Экономика", 10, 11, ["", "Основы экономической теории"]),
    ("Право", 10, 11, [""]),
    ("Естествознание", 10, 11, [""]),
    ("Индивидуальный проект", 10, 11, [""]),
]
SERIES = [
    "",
    "",
    "",
    "",
    "Школа России",
    "Перспектива",
    "Начальная школа XXI века",
    "Гармония",
    "Планета знаний",
    "Сферы",
    "Полярная звезда",
    "Алгоритм успеха",
    "Линия жизни",
    "Диалог",
    "Вертикаль",
    "Классический курс",
    "Лабиринт",
    "Инновационная школа",
    "Академический школьный учебник",
    "МГУ — школе",
    "Архимед",
    "Предметная линия «Точка роста»",
    "Учимся учиться",
    "Мир открытий",
    "Росток",
    "Школа 2100",
    "Ступеньки",
    "Сириус",
    "Радуга",
    "Горизонты",
    "Московский учебник",
    "ФГОС. Инновационная школа",
    "Живая планета",
    "Навигатор",
    "Созвездие",
    "Мир знаний",
]
LEVELS = ["", "", "", "Базовый уровень", "Углублённый уровень", "Базовый и углублённый уровни"]
PUBLISHERS = [
    "АО «Издательство «Просвещение»",
    "ООО «ДРОФА»",
    "ООО «БИНОМ. Лаборатория знаний»",
    "ООО «Русское слово — учебник»",
    "ООО «Издательский центр ВЕНТАНА-ГРАФ»",
    "ООО «Издательство «Экзамен»",
    "ООО «Академкнига/Учебник»",
    "ООО «Издательство «Мнемозина»",
    "ООО «Сибирская книга»",
    "ООО «Ассоциация XXI век»",
]
CONDITIONS = [Offer.Condition.NEW, Offer.Condition.GOOD, Offer.Condition.GOOD, Offer.Condition.GOOD, Offer.Condition.FAIR,
              Offer.Condition.FAIR, Offer.Condition.WORN]  # fmt: skip
OFFER_NOTES = ["", "", "", "", "", "", "", "Комплект в двух частях", "Без рабочих тетрадей", "Подписаны карандашом",
               "Перешли на новый учебник", "Можно забрать в любой день"]  # fmt: skip

SECTION_TITLES = [
    "Организационная деятельность",
    "Информационно-аналитическая деятельность",
    "Социальное партнерство",
    "Заседания ГТО ШБ",
    "Организационно-методическая деятельность",
    "Организационно-педагогическая деятельность с учащимися",
    "Повышение профессиональной компетентности",
    "Работа с фондом учебной литературы",
]
EVENT_KINDS = [
    "Семинар «Школьная библиотека как информационно-библиотечный центр»",
    "Круглый стол «Комплектование фонда учебников в условиях обновления ФПУ»",
    "Конкурс чтецов «Живая классика», муниципальный этап",
    "Выставка «Государственные символы Российской Федерации»",
    "Консультация по передаче учебников во временное пользование",
    "Заседание ГТО ШБ «Итоги сверки фондов с ФСЭМ»",
    "Мастер-класс «Цифровые сервисы школьной библиотеки»",
    "Мониторинг обеспеченности учащихся учебниками",
    "Неделя детской и юношеской книги",
    "Акция «Подари книгу библиотеке»",
    "Вебинар «Медиаграмотность школьника»",
    "Фестиваль школьных библиотек",
    "Сверка фонда с федеральным списком экстремистских материалов",
    "Открытое мероприятие «Библиотечный урок»",
    "Квест «По страницам любимых книг»",
]
MONTHS = ["Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Январь", "Февраль", "Март", "Апрель", "Май"]
COURSE_TITLES = [
    "Школьная библиотека как ресурс реализации ФГОС",
    "Библиотечное обслуживание детей",
    "Медиаграмотность школьника",
    "Цифровые сервисы школьной библиотеки",
    "Управление школьным информационно-библиотечным центром",
    "Проектная деятельность в библиотеке",
    "Формирование фонда учебной литературы",
    "Работа с ФСЭМ в школьной библиотеке",
]
PORTFOLIO_TITLES = [
    "Статья «Библиотечный урок в начальной школе»",
    "Выступление на августовском совещании",
    "Конкурс «Библиотекарь года»",
    "Мастер-класс «Буктрейлер»",
    "Открытое мероприятие «Читаем вместе»",
]


# ---------------------------------------------------------------- the generator


class Generator:
    """Fills a new region: its associations and all they hold; `run()` returns the associations made, the largest first."""

    def __init__(self, sizes, seed=1, year_start=None, slug="region", log=None):
        from core.years import academic_year_of

        self.sizes = sizes
        self.seed = seed
        self.random = random.Random(seed)
        self.current_year = year_start if year_start is not None else academic_year_of(timezone.localdate())
        self.slug = slug
        self.log = log or (lambda message: None)
        self.today = min(timezone.localdate(), academic_year_bounds(self.current_year)[1])

    def check_sizes(self):
        sizes = self.sizes
        if sizes.schools < 1 or sizes.librarians < sizes.schools or sizes.titles < 1 or sizes.years < 1:
            raise ValueError("Нужна хотя бы одна школа, по библиотекарю на школу, один учебник и один год.")
        if not 1 <= sizes.associations <= len(TOWNS):
            raise ValueError(f"Объединений может быть от 1 до {len(TOWNS)} (по одному на город или район).")
        if sizes.schools < sizes.associations:
            raise ValueError(
                "Школ должно быть не меньше, чем объединений: в каждом объединении хотя бы одна школа."
            )

    @transaction.atomic
    def run(self):
        self.check_sizes()
        planned = self.planned_associations()
        existing = set(
            Association.objects.filter(slug__in=[a.slug for a in planned]).values_list("slug", flat=True)
        )
        taken = [a.slug for a in planned if a.slug in existing]
        if taken:
            raise ValueError(f"Объединение с адресом «{taken[0]}» уже есть: данные для замера уже созданы. "
                             "Выберите другой --association или пустую базу.")  # fmt: skip
        self.associations = Association.objects.bulk_create(planned)
        steps = [
            ("объединения", lambda: len(self.associations)),
            ("школы", self.make_schools), ("библиотекари", self.make_people), ("учётные записи", self.make_accounts),
            ("планы работы", self.make_plans), ("сборы отчётов", self.make_rounds), ("ФПУ", self.make_catalogue),
            ("предложения", self.make_offers), ("потребности", self.make_needs), ("передачи", self.make_transfers),
        ]  # fmt: skip
        for label, step in steps:
            count = step()
            self.log(f"{label}: {count}")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return sorted(self.associations, key=lambda a: -len(self.schools_of[a.pk]))

    def planned_associations(self):
        """The associations to make (unsaved): the whole region as one, or one per town (several towns to an
        association when fewer are asked for, named after the first)."""
        if self.sizes.associations == 1:
            return [Association(slug=self.slug, name="Региональное объединение школьных библиотекарей Иркутской области",
                                short_name="РО ШБ", city="Иркутская область")]  # fmt: skip
        planned = []
        for town, city, town_slug in TOWNS[: self.sizes.associations]:
            short_name = "ГТО ШБ" if town.startswith("г. ") else "РМО ШБ"
            planned.append(
                Association(
                    slug=f"{self.slug}-{town_slug}",
                    name=f"{short_name} {town}",
                    short_name=short_name,
                    city=city,
                )
            )
        return planned

    def association_of_town(self, town_index):
        return self.associations[town_index % len(self.associations)]

    # -- schools and people

    def make_schools(self):
        """Schools in towns drawn by size (Иркутск the most, each next town fewer: 1/rank); the first school of each
        association comes first, so none is empty."""
        rng = self.random
        weights = [kind[2] for kind in SCHOOL_KINDS]
        town_weights = [1 / rank for rank in range(1, len(TOWNS) + 1)]
        names, schools = set(), []
        while len(schools) < self.sizes.schools:
            short, full, _weight = rng.choices(SCHOOL_KINDS, weights)[0]
            index = (
                len(schools)
                if len(schools) < len(self.associations)
                else rng.choices(range(len(TOWNS)), town_weights)[0]
            )
            town = TOWNS[index][0]
            number = rng.randint(1, 60)
            short_name = f"{short.format(n=number)} {town}"
            if short_name in names:
                continue
            names.add(short_name)
            schools.append(School(
                association=self.association_of_town(index), short_name=short_name, sort_key=sort_key(short_name), name=f"{full.format(n=number)} {town}",
                address=f"{town.split(' ', 1)[1]}, ул. Школьная, {rng.randint(1, 120)}", phone=f"8 (3952) {rng.randint(200000, 799999)}",
            ))  # fmt: skip
        self.schools = School.objects.bulk_create(schools, batch_size=BATCH)
        self.schools_of = {association.pk: [] for association in self.associations}
        for school in self.schools:
            self.schools_of[school.association_id].append(school)
        self.students = {}
        enrollments = []
        for school in self.schools:
            for grade in range(1, 12):
                students = max(5, int(rng.gauss(70, 25)) - (grade > 9) * 30)
                self.students[school.pk, grade] = students
                enrollments.append(
                    Enrollment(school=school, year_start=self.current_year, grade=grade, students=students)
                )
        Enrollment.objects.bulk_create(enrollments, batch_size=BATCH)
        return f"{len(self.schools)} (в самом большом объединении {max(len(s) for s in self.schools_of.values())}, в самом малом {min(len(s) for s in self.schools_of.values())})"

    def person_name(self, feminine):
        stem = self.random.choice(SURNAME_STEMS)
        if feminine and stem not in FEMININE_ONLY:
            surname = (
                stem[:-2] + "ая"
                if stem.endswith("ий")
                else stem + "а"
                if stem[-2:] in ("ов", "ев", "ёв", "ин", "ын")
                else stem
            )
        else:
            surname = stem
        return surname, f"{self.random.choice(FIRST_LETTERS)}.{self.random.choice(PATRONYMIC_LETTERS)}."

    def make_people(self):
        from members.names import name_key

        rng = self.random
        positions = (
            [Person.Position.TEACHER_LIBRARIAN] * 5
            + [Person.Position.LIBRARIAN] * 3
            + [Person.Position.HEAD_OF_LIBRARY] * 2
        )
        categories = [
            Person.Category.NONE,
            Person.Category.CONFORMITY,
            Person.Category.FIRST,
            Person.Category.FIRST,
            Person.Category.HIGHEST,
        ]
        seen, people = set(), []
        while len(people) < self.sizes.librarians:
            surname, initials = self.person_name(feminine=rng.random() < 0.95)
            key = name_key(surname, initials)
            if key in seen:
                continue
            seen.add(key)
            # Every school has a librarian first; the rest are second librarians here and there.
            school = (
                self.schools[len(people)] if len(people) < len(self.schools) else rng.choice(self.schools)
            )
            category = rng.choice(categories)
            attested = (
                self.today - datetime.timedelta(days=rng.randint(30, 5 * 365))
                if category != Person.Category.NONE
                else None
            )
            active = rng.random() < 0.95
            people.append(Person(
                association_id=school.association_id, surname=surname, initials=initials, key=key, school=school,
                position=rng.choice(positions), rate=rng.choice([1, 1, 1, 0.5, 0.75]), category=category,
                education_level=rng.choice(Person.Education.values), experience_total=rng.randint(1, 40),
                experience_library=None, attestation_date=attested,
                attestation_due=add_months(attested, 60) if attested else None,
                self_education_theme=rng.choice(["", "Формирование читательской грамотности", "Буктрейлер как средство продвижения чтения"]),
                email=f"lib{len(people) + 1:04d}@school.example.ru", is_active=active,
                left_on=None if active else self.today - datetime.timedelta(days=rng.randint(1, 700)),
            ))  # fmt: skip
        # Each association's head is its first working librarian (the first at all, brought back, where all have left).
        self.heads = {}
        for person in people:
            if person.is_active:
                self.heads.setdefault(person.association_id, person)
        for person in people:
            if person.association_id not in self.heads:
                person.is_active, person.left_on = True, None
                self.heads[person.association_id] = person
        self.people = Person.objects.bulk_create(people, batch_size=BATCH)
        self.active_of = {association.pk: [] for association in self.associations}
        for person in self.people:
            if person.is_active:
                self.active_of[person.association_id].append(person)
        courses, entries = [], []
        for person in self.people:
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                end = self.today - datetime.timedelta(days=rng.randint(1, 8 * 365))
                courses.append(
                    Course(
                        person=person,
                        title=rng.choice(COURSE_TITLES),
                        provider="ГАУ ДПО ИРО",
                        hours=rng.choice([16, 24, 36, 72]),
                        start=end - datetime.timedelta(days=rng.randint(3, 40)),
                        end=end,
                    )
                )
            for _ in range(rng.choice([0, 0, 1, 2])):
                entries.append(
                    PortfolioEntry(
                        person=person,
                        title=rng.choice(PORTFOLIO_TITLES),
                        kind=rng.choice(PortfolioEntry.Kind.values),
                        level=rng.choice(PortfolioEntry.Level.values),
                        date=self.today - datetime.timedelta(days=rng.randint(1, 3000)),
                    )
                )
        Course.objects.bulk_create(courses, batch_size=BATCH)
        PortfolioEntry.objects.bulk_create(entries, batch_size=BATCH)
        return len(self.people)

    def make_accounts(self):
        """For each association its head and its committee; a login for every other working librarian (no passwords:
        the benchmark signs them in with sessions it makes itself); the region's coordinator and a site administrator."""
        users, accounts = [], []
        for association in self.associations:
            head, committee = (
                User(username=f"{association.slug}-head", password="!"),
                User(username=f"{association.slug}-committee", password="!"),
            )
            users += [head, committee]
            accounts += [Account(user=head, association=association, role=Account.Role.HEAD, person=self.heads[association.pk]),
                         Account(user=committee, association=association, role=Account.Role.VIEWER)]  # fmt: skip
        coordinator = User(username=f"{self.slug}-coordinator", password="!")
        users += [
            coordinator,
            User(username=f"{self.slug}-admin", password="!", is_staff=True, is_superuser=True),
        ]
        accounts.append(Account(user=coordinator, association=None, role=Account.Role.COORDINATOR))
        heads = {person.pk for person in self.heads.values()}
        librarians = [person for person in self.people if person.is_active and person.pk not in heads]
        for index, person in enumerate(librarians, 1):
            user = User(username=f"{self.slug}-lib{index:04d}", password="!", email=person.email)
            users.append(user)
            accounts.append(
                Account(
                    user=user,
                    association_id=person.association_id,
                    role=Account.Role.LIBRARIAN,
                    person=person,
                )
            )
        User.objects.bulk_create(users, batch_size=BATCH)
        Account.objects.bulk_create(accounts, batch_size=BATCH)
        return len(users)

    # -- plans and report rounds

    def dates_text(self, year_start):
        rng = self.random
        month = rng.randrange(9)
        year = year_start if month < 4 else year_start + 1
        number = month + 9 if month < 4 else month - 3
        kind = rng.random()
        if kind < 0.35:
            return f"{rng.randint(1, 28):02d}.{number:02d}.{year} г."
        if kind < 0.65:
            return f"{MONTHS[month]}, {year} г."
        if kind < 0.8 and month not in (3, 8):  # a range within one calendar year: «Апрель - Май, 2025 г.»
            end = month + 1
            end_year = year_start if end < 4 else year_start + 1
            return f"{MONTHS[month]} - {MONTHS[end]}, {end_year} г."
        return "В течение года"

    @staticmethod
    def event_status(draw, current, past):
        """What became of an event: the current year's coming events are planned; of the past ones most were held
        (and a few of this year's are still unmarked). One draw whatever the case, so the day does not shift the data."""
        if current and not past:
            return Event.Status.PLANNED
        S = Event.Status
        shares = (
            [(0.01, S.PLANNED), (0.91, S.DONE), (0.96, S.MOVED), (1.0, S.CANCELLED)]
            if current
            else [(0.92, S.DONE), (0.96, S.MOVED), (1.0, S.CANCELLED)]
        )
        return next(status for share, status in shares if draw < share)

    def make_plans(self):
        """Every association's plan for each year, of `events` events each, its own people responsible."""
        plans = events = responsibles = 0
        for association in self.associations:
            for year_start in range(self.current_year - self.sizes.years + 1, self.current_year + 1):
                made, lines = self.make_plan(association, year_start)
                plans, events, responsibles = plans + 1, events + made, responsibles + lines
        return f"{plans} планов, {events} мероприятий ({responsibles} ответственных)"

    def make_plan(self, association, year_start):
        rng = self.random
        people = self.active_of[association.pk]
        current = year_start == self.current_year
        count = self.sizes.events
        per_section = max(1, -(-count // 8))
        plan = Plan.objects.create(
            association=association, year_start=year_start, status=Plan.Status.PUBLISHED,
            city_theme="Реализация и совершенствование механизмов сопровождения индивидуальных образовательных маршрутов.",
            theme="Профессиональная компетентность школьного библиотекаря – ресурс эффективной работы школьной библиотеки.",
            goal="Создание условий для развития профессиональной компетентности школьных библиотекарей.",
            tasks="Организовать методическое сопровождение\n- консультации\n- вебинары\nИзучить и распространить опыт коллег",
            results="Рост качества услуг школьных библиотек\nПовышение читательской компетентности учащихся",
            head_name=self.heads[association.pk].printed_name,
        )  # fmt: skip
        sections = Section.objects.bulk_create(
            Section(plan=plan, position=position, title=SECTION_TITLES[(position - 1) % len(SECTION_TITLES)])
            for position in range(1, -(-count // per_section) + 1)
        )
        new_events = []
        for number in range(count):
            text = self.dates_text(year_start)
            start, end = parse_dates(text, year_start)
            status = self.event_status(rng.random(), current, past=end is not None and end < self.today)
            new_events.append(Event(
                section=sections[number // per_section], position=number % per_section + 1,
                title=f"{rng.choice(EVENT_KINDS)}", dates_text=text, date_start=start, date_end=end, status=status,
                outcome="Перенесено на следующий месяц" if status == Event.Status.MOVED else "",
            ))  # fmt: skip
        new_events = Event.objects.bulk_create(new_events, batch_size=BATCH)
        lines = []
        for event in new_events:
            chosen = rng.sample(people, k=min(len(people), rng.choice([1, 1, 2, 3])))
            lines += [
                Responsible(event=event, person=person, position=position)
                for position, person in enumerate(chosen, 1)
            ]
            if rng.random() < 0.1:
                lines.append(Responsible(event=event, person=None, position=len(chosen) + 1))
        Responsible.objects.bulk_create(lines, batch_size=BATCH)
        return len(new_events), len(lines)

    def make_rounds(self):
        """Each association asks its schools twice a year (provision in October, the ФСЭМ check in March); the
        submitted answers of each association's latest provision round have their lines, grade by grade."""
        rng = self.random
        heads = dict(
            User.objects.filter(username__in=[f"{a.slug}-head" for a in self.associations]).values_list(
                "username", "pk"
            )
        )
        reports = rounds = 0
        latest_provision = {}
        for association in self.associations:
            for year_start in range(self.current_year - self.sizes.years + 1, self.current_year + 1):
                for kind, month, title in [
                    (Kind.PROVISION, 10, "Обеспеченность учащихся учебниками"),
                    (Kind.FSEM, 3, "Сверка фондов с ФСЭМ"),
                ]:
                    year = year_of_month(year_start, month)
                    deadline = datetime.date(year, month, 15)
                    opened = timezone.make_aware(
                        datetime.datetime.combine(deadline - datetime.timedelta(days=30), datetime.time(9))
                    )
                    round_ = Round.objects.create(association=association, kind=kind, title=f"{title} {academic_year_name(year_start)}",
                                                  year_start=year_start, deadline=deadline, opened_at=opened,
                                                  opened_by_id=heads[f"{association.slug}-head"])  # fmt: skip
                    done_share = 0.97 if deadline < self.today else 0.4
                    rows = []
                    for school in self.schools_of[association.pk]:
                        submitted, started = rng.random() < done_share, rng.random() < 0.3
                        rows.append(
                            Report(
                                round=round_,
                                school=school,
                                status=Report.Status.SUBMITTED if submitted else Report.Status.DRAFT,
                                started=submitted or started,
                                submitted_at=opened + datetime.timedelta(days=rng.randint(1, 29))
                                if submitted
                                else None,
                            )
                        )
                    rows = Report.objects.bulk_create(rows, batch_size=BATCH)
                    rounds, reports = rounds + 1, reports + len(rows)
                    if kind == Kind.PROVISION and deadline < self.today:
                        latest_provision[association.pk] = rows
        lines = [
            ProvisionLine(report=report, grade=grade, subject=subject, students=students, available=available,
                          missing=max(0, students - available))
            for rows in latest_provision.values() for report in rows if report.status == Report.Status.SUBMITTED
            for grade in range(1, 12)
            for subject, students, available in self.provision_of(report.school_id, grade)
        ]  # fmt: skip
        ProvisionLine.objects.bulk_create(lines, batch_size=BATCH)
        return f"{rounds} сборов, {reports} отчётов школ, {len(lines)} строк обеспеченности"

    def provision_of(self, school_id, grade):
        """Three subjects of a grade: its students, and the copies the school has (most schools nearly all)."""
        rng = self.random
        subjects = [name for name, first, last, _topics in SUBJECTS if first <= grade <= last]
        students = self.students[school_id, grade]
        for subject in rng.sample(subjects, k=min(3, len(subjects))):
            yield subject, students, min(students, int(students * rng.uniform(0.75, 1.1)))

    # -- the Federal List, offers, needs, transfers

    def make_catalogue(self):
        rng = self.random
        surnames = sorted({stem for stem in SURNAME_STEMS})
        titles, textbooks = set(), []
        attempts = 0
        while len(textbooks) < self.sizes.titles:
            attempts += 1
            if attempts > self.sizes.titles * 50:
                raise ValueError(
                    f"Не получается придумать {self.sizes.titles} разных наименований: уменьшите --titles."
                )
            subject, first, last, topics = rng.choice(SUBJECTS)
            grade = rng.randint(first, last)
            span = grade if rng.random() < 0.85 else min(last, grade + rng.choice([1, 2, 4]))
            topic, series, level = (
                rng.choice(topics),
                rng.choice(SERIES),
                rng.choice(LEVELS) if grade >= 10 else "",
            )
            parts = (
                rng.choice(["", "", "", " В 2 частях", " В 2-х частях", " В 3 частях"]) if grade <= 6 else ""
            )
            grades = f"{grade} класс" if span == grade else f"{grade}-{span} классы"
            title = (
                subject
                + (f". {topic}" if topic else "")
                + (f". {level}" if level else "")
                + f". {grades}"
                + (f".{parts}" if parts else "")
            )
            if series:
                title = f"{title} ({series})"
            if title in titles:
                continue
            titles.add(title)
            authors = ", ".join(f"{self._author(rng, surnames)}" for _ in range(rng.choice([1, 1, 2, 2, 3])))
            number = f"1.{1 + (grade > 4) + (grade > 9)}.{SUBJECTS.index((subject, first, last, topics)) + 1}.{len(textbooks) // 60 + 1}.{len(textbooks) % 60 + 1}.{grade}"
            excluded = rng.random() < 0.08
            valid_until = None
            if not excluded and rng.random() < 0.15:
                valid_until = datetime.date(self.current_year + rng.randint(0, 4), rng.randint(1, 12), 25)
            textbook = Textbook(
                fpu_number=number, title=title, authors=authors, publisher=rng.choice(PUBLISHERS), subject=subject,
                grade_from=grade, grade_to=span, language="русский", excluded=excluded,
                excluded_on=self.today - datetime.timedelta(days=rng.randint(30, 900)) if excluded else None,
                valid_until=valid_until, valid_until_text=f"До {valid_until:%d.%m.%Y} года" if valid_until else "",
            )  # fmt: skip
            textbook.set_keys()
            textbooks.append(textbook)
        self.textbooks = Textbook.objects.bulk_create(textbooks, batch_size=BATCH)
        return len(self.textbooks)

    def _author(self, rng, surnames):
        stem = rng.choice(surnames)
        surname = stem + "а" if rng.random() < 0.4 and stem[-2:] in ("ов", "ев", "ин") else stem
        return f"{surname} {rng.choice(FIRST_LETTERS)}.{rng.choice(PATRONYMIC_LETTERS)}."

    def pick_textbook(self):
        """A title of the list, the popular ones (the front of the list) far more often."""
        index = int(len(self.textbooks) * self.random.random() ** 2.2)
        return self.textbooks[index]

    def typed_in(self, textbook):
        """A school's own description of a title: sometimes the list's words another way, sometimes a title not in the list."""
        rng = self.random
        if rng.random() < 0.5:
            title = textbook.title.replace("ё", "е").replace(". ", ": ", 1)
            return (
                title,
                textbook.authors.split(",")[0],
                textbook.subject,
                textbook.grade_from,
                textbook.grade_to,
            )
        subject, first, last, _topics = rng.choice(SUBJECTS)
        grade = rng.randint(first, last)
        title = f"{subject}. {grade} класс. {rng.choice(['Рабочая тетрадь', 'Практикум', 'Сборник заданий', 'Дидактические материалы'])}"
        return title, self._author(rng, SURNAME_STEMS), subject, grade, grade

    def make_offers(self):
        rng = self.random
        created = 0
        batch = []
        self.offer_ids = []
        for number in range(self.sizes.offers):
            offer = Offer(school=rng.choice(self.schools), copies=max(1, int(rng.expovariate(1 / 15))), condition=rng.choice(CONDITIONS),
                          year_published=rng.randint(2005, self.current_year), note=rng.choice(OFFER_NOTES))  # fmt: skip
            textbook = self.pick_textbook()
            if rng.random() < 0.9:
                offer.textbook = textbook
                offer.title, offer.authors, offer.publisher, offer.subject = (
                    textbook.title,
                    textbook.authors,
                    textbook.publisher,
                    textbook.subject,
                )
                offer.grade_from, offer.grade_to = textbook.grade_from, textbook.grade_to
                offer.title_key, offer.author_key, offer.search_text = (
                    textbook.title_key,
                    textbook.author_key,
                    textbook.search_text,
                )
            else:
                offer.title, offer.authors, offer.subject, offer.grade_from, offer.grade_to = self.typed_in(
                    textbook
                )
                offer.publisher = rng.choice(PUBLISHERS)
                offer.set_keys()
            offer.available = offer.copies
            if rng.random() < 0.04:
                offer.withdrawn_at = timezone.now() - datetime.timedelta(days=rng.randint(1, 700))
            batch.append(offer)
            if len(batch) == BATCH or number == self.sizes.offers - 1:
                Offer.objects.bulk_create(batch)
                created += len(batch)
                self.offer_ids += [(o.pk, o.school_id, o.copies, o.withdrawn_at is None) for o in batch]
                batch = []
        return created

    def make_needs(self):
        rng = self.random
        batch, created = [], 0
        for number in range(self.sizes.needs):
            textbook = self.pick_textbook()
            need = Need(school=rng.choice(self.schools), copies=max(1, int(rng.expovariate(1 / 12))))
            if rng.random() < 0.85:
                need.textbook = textbook
                need.title, need.authors, need.publisher, need.subject = (
                    textbook.title,
                    textbook.authors,
                    textbook.publisher,
                    textbook.subject,
                )
                need.grade = rng.randint(textbook.grade_from, textbook.grade_to)
                need.title_key, need.author_key, need.search_text = (
                    textbook.title_key,
                    textbook.author_key,
                    textbook.search_text,
                )
            else:
                need.title, need.authors, need.subject, grade_from, grade_to = self.typed_in(textbook)
                need.grade = grade_from
                need.set_keys()
            if rng.random() < 0.4:
                need.needed_by = datetime.date(self.current_year + 1, rng.choice([6, 8, 8, 9]), 1)
            if rng.random() < 0.1:
                need.closed_at = timezone.now() - datetime.timedelta(days=rng.randint(1, 700))
            batch.append(need)
            if len(batch) == BATCH or number == self.sizes.needs - 1:
                Need.objects.bulk_create(batch)
                created += len(batch)
                batch = []
        return created

    def make_transfers(self):
        """One transfer for every twentieth offer, most of them finished, most to a school of the same association
        (a librarian searches her own association first), the rest across the region; the copies they hold leave
        `available`."""
        rng = self.random
        association_of = {school.pk: school.association_id for school in self.schools}
        S = Transfer.Status
        statuses = [S.RETURNED, S.KEPT, S.HANDED_OVER, S.AGREED, S.DECLINED, S.CANCELLED, S.REQUESTED]
        weights = [40, 10, 20, 5, 13, 10, 2]
        candidates = [row for row in self.offer_ids if row[3]]
        chosen = rng.sample(candidates, k=min(len(candidates), self.sizes.offers // 20))
        transfers, held, requested_at = [], {}, []
        for pk, school_id, copies, _active in chosen:
            status = rng.choices(statuses, weights)[0]
            nearby = rng.random() < 0.85
            to_school = rng.choice(self.schools_of[association_of[school_id]] if nearby else self.schools)
            if to_school.pk == school_id:
                continue
            count = rng.randint(1, copies)
            requested = timezone.now() - datetime.timedelta(
                days=rng.randint(1, 900) if status != S.REQUESTED else rng.randint(0, 20)
            )
            decided = (
                requested + datetime.timedelta(days=rng.randint(0, 7)) if status != S.REQUESTED else None
            )
            handed = (
                decided.date() + datetime.timedelta(days=rng.randint(0, 7))
                if status in (S.HANDED_OVER, S.RETURNED, S.KEPT)
                else None
            )
            transfers.append(Transfer(
                offer_id=pk, to_school=to_school, copies=count, status=status, requested_at=requested, decided_at=decided,
                handed_over_on=handed, return_by=(handed or requested.date()) + datetime.timedelta(days=rng.randint(60, 300)),
                returned_on=handed + datetime.timedelta(days=rng.randint(30, 250)) if status == S.RETURNED else None,
            ))  # fmt: skip
            requested_at.append(requested)
            if status in Transfer.HOLDING:
                held[pk] = count
        transfers = Transfer.objects.bulk_create(transfers, batch_size=BATCH)
        # requested_at is auto_now_add: bulk_create stamps now, so the history is written in a second pass.
        for transfer, moment in zip(transfers, requested_at):
            transfer.requested_at = moment
        Transfer.objects.bulk_update(transfers, ["requested_at"], batch_size=BATCH)
        offers = list(Offer.objects.filter(pk__in=list(held)).only("pk", "copies", "available"))
        for offer in offers:
            offer.available = offer.copies - held[offer.pk]
        Offer.objects.bulk_update(offers, ["available"], batch_size=BATCH)
        return len(transfers)
