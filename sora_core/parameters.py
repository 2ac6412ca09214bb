"""Gedateerde parameters en open normen.

Een **parameter** is een waarde die de kern vastlegt (een bijstandsnorm, een vermogensgrens):
geen gemeente kan die vervangen. Een **open norm** is een plek waar een gemeente mag kiezen
(een inkomensgrens, een draagkrachtpercentage): de kern geeft de geharmoniseerde
standaardwaarde met grondslag, een plugin mag er binnen het toegestane bereik een eigen
waarde voor geven.

Beide hebben gedateerde waarden (``geldig_vanaf``, optioneel ``geldig_tot`` tot en met) en
staan in TOML, per domein één bestand in ``sora_core/data/``::

    [[open_norm]]
    naam = "individuele_inkomenstoeslag.inkomensgrens"
    type = "fractie"                 # bedrag | fractie | geheel | ja_nee | keuze | staffel | tekst
    eenheid = "deel van de toepasselijke bijstandsnorm"
    minimum = "1.00"
    maximum = "1.30"
    grondslag = "art. 36 lid 1 Participatiewet"
    omschrijving = "Tot welk inkomen ..."
      [[open_norm.waarde]]
      waarde = "1.20"
      geldig_vanaf = 2023-01-01
      bron = "Verordening ..."       # het document waar de waarde staat

Een ``[[open_norm]]`` zonder ``[[open_norm.waarde]]`` heeft (nog) geen regionale standaard:
zolang ook de gemeente geen waarde kiest, verwijst een regel die hem nodig heeft door.
"""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import attrs

from .fouten import BeleidFout
from .geld import datum_nl, naar_decimal
from . import _toml
from ._toml import lees_beleid

TYPES = ("bedrag", "fractie", "geheel", "ja_nee", "keuze", "staffel", "tekst")
DATA = Path(__file__).with_name("data")
#: databestanden in ``data/`` die geen parameters bevatten maar eigen tabellen
GEEN_PARAMETERS = frozenset({"feestdagen.toml", "aow.toml"})


@attrs.frozen
class Waarde:
    """Eén gedateerde waarde van een parameter of open norm, met zijn herkomst."""

    naam: str
    waarde: Any
    geldig_vanaf: date
    geldig_tot: Optional[date]
    bron: str  # "kern" of de pluginnaam
    grondslag: str  # juridische grondslag (artikel, verordening of beleidsregel)
    document: str = ""  # waar de waarde staat (vindplaats), als die verschilt van de grondslag
    bevestigd: bool = True
    toelichting: str = ""
    plek: str = ""  # bestand en regel/sleutel, voor terugvinden

    def geldt_op(self, d: date) -> bool:
        return self.geldig_vanaf <= d and (self.geldig_tot is None or d <= self.geldig_tot)

    def als_tekst(self) -> str:
        return waarde_als_tekst(self.waarde)


@attrs.frozen
class Definitie:
    """De declaratie van een parameter of open norm door de kern."""

    naam: str
    type: str
    open: bool
    grondslag: str
    omschrijving: str
    eenheid: str = ""
    minimum: Any = None
    maximum: Any = None
    keuzes: tuple[str, ...] = ()
    domein: str = ""
    waarden: tuple[Waarde, ...] = ()
    #: hoe vaak de wetgever de waarde bijstelt ("halfjaarlijks": 1 januari en 1 juli; "jaarlijks":
    #: 1 januari; "" = geen vast ritme) en waar de volgende waarde wordt gepubliceerd
    #: (``volgende_bron``, bijvoorbeeld "SZW Normenbrief"): voor de melding bij een ontbrekende
    #: waarde en voor ``sora actualiteit``
    indexering: str = ""
    volgende_bron: str = ""

    def volgende_publicatie(self, d: date) -> str:
        """Waar de waarde voor de periode met ``d`` vandaan komt: "SZW Normenbrief 1 januari 2027"
        (het begin van het halfjaar of jaar van ``d``); '' als dat niet bekend is."""
        if not self.volgende_bron:
            return ""
        begin = date(d.year, 7, 1) if self.indexering == "halfjaarlijks" and d.month >= 7 else date(d.year, 1, 1)
        return f"{self.volgende_bron} {datum_nl(begin)}" if self.indexering else self.volgende_bron

    def waarde_op(self, d: date) -> Optional[Waarde]:
        for w in self.waarden:
            if w.geldt_op(d):
                return w
        return None

    def lees(self, ruw: Any, plek: str, bron: str) -> Any:
        """Zet een ruwe TOML-waarde om naar het type van deze definitie en toets het bereik."""
        return lees_waarde(self, ruw, plek, bron)


def waarde_als_tekst(w: Any) -> str:
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, tuple):
        return "; ".join(f"vanaf {s.vanaf}: {s.percentage}" for s in w)
    return str(w)


@attrs.frozen
class Schijf:
    """Eén schijf van een staffel: vanaf ``vanaf`` x de norm telt ``percentage`` van het
    inkomen daarboven (tot de volgende schijf)."""

    vanaf: Decimal
    percentage: Decimal


#: een getal zonder aanhalingstekens in een beleidsbestand (TOML-float: een binaire benadering);
#: dezelfde regel voor [[norm]] en [[regeling]]
ZWEVEND_MELDING = 'schrijf het getal tussen aanhalingstekens: "{0!r}" (zo blijft het exact; TOML leest 1.15 zonder aanhalingstekens als benadering)'


class GetalFout(ValueError):
    """Geen getal; de melding zegt hoe het wel moet."""


def lees_getal(ruw: Any) -> Decimal:
    """Een bedrag of fractie uit een beleidsbestand of ``--zet``: een getal als tekst met een
    punt of een komma als decimaalteken (``"1.15"`` of ``"1,15"``, zoals ``--zet``). Een
    percentage (``"115%"``), een duizendtalscheiding (``"1.234,56"``) of iets anders geeft een
    ``GetalFout`` die zegt wat er moet staan."""
    if isinstance(ruw, str):
        s = ruw.strip()
        if "," not in s and "%" not in s:  # de gewone vorm ("1369.06"): geen van de meldingen hieronder past
            pass
        elif re.fullmatch(r"[+-]?\d+,\d+", s):
            s = s.replace(",", ".")
        elif re.fullmatch(r"[+-]?\d+([.,]\d+)?\s*%", s):
            deel = naar_decimal(s.rstrip("% ").replace(",", ".")) / 100
            raise GetalFout(f"{ruw!r} is een percentage; schrijf het als deel: \"{deel.normalize():f}\"")
        elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+,\d+", s):
            raise GetalFout(f"{ruw!r}: geen punt tussen de duizendtallen; schrijf \"{s.replace('.', '').replace(',', '.')}\"")
        elif "," in s:
            raise GetalFout(f"{ruw!r} is geen getal; gebruik één punt (of komma) als decimaalteken, zonder "
                            "duizendtalscheiding, bijvoorbeeld \"1.15\"")
        try:
            return naar_decimal(s)
        except ValueError:
            raise GetalFout(f"geen geldig getal: {ruw!r}; schrijf bijvoorbeeld \"1.15\" of \"150.00\"") from None
    try:
        return naar_decimal(ruw)
    except ValueError:
        raise GetalFout(f"geen geldig getal: {ruw!r}; schrijf bijvoorbeeld \"1.15\" of \"150.00\"") from None


def _als_percentage(d: "Definitie", w: Any) -> str:
    """Een hint als een fractie als percentage lijkt geschreven (115 voor 115%)."""
    if d.type != "fractie" or not isinstance(w, Decimal) or w < 2:
        return ""
    deel = w / 100
    binnen = (d.minimum is None or deel >= d.minimum) and (d.maximum is None or deel <= d.maximum)
    return f"; bedoelt u {w}%? Schrijf dat als deel: \"{deel.normalize():f}\"" if binnen else ""


def lees_waarde(d: Definitie, ruw: Any, plek: str, bron: str) -> Any:
    def fout(m: str) -> BeleidFout:
        return BeleidFout(f"{d.naam}: {m}", bron, plek)

    t = d.type
    try:
        if t in ("bedrag", "fractie"):
            w = lees_getal(ruw)
            if t == "bedrag" and w != w.quantize(Decimal("0.01")):
                raise fout(f"bedrag {ruw!r} heeft meer dan twee decimalen")
        elif t == "geheel":
            if isinstance(ruw, bool) or not isinstance(ruw, int):
                raise fout(f"verwacht een geheel getal, kreeg {ruw!r}")
            w = ruw
        elif t == "ja_nee":
            if not isinstance(ruw, bool):
                raise fout(f"verwacht true of false, kreeg {ruw!r}")
            w = ruw
        elif t == "keuze":
            if ruw not in d.keuzes:
                raise fout(f"ongeldige keuze {ruw!r}; kies uit {', '.join(d.keuzes)}")
            w = ruw
        elif t == "staffel":
            w = _lees_staffel(ruw, fout)
        elif t == "tekst":
            if not isinstance(ruw, str) or not ruw.strip():
                raise fout(f"verwacht een niet-lege tekst, kreeg {ruw!r}")
            w = ruw
        else:  # pragma: no cover - definities worden bij het laden gecontroleerd
            raise fout(f"onbekend type {t}")
    except GetalFout as e:
        raise fout(str(e)) from None
    except ValueError:
        raise fout(f"geen geldig getal: {ruw!r}") from None
    if d.minimum is not None and t in ("bedrag", "fractie", "geheel") and w < d.minimum:
        raise fout(f"waarde {w} ligt onder het minimum {d.minimum}")
    if d.maximum is not None and t in ("bedrag", "fractie", "geheel") and w > d.maximum:
        raise fout(f"waarde {w} ligt boven het maximum {d.maximum}{_als_percentage(d, w)}")
    return w


def lees_tekstwaarde(d: Definitie, tekst: str, plek: str, bron: str) -> Any:
    """Lees een waarde die als tekst binnenkomt (``--zet NORM=WAARDE`` op de opdrachtregel):
    ``geheel`` als geheel getal, ``ja_nee`` als ja/nee/true/false, de rest zoals in TOML.
    Een waarde die al getypeerd is (API-gebruik), gaat zoals in TOML."""
    if not isinstance(tekst, str):
        return lees_waarde(d, tekst, plek, bron)
    if d.type == "geheel":
        try:
            return lees_waarde(d, int(tekst.strip()), plek, bron)
        except ValueError:
            raise BeleidFout(f"{d.naam}: verwacht een geheel getal, kreeg {tekst!r}", bron, plek) from None
    if d.type == "ja_nee":
        t = tekst.strip().lower()
        if t in ("ja", "true", "waar", "1"):
            return True
        if t in ("nee", "false", "onwaar", "0"):
            return False
        raise BeleidFout(f"{d.naam}: verwacht ja of nee, kreeg {tekst!r}", bron, plek)
    if d.type == "staffel":
        raise BeleidFout(f"{d.naam}: een staffel kan niet met --zet worden gezet", bron, plek)
    return lees_waarde(d, tekst, plek, bron)


def _lees_staffel(ruw: Any, fout) -> tuple[Schijf, ...]:
    if not isinstance(ruw, list) or not ruw:
        raise fout("een staffel is een niet-lege lijst van {vanaf, percentage}")
    schijven = []
    for s in ruw:
        if not isinstance(s, dict) or set(s) != {"vanaf", "percentage"}:
            raise fout("elke schijf heeft precies 'vanaf' en 'percentage'")
        v, p = naar_decimal(s["vanaf"]), naar_decimal(s["percentage"])
        if not (Decimal(0) <= p <= Decimal(1)) or v < 0:
            raise fout(f"schijf {s!r}: percentage tussen 0 en 1, vanaf niet negatief")
        schijven.append(Schijf(v, p))
    if [s.vanaf for s in schijven] != sorted({s.vanaf for s in schijven}):
        raise fout("schijven moeten oplopen in 'vanaf', zonder dubbele")
    return tuple(schijven)


def lees_datum(ruw: Any, veld: str, plek: str, bron: str) -> date:
    if isinstance(ruw, date) and not hasattr(ruw, "hour"):
        return ruw
    if isinstance(ruw, str):
        try:
            return date.fromisoformat(ruw)
        except ValueError:
            pass
    raise BeleidFout(f"{veld} moet een datum zijn (JJJJ-MM-DD), kreeg {ruw!r}", bron, plek)


def laad_toml(pad: Path, bron: str) -> dict:
    """Een beleidsbestand (kern of plugin) als dict; gelijk aan ``tomllib.load``, maar een bestand
    dat byte voor byte al eens is gelezen komt uit de cache (``_toml.lees_beleid``)."""
    try:
        with open(pad, "rb") as f:
            data = f.read()
        return lees_beleid(data)
    except FileNotFoundError:
        raise BeleidFout("bestand niet gevonden", bron, str(pad)) from None
    except _toml.tomllib.TOMLDecodeError as e:  # pas hier geladen; Engels: regelnummer voorop, als in invoer.py
        import re

        m = re.search(r"line (\d+)", str(e))
        waar = f" op regel {m.group(1)}" if m else ""
        raise BeleidFout(f"ongeldige TOML{waar} (technische melding: {e})", bron, pad.name) from None
    except UnicodeDecodeError as e:
        raise BeleidFout(f"geen geldige UTF-8-tekst (byte {e.start})", bron, pad.name) from None
    except IsADirectoryError:
        raise BeleidFout("dit is een map, geen bestand", bron, str(pad)) from None
    except OSError as e:
        raise BeleidFout(f"bestand kan niet worden gelezen ({e.strerror or type(e).__name__})", bron, str(pad)) from None


def _gedateerde_waarden(naam: str, lijst: Any, definitie: Definitie, bron: str, plek: str,
                        standaard_grondslag: str) -> tuple[Waarde, ...]:
    if not isinstance(lijst, list) or not lijst:
        raise BeleidFout(f"{naam}: geen gedateerde waarden ([[...waarde]])", bron, plek)
    uit = []
    for i, w in enumerate(lijst):
        p = f"{plek} {naam} waarde {i + 1}"
        onbekend = set(w) - set(WAARDE_VELDEN)
        if onbekend:
            raise BeleidFout(f"{naam}: onbekende velden {sorted(onbekend)}", bron, p)
        if "waarde" not in w or "geldig_vanaf" not in w:
            raise BeleidFout(f"{naam}: elke waarde heeft 'waarde' en 'geldig_vanaf'", bron, p)
        uit.append(gedateerde_waarde(definitie, w, bron, p, w.get("grondslag", standaard_grondslag)))
    controleer_perioden(uit, bron)
    return tuple(sorted(uit, key=lambda w: w.geldig_vanaf))


#: de velden van een gedateerde waarde in TOML (kern ``[[...waarde]]``; een plugin-``[[norm]]`` heeft er ook ``naam``)
WAARDE_VELDEN = ("waarde", "geldig_vanaf", "geldig_tot", "grondslag", "bron", "bevestigd", "toelichting")


def gedateerde_waarde(d: Definitie, rij: dict, bron: str, plek: str, grondslag: str) -> Waarde:
    """Eén gedateerde waarde uit TOML: een ``[[...waarde]]`` van de kern of een ``[[norm]]`` van
    een plugin (dezelfde velden: waarde, geldig_vanaf, geldig_tot, bron, bevestigd, toelichting).
    De aanroeper heeft de verplichte velden al nagelopen; hier worden de soorten getoetst (zoals
    ``sora plugin controleer`` dat doet): ``bevestigd`` is true/false (een tekst als "nee" mag niet
    stilletjes 'bevestigd' worden), ``bron``, ``toelichting`` en ``grondslag`` zijn tekst."""
    if not isinstance(grondslag, str) or not grondslag.strip():
        raise BeleidFout(f"{d.naam}: 'grondslag' moet tekst zijn (verordening of beleidsregel, met artikel)", bron, plek)
    for veld in ("bron", "toelichting"):
        if veld in rij and not isinstance(rij[veld], str):
            raise BeleidFout(f"{d.naam}: '{veld}' moet tekst zijn", bron, plek)
    if "bevestigd" in rij and not isinstance(rij["bevestigd"], bool):
        raise BeleidFout(f"{d.naam}: 'bevestigd' is true of false", bron, plek)
    return Waarde(
        naam=d.naam,
        waarde=d.lees(rij["waarde"], plek, bron),
        geldig_vanaf=lees_datum(rij["geldig_vanaf"], "geldig_vanaf", plek, bron),
        geldig_tot=lees_datum(rij["geldig_tot"], "geldig_tot", plek, bron) if "geldig_tot" in rij else None,
        bron=bron, grondslag=grondslag, document=rij.get("bron", ""),
        bevestigd=rij.get("bevestigd", True), toelichting=rij.get("toelichting", ""),
        plek=plek,
    )


def controleer_perioden(waarden: list[Waarde], bron: str) -> None:
    """Perioden mogen niet overlappen en moeten een eind na hun begin hebben."""
    gesorteerd = sorted(waarden, key=lambda w: w.geldig_vanaf)
    for w in gesorteerd:
        if w.geldig_tot is not None and w.geldig_tot < w.geldig_vanaf:
            raise BeleidFout(f"{w.naam}: geldig_tot {w.geldig_tot} ligt voor geldig_vanaf {w.geldig_vanaf}", bron, w.plek)
    for a, b in zip(gesorteerd, gesorteerd[1:]):
        if a.geldig_tot is None or a.geldig_tot >= b.geldig_vanaf:
            # een open einde loopt door tot de volgende waarde: sluit het impliciet af
            if a.geldig_tot is None and a.geldig_vanaf < b.geldig_vanaf:
                continue
            raise BeleidFout(f"{a.naam}: perioden vanaf {a.geldig_vanaf} en {b.geldig_vanaf} overlappen", bron, b.plek)


def sluit_perioden(waarden: tuple[Waarde, ...]) -> tuple[Waarde, ...]:
    """Een waarde zonder ``geldig_tot`` loopt tot de dag voor de volgende waarde."""
    uit = []
    for a, b in zip(waarden, waarden[1:] + (None,)):
        if a.geldig_tot is None and b is not None:
            a = attrs.evolve(a, geldig_tot=date.fromordinal(b.geldig_vanaf.toordinal() - 1))
        uit.append(a)
    return tuple(uit)


@lru_cache(maxsize=None)
def kern_document(bestand: str) -> dict:
    """Het kernbestand ``data/<bestand>``, eenmalig gelezen en geparsed.

    Eén bestand kan meer dan één lezer hebben (``bijzondere_bijstand.toml``: de open normen
    hier, de catalogus in ``regels.kostensoorten``); zo wordt het maar één keer geparsed.
    Het resultaat is gedeeld: niet wijzigen."""
    return laad_toml(DATA / bestand, "kern")


_DEF_VELDEN = {"naam", "type", "eenheid", "minimum", "maximum", "keuzes", "grondslag",
               "omschrijving", "waarde", "indexering", "volgende_bron"}
INDEXERINGEN = ("halfjaarlijks", "jaarlijks")


def laad_definities(pad: Path, doc: Optional[dict] = None) -> dict[str, Definitie]:
    """Lees één kernbestand met ``[[parameter]]`` en ``[[open_norm]]`` (``doc``: al geparsed)."""
    if doc is None:
        doc = laad_toml(pad, "kern")
    domein = pad.stem
    uit: dict[str, Definitie] = {}
    # ``kostensoort``: de catalogus van bijzondere bijstand (gelezen door regels.bijzondere_bijstand)
    onbekend = set(doc) - {"parameter", "open_norm", "titel", "toelichting", "kostensoort"}
    if onbekend:
        raise BeleidFout(f"onbekende tabellen {sorted(onbekend)}", "kern", pad.name)
    for soort in ("parameter", "open_norm"):
        for i, p in enumerate(doc.get(soort, [])):
            plek = f"{pad.name} [[{soort}]] {i + 1}"
            vreemd = set(p) - _DEF_VELDEN
            if vreemd:
                raise BeleidFout(f"onbekende velden {sorted(vreemd)}", "kern", plek)
            for verplicht in ("naam", "type", "grondslag", "omschrijving"):
                if verplicht not in p:
                    raise BeleidFout(f"'{verplicht}' ontbreekt", "kern", plek)
            if p["type"] not in TYPES:
                raise BeleidFout(f"onbekend type {p['type']!r}", "kern", plek)
            if p.get("indexering", INDEXERINGEN[0]) not in INDEXERINGEN:
                raise BeleidFout(f"indexering {p['indexering']!r}: kies uit {', '.join(INDEXERINGEN)}", "kern", plek)
            velden = dict(
                naam=p["naam"], type=p["type"], open=(soort == "open_norm"),
                grondslag=p["grondslag"], omschrijving=p["omschrijving"],
                eenheid=p.get("eenheid", ""), keuzes=tuple(p.get("keuzes", ())), domein=domein,
                indexering=p.get("indexering", ""), volgende_bron=p.get("volgende_bron", ""),
                minimum=_grens(p["type"], p.get("minimum")), maximum=_grens(p["type"], p.get("maximum")),
            )
            d = Definitie(**velden)
            if d.open and "waarde" not in p:
                # een open norm zonder regionale standaard: de regio heeft (nog) geen waarde
                # vastgesteld; alleen een gemeente kan er een geven, anders "doorverwezen"
                pass
            else:
                # de waarden worden gelezen met de definitie zelf (soort, grenzen, keuzes); daarna
                # dezelfde definitie met haar waarden (geen attrs.evolve: die kost per aanroep zo veel
                # als vier constructors, en dit loopt bij elke koude start voor elke parameter)
                d = Definitie(**velden, waarden=sluit_perioden(_gedateerde_waarden(
                    d.naam, p.get("waarde"), d, "kern", plek, d.grondslag)))
            if d.naam in uit:
                raise BeleidFout(f"{d.naam} is dubbel gedeclareerd", "kern", plek)
            uit[d.naam] = d
    return uit


def _grens(soort: str, ruw: Any) -> Any:
    if ruw is None:
        return None
    return ruw if soort == "geheel" else naar_decimal(ruw)


_KERN_CACHE: Optional[dict[str, Definitie]] = None


def kern_definities() -> dict[str, Definitie]:
    """Alle parameters en open normen van de kern (eenmalig gelezen, daarna uit het geheugen)."""
    global _KERN_CACHE
    if _KERN_CACHE is None:
        alles: dict[str, Definitie] = {}
        # de namen op '.toml' (als DATA.glob("*.toml"), zonder pathlib's patroonmachine bij elke start)
        for naam_bestand in sorted(n for n in os.listdir(DATA) if n.endswith(".toml")):
            if naam_bestand in GEEN_PARAMETERS:
                continue
            pad = DATA / naam_bestand
            for naam, d in laad_definities(pad, kern_document(pad.name)).items():
                if naam in alles:
                    raise BeleidFout(f"{naam} is in twee bestanden gedeclareerd", "kern", pad.name)
                alles[naam] = d
        _KERN_CACHE = alles
    return _KERN_CACHE
