"""A local mail server that accepts every message and keeps it as a file (`make production`).

    .venv/bin/python scripts/mail_sink.py 127.0.0.1:8025 var/production/mail

The stack on loopback has no real mail server; this one lets the e-mail outbox deliver, and an
operator read what would have been sent (the messages hold private links: the folder is
readable by its owner only). Python 3.11's smtpd is enough for that and needs no package.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import asyncore
    import smtpd


class FolderServer(smtpd.SMTPServer):
    def __init__(self, address: tuple[str, int], folder: Path) -> None:
        super().__init__(address, None, decode_data=False)
        self.folder = folder

    def process_message(
        self, peer: Any, mailfrom: str, rcpttos: list[str], data: bytes, **kwargs: Any
    ) -> None:
        name = f"{time.time_ns()}.eml"
        (self.folder / name).write_bytes(data)
        sys.stdout.write(f"{mailfrom} -> {len(rcpttos)} recipient(s): {name}\n")
        sys.stdout.flush()


def main(argv: list[str]) -> None:
    host, _, port = argv[1].rpartition(":")
    folder = Path(argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    FolderServer((host, int(port)), folder)
    asyncore.loop()


if __name__ == "__main__":
    main(sys.argv)
