"""One ingest at a time per data folder: a second one refuses at once rather than interleave its writes."""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service.errors import IngestRunningError


@contextmanager
def hold_ingest_lock(data_dir: Path) -> Iterator[None]:
    """Held for the whole run; the operating system frees it when the process ends, however it ends."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "ingest.lock").open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "unknown"
            raise IngestRunningError(
                f"another ingest (pid {owner}) is writing to {data_dir}; run this one when it has finished"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
