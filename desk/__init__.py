"""Staff accounts, the shortlist, orientation sheets, fiches de liaison and the desk mode."""
