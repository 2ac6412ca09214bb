"""SORA-plugin voor Dijk en Waard (fusie van Heerhugowaard en Langedijk per 1 januari 2022).

Het beleid van de gemeente staat in ``beleid.toml`` naast dit bestand: haar keuzes voor de
open normen van de regio (basispakket) en haar eigen regelingen (pluspakket), elk met
grondslag. Beleidsmedewerkers passen alleen dat bestand aan; hier staat alleen de identiteit.
"""

from datetime import date
from pathlib import Path

from sora_core import hookimpl

__version__ = "0.1.0"
BELEID = Path(__file__).with_name("beleid.toml")


@hookimpl
def sora_gemeente() -> dict:
    return {
        "naam": "Dijk en Waard",
        "cbs_code": "GM1980",
        "versie": __version__,
        "geldig_vanaf": date(2022, 1, 1),
    }


@hookimpl
def sora_beleid() -> list:
    return [BELEID]
