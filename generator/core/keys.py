"""SSH public keys as written in authors.toml, and their fingerprints.

Fingerprints are computed here, the way `ssh-keygen -lf` prints them
(SHA256 of the key blob, base64 without padding), so that showing a key on
an author page or matching a signature to an author never starts a process.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

KEY_TYPES = (
    "ssh-ed25519",
    "sk-ssh-ed25519@openssh.com",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-rsa",
)
KEY_HINT = "paste the whole line of the public key file, e.g. the output of 'cat ~/.ssh/id_ed25519.pub'"


class KeyFormatError(ValueError):
    """A signing key that is not an SSH public key line."""


@dataclass(frozen=True, slots=True)
class PublicKey:
    kind: str
    blob: str
    comment: str
    fingerprint: str

    @property
    def line(self) -> str:
        """The key without its comment: what an allowed-signers file needs."""
        return f"{self.kind} {self.blob}"


def fingerprint(blob: bytes) -> str:
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


def parse_key(text: str) -> PublicKey:
    """Read `<type> <base64> [comment]`; the blob must name the same type it is written with."""
    parts = text.split(None, 2)
    if len(parts) < 2:
        raise KeyFormatError("is not an SSH public key line ('<type> <base64 key> [comment]')")
    kind, blob = parts[0], parts[1]
    if kind not in KEY_TYPES:
        raise KeyFormatError(f"'{kind}' is not an SSH public key type (expected one of: {', '.join(KEY_TYPES)})")
    try:
        raw = base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFormatError("has key data that is not valid base64") from exc
    length = int.from_bytes(raw[:4], "big") if len(raw) >= 4 else -1
    if raw[4:4 + length].decode("ascii", "replace") != kind or length <= 0:
        raise KeyFormatError(f"has key data that is not a '{kind}' key")
    return PublicKey(kind, blob, parts[2].strip() if len(parts) > 2 else "", fingerprint(raw))


def readable_keys(texts: tuple[str, ...]) -> tuple[tuple[str, PublicKey | None], ...]:
    """Each key as written with its parsed form, None where it cannot be read (shown, not hidden)."""
    result = []
    for text in texts:
        try:
            result.append((text, parse_key(text)))
        except KeyFormatError:
            result.append((text, None))
    return tuple(result)
