"""Read and check the search parameters of the page and the API (plain values in, plain values out)."""

from dataclasses import dataclass
from dataclasses import field

from directory import taxonomy
from directory.taxonomy import N_
from search.engine import Filters

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 1000  # deeper pages are refused rather than computed
MAX_AGE = 25  # the age filter is a child's or young person's age, in years
TRUE_WORDS = ("1", "true", "yes", "on", "oui")
FALSE_WORDS = ("0", "false", "no", "off", "non", "")


@dataclass(frozen=True)
class SearchRequest:
    """A checked search: the text, the filters and the page wanted."""

    text: str
    filters: Filters
    page: int
    per_page: int


@dataclass(frozen=True)
class ParamError:
    """A parameter with a value we cannot use."""

    field: str
    message: str  # French message id
    params: dict = field(default_factory=dict)


def _flag(value):
    lowered = value.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise ValueError(value)


def _int_in(value, low, high):
    number = int(value.strip())
    if not low <= number <= high:
        raise ValueError(value)
    return number


def _ages(value):
    """Read "4" or "3-5" as (youngest, oldest)."""
    parts = value.strip().split("-")
    if len(parts) > 2:
        raise ValueError(value)
    youngest = _int_in(parts[0], 0, MAX_AGE)
    oldest = _int_in(parts[-1], youngest, MAX_AGE)
    return youngest, oldest


def parse_search_params(args):
    """Return (SearchRequest or None, [ParamError]) from a mapping of query-string lists."""
    errors = []

    def values_of(name):
        return [value for value in args.get(name, []) if value is not None and value.strip() != ""]

    text = " ".join(args.get("q", []))
    arrondissements = []
    for value in values_of("arrondissement"):
        try:
            arrondissements.append(_int_in(value, 1, 20))
        except ValueError:
            errors.append(ParamError("arrondissement", N_("L'arrondissement doit être un nombre de 1 à 20.")))
    kinds = values_of("kind")
    if any(kind not in taxonomy.KIND_BY_CODE for kind in kinds):
        errors.append(ParamError("kind", N_("Ce type de service n'existe pas.")))
    themes = values_of("theme")
    if any(theme not in taxonomy.THEME_BY_CODE for theme in themes):
        errors.append(ParamError("theme", N_("Ce thème n'existe pas.")))
    languages = [value.strip().lower() for value in values_of("language")]
    if any(not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()) for code in languages):
        errors.append(ParamError("language", N_("Code de langue inconnu (exemple : ar, en).")))
    ages = None
    for value in values_of("age")[-1:]:
        try:
            ages = _ages(value)
        except ValueError:
            errors.append(
                ParamError("age", N_("Âge attendu : un nombre de 0 à %(high)s, ou deux nombres comme 3-5."), {"high": MAX_AGE})
            )
    flags = {}
    for name in ("free", "open_now", "neighbours"):
        raw = (args.get(name) or [""])[-1]
        try:
            flags[name] = _flag(raw or "")
        except ValueError:
            errors.append(ParamError(name, N_("Valeur attendue : true ou false.")))
    numbers = {}
    for name, default, high in (("page", 1, MAX_PAGE), ("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)):
        raw = (values_of(name) or [str(default)])[-1]
        try:
            numbers[name] = _int_in(raw, 1, high)
        except ValueError:
            errors.append(ParamError(name, N_("Nombre entier attendu entre 1 et %(high)s."), {"high": high}))
    if errors:
        return None, errors
    filters = Filters(
        arrondissements=tuple(dict.fromkeys(arrondissements)),
        neighbours=flags["neighbours"],
        kinds=tuple(dict.fromkeys(kinds)),
        themes=tuple(dict.fromkeys(themes)),
        languages=tuple(dict.fromkeys(languages)),
        free=flags["free"],
        ages=ages,
        open_now=flags["open_now"],
    )
    request = SearchRequest(text, filters, numbers["page"], numbers["per_page"])
    return request, []
