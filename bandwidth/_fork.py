"""Fork safety: a child process never uses a connection or a lock it inherited.

A client built before ``fork()`` (gunicorn ``--preload``, Celery prefork,
``multiprocessing`` with the fork start method) would otherwise share its
pooled keep-alive sockets with the parent: two processes writing requests to
one socket and each reading whichever answer comes, so one process gets
another's call state, or a TLS session breaks. A lock held by another thread
at the moment of the fork (an OAuth token fetch in flight) would stay held
forever in the child, where that thread does not exist.

Objects holding such resources register here; in the child, right after the
fork and before anything else runs, each gets fresh pools and locks. What was
inherited is abandoned, never closed: closing or shutting down a socket the
parent still uses could end the parent's connection or TLS session. (The
child keeps those inherited descriptors, untouched, until it exits.)

This uses :func:`os.register_at_fork`, which every ``os.fork()`` runs
(including multiprocessing's and gunicorn's), so a request costs nothing extra.
"""

from __future__ import annotations

import os
import weakref
from typing import Any, List

__all__ = ["renew_after_fork"]

_renewable: weakref.WeakSet[Any] = weakref.WeakSet()
#: What children abandoned (connection pools): kept referenced, so the garbage
#: collector never closes a socket the parent may still be using.
_abandoned: List[Any] = []


def renew_after_fork(obj: Any) -> None:
    """Call ``obj._after_fork()`` in every child process forked from now on."""
    _renewable.add(obj)


def abandon(resource: Any) -> None:
    """Keep ``resource`` (inherited from the parent) alive and untouched in this child."""
    _abandoned.append(resource)


def _after_fork_in_child() -> None:
    for obj in list(_renewable):
        obj._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
