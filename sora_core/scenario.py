"""Scenariotests in data: een casus plus de verwachte uitkomst per regeling, in TOML.

Beleidsmedewerkers voegen een test toe door een bestand ``tests/scenario_<iets>.toml`` in
hun plugin te schrijven::

    naam = "Alleenstaande met langdurig laag inkomen krijgt de individuele inkomenstoeslag"
    toelichting = "Handberekening: 120% x 1.369,06 = 1.642,87; 1.450,00 ligt daaronder."

    [casus]                       # precies het casuscontract; gemeente mag weg (= deze plugin)
    peildatum = 2025-09-01
    [casus.aanvrager]
    geboortedatum = 1980-05-01
    [casus.inkomen]
    netto_per_maand = "1450.00"
    laag_sinds = 2021-01-01

    [[verwacht]]
    regeling = "individuele_inkomenstoeslag"
    uitkomst = "toegekend"        # toegekend | afgewezen | niet_van_toepassing | doorverwezen
    bedrag = "479.00"             # optioneel; "geen" = er hoort geen bedrag bij
    bedrag_per = "per_jaar"       # optioneel
    vorm = "om_niet"              # optioneel
    bezwaar_uiterlijk = 2025-10-13  # optioneel: laatste dag voor bezwaar

Alleen wat in ``[[verwacht]]`` staat, wordt getoetst. De pytest-plugin
(``sora_core.pytest_scenarios``) verzamelt deze bestanden; ``voer_uit`` draait er één.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import attrs

from .fouten import SoraFout
from .model import BEDRAG_PER, UITKOMSTEN, VORMEN
from ._toml import tomllib

_TOP = {"naam", "toelichting", "casus", "verwacht"}
_VERWACHT = {"regeling", "uitkomst", "bedrag", "bedrag_per", "vorm", "bezwaar_uiterlijk"}


class ScenarioFout(SoraFout):
    """Het scenariobestand zelf is ongeldig (niet: de uitkomst wijkt af)."""

    def __init__(self, pad: Path, meldingen: list[str]):
        self.pad = pad
        self.meldingen = meldingen
        super().__init__(f"Ongeldig scenario {pad}: " + "; ".join(meldingen))


@attrs.frozen
class Verwachting:
    regeling: str
    uitkomst: Optional[str] = None
    bedrag: Any = None  # Decimal, "geen" (geen bedrag) of None (niet toetsen)
    bedrag_per: Optional[str] = None
    vorm: Optional[str] = None
    bezwaar_uiterlijk: Optional[date] = None


@attrs.frozen
class Scenario:
    naam: str
    pad: Path
    casus: dict
    verwacht: tuple[Verwachting, ...]
    toelichting: str = ""


@attrs.frozen
class Afwijking:
    regeling: str
    regelingnaam: str
    verschillen: tuple[tuple[str, str, str], ...]  # (veld, verwacht, kreeg)
    motivering: tuple[str, ...]


def lees_scenario(pad: Path) -> Scenario:
    """Lees en toets een scenariobestand; alle problemen samen in één ``ScenarioFout``."""
    pad = Path(pad)
    try:
        doc = tomllib.loads(pad.read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        raise ScenarioFout(pad, [f"ongeldige TOML ({e})"]) from None
    m: list[str] = []
    from .invoer import _CASUS_VELDEN

    for k in sorted(set(doc) - _TOP):
        hint = (f" (hoort het bij de casus? schrijf [casus.{k}] of [[casus.{k}]])" if k in _CASUS_VELDEN else "")
        m.append(f"onbekend veld {k!r}; toegestaan: {', '.join(sorted(_TOP))}{hint}")
    casus = doc.get("casus")
    if not isinstance(casus, dict):
        m.append("[casus] ontbreekt (de casus volgens het casuscontract)")
        casus = {}
    verwacht_ruw = doc.get("verwacht")
    if not isinstance(verwacht_ruw, list) or not verwacht_ruw:
        m.append("geen [[verwacht]]: noem per regeling de verwachte uitkomst (en eventueel het bedrag)")
        verwacht_ruw = []
    verwacht = []
    for i, v in enumerate(verwacht_ruw, 1):
        waar = f"[[verwacht]] {i}"
        if not isinstance(v, dict) or not isinstance(v.get("regeling"), str):
            m.append(f"{waar}: 'regeling' ontbreekt")
            continue
        for k in sorted(set(v) - _VERWACHT):
            m.append(f"{waar}: onbekend veld {k!r}; toegestaan: {', '.join(sorted(_VERWACHT))}")
        if "uitkomst" in v and v["uitkomst"] not in UITKOMSTEN:
            m.append(f"{waar}: uitkomst {v['uitkomst']!r} is geen van {', '.join(UITKOMSTEN)}")
        if "bedrag_per" in v and v["bedrag_per"] not in BEDRAG_PER:
            m.append(f"{waar}: bedrag_per {v['bedrag_per']!r} is geen van {', '.join(BEDRAG_PER)}")
        if "vorm" in v and v["vorm"] not in VORMEN:
            m.append(f"{waar}: vorm {v['vorm']!r} is geen van {', '.join(VORMEN)}")
        if "bezwaar_uiterlijk" in v and not (isinstance(v["bezwaar_uiterlijk"], date)
                                             and not isinstance(v["bezwaar_uiterlijk"], datetime)):
            m.append(f"{waar}: bezwaar_uiterlijk is een datum (JJJJ-MM-DD, zonder aanhalingstekens)")
        bedrag: Any = None
        if "bedrag" in v:
            if v["bedrag"] == "geen":
                bedrag = "geen"
            else:
                try:
                    bedrag = Decimal(str(v["bedrag"]))
                    if bedrag != bedrag.quantize(Decimal("0.01")):
                        raise ValueError
                except (ArithmeticError, ValueError):
                    m.append(f"{waar}: bedrag {v['bedrag']!r} is geen bedrag (zoals \"479.00\") of \"geen\"")
        verwacht.append(Verwachting(v["regeling"], v.get("uitkomst"), bedrag, v.get("bedrag_per"), v.get("vorm"),
                                    v.get("bezwaar_uiterlijk")))
    if m:
        raise ScenarioFout(pad, m)
    naam = doc.get("naam") if isinstance(doc.get("naam"), str) else pad.stem
    return Scenario(naam=naam, pad=pad, casus=casus, verwacht=tuple(verwacht),
                    toelichting=str(doc.get("toelichting", "")).strip())


def register_voor(pad: Path):
    """Het register waarin een scenario wordt beslist: de plugin uit de projectmap waarin het
    scenario staat (zoals hij daar staat, geïnstalleerd of niet) vóór de geïnstalleerde."""
    from .pluginmap import laad_uit_project, zoek_project
    from .plugins import Register, laad_plugin, register

    project = zoek_project(Path(pad).parent)
    algemeen = register()
    if project is None:
        return algemeen, None
    naam, obj = laad_uit_project(project)
    lokaal = laad_plugin(naam, obj)
    plugins = {naam: lokaal}
    for k, p in algemeen.plugins.items():
        if k != naam and p.info.cbs_code != lokaal.info.cbs_code:
            plugins[k] = p
    return Register(plugins=plugins, fouten=dict(algemeen.fouten)), lokaal


def voer_uit(s: Scenario) -> tuple[list[Afwijking], Any]:
    """Beslis de casus van het scenario; geef de afwijkingen (leeg = geslaagd) en het besluit."""
    from .beslisser import beoordeel

    reg, lokaal = register_voor(s.pad)
    casus = dict(s.casus)
    if "gemeente" not in casus and lokaal is not None:
        casus["gemeente"] = lokaal.info.cbs_code
    besluit = beoordeel(casus, reg=reg)
    per_regeling = {b.regeling: b for b in besluit.beslissingen}
    afwijkingen = []
    for v in s.verwacht:
        b = per_regeling.get(v.regeling)
        if b is None:
            afwijkingen.append(Afwijking(v.regeling, v.regeling, (
                ("regeling", "in het besluit", "niet in het besluit; wel: " + (", ".join(per_regeling) or "geen")),), ()))
            continue
        verschillen = []
        if v.uitkomst is not None and b.uitkomst != v.uitkomst:
            verschillen.append(("uitkomst", v.uitkomst, b.uitkomst))
        if v.bedrag is not None:
            if v.bedrag == "geen":
                if b.bedrag is not None:
                    verschillen.append(("bedrag", "geen", str(b.bedrag)))
            elif b.bedrag is None or b.bedrag != v.bedrag:
                verschillen.append(("bedrag", str(v.bedrag), "geen" if b.bedrag is None else str(b.bedrag)))
        if v.bedrag_per is not None and b.bedrag_per != v.bedrag_per:
            verschillen.append(("bedrag_per", v.bedrag_per, str(b.bedrag_per)))
        if v.vorm is not None and b.vorm != v.vorm:
            verschillen.append(("vorm", v.vorm, str(b.vorm)))
        if v.bezwaar_uiterlijk is not None:
            kreeg = getattr(b, "bezwaar_uiterlijk", None)
            if kreeg != v.bezwaar_uiterlijk:
                verschillen.append(("bezwaar_uiterlijk", v.bezwaar_uiterlijk.isoformat(),
                                    kreeg.isoformat() if kreeg else "geen"))
        if verschillen:
            afwijkingen.append(Afwijking(b.regeling, b.naam, tuple(verschillen), tuple(
                f"{m.tekst} [grondslag: {m.grondslag}; bron: {m.bron}]" for m in b.motivering)))
    return afwijkingen, besluit


def rapport(s: Scenario, afwijkingen: list[Afwijking]) -> str:
    """Leesbare uitleg van een mislukt scenario: naam, verwacht tegenover gekregen, motivering."""
    r = [f"Scenario '{s.naam}' ({s.pad}) wijkt af:"]
    for a in afwijkingen:
        r.append(f"  {a.regelingnaam} ({a.regeling}):")
        for veld, verwacht, kreeg in a.verschillen:
            r.append(f"    {veld}: verwacht {verwacht}, kreeg {kreeg}")
        if a.motivering:
            r.append("    motivering van de toolkit:")
            for i, m in enumerate(a.motivering, 1):
                r.append(f"      {i}. {m}")
    if s.toelichting:
        r.append("  toelichting bij het scenario: " + " ".join(s.toelichting.split()))
    return "\n".join(r)


def is_scenariobestand(pad: Path) -> bool:
    return pad.suffix == ".toml" and pad.name.startswith("scenario_") and "tests" in pad.parts



def als_scenario(pad: str):
    """Is ``pad`` een scenariobestand (TOML met ``[casus]`` en ``[[verwacht]]``)? Dan (casus,
    register): de casus zoals ``sora plugin test`` hem beslist, met de plugin uit de map van het
    scenario. Anders ``None`` (een gewone casus)."""
    p = Path(pad)
    if pad == "-" or p.suffix.lower() != ".toml" or not p.is_file():
        return None
    try:
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - kapot, te diep genest, te groot: de casuslezer geeft de Nederlandse fout
        return None
    if not (isinstance(doc.get("casus"), dict) and "verwacht" in doc):
        return None
    s = lees_scenario(p)
    reg, lokaal = register_voor(s.pad)
    casus = dict(s.casus)
    if "gemeente" not in casus and lokaal is not None:
        casus["gemeente"] = lokaal.info.cbs_code
    return casus, reg


def naast_elkaar(s: Scenario, besluit: Any, afwijkingen: list[Afwijking]) -> str:
    """``sora plugin test --toon``: per regeling het besluit met motivering naast de verwachting."""
    from .geld import datum_nl, euro_nl

    verwacht = {v.regeling: v for v in s.verwacht}
    fout = {a.regeling for a in afwijkingen}
    r = [f"Scenario '{s.naam}' ({s.pad}), peildatum {datum_nl(besluit.peildatum)}:"]
    if s.toelichting:
        r.append("  toelichting: " + " ".join(s.toelichting.split()))
    for b in besluit.beslissingen:
        kreeg = b.uitkomst + (f" {euro_nl(b.bedrag)}" if b.bedrag is not None else "") + (
            f" {b.bedrag_per}" if b.bedrag_per and b.bedrag is not None else "")
        v = verwacht.get(b.regeling)
        if v is None:
            oordeel = "niet getoetst"
        else:
            delen = [v.uitkomst or ""] + ([euro_nl(v.bedrag)] if isinstance(v.bedrag, Decimal) else
                                          (["geen bedrag"] if v.bedrag == "geen" else []))
            oordeel = ("AFWIJKING, " if b.regeling in fout else "gelijk, ") + "verwacht: " + " ".join(x for x in delen if x)
        r.append(f"  {b.naam} ({b.regeling}): {kreeg}   [{oordeel}]")
        for i, m in enumerate(b.motivering, 1):
            r.append(f"      {i}. {m.tekst}")
    for v in s.verwacht:
        if v.regeling not in {b.regeling for b in besluit.beslissingen}:
            r.append(f"  {v.regeling}: niet in het besluit   [AFWIJKING, verwacht: {v.uitkomst or ''}]")
    return "\n".join(r)
