"""The one list of interface languages: it drives URLs, the switcher, catalogs and the API."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """An interface language."""

    code: str  # BCP 47 tag, used in URLs (/zh-Hans/…), the API and <html lang>
    locale: str  # Babel locale, also the catalog folder under translations/
    name: str  # the language's name in itself
    dir: str  # "ltr" or "rtl"


# French is the source language; the others are the languages most spoken by Paris families
# who do not read French (DOMAIN.md, "Languages"), in the order of the languages issue.
LANGUAGES = (
    Language("fr", "fr", "Français", "ltr"),
    Language("en", "en", "English", "ltr"),
    Language("ar", "ar", "العربية", "rtl"),
    Language("fa", "fa", "فارسی", "rtl"),
    Language("zh-Hans", "zh_Hans", "简体中文", "ltr"),
    Language("ta", "ta", "தமிழ்", "ltr"),
    Language("bn", "bn", "বাংলা", "ltr"),
    Language("pt", "pt", "Português", "ltr"),
    Language("es", "es", "Español", "ltr"),
    Language("uk", "uk", "Українська", "ltr"),
)

DEFAULT_LANGUAGE = LANGUAGES[0]

# Browser tags whose primary subtag differs from the catalog that serves them: Dari ("prs"),
# spoken by many Afghan families, is written in Persian.
PRIMARY_ALIASES = {"prs": "fa"}


def with_french(language):
    """Return the language, then French beside it when it is another one (a family and the services read the same page)."""
    return (language,) if language == DEFAULT_LANGUAGE else (language, DEFAULT_LANGUAGE)


def get_language(code):
    """Return the Language for a BCP 47 code (case-insensitive), or None."""
    if not code:
        return None
    wanted = code.replace("_", "-").lower()
    for language in LANGUAGES:
        if language.code.lower() == wanted:
            return language
    return None


def best_language(accept_languages):
    """Pick the best interface language from (tag, quality) pairs, most wanted first."""
    ranked = sorted(accept_languages, key=lambda pair: pair[1], reverse=True)
    for tag, quality in ranked:
        if quality <= 0:
            continue
        exact = get_language(tag)
        if exact:
            return exact
        # "zh-CN" or "zh" should reach "zh-Hans", "pt-BR" should reach "pt".
        primary = tag.replace("_", "-").split("-")[0].lower()
        primary = PRIMARY_ALIASES.get(primary, primary)
        for language in LANGUAGES:
            if language.code.split("-")[0].lower() == primary:
                return language
    return DEFAULT_LANGUAGE
