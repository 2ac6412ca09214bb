"""``sha256`` zonder ``hashlib``: ``import hashlib`` laadt OpenSSL en kost een koude start zo'n
4 ms, terwijl CPython de sha256 ook als klein ingebouwd module heeft (``_sha256``, vanaf
Python 3.12 ``_sha2``). Dezelfde functie, dezelfde digest (tests/test_toml_cache.py vergelijkt);
ontbreekt dat module, dan gewoon die van ``hashlib``."""

from __future__ import annotations

try:
    from _sha256 import sha256
except ImportError:  # pragma: no cover - Python 3.12+ of een andere implementatie
    try:
        from _sha2 import sha256  # type: ignore[no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]

__all__ = ["sha256"]
