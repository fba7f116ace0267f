"""Atomic file replacement, shared by ``--output-file`` and ``--fix``.

A reader (an editor, a build, a second v6lint) must see either the old file or the new one,
never a half-written one, and a crash or a full disk must leave the old file in place.
"""

from __future__ import annotations

import os
import tempfile
from typing import Union


def write_atomically(path: str, content: Union[str, bytes], *, durable: bool = True) -> None:
    """Replace ``path`` with ``content`` (text is written as UTF-8, newlines untouched).

    The temporary file lives in the same folder, so ``os.replace`` is a rename on one file
    system; the old file's permission bits are kept. ``durable=False`` skips the fsync, for
    data that can be rebuilt (cache entries) and is written by the thousand.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = os.path.realpath(path)  # through a symlink, as a plain open() would write
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".v6lint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
