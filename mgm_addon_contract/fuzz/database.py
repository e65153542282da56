"""Where fuzzing keeps what it found: a Hypothesis example database shared by runs.

One machine uses a directory (Hypothesis's ``DirectoryBasedExampleDatabase``); several
machines or CI jobs pool their findings in Redis (``RedisExampleDatabase``, from the ``fuzz``
extra). ``MGM_HYPOTHESIS_REDIS`` (a ``redis://`` URL) selects Redis for campaigns, else
``MGM_HYPOTHESIS_DB`` (a folder, default ``.hypothesis/examples``) is used.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase

from mgm_addon_contract.secrets import register_secret

REDIS_ENV = "MGM_HYPOTHESIS_REDIS"
DIRECTORY_ENV = "MGM_HYPOTHESIS_DB"
DEFAULT_DIRECTORY = Path(".hypothesis") / "examples"
REDIS_PREFIX = b"mgm-contract:"
"""Key prefix in Redis, so one server can hold other projects' examples too."""
_REDIS_SCHEMES = ("redis", "rediss", "unix")


class DatabaseError(ValueError):
    """The example database named by the user cannot be used (message says why)."""


def is_redis_url(spec: str) -> bool:
    """Whether ``spec`` names a Redis server rather than a folder."""
    return urlsplit(spec).scheme in _REDIS_SCHEMES


def shown_url(url: str) -> str:
    """``url`` with any password masked (reports and errors show this form)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def open_database(spec: str | Path, *, must_exist: bool = False) -> ExampleDatabase:
    """The database named by ``spec``: a ``redis://`` (``rediss://``, ``unix://``) URL or a
    folder. ``must_exist``: a folder that does not exist is an error (nothing to replay)."""
    text = str(spec)
    if is_redis_url(text):
        return _redis(text)
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise DatabaseError(f"{path}: not a folder (an example database is a folder or a "
                            "redis:// URL)")
    if must_exist and not path.is_dir():
        raise DatabaseError(f"{path}: no such example database folder")
    return DirectoryBasedExampleDatabase(str(path))


def campaign_database() -> ExampleDatabase:
    """The campaigns' database: Redis at ``$MGM_HYPOTHESIS_REDIS`` or the folder
    ``$MGM_HYPOTHESIS_DB`` (default ``.hypothesis/examples``)."""
    url = os.environ.get(REDIS_ENV)
    if url:
        return _redis(url)
    return open_database(os.environ.get(DIRECTORY_ENV) or DEFAULT_DIRECTORY)


def _redis(url: str) -> ExampleDatabase:
    try:
        import redis
        from hypothesis.extra.redis import RedisExampleDatabase
    except ImportError:
        raise DatabaseError("a Redis example database needs the fuzz extra: "
                            "pip install -e '.[fuzz]'") from None
    register_secret(urlsplit(url).password)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)
        client.ping()
    except (ValueError, redis.RedisError) as exc:
        raise DatabaseError(f"{shown_url(url)}: cannot use this Redis server "
                            f"({type(exc).__name__}: {exc})") from None
    return RedisExampleDatabase(client, key_prefix=REDIS_PREFIX)
