"""PBX tokens: stored as a salted SHA-256 hash, never in clear, and checked in constant time.

A token is a long random secret chosen by the administrator (not a password a human remembers), so one
round of salted SHA-256 is enough and keeps every CTI request cheap.
"""
import hashlib
import hmac
import os

SCHEME = 'sha256'


def hash_token(token, salt=None):
    """Return the storable form ``sha256$<salt hex>$<digest hex>`` of ``token``."""
    if not token:
        raise ValueError('an empty token cannot be stored')
    salt = salt if salt is not None else os.urandom(16).hex()
    digest = hashlib.sha256((salt + '$' + token).encode('utf-8')).hexdigest()
    return '%s$%s$%s' % (SCHEME, salt, digest)


def verify_token(token, stored):
    """True when ``token`` matches the hash ``stored``; the digests are compared in constant time."""
    if not token or not stored:
        return False
    try:
        scheme, salt, _digest = stored.split('$', 2)
    except ValueError:
        return False
    if scheme != SCHEME:
        return False
    return hmac.compare_digest(hash_token(token, salt).encode('ascii'), stored.encode('ascii'))
