"""Foutsoorten. Elke fout die een gebruiker kan zien heeft een Nederlandse melding.

* ``InvoerFout``: de casus kan niet worden beslist; draagt alle gevonden problemen met het
  veld waar ze zitten (contract ``sora-fout/1``).
* ``PluginFout``: een plugin faalde; draagt de naam van de plugin. Andere gemeenten werken door.
* ``BeleidFout``: beleidsdata (kern of plugin) is ongeldig.
"""

from __future__ import annotations

from typing import Iterable, Optional

import attrs

from .lui import Patroon


@attrs.frozen
class Fout:
    veld: Optional[str]
    melding: str

    def als_dict(self) -> dict:
        return {"veld": self.veld, "melding": self.melding}


class SoraFout(Exception):
    """Basis voor fouten met een Nederlandse melding voor de gebruiker."""

    def fouten(self) -> tuple[Fout, ...]:
        return (Fout(None, str(self)),)

    def als_dict(self) -> dict:
        return {"contract": "sora-fout/1", "fouten": [f.als_dict() for f in self.fouten()]}


class InvoerFout(SoraFout):
    """De casus kan niet worden beslist; ``fouten()`` geeft elk probleem met zijn veld."""

    def __init__(self, fouten: Iterable[Fout]):
        self._fouten = tuple(fouten)
        super().__init__("; ".join(_regel(f) for f in self._fouten))

    def fouten(self) -> tuple[Fout, ...]:
        return self._fouten


class PluginFout(SoraFout):
    """Een plugin faalde (laden, hook of regel); ``plugin`` is zijn naam."""

    #: de CBS-code die de plugin claimde, als die bekend was toen hij faalde
    cbs_code: Optional[str] = None

    def __init__(self, plugin: str, melding: str):
        self.plugin = plugin
        self.reden = melding
        super().__init__(f"Plugin '{plugin}': {melding}")


class BeleidFout(SoraFout):
    """Ongeldige beleidsdata; ``bron`` is ``kern`` of de plugin, ``plek`` bestand en tabel."""

    def __init__(self, melding: str, bron: str = "kern", plek: Optional[str] = None):
        self.bron = bron
        self.plek = plek
        waar = f" ({plek})" if plek else ""
        super().__init__(f"Ongeldig beleid in {bron}{waar}: {melding}")


def _regel(f: Fout) -> str:
    return f"{f.veld}: {f.melding}" if f.veld else f.melding


_GEQUOTE = Patroon(r"'[^']*'|\"[^\"]*\"")
_DATUM = Patroon(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|"
                    r"september|oktober|november|december) \d{4}\b")


def zonder_waarden(fouten: Iterable[Fout]) -> list[dict]:
    """De fouten zonder ingevoerde waarden: voor samenvattingen (batch) en logs.

    Alleen het veld en de soort fout blijven over; alles tussen aanhalingstekens en elke datum
    (ook in de vorm '1 mei 1980') wordt '…'. Zo komt een geboortedatum, naam of BSN uit de invoer nooit in een overzicht
    terecht, ook niet als een melding (nu of later) toch een waarde herhaalt."""
    uit = []
    for f in fouten:
        melding = _DATUM.sub("…", _GEQUOTE.sub("'…'", f.melding))
        uit.append({"veld": f.veld, "melding": melding})
    return uit
