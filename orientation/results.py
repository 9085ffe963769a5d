"""Recommendations with their places: the rules' findings, then the open resources that answer them.

Places come from the directory: open ones in the family's arrondissement first, then in the
neighbouring arrondissements, then remote services (helplines, ARIPA, websites) that have no
arrondissement. Within each group, confirmed records come before those that need checking
(shown with their notice, never hidden). Urgent help lists the remote help lines first.
"""

from dataclasses import dataclass

from directory import geography
from directory import storage
from orientation import rules
from orientation.answers import state_from_session
from orientation.answers import walk

HERE = "here"
NEAR = "near"
REMOTE = "remote"
LOCAL_LIMIT = 5  # places from the family's and neighbouring arrondissements, per recommendation
REMOTE_LIMIT = 4  # remote services per recommendation
SHEET_PLACES = 4  # places on a sheet printed from the results: with their reasons, two A4 pages in every language
# Places that answer a kind of service under another kind: (kind, theme). Points Information
# Vacances are often held by a centre social or an espace de vie sociale (000 L1286).
ALSO_FOUND_AS = {"piv": (("centre_social", "vacances"),)}


@dataclass(frozen=True)
class Match:
    """A place proposed, and where it is from the family's point of view."""

    resource: object
    tier: str  # HERE, NEAR or REMOTE


@dataclass(frozen=True)
class Recommendation:
    """A finding of the rules with what to know before going, and the places that answer it."""

    finding: rules.Finding
    priority: int | None  # 1 = first; None for urgent help
    guide: rules.Guide
    matches: tuple

    @property
    def kind(self):
        """The kind of service proposed."""
        return self.finding.kind


@dataclass(frozen=True)
class Orientation:
    """Everything the results page, the API and the command line show."""

    situation: object
    urgent: tuple
    recommendations: tuple


def candidate_resources(db, kinds, arrondissement):
    """Return {kind: its open resources, then those of the kinds that also answer it}, read in one query.

    Only the places matching_resources can propose are read: in the family's arrondissement
    (None when unknown) and its neighbours, and remote services.
    """
    kinds = tuple(dict.fromkeys(kinds))
    wanted = {*kinds, *(other_kind for kind in kinds for other_kind, _theme in ALSO_FOUND_AS.get(kind, ()))}
    near = (arrondissement, *geography.neighbours_of(arrondissement)) if arrondissement else ()
    by_kind = {}
    for resource in storage.list_resources(db, kinds=sorted(wanted), near=near):
        by_kind.setdefault(resource.kind, []).append(resource)
    candidates = {}
    for kind in kinds:
        found = {resource.id: resource for resource in by_kind.get(kind, ())}
        for other_kind, theme in ALSO_FOUND_AS.get(kind, ()):
            for resource in by_kind.get(other_kind, ()):
                if theme in resource.all_themes:
                    found.setdefault(resource.id, resource)
        candidates[kind] = list(found.values())
    return candidates


def matching_resources(candidates, arrondissement, today, helplines_first=False):
    """Return the Matches for a family living in `arrondissement` (None when unknown)."""
    neighbours = geography.neighbours_of(arrondissement) if arrondissement else ()

    def ordered(resources):
        """Confirmed records first, then by name."""
        return sorted(resources, key=lambda resource: (resource.needs_check(today), resource.name.casefold()))

    here = ordered(r for r in candidates if arrondissement and r.arrondissement == arrondissement)
    near = ordered(r for r in candidates if r.arrondissement in neighbours)
    remote = ordered(r for r in candidates if r.is_remote)
    local = [Match(r, HERE) for r in here] + [Match(r, NEAR) for r in near]
    remote_matches = [Match(r, REMOTE) for r in remote[:REMOTE_LIMIT]]
    if helplines_first:
        return tuple(remote_matches + local[:LOCAL_LIMIT])
    return tuple(local[:LOCAL_LIMIT] + remote_matches)


def _with_places(situation, db, today, urgent, findings):
    """Return (urgent, recommendations): the findings as Recommendations with their places."""
    # One query for every kind proposed: a page of results asks for twenty kinds or more.
    candidates = candidate_resources(db, [finding.kind for finding in (*urgent, *findings)], situation.arrondissement)

    def build(finding, priority, helplines_first):
        """A Recommendation with its guide and its places."""
        matches = matching_resources(candidates[finding.kind], situation.arrondissement, today, helplines_first)
        return Recommendation(finding, priority, rules.GUIDES[finding.kind], matches)

    return (
        tuple(build(finding, None, True) for finding in urgent),
        tuple(build(finding, position, False) for position, finding in enumerate(findings, start=1)),
    )


def orient(situation, db, today):
    """Return the Orientation of a situation: urgent help, then recommendations in priority order."""
    urgent, findings = rules.recommend(situation)
    return Orientation(situation, *_with_places(situation, db, today, urgent, findings))


def urgent_help(situation, db, today):
    """Return only the urgent help of a situation, with its places (pages that show help before any question)."""
    urgent, _findings = rules.recommend(situation)
    return _with_places(situation, db, today, urgent, ())[0]


def speaks_of_danger(situation):
    """Tell whether the answers speak of violence or of a child in danger: pages and sheets then stay discreet."""
    return bool(situation.domestic_violence or situation.child_in_danger)


def recommendations_for_session(catalog, session_answers, db, today):
    """Return the Orientation of the answers kept in a session (the mapping stored in the cookie)."""
    state = state_from_session(catalog, session_answers)
    return orient(walk(catalog, state).situation, db, today)


def reasons_by_resource(orientation):
    """Return {resource id: ((message, params), …)}: why each place was proposed, urgent help first.

    A place proposed by several recommendations gathers their reasons, each once; the
    orientation sheet prints them under "Pourquoi ce lieu" (desk.sheets.SheetEntry.reasons).
    """
    reasons = {}
    for recommendation in (*orientation.urgent, *orientation.recommendations):
        for match in recommendation.matches:
            kept = reasons.setdefault(match.resource.id, [])
            for reason in recommendation.finding.reasons:
                if (reason.message, reason.params) not in kept:
                    kept.append((reason.message, reason.params))
    return {resource_id: tuple(kept) for resource_id, kept in reasons.items()}


def first_places(orientation, limit=SHEET_PLACES):
    """Return the ids of the first place of each recommendation, urgent help first, for a sheet (places are open)."""
    chosen = []
    for recommendation in (*orientation.urgent, *orientation.recommendations):
        if recommendation.matches and recommendation.matches[0].resource.id not in chosen:
            chosen.append(recommendation.matches[0].resource.id)
    return chosen[:limit]
