"""Orientation texts in a person's language: questions, answers, reasons, and the JSON of the API.

Questionnaire texts are French message ids translated here, at display time. Every function
takes an optional `locale`: the desk mode shows a question in the family's language and in
French side by side with `question_texts(question, family_locale)` and
`question_texts(question, "fr")`, and its answers with `answer_texts`.
"""

import contextlib
from dataclasses import dataclass

from flask import url_for
from flask_babel import force_locale

from directory.taxonomy import N_
from orientation.answers import DONT_KNOW
from orientation.answers import OUTSIDE_PARIS
from orientation.answers import YES
from orientation.results import HERE
from orientation.results import NEAR
from orientation.situation import MAX_CHILDREN
from web.i18n import gettext
from web.i18n import ngettext
from web.templating import arrondissement_label
from web.templating import kind_explanation
from web.templating import kind_label

DONT_KNOW_LABEL = N_("Je ne sais pas")
PREFER_NOT_LABEL = N_("Je préfère ne pas répondre")
YES_LABEL = N_("Oui")
NO_LABEL = N_("Non")
OUTSIDE_PARIS_LABEL = N_("Je n'habite pas à Paris")
NO_CHILDREN_LABEL = N_("Pas encore d'enfant")
TIER_LABELS = {
    HERE: N_("Dans votre arrondissement"),
    NEAR: N_("Dans un arrondissement voisin"),
}
REMOTE_LABEL = N_("À distance : téléphone ou internet")


@dataclass(frozen=True)
class QuestionTexts:
    """What a question page shows, in one language."""

    label: str
    help: str | None
    options: tuple  # (value, label) pairs offered, in order, the skip answer included when allowed
    skip_label: str | None  # "Je ne sais pas" or "Je préfère ne pas répondre", or None
    age_labels: tuple = ()  # "Âge de l'enfant 1", "Âge de l'enfant 2"… for the boxes of an ages question
    no_children_label: str | None = None  # "Pas encore d'enfant", where an ages question offers it


def in_locale(locale):
    """Return a context where texts are translated into `locale` (the current one when None)."""
    return force_locale(locale) if locale else contextlib.nullcontext()


def skip_label(question):
    """Return the message id of the question's skip answer, or None."""
    if question.dont_know:
        return DONT_KNOW_LABEL
    return PREFER_NOT_LABEL if question.prefer_not_to_say else None


def _options(question):
    if question.type in ("choice", "multi"):
        return [(option.id, gettext(option.label)) for option in question.options]
    if question.type == "yesno":
        return [(YES, gettext(YES_LABEL)), ("no", gettext(NO_LABEL))]
    if question.type == "arrondissement":
        return [(str(number), arrondissement_label(number)) for number in range(1, 21)] + [
            (OUTSIDE_PARIS, gettext(OUTSIDE_PARIS_LABEL))
        ]
    return []


def question_texts(question, locale=None):
    """Return the QuestionTexts of a question, translated into `locale` (default: the page's)."""
    with in_locale(locale):
        skip = skip_label(question)
        options = _options(question)
        # Where the answers are a list, the skip answer is one more choice; elsewhere, a button.
        if skip and question.type in ("choice", "multi", "yesno", "arrondissement"):
            options.append((DONT_KNOW, gettext(skip)))
        ages = question.type == "ages"
        # I18N: the box where the age of one child is written; %(number)s counts the children: 1, 2, 3…
        age_labels = (
            tuple(gettext("Âge de l'enfant %(number)s", number=number) for number in range(1, MAX_CHILDREN + 1)) if ages else ()
        )
        return QuestionTexts(
            label=gettext(question.label),
            help=gettext(question.help) if question.help else None,
            options=tuple(options),
            skip_label=gettext(skip) if skip else None,
            age_labels=age_labels,
            no_children_label=gettext(NO_CHILDREN_LABEL) if ages and question.no_children else None,
        )


def questionnaire_texts(questionnaire, locale=None):
    """Return (title, summary, intro) of a questionnaire, translated."""
    with in_locale(locale):
        intro = gettext(questionnaire.intro) if questionnaire.intro else None
        return gettext(questionnaire.title), gettext(questionnaire.summary), intro


def answer_text(question, answer, locale=None):
    """Return a stored answer as the family reads it on the summary page."""
    with in_locale(locale):
        if answer == DONT_KNOW:
            return gettext(skip_label(question))
        if question.type == "ages":
            if not answer:
                return gettext(NO_CHILDREN_LABEL)
            return ", ".join(age_text(age) for age in answer)
        if question.type == "number":
            return str(answer)
        values = answer if isinstance(answer, list) else [str(answer)]
        labels = dict(_options(question))
        return ", ".join(labels[value] for value in values)


def answer_texts(question, answer, locale=None):
    """Return a summary row in one language: {"label": the question, "answer": the answer or None}."""
    with in_locale(locale):
        return {"label": gettext(question.label), "answer": None if answer is None else answer_text(question, answer)}


def age_text(age):
    """Return "moins d'un an", "1 an", "5 ans"."""
    if age == 0:
        return gettext("moins d'un an")
    return ngettext("%(num)d an", "%(num)d ans", age)


def render_text(text):
    """Translate a rules.Text with its named values."""
    return gettext(text.message, **text.params)


def tier_label(match):
    """Say where a proposed place is from the family's point of view."""
    return gettext(TIER_LABELS.get(match.tier, REMOTE_LABEL))


def problem_message(problem):
    """Translate a Problem (situation or answer error)."""
    return gettext(problem.message, **problem.params)


def match_json(match, today):
    """Return the JSON object of a proposed place."""
    resource = match.resource
    return {
        "id": resource.id,
        "name": resource.name,
        "kind": resource.kind,
        "arrondissement": resource.arrondissement,
        "address": resource.address,
        "postal_code": resource.postal_code,
        "phone": resource.phone,
        "url": url_for("directory.resource", resource_id=resource.id, _external=True),
        "where": match.tier,
        "needs_check": resource.needs_check(today),
    }


def recommendation_json(recommendation, today):
    """Return the JSON object of a recommendation (CONTRACTS §4, with what to know before going)."""
    values = {"kind": recommendation.kind}
    if recommendation.priority is not None:
        values["priority"] = recommendation.priority
    values.update(
        label=kind_label(recommendation.kind),
        what=kind_explanation(recommendation.kind),
        reasons=[render_text(reason) for reason in recommendation.finding.reasons],
        check=[render_text(item) for item in recommendation.finding.checks],
        cost=recommendation.guide.cost,
        free=None if recommendation.guide.cost is None else recommendation.guide.cost == "free",
        how_to_go=gettext(recommendation.guide.how_to_go),
        resources=[match_json(match, today) for match in recommendation.matches],
    )
    return values


def orientation_json(orientation, today):
    """Return the JSON answer of POST /api/v1/orientation and of `flask orient`."""
    return {
        "recommendations": [recommendation_json(item, today) for item in orientation.recommendations],
        "urgent": [recommendation_json(item, today) for item in orientation.urgent],
    }
