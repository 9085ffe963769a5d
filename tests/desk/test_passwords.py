"""Password hashing: Argon2id, verification, upgrade of old parameters, policy."""

import argon2

from desk import passwords
from tests.desk.conftest import PRODUCTION_HASHER
from tests.desk.conftest import TEST_HASHER


def test_production_uses_the_rfc_9106_low_memory_profile():
    assert PRODUCTION_HASHER.type is argon2.Type.ID
    assert (PRODUCTION_HASHER.time_cost, PRODUCTION_HASHER.memory_cost, PRODUCTION_HASHER.parallelism) == (3, 64 * 1024, 4)


def test_hashes_are_argon2id_and_salted():
    first = passwords.hash_password("correct horse battery")
    second = passwords.hash_password("correct horse battery")
    assert first.startswith("$argon2id$")
    assert first != second


def test_verify_accepts_the_password_only():
    stored = passwords.hash_password("correct horse battery")
    assert passwords.verify_password(stored, "correct horse battery") == (True, None)
    assert passwords.verify_password(stored, "correct horse batterY") == (False, None)
    assert passwords.verify_password("not a hash", "correct horse battery") == (False, None)
    assert passwords.verify_password(None, "anything") == (False, None)


def test_a_hash_with_old_parameters_is_upgraded():
    old = argon2.PasswordHasher(time_cost=2, memory_cost=2 * 1024, parallelism=1).hash("correct horse battery")
    matches, new_hash = passwords.verify_password(old, "correct horse battery")
    assert matches
    assert new_hash.startswith("$argon2id$")
    assert not TEST_HASHER.check_needs_rehash(new_hash)


def test_password_policy():
    assert passwords.password_problem("short") is not None
    assert passwords.password_problem(" leading space pass") is not None
    assert passwords.password_problem("x" * (passwords.MAX_PASSWORD_LENGTH + 1)) is not None
    assert passwords.password_problem("correct horse battery") is None
