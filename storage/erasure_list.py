"""The erasure list: who was erased, as salted hashes, in a file beside the database.

Why a file beside the database and not a table in it: a backup restored later is an older
copy of the database file, and it would bring an older list along (without the people
erased since). The file `<database>.erasures` is not part of the database, so restoring
`tovholder.db` from a backup leaves the list as it is, and the bot erases again, at start,
everyone on it (`bot.services.gdpr.reapply_erasures`).

Why salted (HMAC-SHA256 with a random per-installation secret): e-mails in a municipality
are guessable (`fornavn.efternavn@kommune.dk`); a plain hash could be reversed by trying the
staff list. The secret is made once, at random, and kept in the same file as the hashes —
the two are only useful together, and keeping them in one file means they are backed up,
moved and lost together (lost, a new secret is made and the old hashes match nobody). The
database (and `tovholder export`, which carries the GDPR log) holds the hashes but never the
secret, so a leaked database or export does not tell who was erased.

Format (JSON, readable by the owner only): `{"format": 1, "salt": hex, "erased": [hex, …]}`.
Written whole (a temporary file, then renamed), so a crash leaves the old or the new list.
An in-memory database (tests) has its list in memory.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

SUFFIX = ".erasures"
FORMAT = 1
#: How the GDPR log names a hashed subject: `hmac:<64 hex digits>`.
HASH_PREFIX = "hmac:"
#: What a hashed value is: "email", or the chat platform a user id is from ("slack", …).
Kind = str


class ErasureListUnreadable(Exception):
    """The list exists but cannot be read (edited by hand, truncated): refuse to guess —
    the bot does not start, and no erasure runs, until it is fixed or restored."""

    def __str__(self) -> str:
        return (
            f"{self.args[0]}: the erasure list cannot be read; restore it from the newest"
            " backup of the database folder (never an older one than the database)"
        )


@dataclass
class ErasureList:
    """The list for one database; `path` None for an in-memory database."""

    path: Path | None
    _salt: bytes | None = None
    _erased: set[str] = field(default_factory=set)

    @classmethod
    def beside(cls, db_path: Path) -> ErasureList:
        if str(db_path) == ":memory:":
            return _MEMORY.setdefault(":memory:", cls(None))
        return cls(db_path.with_name(db_path.name + SUFFIX))

    # -- reading ---------------------------------------------------------------------------

    def _load(self) -> tuple[bytes | None, set[str]]:
        if self.path is None:
            return self._salt, set(self._erased)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None, set()
        except (OSError, ValueError) as error:
            raise ErasureListUnreadable(str(self.path)) from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ErasureListUnreadable(str(self.path))
        try:
            salt = bytes.fromhex(str(data["salt"]))
            erased = {str(item) for item in data.get("erased", [])}
        except (KeyError, ValueError, TypeError) as error:
            raise ErasureListUnreadable(str(self.path)) from error
        return salt, erased

    def hashes(self) -> frozenset[str]:
        """Everyone erased, as hashes (empty when there is no list yet)."""
        return frozenset(self._load()[1])

    def exists(self) -> bool:
        return bool(self._load()[0])

    # -- hashing ---------------------------------------------------------------------------

    def salt(self) -> bytes:
        """The installation's secret, made (and written) the first time it is needed. Made
        by two processes at once (the bot and the CLI), the first file written wins and both
        read it: a second secret must never replace a list already written."""
        salt, erased = self._load()
        if salt is not None:
            return salt
        if self.path is None:
            self._salt = secrets.token_bytes(32)
            return self._salt
        self._store(secrets.token_bytes(32), erased, create=True)
        salt = self._load()[0]
        assert salt is not None
        return salt

    def digest(self, kind: Kind, value: str) -> str:
        """The salted hash of an e-mail (case and spaces ignored) or a platform's user id."""
        text = value.strip().lower() if kind == "email" else value.strip()
        message = f"{kind}:{text}".encode()
        return hmac.new(self.salt(), message, hashlib.sha256).hexdigest()

    def subject(self, kind: Kind, value: str) -> str:
        """How the GDPR log names the person: the hash, never the e-mail."""
        return HASH_PREFIX + self.digest(kind, value)

    # -- writing ---------------------------------------------------------------------------

    def add(self, digests: set[str]) -> bool:
        """Add hashes; True when the list changed."""
        salt = self.salt()
        _, erased = self._load()
        if digests <= erased:
            return False
        self._store(salt, erased | digests)
        return True

    def _store(self, salt: bytes, erased: set[str], *, create: bool = False) -> None:
        """Written whole: a temporary file, then renamed over the list (or, with `create`,
        linked to its name only when there is no list yet). Adding runs inside the erasure's
        database transaction, whose write lock keeps two processes from adding at once."""
        if self.path is None:
            self._salt, self._erased = salt, set(erased)
            return
        data = {"format": FORMAT, "salt": salt.hex(), "erased": sorted(erased)}
        text = json.dumps(data, indent=1) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if not create:
            os.replace(part, self.path)
            return
        try:
            os.link(part, self.path)
        except FileExistsError:
            pass
        finally:
            part.unlink()


#: In-memory databases share one list per process (they live no longer than it).
_MEMORY: dict[str, ErasureList] = {}
