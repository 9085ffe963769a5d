"""The staff records: an account and the login throttle of a name."""

import datetime
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Account:
    """A staff member's account, attached to the desk where they receive families."""

    id: int | None
    username: str
    display_name: str
    role: str  # one of accounts.ROLES
    desk_name: str | None  # "RIF du 13e", "Espace parents Belleville"
    desk_resource_id: str | None  # the desk's own record in the directory, when it has one
    password_hash: str = field(repr=False)
    active: bool = True
    session_generation: int = 1  # bumped to sign out every open session of the account
    created_at: datetime.datetime | None = None
    last_login_at: datetime.datetime | None = None


@dataclass(frozen=True)
class Throttle:
    """Failed logins of one name tried, and until when it is locked."""

    failures: int = 0
    first_failure_at: datetime.datetime | None = None
    locked_until: datetime.datetime | None = None

    def is_locked(self, now):
        """Tell whether logins with this name are refused at this moment."""
        return self.locked_until is not None and now < self.locked_until
