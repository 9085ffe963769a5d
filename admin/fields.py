"""The fields of a resource as editors see them: label, widget, help. One place for their names."""

from dataclasses import dataclass

from directory.taxonomy import N_


@dataclass(frozen=True)
class FieldSpec:
    """How one field of a resource is edited."""

    name: str
    label: str  # French message id
    widget: str = "text"  # text, textarea, select, checkboxes, date, number, hours, lines, translations
    hint: str | None = None  # French message id


FIELDS = (
    FieldSpec("name", N_("Nom")),
    FieldSpec("kind", N_("Type de service"), "select"),
    FieldSpec("themes", N_("Thèmes en plus de ceux du type"), "checkboxes"),
    FieldSpec("status", N_("Statut"), "select"),
    FieldSpec("address", N_("Adresse (numéro et rue)"), hint=N_("Vide pour un service à distance.")),
    FieldSpec("address_details", N_("Complément d'adresse")),
    FieldSpec("postal_code", N_("Code postal"), hint=N_("75001 à 75020, ou 75116.")),
    FieldSpec("arrondissement", N_("Arrondissement"), "number"),
    FieldSpec("qpv", N_("Quartier prioritaire (QPV)")),
    FieldSpec("latitude", N_("Latitude")),
    FieldSpec("longitude", N_("Longitude")),
    FieldSpec("phone", N_("Téléphone"), hint=N_("Sous la forme 01 23 45 67 89, ou un numéro court.")),
    FieldSpec("email", N_("E-mail")),
    FieldSpec("website", N_("Site web")),
    FieldSpec(
        "opening_hours", N_("Horaires (syntaxe OpenStreetMap)"), "hours", N_("Exemple : Mo-Fr 09:00-12:30,14:00-17:30; PH off")
    ),
    FieldSpec("hours_details", N_("Précisions sur les horaires"), "textarea"),
    FieldSpec("audience", N_("Pour qui"), "textarea"),
    FieldSpec("min_age", N_("Âge minimum des enfants"), "number"),
    FieldSpec("max_age", N_("Âge maximum des enfants"), "number"),
    FieldSpec("cost", N_("Prix"), "select"),
    FieldSpec("cost_details", N_("Précisions sur le prix")),
    FieldSpec("access", N_("Comment y aller"), "checkboxes"),
    FieldSpec("languages", N_("Langues parlées sur place"), hint=N_("Codes séparés par des virgules : fr, ar, zh.")),
    FieldSpec("accessibility", N_("Accessibilité"), "textarea"),
    FieldSpec("description", N_("Description"), "textarea", N_("Deux à quatre phrases simples pour les familles.")),
    FieldSpec("descriptions", N_("Traductions de la description"), "translations"),
    FieldSpec("source", N_("Source"), hint=N_("Une adresse web, ou un document connu avec sa ligne (pst-14#L1286).")),
    FieldSpec("other_sources", N_("Autres sources"), "lines", N_("Une par ligne.")),
    FieldSpec("source_date", N_("Date de la source"), "date"),
    FieldSpec("verified_on", N_("Vérifié le"), "date"),
    FieldSpec("confidence", N_("Confiance"), "select"),
    FieldSpec(
        "review_months",
        N_("Vérifier de nouveau tous les … mois"),
        "number",
        N_("Vide : le délai habituel de ce type de service."),
    ),
    FieldSpec("notes", N_("Notes internes"), "textarea", N_("Visibles seulement par l'équipe.")),
)
FIELD_BY_NAME = {spec.name: spec for spec in FIELDS}
ID_LABEL = N_("Identifiant de la fiche")
CONFIDENCE_LABELS = {"high": N_("Élevée"), "medium": N_("Moyenne"), "low": N_("Faible")}


def label_of(name):
    """Return the French label (message id) of a field, or its code when it has none."""
    if name == "id":
        return ID_LABEL
    spec = FIELD_BY_NAME.get(name)
    return spec.label if spec else name
