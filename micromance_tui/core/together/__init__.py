"""Together: two partners, two machines, one shared folder (see ARCHITECTURE.md).

Importing this package is cheap: it never imports ``cryptography``. The pieces:
``events`` (the schema of what is shared, checked like an import), ``crypto`` (the pairing
code, the key and AES-GCM; the only module that imports ``cryptography``), ``session``
(pairing, the local state file, reading and writing the shared folder, the git transport).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["is_paired"]


def is_paired(together_file: Path) -> bool:
    """Whether this data folder is paired (one stat, no import of the crypto library)."""
    return together_file.is_file()
