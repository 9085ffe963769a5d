"""Paris geography: arrondissements, postal codes and neighbours, read from data/paris/."""

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

ARRONDISSEMENTS_FILE = Path(__file__).resolve().parent.parent / "data" / "paris" / "arrondissements.yaml"
PARIS_CENTRE = (1, 2, 3, 4)  # one mairie since 2020, still four arrondissements


@dataclass(frozen=True)
class Arrondissement:
    """One of the 20 arrondissements."""

    number: int
    postal_codes: tuple
    mairie: str
    neighbours: tuple


@functools.cache
def load_arrondissements(path=ARRONDISSEMENTS_FILE):
    """Return the 20 arrondissements keyed by number."""
    with open(path, encoding="utf-8") as stream:
        rows = yaml.safe_load(stream)
    return {
        row["number"]: Arrondissement(
            number=row["number"],
            postal_codes=tuple(row["postal_codes"]),
            mairie=str(row["mairie"]),
            neighbours=tuple(row["neighbours"]),
        )
        for row in rows
    }


def arrondissement_numbers():
    """Return 1 to 20."""
    return tuple(sorted(load_arrondissements()))


def arrondissement_for_postal_code(postal_code):
    """Return the arrondissement number of a Paris postal code, or None."""
    for number, arrondissement in load_arrondissements().items():
        if postal_code in arrondissement.postal_codes:
            return number
    return None


def neighbours_of(number):
    """Return the arrondissements that share a boundary with this one."""
    arrondissement = load_arrondissements().get(number)
    return arrondissement.neighbours if arrondissement else ()
