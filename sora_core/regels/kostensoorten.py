"""De kostensoorten van bijzondere bijstand: de catalogus van de kern en lokale kostensoorten.

**Kern.** ``sora_core/data/bijzondere_bijstand.toml`` beschrijft elke kostensoort met een
``[[kostensoort]]``-tabel (sleutel, naam, omschrijving, grondslag, optioneel
``noodzaak_beoordelen``) en vier open normen ``bijzondere_bijstand.kostensoort.<k>.<keuze>``:

* ``vorm``: ``om_niet`` of ``lening`` (art. 48 lid 1, art. 48 lid 2 en art. 51 Pw);
* ``draagkracht_toepassen``: of de draagkracht uit inkomen meetelt;
* ``achteraf_termijn``: maanden na de kostendatum waarbinnen de aanvraag op tijd is (0 = vooraf);
* ``maximum``: hoogstens dit bedrag aan kosten (geen regionale standaard).

Een gemeente verandert die keuzes met ``[[norm]]`` in haar ``beleid.toml``.

**Lokaal.** Een gemeente voegt een eigen kostensoort toe met ``[[kostensoort]]`` in haar
``beleid.toml``; de keuzes staan dan in dezelfde tabel (zij horen alleen bij die gemeente)::

    [[kostensoort]]
    sleutel = "voorbeeld.schoolkosten"     # altijd <plugin>.<naam>
    naam = "Schoolkosten"
    omschrijving = "..."
    grondslag = "Beleidsregels bijzondere bijstand Voorbeeld 2025, art. 9"
    bron = "vindplaats"
    geldig_vanaf = 2025-01-01
    vorm = "om_niet"                       # verplicht: om_niet | lening
    draagkracht_toepassen = true           # optioneel, standaard true
    achteraf_termijn = 0                   # optioneel, standaard 0 (vooraf aanvragen)
    maximum = "150.00"                     # optioneel
    noodzaak_beoordelen = false            # optioneel: true = consulent stelt noodzaak vast

De waarden worden gecontroleerd tegen dezelfde typen en grenzen als de open normen van de kern.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Optional

import attrs

from ..fouten import BeleidFout
from ..parameters import Waarde, kern_definities, kern_document, lees_datum, lees_waarde

PREFIX = "bijzondere_bijstand.kostensoort."
KEUZES = ("vorm", "draagkracht_toepassen", "achteraf_termijn", "maximum")
#: standaard voor een lokale kostensoort als de gemeente een keuze weglaat (vorm is verplicht)
_LOKALE_STANDAARD = {"draagkracht_toepassen": True, "achteraf_termijn": 0}
_KERN_VELDEN = {"sleutel", "naam", "omschrijving", "grondslag", "noodzaak_beoordelen", "toelichting"}
_LOKALE_VELDEN = _KERN_VELDEN | {"bron", "geldig_vanaf", "geldig_tot", "bevestigd", *KEUZES}


@attrs.frozen
class Kostensoort:
    sleutel: str
    naam: str
    omschrijving: str
    grondslag: str
    bron: str = "kern"  # "kern" of de pluginnaam
    noodzaak_beoordelen: bool = False
    toelichting: str = ""
    geldig_vanaf: date = date(2015, 1, 1)
    geldig_tot: Optional[date] = None
    #: alleen voor een lokale kostensoort: de keuzes van de gemeente (naam -> Waarde)
    keuzes: tuple[tuple[str, Waarde], ...] = ()
    plek: str = ""

    def geldt_op(self, d: date) -> bool:
        return self.geldig_vanaf <= d and (self.geldig_tot is None or d <= self.geldig_tot)

    def normnaam(self, keuze: str) -> str:
        return f"{PREFIX}{self.sleutel}.{keuze}"

    def lokale_keuze(self, keuze: str) -> Optional[Waarde]:
        return dict(self.keuzes).get(keuze)

    def vingerafdruk_inhoud(self) -> list:
        return [self.sleutel, self.bron, self.grondslag, self.geldig_vanaf.isoformat(),
                self.geldig_tot.isoformat() if self.geldig_tot else None, self.noodzaak_beoordelen,
                [[k, w.als_tekst(), w.bevestigd] for k, w in self.keuzes]]


@lru_cache(maxsize=1)
def kern_kostensoorten() -> dict[str, Kostensoort]:
    """De catalogus van de kern, in de volgorde van het databestand."""
    bestand = "bijzondere_bijstand.toml"
    doc = kern_document(bestand)  # al geparsed door kern_definities()
    definities = kern_definities()
    uit: dict[str, Kostensoort] = {}
    for i, k in enumerate(doc.get("kostensoort", [])):
        plek = f"{bestand} [[kostensoort]] {i + 1}"
        vreemd = set(k) - _KERN_VELDEN
        if vreemd:
            raise BeleidFout(f"onbekende velden {sorted(vreemd)}", "kern", plek)
        for veld in ("sleutel", "naam", "omschrijving", "grondslag"):
            if not k.get(veld):
                raise BeleidFout(f"'{veld}' ontbreekt", "kern", plek)
        ks = Kostensoort(sleutel=k["sleutel"], naam=k["naam"], omschrijving=k["omschrijving"],
                         grondslag=k["grondslag"], noodzaak_beoordelen=bool(k.get("noodzaak_beoordelen", False)),
                         toelichting=k.get("toelichting", ""), plek=plek)
        for keuze in KEUZES:
            d = definities.get(ks.normnaam(keuze))
            if d is None or not d.open:
                raise BeleidFout(f"kostensoort {ks.sleutel}: open norm {ks.normnaam(keuze)} ontbreekt", "kern", plek)
        if ks.sleutel in uit:
            raise BeleidFout(f"kostensoort {ks.sleutel} staat er twee keer", "kern", plek)
        uit[ks.sleutel] = ks
    # omgekeerd: geen open norm voor een kostensoort die niet in de catalogus staat
    for naam in definities:
        if naam.startswith(PREFIX) and naam[len(PREFIX):].rsplit(".", 1)[0] not in uit:
            raise BeleidFout(f"open norm {naam} hoort bij geen [[kostensoort]]", "kern", bestand)
    return uit


def lees_lokale_kostensoorten(plugin: str, ruw: list[tuple[str, dict]]) -> tuple[Kostensoort, ...]:
    """Valideer de ``[[kostensoort]]``-tabellen van een plugin; elke fout noemt bestand en tabel."""
    definities = kern_definities()
    kern = kern_kostensoorten()
    sjabloon = next(iter(kern.values()))  # typen en grenzen van de keuzes zijn voor elke kostensoort gelijk
    uit: list[Kostensoort] = []
    for plek, k in ruw:
        if not isinstance(k, dict):
            raise BeleidFout("een [[kostensoort]] is een tabel", plugin, plek)
        vreemd = set(k) - _LOKALE_VELDEN
        if vreemd:
            raise BeleidFout(f"onbekende velden {sorted(vreemd)}", plugin, plek)
        for veld in ("sleutel", "naam", "omschrijving", "grondslag", "geldig_vanaf", "vorm"):
            if k.get(veld) in (None, ""):
                raise BeleidFout(f"'{veld}' ontbreekt", plugin, plek)
        sleutel = str(k["sleutel"])
        if not sleutel.startswith(f"{plugin}.") or sleutel in kern:
            raise BeleidFout(
                f"sleutel {sleutel!r} moet beginnen met '{plugin}.': een gemeente voegt een eigen kostensoort toe "
                "en verandert een kostensoort van de kern met [[norm]]", plugin, plek)
        vanaf = lees_datum(k["geldig_vanaf"], "geldig_vanaf", plek, plugin)
        tot = lees_datum(k["geldig_tot"], "geldig_tot", plek, plugin) if "geldig_tot" in k else None
        if tot is not None and tot < vanaf:
            raise BeleidFout(f"{sleutel}: geldig_tot {tot} ligt voor geldig_vanaf {vanaf}", plugin, plek)
        keuzes = []
        for keuze in KEUZES:
            ruwe = k.get(keuze, _LOKALE_STANDAARD.get(keuze))
            if ruwe is None:
                continue
            d = definities[sjabloon.normnaam(keuze)]
            keuzes.append((keuze, Waarde(
                naam=f"{PREFIX}{sleutel}.{keuze}", waarde=lees_waarde(d, ruwe, plek, plugin),
                geldig_vanaf=vanaf, geldig_tot=tot, bron=plugin, grondslag=str(k["grondslag"]),
                document=str(k.get("bron", "")), bevestigd=bool(k.get("bevestigd", True)),
                toelichting=str(k.get("toelichting", "")), plek=plek)))
        uit.append(Kostensoort(
            sleutel=sleutel, naam=str(k["naam"]), omschrijving=str(k["omschrijving"]), grondslag=str(k["grondslag"]),
            bron=plugin, noodzaak_beoordelen=bool(k.get("noodzaak_beoordelen", False)),
            toelichting=str(k.get("toelichting", "")), geldig_vanaf=vanaf, geldig_tot=tot,
            keuzes=tuple(keuzes), plek=plek))
    per_sleutel: dict[str, list[Kostensoort]] = {}
    for ks in uit:
        per_sleutel.setdefault(ks.sleutel, []).append(ks)
    for sleutel, lijst in per_sleutel.items():
        lijst.sort(key=lambda x: x.geldig_vanaf)
        for a, b in zip(lijst, lijst[1:]):
            if a.geldig_tot is None or a.geldig_tot >= b.geldig_vanaf:
                raise BeleidFout(f"kostensoort {sleutel}: perioden overlappen", plugin, b.plek)
    return tuple(sorted(uit, key=lambda x: (x.sleutel, x.geldig_vanaf)))


def kostensoorten_op(beleid: Any) -> dict[str, Kostensoort]:
    """Alle kostensoorten die voor deze gemeente op de peildatum gelden: kern, dan lokaal."""
    uit = dict(kern_kostensoorten())
    for ks in getattr(beleid, "kostensoorten", ()):
        if ks.geldt_op(beleid.peildatum):
            uit[ks.sleutel] = ks
    return uit
