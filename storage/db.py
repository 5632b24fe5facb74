"""The bot's database: one writing connection, and a few reading ones beside it.

aiosqlite runs one thread per connection and executes calls one at a time. Every change
goes through the one writing connection: transactions are explicit (autocommit mode plus
`BEGIN IMMEDIATE`), and a lock keeps two coroutines from interleaving statements inside one
transaction. Reads outside a transaction (`fetchall`, `fetchone`) go to a small pool of
reading connections instead: WAL lets them read while a write is under way, so a person's
quick look-up never queues behind a long search or a bulk write. Each read sees everything
committed before it started. An in-memory database has no file to share and reads on the
writing connection.

Another process (the admin CLI, a backup, a second bot by mistake) may hold the write lock.
SQLite waits `busy_timeout` for it; should `BEGIN IMMEDIATE` still find the database busy,
it is tried again a few times with a growing pause before the error reaches anyone.

A database that cannot be written (a read-only file or disk, a full disk) makes every change
fail with `DatabaseUnwritable`; that is said once in the log, in one line with the path,
not once per request — the person gets the usual short apology from the error handler.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

Params = Sequence[Any] | dict[str, Any]
BUSY_TIMEOUT_MS = 5000
#: Reading connections beside the writing one (each is a thread; the machine has 2 cores).
READERS = 3
#: Page cache of each reading connection (SQLite's default is 2 MiB per connection).
READER_CACHE_KIB = 1024
#: Pauses (seconds) before each new attempt at `BEGIN IMMEDIATE` on a busy database.
BUSY_BACKOFF = (0.05, 0.2, 0.5, 1.0)

logger = logging.getLogger(__name__)


#: SQLite's primary result codes for "the file cannot be written now".
UNWRITABLE_CODES = frozenset(
    {
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_PERM,
    }
)


class DatabaseUnwritable(sqlite3.OperationalError):
    """A change could not be written: the file, its folder or the disk is read-only or full."""


def _primary_code(error: sqlite3.OperationalError) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(error: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock, try again later."""
    code = _primary_code(error)
    if code is not None:
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def is_unwritable(error: sqlite3.OperationalError) -> bool:
    code = _primary_code(error)
    if code is not None:
        return code in UNWRITABLE_CODES
    return "readonly" in str(error) or "disk" in str(error)


async def _connect(path: Path, *, reading: bool = False) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA foreign_keys = ON")
    if reading:
        # A reading connection that tried to write would bypass the lock and the retries.
        await conn.execute("PRAGMA query_only = ON")
        # Each connection keeps its own page cache; the file system caches the file anyway.
        await conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
    return conn


class Database:
    def __init__(
        self,
        conn: aiosqlite.Connection,
        path: Path,
        busy_backoff: Sequence[float] = BUSY_BACKOFF,
        readers: int = 0,
    ) -> None:
        self._conn = conn
        self.path = path
        self._lock = asyncio.Lock()
        #: Reading connections are opened when reads overlap, up to `readers`.
        self._max_readers = readers
        #: Last in, first out: under light load one connection (and its page cache) stays warm.
        self._idle: asyncio.LifoQueue[aiosqlite.Connection] = asyncio.LifoQueue()
        self._readers: list[aiosqlite.Connection] = []
        self._opening = asyncio.Lock()
        self.busy_backoff = tuple(busy_backoff)
        #: False after a change failed for lack of write access, until one succeeds again.
        self.writable = True

    @classmethod
    async def open(cls, path: Path, readers: int = READERS) -> Database:
        """Open (creating the file and its folder when missing) with WAL and foreign keys;
        up to `readers` reading connections come as reads need them (none for an in-memory
        database)."""
        in_memory = str(path) == ":memory:"
        if not in_memory:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = await _connect(path)
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        return cls(conn, path, readers=0 if in_memory else readers)

    async def close(self) -> None:
        for reader in self._readers:
            await reader.close()
        async with self._lock:
            await self._conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """All-or-nothing: nothing half-written survives an exception inside the block."""
        async with self._lock:
            try:
                await self._begin()
                try:
                    yield self._conn
                except BaseException:
                    if self._conn.in_transaction:
                        await self._conn.execute("ROLLBACK")
                    raise
                await self._conn.execute("COMMIT")
            except sqlite3.OperationalError as error:
                if not is_unwritable(error) or isinstance(error, DatabaseUnwritable):
                    raise
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise self._unwritable(error) from error
            if not self.writable:
                self.writable = True
                logger.info("database writable again path=%s", self.path)

    def _unwritable(self, error: sqlite3.OperationalError) -> DatabaseUnwritable:
        if self.writable:
            self.writable = False
            logger.error(
                "database not writable path=%s error=%s: every change fails until it is fixed",
                self.path,
                error,
            )
        return DatabaseUnwritable(f"database not writable: {self.path}: {error}")

    async def _begin(self) -> None:
        for attempt, pause in enumerate((*self.busy_backoff, None), start=1):
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if pause is None or not is_busy(error):
                    raise
                logger.warning("database busy, trying again attempt=%d", attempt)
                await asyncio.sleep(pause)

    @asynccontextmanager
    async def _reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """An idle reading connection, a new one while there are fewer than allowed, else
        the next to come free; with none allowed, the writing one (under its lock)."""
        if not self._max_readers:
            async with self._lock:
                yield self._conn
            return
        reader = await self._reader()
        try:
            yield reader
        finally:
            self._idle.put_nowait(reader)

    async def _reader(self) -> aiosqlite.Connection:
        if self._idle.empty() and len(self._readers) < self._max_readers:
            async with self._opening:
                if self._idle.empty() and len(self._readers) < self._max_readers:
                    reader = await _connect(self.path, reading=True)
                    self._readers.append(reader)
                    return reader
        return await self._idle.get()

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        async with self._reading() as conn, conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        async with self._reading() as conn, conn.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def execute(self, sql: str, params: Params = ()) -> int:
        """One statement in its own transaction; returns the number of rows changed."""
        async with self.transaction() as conn, conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    @asynccontextmanager
    async def outside_transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """The writing connection with no transaction open, for what cannot run inside one
        (VACUUM, a WAL checkpoint, a connection's PRAGMA); other changes wait meanwhile."""
        async with self._lock:
            yield self._conn

    async def backup(self, target: Path) -> None:
        """A consistent copy while the bot runs, through SQLite's online backup API."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp, check_same_thread=False)
        try:
            async with self._lock:
                await self._conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
