"""Regelingen: de gemeenschappelijke vorm van basispakket (kern) en pluspakket (plugin)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

import attrs

from ..fouten import BeleidFout

@attrs.frozen
class RegelingDef:
    """Een regeling: sleutel, naam, pakket, herkomst, grondslag, geldigheid en de functie
    die beslist (``beoordeel(uitleg, aanvraag) -> Beslissing``)."""

    sleutel: str
    naam: str
    pakket: str
    bron: str
    grondslag: str
    omschrijving: str
    beoordeel: Callable[..., Any] = attrs.field(eq=False, repr=False)
    geldig_vanaf: date = date(2015, 1, 1)
    geldig_tot: Optional[date] = None
    #: de declaratieve beschrijving (pluspakket uit TOML), voor uitleg en vingerafdruk
    definitie: Optional[dict] = attrs.field(default=None, eq=False, repr=False)
    plek: str = ""

    def geldt_op(self, d: date) -> bool:
        return self.geldig_vanaf <= d and (self.geldig_tot is None or d <= self.geldig_tot)

    def vingerafdruk_inhoud(self) -> list:
        return [self.sleutel, self.bron, self.grondslag, self.geldig_vanaf.isoformat(),
                self.geldig_tot.isoformat() if self.geldig_tot else None,
                repr(sorted(self.definitie.items())) if self.definitie else self.beoordeel.__qualname__]


class Registratie:
    """Wat een plugin in ``sora_regels`` krijgt: registreer Python-regels voor zijn pluspakket."""

    def __init__(self, plugin: str, doel: dict[str, RegelingDef]):
        self.plugin = plugin
        self._doel = doel

    def regeling(self, sleutel: str, beoordeel: Callable[..., Any], *, naam: str, grondslag: str,
                 omschrijving: str = "", geldig_vanaf: date = date(2015, 1, 1),
                 geldig_tot: Optional[date] = None) -> None:
        if not sleutel.startswith(f"{self.plugin}."):
            raise BeleidFout(
                f"sleutel {sleutel!r} moet beginnen met '{self.plugin}.': een plugin kan alleen eigen "
                "(pluspakket)regelingen toevoegen, geen regeling van de kern vervangen", self.plugin)
        if not grondslag:
            raise BeleidFout(f"{sleutel}: grondslag ontbreekt", self.plugin)
        if sleutel in self._doel:
            raise BeleidFout(f"{sleutel} is al geregistreerd", self.plugin)
        self._doel[sleutel] = RegelingDef(
            sleutel=sleutel, naam=naam, pakket="plus", bron=self.plugin, grondslag=grondslag,
            omschrijving=omschrijving, beoordeel=beoordeel, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot,
            plek=f"sora_regels ({beoordeel.__module__}.{beoordeel.__qualname__})",
        )


# --------------------------------------------------------------------------- basispakket (kern)

_BASIS: dict[str, RegelingDef] = {}


def basisregeling(sleutel: str, *, naam: str, grondslag: str, omschrijving: str,
                  geldig_vanaf: date = date(2015, 1, 1), geldig_tot: Optional[date] = None):
    """Decorator voor een regeling van het basispakket in de kern."""

    def registreer(functie: Callable) -> Callable:
        _BASIS[sleutel] = RegelingDef(
            sleutel=sleutel, naam=naam, pakket="basis", bron="kern", grondslag=grondslag,
            omschrijving=omschrijving, beoordeel=functie, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot,
            plek=f"{functie.__module__}.{functie.__qualname__}",
        )
        return functie

    return registreer


def basispakket() -> dict[str, RegelingDef]:
    """Alle regelingen van het basispakket, in vaste volgorde (contract)."""
    from . import catalogus  # noqa: F401  (laadt de regelmodules; registreert via de decorator)

    return {s: _BASIS[s] for s in catalogus.VOLGORDE if s in _BASIS}
