"""Kinds and themes of CONTRACTS §1-2: codes, French labels, default themes.

Labels are French message ids marked with N_ so that Babel extracts them; the views
translate them at display time, so this module stays free of Flask.
"""

from dataclasses import dataclass


def N_(message):
    """Mark a string for extraction without translating it now."""
    return message


@dataclass(frozen=True)
class Theme:
    """A theme of the directory."""

    code: str
    label: str  # French message id
    summary: str  # one sentence for the home page, French message id


@dataclass(frozen=True)
class Kind:
    """A kind of service."""

    code: str
    label: str  # French message id, singular
    plural: str  # French message id, for list headings
    themes: tuple  # default theme codes
    explanation: str  # what it is, in easy-to-read French (message id)


THEMES = (
    Theme(
        "parentalite",
        N_("Être parent"),
        N_("Des lieux pour jouer avec son enfant, parler, trouver de l'aide quand on est parent."),
    ),
    Theme(
        "numerique",
        N_("Numérique"),
        N_("De l'aide pour les démarches en ligne, un ordinateur, internet."),
    ),
    Theme(
        "vacances",
        N_("Vacances et loisirs"),
        N_("Des vacances, des sorties et des activités pour les enfants et la famille."),
    ),
    Theme(
        "insertion",
        N_("Emploi et formation"),
        N_("Trouver un travail ou une formation, apprendre le français, faire garder son enfant."),
    ),
    Theme(
        "acces_droits",
        N_("Droits et démarches"),
        N_("Connaître ses droits, être aidé pour les papiers, les aides et la justice."),
    ),
    Theme(
        "petite_enfance",
        N_("Petite enfance"),
        N_("Grossesse, bébé et enfant de moins de 6 ans : santé, garde, rencontres."),
    ),
    Theme(
        "jeunesse",
        N_("Jeunes"),
        N_("Pour les enfants, les adolescents et les jeunes : école, loisirs, projets."),
    ),
)

# The four themes the home page puts first (the mission's four fields), then the others.
MAIN_THEMES = ("parentalite", "numerique", "vacances", "insertion")

KINDS = (
    Kind(
        "laep",
        N_("Lieu d'accueil enfants-parents (LAEP)"),
        N_("Lieux d'accueil enfants-parents (LAEP)"),
        ("parentalite", "petite_enfance"),
        N_(
            "Un lieu pour venir avec votre enfant de moins de 6 ans. "
            "Vous restez avec lui. Il joue avec d'autres enfants. "
            "Vous parlez avec d'autres parents et avec des accueillants. "
            "C'est gratuit. Vous n'avez pas besoin de donner votre nom."
        ),
    ),
    Kind(
        "mediation_familiale",
        N_("Médiation familiale"),
        N_("Services de médiation familiale"),
        ("parentalite", "acces_droits"),
        N_(
            "Un médiateur aide les parents qui se séparent à parler et à se mettre d'accord "
            "pour les enfants. Le premier rendez-vous d'information est gratuit. "
            "Ensuite, le prix dépend de vos revenus. "
            "Ce n'est pas pour les situations de violence."
        ),
    ),
    Kind(
        "espace_rencontre",
        N_("Espace de rencontre parents-enfants"),
        N_("Espaces de rencontre parents-enfants"),
        ("parentalite",),
        N_(
            "Un lieu neutre où un enfant peut voir un parent avec qui il ne vit pas. "
            "Des professionnels sont présents. En général, c'est un juge qui décide de ces rencontres."
        ),
    ),
    Kind(
        "aripa",
        N_("Pensions alimentaires (ARIPA, Caf)"),
        N_("Pensions alimentaires (ARIPA, Caf)"),
        ("acces_droits", "parentalite"),
        N_(
            "Un service de la Caf pour les parents séparés. "
            "Il peut recevoir la pension alimentaire de l'autre parent et vous la verser chaque mois. "
            "Si la pension n'est pas payée, il peut la réclamer et vous aider avec une aide de la Caf. "
            "C'est gratuit. Tout se fait en ligne ou par téléphone."
        ),
    ),
    Kind(
        "creche_avip",
        N_("Crèche à vocation d'insertion professionnelle (AVIP)"),
        N_("Crèches à vocation d'insertion professionnelle (AVIP)"),
        ("petite_enfance", "insertion"),
        N_(
            "Une crèche qui garde des places pour les enfants de moins de 3 ans "
            "dont le parent cherche un travail ou une formation. "
            "Le parent est aidé en même temps pour trouver un emploi."
        ),
    ),
    Kind(
        "rif",
        N_("Relais Information Familles (RIF)"),
        N_("Relais Information Familles (RIF)"),
        ("parentalite", "petite_enfance"),
        N_(
            "Un accueil à la mairie de votre arrondissement pour les familles. "
            "On vous informe sur la garde des enfants, les crèches, l'école et les aides. "
            "C'est gratuit."
        ),
    ),
    Kind(
        "espace_parents",
        N_("Espace parents"),
        N_("Espaces parents"),
        ("parentalite",),
        N_(
            "Un lieu pour les parents : on peut poser ses questions, "
            "participer à des groupes de parents et trouver de l'aide près de chez soi."
        ),
    ),
    Kind(
        "pmi",
        N_("Centre de protection maternelle et infantile (PMI)"),
        N_("Centres de protection maternelle et infantile (PMI)"),
        ("petite_enfance", "parentalite"),
        N_(
            "Des médecins, des sages-femmes et des puéricultrices suivent la grossesse "
            "et la santé des enfants de moins de 6 ans : vaccins, poids, conseils. "
            "C'est gratuit, même sans carte Vitale."
        ),
    ),
    Kind(
        "ludotheque",
        N_("Ludothèque"),
        N_("Ludothèques"),
        ("parentalite",),
        N_("Un lieu pour jouer sur place avec vos enfants et parfois emprunter des jeux. C'est souvent gratuit ou peu cher."),
    ),
    Kind(
        "centre_social",
        N_("Centre social"),
        N_("Centres sociaux et espaces de vie sociale"),
        ("parentalite", "acces_droits"),
        N_(
            "Un lieu de quartier ouvert à tous : activités pour les enfants et les parents, "
            "aide pour les papiers, cours, sorties et vacances en famille."
        ),
    ),
    Kind(
        "caf",
        N_("Caf de Paris"),
        N_("Caf de Paris"),
        ("acces_droits",),
        N_(
            "La Caf verse les aides pour les familles : allocations, aide au logement, "
            "prime d'activité, RSA. Vous pouvez faire vos démarches en ligne, "
            "par téléphone ou dans un point d'accueil."
        ),
    ),
    Kind(
        "mediation_numerique",
        N_("Aide au numérique"),
        N_("Lieux d'aide au numérique"),
        ("numerique",),
        N_("Une personne vous aide à utiliser un ordinateur ou un téléphone et à faire vos démarches en ligne. Souvent gratuit."),
    ),
    Kind(
        "france_services",
        N_("France Services"),
        N_("France Services"),
        ("acces_droits", "numerique"),
        N_(
            "Un guichet près de chez vous pour être aidé dans vos démarches : "
            "Caf, impôts, retraite, santé, France Travail, papiers. C'est gratuit."
        ),
    ),
    Kind(
        "equipement_solidaire",
        N_("Matériel et internet solidaires"),
        N_("Matériel et internet solidaires"),
        ("numerique",),
        N_("Pour avoir un ordinateur, un téléphone ou internet à petit prix quand on a peu d'argent."),
    ),
    Kind(
        "mission_locale",
        N_("Mission locale"),
        N_("Missions locales"),
        ("insertion", "jeunesse"),
        N_(
            "Pour les jeunes de 16 à 25 ans : aide pour trouver une formation ou un travail, "
            "et pour le logement, la santé, les papiers. C'est gratuit."
        ),
    ),
    Kind(
        "france_travail",
        N_("France Travail"),
        N_("France Travail"),
        ("insertion",),
        N_(
            "Le service public de l'emploi (anciennement Pôle emploi). "
            "On s'y inscrit pour chercher un travail et être accompagné."
        ),
    ),
    Kind(
        "insertion",
        N_("Aide à l'emploi"),
        N_("Aide à l'emploi et à l'insertion"),
        ("insertion",),
        N_("Des services qui accompagnent vers un travail, par exemple pour les personnes au RSA ou loin de l'emploi."),
    ),
    Kind(
        "piv",
        N_("Point Information Vacances"),
        N_("Points Information Vacances"),
        ("vacances",),
        N_("On vous aide à préparer des vacances en famille ou pour vos enfants et à utiliser les aides de la Caf pour partir."),
    ),
    Kind(
        "vacances_loisirs",
        N_("Vacances et loisirs"),
        N_("Offres de vacances et de loisirs"),
        ("vacances",),
        N_("Des activités, des séjours et des sorties pour les enfants et les jeunes, souvent à petit prix selon vos revenus."),
    ),
    Kind(
        "pij",
        N_("Point Information Jeunesse"),
        N_("Points Information Jeunesse et Quartiers Jeunes"),
        ("jeunesse",),
        N_(
            "Un lieu pour les jeunes : informations sur les études, le travail, "
            "les loisirs, la santé et les projets. C'est gratuit."
        ),
    ),
    Kind(
        "soutien_scolaire",
        N_("Accompagnement à la scolarité"),
        N_("Accompagnement à la scolarité (CLAS)"),
        ("jeunesse", "parentalite"),
        N_("Aide aux devoirs et activités après l'école pour les enfants, avec une place pour les parents."),
    ),
    Kind(
        "acces_droits",
        N_("Accès au droit"),
        N_("Accès au droit et écrivains publics"),
        ("acces_droits",),
        N_(
            "Des juristes vous informent gratuitement sur vos droits : famille, logement, "
            "travail, papiers. Des écrivains publics aident à écrire des courriers."
        ),
    ),
    Kind(
        "service_social",
        N_("Service social"),
        N_("Services sociaux (Espaces parisiens des solidarités)"),
        ("acces_droits",),
        N_(
            "Des assistants sociaux vous reçoivent pour les difficultés d'argent, "
            "de logement, de santé ou de famille, et vous aident à obtenir vos droits."
        ),
    ),
    Kind(
        "cours_francais",
        N_("Cours de français"),
        N_("Cours de français et ateliers de langue"),
        ("insertion",),
        N_("Des cours et des ateliers pour apprendre le français de tous les jours, souvent gratuits ou peu chers."),
    ),
    Kind(
        "violences",
        N_("Aide aux victimes de violences"),
        N_("Aide aux victimes de violences"),
        ("acces_droits",),
        N_(
            "Si vous subissez des violences ou si vous avez peur, des personnes vous écoutent "
            "et vous aident, gratuitement et en secret. En danger : appelez le 17."
        ),
    ),
    Kind(
        "enfance_en_danger",
        N_("Enfance en danger"),
        N_("Enfance en danger"),
        ("parentalite",),
        N_("Si un enfant est en danger ou si vous êtes inquiet pour un enfant, appelez le 119. C'est gratuit, jour et nuit."),
    ),
    Kind(
        "ecoute_parents",
        N_("Écoute des parents"),
        N_("Lignes d'écoute pour les parents"),
        ("parentalite",),
        N_("Des personnes écoutent les parents fatigués ou inquiets, au téléphone, sans les juger."),
    ),
    Kind(
        "autre",
        N_("Autre service"),
        N_("Autres services"),
        (),
        N_("D'autres lieux utiles aux familles."),
    ),
)

THEME_BY_CODE = {theme.code: theme for theme in THEMES}
KIND_BY_CODE = {kind.code: kind for kind in KINDS}

STATUSES = ("open", "planned", "closed")
COSTS = ("free", "paid", "income_based")
ACCESS_MODES = ("walk_in", "appointment", "phone", "online", "referral")
CONFIDENCES = ("high", "medium", "low")

STATUS_LABELS = {
    "open": N_("Ouvert au public"),
    "planned": N_("À venir : pas encore ouvert"),
    "closed": N_("Fermé"),
}
COST_LABELS = {
    "free": N_("Gratuit"),
    "paid": N_("Payant"),
    "income_based": N_("Prix selon vos revenus"),
}
ACCESS_LABELS = {
    "walk_in": N_("Sans rendez-vous"),
    "appointment": N_("Sur rendez-vous"),
    "phone": N_("Par téléphone"),
    "online": N_("En ligne"),
    "referral": N_("Sur orientation d'un professionnel"),
}


def themes_for(kind, extra_themes=()):
    """Return a kind's default themes followed by the extra ones, without repeats."""
    default = KIND_BY_CODE[kind].themes if kind in KIND_BY_CODE else ()
    return tuple(dict.fromkeys((*default, *extra_themes)))


def kinds_in_theme(theme):
    """Return the kinds whose default themes include a theme."""
    return tuple(kind for kind in KINDS if theme in kind.themes)


# What a family should bring to a kind of service, for the orientation sheet. General guidance
# written by the project from the services' public pages (service-public.fr, caf.fr, paris.fr);
# the sheet says to call when in doubt.
WHAT_TO_BRING = {
    "laep": N_("Rien : pas d'inscription, pas de nom à donner. Venez avec votre enfant."),
    "mediation_familiale": N_(
        "Rien pour le rendez-vous d'information. Ensuite : un justificatif de revenus (le prix en dépend) "
        "et le jugement s'il en existe un."
    ),
    "espace_rencontre": N_("La décision du juge qui fixe les rencontres."),
    "aripa": N_(
        "Votre numéro d'allocataire si vous en avez un, le jugement ou l'accord qui fixe la pension, "
        "l'adresse de l'autre parent si vous la connaissez."
    ),
    "creche_avip": N_(
        "Le livret de famille ou l'acte de naissance de l'enfant, un justificatif de domicile, "
        "votre numéro d'inscription à France Travail."
    ),
    "rif": N_("Rien pour s'informer. Pour une demande de crèche : un justificatif de domicile et le livret de famille."),
    "espace_parents": N_("Rien : venez comme vous êtes."),
    "pmi": N_("Le carnet de santé de l'enfant, la carte Vitale si vous en avez une (elle n'est pas obligatoire)."),
    "ludotheque": N_("Rien pour jouer sur place. Pour emprunter des jeux : une pièce d'identité et un justificatif de domicile."),
    "centre_social": N_(
        "Rien pour une première visite. Pour s'inscrire à une activité : un justificatif de domicile "
        "et l'attestation de quotient familial."
    ),
    "caf": N_("Votre numéro d'allocataire, une pièce d'identité et les papiers de votre démarche."),
    "mediation_numerique": N_(
        "Votre téléphone, vos identifiants (adresse e-mail, mots de passe) et les papiers de votre démarche."
    ),
    "france_services": N_(
        "Une pièce d'identité, les papiers de votre démarche et vos identifiants (numéro d'allocataire, numéro fiscal)."
    ),
    "equipement_solidaire": N_("Une pièce d'identité et un justificatif de ressources, ou le courrier d'un travailleur social."),
    "mission_locale": N_("Une pièce d'identité et un CV si vous en avez un."),
    "france_travail": N_("Une pièce d'identité, votre numéro de sécurité sociale et un CV si vous en avez un."),
    "insertion": N_("Une pièce d'identité, et l'attestation RSA ou le courrier d'orientation si vous en avez un."),
    "piv": N_("Votre numéro d'allocataire et votre attestation de quotient familial."),
    "vacances_loisirs": N_("L'attestation de quotient familial (le prix en dépend) et le carnet de santé de l'enfant."),
    "pij": N_("Rien : l'accueil est libre et gratuit."),
    "soutien_scolaire": N_("Rien pour se renseigner. Pour l'inscription : le nom de l'école et la classe de l'enfant."),
    "acces_droits": N_("Tous les papiers de votre question : courriers, contrats, jugements."),
    "service_social": N_(
        "Une pièce d'identité, un justificatif de domicile ou d'hébergement et vos derniers justificatifs de ressources."
    ),
    "cours_francais": N_("Une pièce d'identité. Il y a souvent un petit test de niveau au début."),
    "violences": N_("Rien : vous pouvez appeler sans donner votre nom."),
    "enfance_en_danger": N_("Rien : l'appel est gratuit, jour et nuit."),
    "ecoute_parents": N_("Rien : vous pouvez appeler sans donner votre nom."),
    "autre": N_("Appelez avant pour savoir quoi apporter."),
}
