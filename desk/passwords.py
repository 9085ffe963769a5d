"""Password hashing with Argon2id (argon2-cffi), and the policy for new passwords."""

import functools

import argon2

# argon2-cffi's defaults are the RFC 9106 "low memory" Argon2id profile (64 MiB, 3 passes).
# When they change in a new release, hashes made with the old ones are upgraded at next login.
HASHER = argon2.PasswordHasher()

MIN_PASSWORD_LENGTH = 12  # characters; staff accounts have no second factor
MAX_PASSWORD_LENGTH = 1024  # characters; refuse longer input before hashing it


def hash_password(password):
    """Return the Argon2id hash of a password, with the current parameters."""
    return HASHER.hash(password)


def verify_password(password_hash, password):
    """Return (matches, new hash or None): a new hash when the stored one uses old parameters."""
    if password_hash is None or len(password) > MAX_PASSWORD_LENGTH:
        spend_verification_time(password[:MAX_PASSWORD_LENGTH])
        return False, None
    try:
        HASHER.verify(password_hash, password)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False, None
    if HASHER.check_needs_rehash(password_hash):
        return True, HASHER.hash(password)
    return True, None


def spend_verification_time(password):
    """Verify against a dummy hash, so that a refusal takes as long whatever its reason."""
    try:
        HASHER.verify(_dummy_hash(HASHER), password)
    except argon2.exceptions.VerificationError:
        pass


@functools.cache
def _dummy_hash(hasher):
    # Made with the hasher's own parameters, so that it costs what a real verification costs.
    return hasher.hash("not-a-real-password")


def password_problem(password):
    """Return a French message saying why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Le mot de passe doit faire au moins {MIN_PASSWORD_LENGTH} caractères."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Le mot de passe doit faire au plus {MAX_PASSWORD_LENGTH} caractères."
    if password.strip() != password:
        return "Le mot de passe ne doit pas commencer ni finir par une espace."
    return None
