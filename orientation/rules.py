"""The orientation rules: small named functions that read only the situation (CONTRACTS §3-4).

Each rule answers for one kind of service: None when it does not fit, or a Finding with
its rank and the reasons in the family's words ("Vous nous avez dit que…"). Texts are
French message ids (N_) with named placeholders, translated when shown. The rules of
DOMAIN.md that must always hold are written where a reader looks for them:
- `excluded_kinds`: médiation familiale is never proposed when violence is declared;
- `URGENT_RULES`: a child in danger puts 119 first, then the violence help lines;
- `creche_avip`, `laep`, `aripa`, `mission_locale`, `insertion`, `service_social`, `piv`:
  their conditions follow DOMAIN.md to the letter.
Texts address "vous" and "les parents", never a mother by default (004 l.232, l.543).
"""

from dataclasses import dataclass
from dataclasses import field

from directory.taxonomy import N_
from orientation.situation import PRECARIOUS_HOUSING

# Ranks, lowest first: protection comes before the direct answer to what the family asked,
# which comes before useful complements. Within a rank, the order of RULES below.
PROTECT = 1
DIRECT = 2
COMPLEMENT = 3


@dataclass(frozen=True)
class Text:
    """A message id and its named values."""

    message: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """A kind of service proposed, how urgent it is, why, and what to check or bring."""

    kind: str
    rank: int
    reasons: tuple
    checks: tuple = ()


@dataclass(frozen=True)
class Guide:
    """What every family needs to know about a kind of service before going."""

    cost: str | None  # free | income_based | paid | None (depends on the place)
    how_to_go: str  # message id


@dataclass(frozen=True)
class Rule:
    """A named rule for one kind of service."""

    kind: str
    decide: object  # (situation) -> Finding | None


def said(message, **params):
    """Return a reason Text (a sentence beginning "Vous nous avez dit que…")."""
    return Text(message, params)


# Reasons, each a whole sentence for translators.
EXPECTING = said(N_("Vous nous avez dit que vous attendez un enfant."))
UNDER_1 = said(N_("Vous nous avez dit que vous avez un bébé de moins d'un an."))
UNDER_3 = said(N_("Vous nous avez dit que vous avez un enfant de moins de 3 ans."))
UNDER_6 = said(N_("Vous nous avez dit que vous avez un enfant de moins de 6 ans."))
ISOLATED = said(
    N_("Vous nous avez dit que vous aimeriez rencontrer d'autres parents, ou que la solitude ou la fatigue vous pèse.")
)
SINGLE_PARENT = said(N_("Vous nous avez dit que vous élevez vos enfants sans l'autre parent à la maison."))
NEW_IN_PARIS = said(N_("Vous nous avez dit que vous venez d'arriver à Paris."))
FRENCH = said(N_("Vous nous avez dit que le français est difficile pour vous ou pour l'autre parent."))
DIGITAL = said(N_("Vous nous avez dit que les démarches en ligne sont difficiles pour vous."))
NO_EQUIPMENT = said(N_("Vous nous avez dit que vous n'avez pas d'ordinateur, de smartphone ou d'internet à la maison."))
JOB_SEEKING = said(N_("Vous nous avez dit qu'un parent de la famille cherche un travail ou une formation."))
NOT_REGISTERED = said(N_("Vous nous avez dit que ce parent n'est pas encore inscrit à France Travail."))
RSA = said(N_("Vous nous avez dit que votre foyer reçoit le RSA."))
HOLIDAYS = said(N_("Vous nous avez dit que vous cherchez des vacances ou des loisirs pour les enfants."))
CAF = said(N_("Vous nous avez dit que vous recevez des aides de la Caf."))
NOT_CAF = said(N_("Vous nous avez dit que vous ne recevez pas d'aide de la Caf."))
CONFLICT = said(N_("Vous nous avez dit que vous n'êtes pas d'accord avec l'autre parent au sujet des enfants."))
SUPPORT_UNPAID = said(N_("Vous nous avez dit que la pension alimentaire est fixée mais n'est pas payée, ou pas toujours."))
SUPPORT_NOT_FIXED = said(N_("Vous nous avez dit que la pension alimentaire n'est pas encore fixée."))
VIOLENCE = said(N_("Vous nous avez dit qu'il y a des violences dans votre couple ou votre famille, ou que vous avez peur."))
CHILD_IN_DANGER = said(N_("Vous nous avez dit que vous craignez qu'un enfant soit en danger."))
DISABILITY = said(N_("Vous nous avez dit qu'un parent ou un enfant de la famille a un handicap."))
BEREAVEMENT = said(N_("Vous nous avez dit que votre famille vit un deuil."))
TEEN = said(N_("Vous nous avez dit que vous vous inquiétez pour votre ado."))
HAS_TEENAGER = said(N_("Vous nous avez dit que vous avez un enfant de 11 à 17 ans."))
SEPARATION = {
    "considering": said(N_("Vous nous avez dit que vous pensez à vous séparer de l'autre parent.")),
    "in_progress": said(N_("Vous nous avez dit que vous êtes en train de vous séparer de l'autre parent.")),
    "separated": said(N_("Vous nous avez dit que vous ne vivez plus avec l'autre parent.")),
}
HOUSING = {
    "hosted": said(N_("Vous nous avez dit que vous vivez chez de la famille ou des amis.")),
    "hotel": said(N_("Vous nous avez dit que vous vivez à l'hôtel.")),
    "shelter": said(N_("Vous nous avez dit que vous vivez dans un centre d'hébergement ou un foyer.")),
    "homeless": said(N_("Vous nous avez dit que vous n'avez pas de logement.")),
}
# The only reason that does not repeat the family's words: the general answer when nothing else fits.
GENERAL_QUESTION = Text(
    N_("Pour toute question de famille, le Relais Information Familles de votre mairie vous informe et vous oriente.")
)


def parent_age_reason(age):
    """Return the reason that quotes the parent's age."""
    # Only asked of parents (16 and over), so the plural form is always the French one.
    return Text(N_("Vous nous avez dit que vous avez %(age)s ans."), {"age": age})


def reasons_when(*pairs):
    """Return the reasons whose condition is true, from (condition, reason) pairs, in order."""
    return [reason for present, reason in pairs if present]


def check(message):
    """Return a Text to check or bring."""
    return Text(message)


GUIDES = {
    "laep": Guide("free", N_("Venez avec votre enfant aux heures d'accueil, sans rendez-vous. Vous restez avec lui.")),
    "mediation_familiale": Guide(
        "income_based", N_("Appelez pour un premier rendez-vous d'information. Chaque parent peut appeler.")
    ),
    "aripa": Guide("free", N_("En ligne sur pension-alimentaire.caf.fr, ou par téléphone au 3238.")),
    "creche_avip": Guide(
        "income_based",
        N_("Parlez-en à votre conseiller France Travail ou Mission locale, ou au Relais Information Familles de votre mairie."),
    ),
    "rif": Guide("free", N_("Allez à la mairie de votre arrondissement ; certaines demandent un rendez-vous.")),
    "espace_parents": Guide("free", N_("Passez ou appelez pour connaître les groupes de parents et les permanences.")),
    "pmi": Guide("free", N_("Appelez pour prendre rendez-vous. C'est gratuit, même sans carte Vitale.")),
    "ludotheque": Guide(None, N_("Venez avec vos enfants aux heures d'ouverture.")),
    "centre_social": Guide(None, N_("Passez à l'accueil pour connaître les activités et les horaires.")),
    "caf": Guide("free", N_("Sur caf.fr, par téléphone, ou dans un point d'accueil de la Caf.")),
    "mediation_numerique": Guide("free", N_("Passez aux heures d'accueil ou appelez pour un rendez-vous.")),
    "france_services": Guide("free", N_("Passez aux heures d'accueil ou prenez rendez-vous.")),
    "equipement_solidaire": Guide("paid", N_("Appelez ou passez : on vous dit si vous avez droit au prix solidaire.")),
    "mission_locale": Guide("free", N_("Appelez ou passez pour un premier rendez-vous avec un conseiller.")),
    "france_travail": Guide("free", N_("Inscrivez-vous sur francetravail.fr ou au 3949, puis allez au rendez-vous proposé.")),
    "insertion": Guide("free", N_("Demandez un rendez-vous ; on peut aussi vous y orienter depuis la Caf ou un service social.")),
    "piv": Guide("free", N_("Passez poser vos questions sur les vacances et les aides pour partir.")),
    "vacances_loisirs": Guide(
        "income_based", N_("Inscrivez les enfants auprès du lieu ; le prix dépend souvent de vos revenus.")
    ),
    "pij": Guide("free", N_("Les jeunes peuvent venir seuls, sans rendez-vous.")),
    "soutien_scolaire": Guide(None, N_("Renseignez-vous auprès du lieu ou de l'école de votre enfant pour l'inscription.")),
    "acces_droits": Guide("free", N_("Appelez pour un rendez-vous avec un juriste.")),
    "service_social": Guide("free", N_("Appelez ou passez pour un rendez-vous avec un travailleur social.")),
    "cours_francais": Guide(None, N_("Renseignez-vous auprès du lieu pour les inscriptions et les niveaux.")),
    "violences": Guide("free", N_("Appelez le 3919, jour et nuit, gratuitement. En danger immédiat : le 17, ou le 114 par SMS.")),
    "enfance_en_danger": Guide("free", N_("Appelez le 119, jour et nuit, gratuitement. En danger immédiat : le 17.")),
    "ecoute_parents": Guide(None, N_("Appelez : quelqu'un vous écoute, sans vous juger.")),
}


def finding(kind, rank, reasons, checks=()):
    """Return a Finding, or None when there is no reason for it."""
    unique = []
    for reason in reasons:
        if reason not in unique:
            unique.append(reason)
    return Finding(kind, rank, tuple(unique), tuple(checks)) if unique else None


def young_child_reasons(situation, under):
    """Return the reasons about a baby expected or a child under `under` years."""
    reasons = []
    if situation.expecting_child:
        reasons.append(EXPECTING)
    if situation.has_child_under(1):
        reasons.append(UNDER_1)
    elif situation.has_child_under(3):
        reasons.append(UNDER_3)
    elif under > 3 and situation.has_child_under(under):
        reasons.append(UNDER_6)
    return reasons


def excluded_kinds(situation):
    """Return the kinds that must never be proposed for this situation (DOMAIN.md)."""
    excluded = set()
    if situation.domestic_violence is True:
        # Code civil art. 373-2-10 (law of 30 July 2020): no mediation when violence is alleged.
        excluded.add("mediation_familiale")
    return excluded


# Urgent help, shown before everything else, in this order.


def child_in_danger_help(situation):
    """119 first when a child may be in danger."""
    if not situation.child_in_danger:
        return None
    # Source: https://madinin-art.net/sujet/enfance-en-danger (free, 24/7, invisible on phone bills).
    return finding(
        "enfance_en_danger",
        PROTECT,
        [CHILD_IN_DANGER],
        [check(N_("L'appel au 119 est gratuit et n'apparaît pas sur les factures de téléphone."))],
    )


def violence_help(situation):
    """The violence help lines when violence or fear is declared."""
    if not situation.domestic_violence:
        return None
    return finding(
        "violences",
        PROTECT,
        [VIOLENCE],
        [
            # Source: https://www.senioractu.com/Les-numeros-d-urgence-a-connaitre_a23873.html (114 by SMS).
            check(N_("Si vous ne pouvez pas parler, écrivez au 114 par SMS.")),
            check(
                N_(
                    "Vous pouvez partir avec les enfants pour vous protéger : gardez vos papiers et ceux des enfants à portée de main."
                )
            ),
        ],
    )


URGENT_RULES = (child_in_danger_help, violence_help)

RULES = []


def rule(kind):
    """Register a function as the rule of a kind of service, in the order of this module."""

    def register(decide):
        """Add the function to RULES and return it unchanged."""
        RULES.append(Rule(kind, decide))
        return decide

    return register


@rule("service_social")
def service_social(situation):
    """Housing emergencies, danger and violence, the RSA (000 L1329), bereavement, disability, exhausted parents."""
    reasons = []
    checks = []
    rank = COMPLEMENT
    if situation.housing in PRECARIOUS_HOUSING:
        rank = PROTECT
        reasons.append(HOUSING[situation.housing])
        checks.append(check(N_("Dites que vous avez des enfants et où vous dormez : c'est pris en compte.")))
        if situation.housing == "homeless":
            # Source: https://refugies.info/fr/demarche/62503d59664c115fa5121c6a (115: free, day and night).
            checks.append(check(N_("Sans solution pour ce soir : appelez le 115, gratuit, jour et nuit.")))
    needs = reasons_when(
        (situation.child_in_danger, CHILD_IN_DANGER),
        (situation.domestic_violence, VIOLENCE),
        (situation.rsa, RSA),
        (situation.bereavement, BEREAVEMENT),
        (situation.disability_in_family, DISABILITY),
    )
    if needs:
        rank = min(rank, DIRECT)
        reasons.extend(needs)
    if situation.housing == "hosted":
        reasons.append(HOUSING["hosted"])
    if situation.feels_isolated:
        reasons.append(ISOLATED)
        checks.append(check(N_("Un travailleur social peut vous aider à trouver du répit : aide à domicile, garde, activités.")))
    checks.append(check(N_("Apportez vos papiers d'identité, votre attestation Caf et les derniers courriers importants.")))
    return finding("service_social", rank, reasons, checks)


@rule("acces_droits")
def acces_droits(situation):
    """Lawyers for free: protection against violence, the judge's role in a separation."""
    reasons = []
    checks = []
    rank = COMPLEMENT
    if situation.domestic_violence:
        rank = DIRECT
        reasons.append(VIOLENCE)
        checks.append(check(N_("Un juriste vous explique l'ordonnance de protection et comment porter plainte.")))
    separating = situation.separation in ("in_progress", "separated")
    if separating and (situation.conflict_with_other_parent or situation.child_support == "not_fixed"):
        reasons.append(SEPARATION[situation.separation])
        reasons.append(CONFLICT if situation.conflict_with_other_parent else SUPPORT_NOT_FIXED)
        checks.append(
            check(
                N_(
                    "Si les parents ne sont pas d'accord, le juge aux affaires familiales décide de la résidence des enfants et de la pension."
                )
            )
        )
    return finding("acces_droits", rank, reasons, checks)


@rule("aripa")
def aripa(situation):
    """ARIPA for a pension unpaid or not yet fixed (DOMAIN.md)."""
    checks = []
    if situation.child_support == "fixed_unpaid":
        reasons = [SUPPORT_UNPAID]
        checks.append(check(N_("Préparez le jugement ou l'accord qui fixe la pension, et les dates des paiements manqués.")))
        # Source: https://www.caf.fr/allocataires/droits-et-prestations/s-informer-sur-les-aides/solidarite-et-insertion/l-allocation-de-soutien-familial-asf
        checks.append(
            check(N_("Pendant que la Caf réclame la pension, elle peut vous verser l'allocation de soutien familial (ASF)."))
        )
    elif situation.child_support == "not_fixed":
        reasons = [SUPPORT_NOT_FIXED]
        checks.append(
            check(
                N_("Si les parents sont d'accord sur le montant, la Caf peut donner à leur accord la même force qu'un jugement.")
            )
        )
    else:
        return None
    if situation.domestic_violence:
        reasons.append(VIOLENCE)
        # Source: https://www.service-public.fr/particuliers/vosdroits/F36407 (not refusable in case of violence).
        checks.append(
            check(N_("En cas de violences, dites-le : la pension passe alors par la Caf, sans contact avec l'autre parent."))
        )
    return finding("aripa", DIRECT, reasons, checks)


@rule("mediation_familiale")
def mediation_familiale(situation):
    """Conflict about the children, a separation under way, a pension to agree on."""
    reasons = []
    rank = COMPLEMENT
    if situation.conflict_with_other_parent:
        rank = DIRECT
        reasons.append(CONFLICT)
    if situation.separation in ("considering", "in_progress"):
        rank = DIRECT
        reasons.append(SEPARATION[situation.separation])
    if situation.child_support == "not_fixed":
        reasons.append(SUPPORT_NOT_FIXED)
    checks = [
        check(N_("Le premier rendez-vous d'information est gratuit ; ensuite, le prix dépend des revenus de chaque parent.")),
        check(N_("La médiation demande l'accord des deux parents.")),
        check(
            N_(
                "Si l'un des parents a peur de l'autre ou subit des violences, la médiation n'est pas adaptée : appelez plutôt le 3919."
            )
        ),
    ]
    return finding("mediation_familiale", rank, reasons, checks)


@rule("creche_avip")
def creche_avip(situation):
    """AVIP only for a child under 3 AND a parent seeking work or training (DOMAIN.md)."""
    if not (situation.has_child_under(3) and situation.job_seeking):
        return None
    reasons = [*young_child_reasons(situation, 3), JOB_SEEKING]
    if situation.single_parent:
        reasons.append(SINGLE_PARENT)
    return finding(
        "creche_avip",
        DIRECT,
        reasons,
        [
            check(
                N_(
                    "Les places sont pour un enfant de moins de 3 ans dont le parent s'engage dans un accompagnement vers l'emploi."
                )
            ),
            check(N_("Apportez une preuve de votre recherche d'emploi ou de votre formation.")),
        ],
    )


@rule("france_travail")
def france_travail(situation):
    """Registering with France Travail when a parent looks for work and is not registered yet."""
    if not situation.job_seeking or situation.registered_france_travail is True:
        return None
    reasons = [JOB_SEEKING]
    if situation.registered_france_travail is False:
        reasons.append(NOT_REGISTERED)
    checks = [check(N_("Pour vous inscrire : une pièce d'identité et votre numéro de sécurité sociale si vous en avez un."))]
    if situation.has_child_under(6):
        checks.append(check(N_("Dites à votre conseiller que vous avez besoin d'une solution de garde pour votre enfant.")))
    return finding("france_travail", DIRECT, reasons, checks)


@rule("mission_locale")
def mission_locale(situation):
    """Mission locale for parents aged 16 to 25 (DOMAIN.md)."""
    if situation.parent_age is None or not 16 <= situation.parent_age <= 25:
        return None
    reasons = [parent_age_reason(situation.parent_age)]
    if situation.job_seeking:
        reasons.append(JOB_SEEKING)
    checks = [check(N_("La Mission locale aide aussi pour le logement, la santé et la garde des enfants."))]
    return finding("mission_locale", DIRECT if situation.job_seeking else COMPLEMENT, reasons, checks)


@rule("insertion")
def insertion(situation):
    """The EPI for RSA recipients (000 L1329); other employment help for job seekers."""
    if situation.rsa:
        checks = [
            check(N_("Au RSA, l'Espace parisien pour l'insertion (EPI) vous accompagne : demandez qui est votre référent."))
        ]
        return finding("insertion", DIRECT, [RSA], checks)
    if situation.job_seeking and (situation.parent_age is None or situation.parent_age > 25):
        return finding("insertion", COMPLEMENT, [JOB_SEEKING])
    return None


@rule("rif")
def rif(situation):
    """The mairie's family desk: new arrivals, childcare when a parent looks for work, young children."""
    reasons = []
    checks = []
    rank = COMPLEMENT
    if situation.new_in_paris:
        rank = DIRECT
        reasons.append(NEW_IN_PARIS)
        if situation.children_ages is None or situation.ages_between(2, 11):
            # Source: https://www.service-public.fr/particuliers/vosdroits/F1864
            checks.append(
                check(
                    N_(
                        "Pour inscrire un enfant à l'école : à la mairie, avec le livret de famille ou l'acte de naissance, un justificatif de domicile et le carnet de vaccinations."
                    )
                )
            )
    if situation.has_child_under(3) and situation.job_seeking:
        rank = DIRECT
        reasons.extend([UNDER_3, JOB_SEEKING])
        checks.append(
            check(N_("Demandez aussi les autres modes de garde : crèches, assistants maternels, et le site monenfant.fr."))
        )
    elif situation.expecting_child or situation.has_child_under(3):
        reasons.extend(young_child_reasons(situation, 3))
        checks.append(check(N_("Demandez comment inscrire votre enfant en crèche et quand le faire.")))
    return finding("rif", rank, reasons, checks)


@rule("laep")
def laep(situation):
    """LAEP only with a child under 6 or a baby expected (DOMAIN.md)."""
    if not (situation.has_child_under(6) or situation.expecting_child):
        return None
    reasons = young_child_reasons(situation, 6)
    stronger = reasons_when(
        (situation.feels_isolated, ISOLATED),
        (situation.single_parent, SINGLE_PARENT),
        (situation.new_in_paris, NEW_IN_PARIS),
        (situation.housing in HOUSING, HOUSING.get(situation.housing)),
    )
    checks = [
        check(N_("Chaque lieu a ses jours d'accueil : vérifiez-les avant de venir.")),
        check(N_("Vous n'avez rien à apporter et pas besoin de donner votre nom.")),
    ]
    return finding("laep", DIRECT if stronger else COMPLEMENT, reasons + stronger, checks)


@rule("pmi")
def pmi(situation):
    """Free health follow-up of the pregnancy and of children under 6."""
    if not situation.may_have_child_under(6):
        return None
    reasons = young_child_reasons(situation, 6)
    urgent_need = reasons_when(
        (situation.new_in_paris, NEW_IN_PARIS),
        (situation.housing in PRECARIOUS_HOUSING, HOUSING.get(situation.housing)),
        (situation.disability_in_family, DISABILITY),
    )
    checks = []
    if situation.expecting_child:
        checks.append(check(N_("Apportez vos résultats d'examens et votre carte Vitale si vous en avez une.")))
    if situation.children_ages is None or situation.has_child_under(6):
        checks.append(check(N_("Apportez le carnet de santé de l'enfant.")))
    direct = urgent_need or situation.expecting_child or situation.has_child_under(1)
    return finding("pmi", DIRECT if direct else COMPLEMENT, reasons + urgent_need, checks)


@rule("caf")
def caf(situation):
    """The Caf: a pregnancy to declare, a move to Paris, rights not asked for, disability, single parents."""
    reasons = []
    checks = []
    rank = COMPLEMENT
    if situation.expecting_child:
        rank = DIRECT
        reasons.append(EXPECTING)
        # Source: https://www.service-public.fr/particuliers/vosdroits/F968
        checks.append(
            check(
                N_(
                    "La grossesse se déclare avant la fin du 3e mois : c'est ce qui ouvre vos droits à la Caf et à l'Assurance maladie."
                )
            )
        )
    if situation.new_in_paris:
        rank = DIRECT
        reasons.append(NEW_IN_PARIS)
        checks.append(
            check(N_("Si vous aviez un dossier dans une autre Caf, donnez votre nouvelle adresse : votre dossier vous suit."))
        )
        checks.append(check(N_("Pour ouvrir un dossier : une pièce d'identité, un RIB et les actes de naissance des enfants.")))
    if situation.caf_allocataire is False and (situation.children_ages or situation.expecting_child):
        reasons.append(NOT_CAF)
        checks.append(check(N_("Faites une simulation sur caf.fr pour savoir à quelles aides vous avez droit.")))
    if situation.single_parent and situation.child_support not in ("fixed_unpaid", "not_fixed"):
        reasons.append(SINGLE_PARENT)
        # Source: https://www.caf.fr/allocataires/droits-et-prestations/s-informer-sur-les-aides/solidarite-et-insertion/l-allocation-de-soutien-familial-asf
        checks.append(
            check(
                N_("Si l'autre parent ne participe pas aux frais des enfants, demandez l'allocation de soutien familial (ASF).")
            )
        )
    if situation.disability_in_family:
        reasons.append(DISABILITY)
        checks.append(check(N_("Pour les aides liées au handicap d'un enfant, la Caf et la MDPH de Paris vous renseignent.")))
    return finding("caf", rank, reasons, checks)


@rule("piv")
def piv(situation):
    """Points Information Vacances for holidays (DOMAIN.md)."""
    if not situation.holidays_wanted:
        return None
    reasons = [HOLIDAYS]
    checks = []
    if situation.caf_allocataire:
        reasons.append(CAF)
        checks.append(
            check(
                N_(
                    "Avec des aides de la Caf, vous avez peut-être droit à une aide aux vacances : apportez votre numéro d'allocataire."
                )
            )
        )
    checks.append(check(N_("Renseignez-vous tôt : les places et les aides partent vite.")))
    return finding("piv", DIRECT, reasons, checks)


@rule("vacances_loisirs")
def vacances_loisirs(situation):
    """Holiday and leisure offers: Paris Anim', centres de loisirs, séjours."""
    reasons = []
    rank = COMPLEMENT
    if situation.holidays_wanted:
        rank = DIRECT
        reasons.append(HOLIDAYS)
    if situation.teen_concern:
        reasons.append(TEEN)
    checks = [check(N_("Les prix dépendent souvent de vos revenus : apportez votre attestation de quotient familial de la Caf."))]
    return finding("vacances_loisirs", rank, reasons, checks)


@rule("pij")
def pij(situation):
    """Youth information for a worried parent of a teenager, or holidays with a teenager."""
    reasons = []
    rank = COMPLEMENT
    if situation.teen_concern:
        rank = DIRECT
        reasons.append(TEEN)
    if situation.holidays_wanted and situation.ages_between(11, 17):
        reasons.extend([HOLIDAYS, HAS_TEENAGER])
    return finding(
        "pij",
        rank,
        reasons,
        [check(N_("Votre ado peut y aller sans vous, pour parler de l'école, d'un projet ou de ses soucis."))],
    )


@rule("soutien_scolaire")
def soutien_scolaire(situation):
    """Help with school work (CLAS) for a teenager's worries or a newly arrived family."""
    reasons = []
    rank = COMPLEMENT
    if situation.teen_concern:
        rank = DIRECT
        reasons.append(TEEN)
    if situation.new_in_paris and situation.french_difficulty and situation.ages_between(6, 17):
        reasons.extend([NEW_IN_PARIS, FRENCH])
    return finding("soutien_scolaire", rank, reasons, [check(N_("Parlez-en aussi avec l'école ou le collège de votre enfant."))])


@rule("espace_parents")
def espace_parents(situation):
    """A place for parents: isolation, a teenager's worries, separation, grief."""
    reasons = reasons_when(
        (situation.feels_isolated, ISOLATED),
        (situation.teen_concern, TEEN),
        (situation.separation in SEPARATION, SEPARATION.get(situation.separation)),
        (situation.bereavement, BEREAVEMENT),
    )
    rank = DIRECT if situation.feels_isolated else COMPLEMENT
    return finding("espace_parents", rank, reasons, [check(N_("Demandez le programme des groupes de parents."))])


@rule("ecoute_parents")
def ecoute_parents(situation):
    """Someone to listen: isolation, exhaustion, a teenager's worries, grief, disability."""
    reasons = reasons_when(
        (situation.feels_isolated, ISOLATED),
        (situation.teen_concern, TEEN),
        (situation.bereavement, BEREAVEMENT),
        (situation.disability_in_family, DISABILITY),
    )
    return finding("ecoute_parents", DIRECT, reasons, [check(N_("Vous pouvez appeler sans donner votre nom."))])


@rule("mediation_numerique")
def mediation_numerique(situation):
    """Help with computers and online procedures."""
    if not situation.digital_difficulty:
        return None
    checks = [check(N_("Apportez vos identifiants (numéro d'allocataire, numéro fiscal…) et les papiers de la démarche."))]
    return finding("mediation_numerique", DIRECT, [DIGITAL], checks)


@rule("france_services")
def france_services(situation):
    """A counter for procedures with the Caf, taxes, health, France Travail."""
    reasons = []
    if situation.digital_difficulty:
        reasons.append(DIGITAL)
    if situation.new_in_paris and situation.french_difficulty:
        reasons.extend([NEW_IN_PARIS, FRENCH])
    return finding("france_services", DIRECT, reasons, [check(N_("Apportez les papiers et les codes de la démarche à faire."))])


@rule("equipement_solidaire")
def equipement_solidaire(situation):
    """Solidarity-priced computers, phones and internet when the family has none."""
    if not situation.no_equipment:
        return None
    checks = [check(N_("Un justificatif est souvent demandé : attestation RSA ou Caf, ou courrier d'un travailleur social."))]
    return finding("equipement_solidaire", DIRECT, [NO_EQUIPMENT], checks)


@rule("cours_francais")
def cours_francais(situation):
    """French courses for adults who find French hard."""
    if not situation.french_difficulty:
        return None
    reasons = [FRENCH, NEW_IN_PARIS] if situation.new_in_paris else [FRENCH]
    checks = [check(N_("Demandez le niveau du cours, et s'il y a une garde d'enfants pendant le cours."))]
    return finding("cours_francais", DIRECT, reasons, checks)


@rule("ludotheque")
def ludotheque(situation):
    """Playing together: for isolated parents of children under 12."""
    if not (situation.feels_isolated and situation.ages_between(0, 11)):
        return None
    return finding(
        "ludotheque",
        COMPLEMENT,
        [ISOLATED],
        [check(N_("Certaines ludothèques prêtent des jeux : demandez comment vous inscrire."))],
    )


@rule("centre_social")
def centre_social(situation):
    """The neighbourhood's social centre: meeting people, family outings, help with papers."""
    reasons = reasons_when(
        (situation.feels_isolated, ISOLATED),
        (situation.new_in_paris, NEW_IN_PARIS),
        (situation.holidays_wanted, HOLIDAYS),
    )
    return finding(
        "centre_social", COMPLEMENT, reasons, [check(N_("Demandez le programme des activités et des sorties pour les familles."))]
    )


def general_information():
    """The answer when no rule fits: the Relais Information Familles."""
    return Finding(
        "rif",
        DIRECT,
        (GENERAL_QUESTION,),
        (check(N_("Vous pouvez y aller avec toutes vos questions, même sans savoir quel service chercher.")),),
    )


def recommend(situation):
    """Return (urgent findings, findings in priority order) for a situation; never empty."""
    urgent = [found for decide in URGENT_RULES if (found := decide(situation))]
    excluded = excluded_kinds(situation)
    findings = [found for item in RULES if item.kind not in excluded and (found := item.decide(situation))]
    findings.sort(key=lambda found: found.rank)  # stable: the order of RULES within a rank
    if not findings:
        findings = [general_information()]
    return urgent, findings
