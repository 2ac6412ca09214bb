"""De TOML-lezer op één plek: ``tomllib`` (Python 3.11+) of anders ``tomli`` (dezelfde API; een
afhankelijkheid in pyproject.toml alleen voor Python < 3.11)."""

from __future__ import annotations

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["tomllib"]
