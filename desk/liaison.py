"""The fiche de liaison: a professional's note to the receiving service, built from a form.

Nothing typed here is stored or logged: the form is posted, the document is rendered from
it, and it is forgotten. Personal data appear only when the professional types them.
"""

from dataclasses import dataclass

from directory.taxonomy import N_

# Each field: (name, maximum length in characters, required).
FIELDS = (
    ("reason", 2000, True),
    ("professional_name", 120, True),
    ("professional_service", 160, False),
    ("professional_contact", 160, False),
    ("family_name", 120, False),
    ("family_contact", 160, False),
)
TOO_LONG = N_("Ce texte est trop long : %(max)s caractères au plus.")
REQUIRED = {
    "reason": N_("Écrivez le motif de l'orientation."),
    "professional_name": N_("Écrivez le nom de la personne qui oriente."),
}


@dataclass(frozen=True)
class FieldError:
    """A problem with one field of the form: a French message id and its placeholders."""

    field: str
    message: str
    params: dict


@dataclass(frozen=True)
class Liaison:
    """What the fiche de liaison says, exactly as typed."""

    reason: str
    professional_name: str
    professional_service: str = ""
    professional_contact: str = ""
    family_name: str = ""
    family_contact: str = ""


def read_liaison_form(form):
    """Return (the typed values, trimmed, as a dict; a Liaison or None; [FieldError])."""
    values = {name: (form.get(name) or "").strip() for name, _limit, _required in FIELDS}
    errors = []
    for name, limit, required in FIELDS:
        if required and not values[name]:
            errors.append(FieldError(name, REQUIRED[name], {}))
        elif len(values[name]) > limit:
            errors.append(FieldError(name, TOO_LONG, {"max": limit}))
    return values, (None if errors else Liaison(**values)), errors
