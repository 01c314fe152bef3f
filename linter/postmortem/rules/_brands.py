"""Brands written in CamelCase: a capital inside a word after two or more lower-case letters
("GoDaddy", "PagerDuty", "GitHub") marks a company's or a product's name, not a person's; the
prefixes of people's names keep theirs ("McKenzie", "DeShawn", "LaToya", "VanDyke")."""

from ..lazy_re import lazy

_CAMEL = lazy(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St")


def brand(text: str) -> bool:
    word = text.removesuffix("'s").removesuffix("’s")
    if not _CAMEL.fullmatch(word):
        return False
    head = next(k for k in range(1, len(word)) if word[k].isupper())
    return word[:head] not in _NAME_PREFIXES
