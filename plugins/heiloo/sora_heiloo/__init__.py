"""SORA-plugin voor Heiloo (BUCH-gemeente).

Het beleid van de gemeente staat in ``beleid.toml`` naast dit bestand: haar keuzes voor de
open normen van de regio (basispakket) en haar eigen regelingen (pluspakket), elk met
grondslag. Beleidsmedewerkers passen alleen dat bestand aan; hier staat alleen de identiteit.
"""

from pathlib import Path

from sora_core import hookimpl

__version__ = "0.1.0"
BELEID = Path(__file__).with_name("beleid.toml")


@hookimpl
def sora_gemeente() -> dict:
    return {
        "naam": "Heiloo",
        "cbs_code": "GM0399",
        "versie": __version__,
    }


@hookimpl
def sora_beleid() -> list:
    return [BELEID]
