"""An error report sent by someone who read a resource page."""

import datetime
from dataclasses import dataclass

from directory.taxonomy import N_

# What the form lets people say is wrong, in the order shown.
TOPICS = {
    "closed": N_("Le lieu est fermé ou n'existe plus"),
    "address": N_("L'adresse est fausse"),
    "hours": N_("Les horaires sont faux"),
    "contact": N_("Le téléphone, l'e-mail ou le site ne marchent pas"),
    "other": N_("Autre chose"),
}
STATUSES = ("open", "done", "dismissed")


@dataclass(frozen=True)
class Report:
    """What a visitor says is wrong with a resource; the contact is optional and erased once handled."""

    id: int | None
    resource_id: str
    created_at: datetime.datetime
    topic: str
    message: str
    contact: str | None = None
    status: str = "open"
    handled_by: str | None = None
    handled_at: datetime.datetime | None = None
