"""A synthetic directory of N services in the project's CSV, for the search benchmark.

Realistic, not adversarial: every record is valid, its kind follows the mix of the real
directory, its name starts the way real names of that kind start, and its description is
made of sentences drawn from real French vocabulary with its natural frequencies
(bench/french_words.tsv), with the words of its kind in them, as real descriptions have.
"""

import datetime
import random
from pathlib import Path

from directory import taxonomy
from directory.formats import project_csv
from directory.models import Resource
from directory.validation import duplicate_key

WORDS_FILE = Path(__file__).resolve().parent / "french_words.tsv"

# How a name of each kind starts, and how common the kind is (from the real directory's mix).
KIND_MIX = {
    "centre_social": (29, ["Centre social", "Espace de vie sociale", "Centre social et culturel"]),
    "pmi": (26, ["Centre de PMI", "PMI"]),
    "mediation_numerique": (24, ["Espace public numérique", "Aide au numérique", "Atelier numérique"]),
    "acces_droits": (18, ["Point d'accès au droit", "Maison de justice et du droit", "Écrivain public"]),
    "insertion": (18, ["Point Paris Emploi", "Espace insertion", "Accompagnement vers l'emploi"]),
    "rif": (17, ["Relais Information Familles"]),
    "pij": (16, ["Point Information Jeunesse", "Quartier Jeunes"]),
    "vacances_loisirs": (15, ["Centre de loisirs", "Séjours et vacances", "Paris Anim'"]),
    "service_social": (9, ["Espace parisien des solidarités", "Service social"]),
    "violences": (9, ["Accueil des victimes de violences", "Maison des femmes"]),
    "france_services": (7, ["France Services", "PIMMS"]),
    "ludotheque": (7, ["Ludothèque"]),
    "espace_parents": (5, ["Espace parents", "Café des parents"]),
    "mission_locale": (4, ["Mission locale"]),
    "mediation_familiale": (4, ["Médiation familiale", "Service de médiation familiale"]),
    "caf": (4, ["Caf de Paris, point d'accueil"]),
    "cours_francais": (3, ["Ateliers sociolinguistiques", "Cours de français"]),
    "laep": (3, ["Lieu d'accueil enfants-parents", "LAEP"]),
    "soutien_scolaire": (2, ["Accompagnement à la scolarité", "Aide aux devoirs"]),
    "piv": (2, ["Point Information Vacances"]),
    "creche_avip": (2, ["Crèche AVIP"]),
    "espace_rencontre": (1, ["Espace de rencontre"]),
    "equipement_solidaire": (1, ["Matériel informatique solidaire"]),
}
AGES = {
    "laep": (0, 5),
    "pmi": (0, 6),
    "creche_avip": (0, 3),
    "pij": (12, 25),
    "mission_locale": (16, 25),
    "soutien_scolaire": (6, 15),
}
HOURS = [
    "Mo-Fr 09:00-12:30,14:00-17:30; PH off",
    "Mo-Fr 08:30-17:00; Th 08:30-19:30; PH off",
    "Tu-Sa 10:00-18:00; PH off",
    "Mo,We,Fr 14:00-18:00; PH off",
    "Mo-Th 09:00-18:00; Fr 09:00-17:00; PH off",
    "We 09:30-12:00; Sa 10:00-12:30; PH off",
    "Mo-Fr 09:00-19:00; Sa 09:00-13:00; PH off",
    "24/7",
    None,
]
AUDIENCES = [
    "Familles de l'arrondissement.",
    "Parents et enfants de moins de 6 ans, futurs parents.",
    "Jeunes de 16 à 25 ans.",
    "Tous les habitants du quartier.",
    "Femmes victimes de violences et leurs enfants.",
    "Adultes qui veulent apprendre le français.",
    None,
]
SPOKEN = ["ar", "en", "zh", "es", "pt", "ta", "bn", "uk", "fa"]


def load_words(path=WORDS_FILE):
    """Return (words, counts) of the word-frequency file."""
    words, counts = [], []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#"):
                continue
            word, count = line.rstrip("\n").split("\t")
            words.append(word)
            counts.append(int(count))
    return words, counts


class CorpusMaker:
    """Makes the same synthetic records for the same seed."""

    def __init__(self, seed=2026):
        self.random = random.Random(seed)
        self.words, self.counts = load_words()
        self.name_words = [word for word in self.words if len(word) >= 5][:1500]
        self.kinds = list(KIND_MIX)
        self.kind_weights = [KIND_MIX[kind][0] for kind in self.kinds]
        self.used = set()  # names and addresses already given: the import refuses duplicates

    def unique(self, make):
        """Return the first value of make() not given before, as the import's duplicate check sees it."""
        value = make()
        while duplicate_key(value) in self.used:
            value = make()
        self.used.add(duplicate_key(value))
        return value

    def sentence(self, kind):
        """Return one sentence of real words in their natural frequencies, with a word of its kind."""
        words = self.random.choices(self.words, self.counts, k=self.random.randint(8, 18))
        label = taxonomy.KIND_BY_CODE[kind].label.split(" (")[0].lower()
        words.insert(self.random.randrange(len(words) + 1), label)
        return " ".join(words).capitalize() + "."

    def resource(self, number):
        """Return the synthetic Resource number `number`."""
        pick = self.random
        kind = pick.choices(self.kinds, self.kind_weights)[0]
        arrondissement = pick.randint(1, 20)
        remote = pick.random() < 0.02
        ages = AGES.get(kind, (None, None))
        prefix = pick.choice(KIND_MIX[kind][1])
        name = self.unique(lambda: f"{prefix} {' '.join(word.capitalize() for word in pick.sample(self.name_words, 2))}")
        street = self.unique(lambda: f"{pick.randint(1, 180)} rue {pick.choice(self.name_words).capitalize()}")
        return Resource(
            id=f"bench-{number:06d}",
            name=name,
            kind=kind,
            status="planned" if pick.random() < 0.05 else "open",
            address=None if remote else street,
            postal_code=None if remote else f"750{arrondissement:02d}",
            arrondissement=None if remote else arrondissement,
            opening_hours=pick.choice(HOURS),
            audience=pick.choice(AUDIENCES),
            min_age=ages[0],
            max_age=ages[1],
            cost=pick.choice(["free", "free", "free", "paid", "income_based", None]),
            access=["walk_in"],
            languages=pick.sample(SPOKEN, pick.choice([0, 0, 0, 1, 2])),
            description=" ".join(self.sentence(kind) for _ in range(pick.randint(2, 4))),
            source=f"https://example.org/bench/{number}",
            verified_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=pick.randint(0, 2500)),
            confidence=pick.choice(["high", "medium", "medium", "low"]),
        )


def write_corpus(path, count, seed=2026):
    """Write `count` synthetic resources to a project CSV file."""
    maker = CorpusMaker(seed)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        project_csv.write_rows([maker.resource(number) for number in range(count)], stream)
