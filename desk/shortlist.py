"""The shortlist ("ma sélection"): resource ids kept in the visitor's session, nothing else.

The functions take the session as a plain mapping, so they are tested without Flask.
"""

SHORTLIST_KEY = "shortlist"
SHORTLIST_LIMIT = 12  # resources; a sheet of six fits on two A4 pages, twelve stays readable


def shortlist_ids(session):
    """Return the ids in the shortlist, in the order they were added."""
    return list(session.get(SHORTLIST_KEY, ()))


def add_to_shortlist(session, resource_id):
    """Add an id at the end; return False when the shortlist is full (already present counts as added)."""
    ids = shortlist_ids(session)
    if resource_id in ids:
        return True
    if len(ids) >= SHORTLIST_LIMIT:
        return False
    session[SHORTLIST_KEY] = [*ids, resource_id]
    return True


def remove_from_shortlist(session, resource_id):
    """Remove an id from the shortlist, if it is there."""
    ids = shortlist_ids(session)
    if resource_id in ids:
        session[SHORTLIST_KEY] = [identifier for identifier in ids if identifier != resource_id]


def clear_shortlist(session):
    """Empty the shortlist."""
    session.pop(SHORTLIST_KEY, None)
