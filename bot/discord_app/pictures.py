"""Stance-map pictures for the bot: drawn one at a time in a worker thread, the last few remembered."""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from .. import stancemap
from ..stancemap import StanceMap

# A picture is some 60 kB: a few dozen cover the topics a server asks about again and again.
KEPT = 32


class Pictures:
    """Drawing is some 50 ms of CPU that holds the GIL: many at once in threads starved the event loop
    (the load test's acknowledgements went from 1 ms to about 1 s). One at a time leaves the loop its
    share; a map already drawn (same topic, same data: StanceMap is a frozen value) is not drawn again."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._drawn: OrderedDict[StanceMap, bytes] = OrderedDict()

    async def png(self, stance_map: StanceMap) -> bytes:
        async with self._lock:
            found = self._drawn.get(stance_map)
            if found is None:
                found = await asyncio.to_thread(stancemap.draw, stance_map)
                self._drawn[stance_map] = found
                if len(self._drawn) > KEPT:
                    self._drawn.popitem(last=False)
            self._drawn.move_to_end(stance_map)
            return found
