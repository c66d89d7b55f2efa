"""How a textbook's title and authors are compared: the keys stored beside the text a person typed.

Schools write the same textbook differently: «Русский язык. 1 класс» or «Русский язык»,
«Канакина В.П., Горецкий В.Г.» or «Канакина В. П. и др.», «Пёрышкин» or «Перышкин».
The keys forgive that:

- `normalize`: lower case, Ё read as Е, everything but letters and digits a single space;
- `title_key`: the normalised title without the grade («1 класс», «5-9 классы»), the number of
  parts («в 2 частях») and the word «учебник», spaces dropped: «русскийязык»;
- `author_key`: the first author's surname, normalised: «канакина»;
- `search_text`: title and authors normalised, the column the bank's search reads.
"""

import re

NOT_WORD = re.compile(r"[^0-9a-zа-я]+")
# Applied to normalised text, where «5-9-й» has become «5 9 й».
GRADE_PHRASE = re.compile(r"\b\d{1,2}(?: (?:й|ый|ой|е|ые))?(?: \d{1,2}(?: (?:й|ый|ой|е|ые))?)? ?класс\w*")
PARTS_PHRASE = re.compile(r"\bв ?\d+(?: х)? ?част\w*")
NOISE_WORDS = re.compile(r"\b(?:учебник|учебное пособие)\b")
# A surname: a capitalised word of two letters or more, not an initial («В.»).
SURNAME = re.compile(r"(?<![А-ЯЁA-Zа-яёa-z])([А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?)(?![.а-яёa-z])")


def normalize(text):
    """«Русский язык. Азбука: 1-й класс» → «русский язык азбука 1 й класс»."""
    return NOT_WORD.sub(" ", (text or "").lower().replace("ё", "е")).strip()


def title_key(title):
    text = normalize(title)
    text = GRADE_PHRASE.sub(" ", text)
    text = PARTS_PHRASE.sub(" ", text)
    text = NOISE_WORDS.sub(" ", text)
    return NOT_WORD.sub("", text)[:300]


def author_key(authors):
    """The first author's surname, lower case, Ё as Е; empty when no surname can be read."""
    match = SURNAME.search(authors or "")
    return normalize(match.group(1)).replace(" ", "") if match else ""


def search_text(title, authors):
    return f"{normalize(title)} {normalize(authors)}".strip()


def search_words(query):
    """The words of a search query, normalised like `search_text`."""
    return normalize(query).split()
