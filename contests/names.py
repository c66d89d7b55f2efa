"""People's names in the dative («Ивановой Марии», «Куклиной Наталье Николаевне») and their gender guessed — by
the pymorphy3 dictionary (OpenCorpora), not by hand-written endings.

Each word of a name (each hyphen part of «Римская-Корсакова») is looked up as what it is: a surname (Surn), a
first name (Name), a patronymic (Patr). A word the dictionary knows in the nominative of the right gender is put
in the dative from its own paradigm, so «Шевченко», «Черных», «Дюма» (Fixd) stay as they are and «Бондарь»
declines for Олег but not for Анна. A surname the dictionary does not know is tried by analogy:

- the dictionary's suffix predictor (the paradigm of known surnames ending the same way);
- a woman's -ова/-ева/-ина/-ына surname through the man's one («Куклина» from «Куклин»: «Куклиной»);
- an adjective surname through its adjective («Белая» → «Белой», «Толстой» → «Толстому»);
- a man's surname that is a common noun («Гусь» → «Гусю», «Сердюк» → «Сердюку»), and any surname in -а/-я that
  is a feminine noun («Ворона» → «Вороне»).

A word none of these gives stays as it was written: a certificate never prints a made-up form.
"""

from __future__ import annotations

import re
import threading

FEMALE, MALE = "femn", "masc"
KIND = {"surname": "Surn", "first_name": "Name", "patronymic": "Patr"}

_lock = threading.Lock()
_morph = None
_predictor = None


def morph():
    """The one MorphAnalyzer of the process (its dictionary takes some 15 MB and a tenth of a second to load)."""
    global _morph, _predictor
    if _morph is None:
        with _lock:
            if _morph is None:
                import pymorphy3
                from pymorphy3.units import KnownSuffixAnalyzer

                analyzer = pymorphy3.MorphAnalyzer()
                predictor = KnownSuffixAnalyzer()
                predictor.init(analyzer)
                _predictor = predictor
                _morph = analyzer
    return _morph


def _predicted(word):
    """Parses of `word` by analogy with the dictionary's words of the same ending (even when the dictionary knows
    the word itself as something else, like «куклина» — a doll's, a place's)."""
    analyzer = morph()
    lower = word.lower()
    return [analyzer._result_type(*parse) for parse in _predictor.parse(lower, lower, set())]


def _plain(text):
    return text.lower().replace("ё", "е")


def _fits(tag, gender):
    return gender in tag or "ms-f" in tag or "Fixd" in tag


def _declined_from(parses, part, gender, grammeme=None, pos=None, case="datv"):
    """The dative of `part` from the first parse (of the grammeme or part of speech asked) whose lexeme holds
    `part` itself as the nominative singular of `gender`: (that nominative, the dative), or None."""
    wanted = _plain(part)
    for parse in parses:
        if grammeme and grammeme not in parse.tag:
            continue
        if pos and parse.tag.POS != pos:
            continue
        for form in parse.lexeme:
            tag = form.tag
            if _plain(form.word) == wanted and "nomn" in tag and "sing" in tag and _fits(tag, gender):
                dative = form.inflect({case})
                if dative is not None:
                    return form.word, dative.word
    return None


def _surname_by_analogy(part, gender, case):
    lower = _plain(part)
    found = _declined_from(_predicted(part), part, gender, grammeme="Surn", case=case)
    if found:
        return found
    if gender == FEMALE and re.search(r"(ов|ев|ин|ын)а$", lower):
        # «Куклина»: the man's «Куклин» by analogy, and the woman's form of its paradigm.
        for parse in _predicted(part[:-1]):
            if "Surn" not in parse.tag or "masc" not in parse.tag or "nomn" not in parse.tag:
                continue
            for form in parse.lexeme:
                if _plain(form.word) == lower and {"femn", "sing", "nomn"} <= form.tag.grammemes:
                    dative = form.inflect({case})
                    if dative is not None:
                        return form.word, dative.word
    parses = morph().parse(part)
    found = _declined_from(parses, part, gender, pos="ADJF", case=case)  # «Белая», «Толстой», «Римская»
    if found:
        return found
    if gender == MALE and not re.search(
        r"[аеёиоуыэюя]$", lower
    ):  # «Гусь», «Сердюк»: a noun declines for a man
        found = _declined_from(parses, part, MALE, pos="NOUN", case=case)
        found = found or _declined_from(_predicted(part), part, MALE, pos="NOUN", case=case)
        if found:
            return found
    if re.search(r"[ая]$", lower):  # «Ворона», «Глинка»: a noun in -а declines for either
        return _declined_from(parses, part, FEMALE, pos="NOUN", case=case)
    return None


def _first_name_by_analogy(part, gender, kind, case):
    found = _declined_from(_predicted(part), part, gender, grammeme=KIND[kind], case=case)
    if found or kind != "first_name":
        return found
    if re.search(r"[ая]$", _plain(part)):  # «Милана»: a feminine noun in -а
        return _declined_from(_predicted(part), part, FEMALE, pos="NOUN", case=case)
    return None


def _written_as(found, original):
    """The dative found, with the original's capitals and its «ё» where the dictionary spelled the word with «е»
    (and only there: «Пётр» is «Петру» in the dictionary itself)."""
    nominative, form = found
    letters = list(form)
    for index, (was, spelled, now) in enumerate(zip(original.lower(), nominative, form, strict=False)):
        if was == "ё" and spelled == "е" and now == "е":
            letters[index] = "ё"
    form = "".join(letters)
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _word_declined(word, gender, kind, case):
    parts = word.split("-")
    result = []
    for part in parts:
        if not part or not re.fullmatch(r"[А-Яа-яЁё]+", part):
            result.append(part)  # an initial «А.», a Latin name: as written
            continue
        found = _declined_from(morph().parse(part), part, gender, grammeme=KIND[kind], case=case)
        if found is None:
            if kind == "surname":
                found = _surname_by_analogy(part, gender, case)
            else:
                found = _first_name_by_analogy(part, gender, kind, case)
        result.append(_written_as(found, part) if found else part)
    return "-".join(result)


def guess_gender(surname: str = "", first_name: str = "", patronymic: str = "") -> str:
    """ "femn" or "masc": by the patronymic (-вна, -кызы / -вич, -оглы), else the first name as the dictionary
    knows it, else the surname's form, else a woman (most librarians are)."""
    patronymic = _plain(patronymic.strip())
    if re.search(r"(вна|чна|шна|кызы|гызы)$", patronymic):
        return FEMALE
    if re.search(r"(ич|оглы|улы|уулу)$", patronymic):
        return MALE
    first = first_name.strip().split("-")[0]
    if first and not first.endswith("."):
        genders = _genders(morph().parse(first), first, "Name") or _genders(_predicted(first), first, "Name")
        if len(genders) == 1:
            return genders.pop()
    last = surname.strip().split("-")[-1]
    if last:
        genders = _genders(morph().parse(last), last, "Surn") or _genders(_predicted(last), last, "Surn")
        if len(genders) == 1:
            return genders.pop()
        parses = [
            p for p in morph().parse(last) if p.tag.POS == "ADJF" and {"sing", "nomn"} <= p.tag.grammemes
        ]
        genders = {p.tag.gender for p in parses} & {FEMALE, MALE}
        if len(genders) == 1:
            return genders.pop()
    return FEMALE


def _genders(parses, word, grammeme):
    """The genders the parses of the grammeme give `word` as it is written (nominative singular)."""
    wanted = _plain(word)
    return {
        parse.tag.gender
        for parse in parses
        if grammeme in parse.tag
        and _plain(parse.word) == wanted
        and {"sing", "nomn"} <= parse.tag.grammemes
        and parse.tag.gender in (FEMALE, MALE)
    }


def dative(surname: str, first_name: str = "", patronymic: str = "", gender: str | None = None) -> str:
    """«Ивановой Марии», «Куклиной Наталье Николаевне»: the full name in the dative (the words the dictionary
    cannot decline stay as written)."""
    return declined(surname, first_name, patronymic, gender, case="datv")


def declined(surname: str, first_name: str = "", patronymic: str = "", gender: str | None = None,
             case: str = "datv") -> str:  # fmt: skip
    """The full name in a case of OpenCorpora's: "datv" (кому: «Ивановой Марии»), "gent" (кого: «Петрова Ивана»)."""
    gender = gender or guess_gender(surname, first_name, patronymic)
    words = [
        " ".join(_word_declined(word, gender, kind, case) for word in value.split())
        for kind, value in (("surname", surname), ("first_name", first_name), ("patronymic", patronymic))
        if value.strip()
    ]
    return " ".join(words)


def split_full_name(text: str) -> tuple[str, str, str]:
    """«Петрова Анна Сергеевна» → (surname, first name, patronymic); «Петрова А.С.» → ("Петрова", "А.С.", "")."""
    words = text.split()
    if not words:
        return "", "", ""
    return words[0], (words[1] if len(words) > 1 else ""), " ".join(words[2:])


def dative_text(text: str, gender: str | None = None, case: str = "datv") -> str:
    """A name typed as one line («Петрова Анна Сергеевна», «Петрова А.С.») in the dative (or another case)."""
    return declined(*split_full_name(text), gender=gender, case=case)
