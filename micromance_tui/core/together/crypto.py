"""The only module of Together that imports PyCA ``cryptography``; it is imported when
Together is used, never at start-up.

- The pairing code: 25 characters of Crockford base32 (125 random bits), shown in five
  groups of five. Reading it forgives case, spaces, dashes and the look-alikes I/L (1) and
  O (0).
- The key: scrypt (n=2**14, r=8, p=1) over the code's 125 bits, salted with the folder's salt
  and couple id, 32 bytes: an AES-256-GCM key.
- Every file is sealed with AES-GCM and a fresh 96-bit random nonce; the associated data
  binds the format version, the couple id and the member id, so a file cannot be moved to
  another couple or passed off as the other member's.
"""

from __future__ import annotations

import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

__all__ = [
    "CODE_CHARS",
    "AuthError",
    "CodeError",
    "derive_key",
    "new_code",
    "open_sealed",
    "parse_code",
    "seal",
]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
CODE_CHARS = 25  # 125 bits
NONCE_BYTES = 12
_FORGIVE = str.maketrans({"I": "1", "L": "1", "O": "0"})


class CodeError(ValueError):
    """A pairing code that cannot be read; ``str()`` says why in one line."""


class AuthError(Exception):
    """Sealed data that does not verify with this key and associated data."""


def new_code() -> str:
    """A fresh pairing code, grouped for typing: ``K7QM2-9XH4D-...``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS))
    return "-".join(raw[i : i + 5] for i in range(0, CODE_CHARS, 5))


def parse_code(text: str) -> bytes:
    """The code's 125 bits as bytes; CodeError if it is not a well-formed code."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -_\t").translate(_FORGIVE)
    wrong = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if wrong:
        raise CodeError(f"the pairing code has characters a code never has: {''.join(wrong)!r}")
    if len(cleaned) != CODE_CHARS:
        raise CodeError(
            f"the pairing code has {len(cleaned)} letters and digits; a code has {CODE_CHARS} "
            "(five groups of five)"
        )
    number = 0
    for ch in cleaned:
        number = number * 32 + ALPHABET.index(ch)
    return number.to_bytes(16, "big")


def derive_key(code_bits: bytes, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(code_bits)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise AuthError("too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag:
        raise AuthError("does not verify") from None
