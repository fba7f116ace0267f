"""A one-line progress bar on stderr for long scans.

Shown only when stderr is a terminal and --quiet is not given, and only once a scan has run
for half a second, so short runs (pre-commit) never flicker. Redrawn at most ten times a
second; cleared when the scan ends, so the report starts on a clean line.
"""

from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

DELAY = 0.5
INTERVAL = 0.1
WIDTH = 30


class Progress:
    def __init__(self, enabled: bool, stream: Optional[TextIO] = None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def start(self, total: int) -> None:
        self.total = total
        self.done = 0
        self._started = time.monotonic()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled or not self.total:
            return
        now = time.monotonic()
        if now - self._started < DELAY or (now - self._last_draw < INTERVAL and self.done < self.total):
            return
        self._last_draw = now
        self._draw()

    def render(self) -> str:
        fraction = min(1.0, self.done / self.total) if self.total else 1.0
        filled = int(WIDTH * fraction)
        bar = "#" * filled + "-" * (WIDTH - filled)
        return f"v6lint [{bar}] {self.done}/{self.total} files"

    def _draw(self) -> None:
        self.stream.write("\r" + self.render())
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
