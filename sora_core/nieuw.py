"""``sora plugin nieuw``: een werkende, installeerbare gemeenteplugin neerzetten.

Het resultaat (``<map>/<naam>/``)::

    pyproject.toml            entry point in de groep 'sora' (installeerbaar met pip install -e)
    README.md                 wat waar staat, in drie zinnen
    sora_<naam>/__init__.py   de twee verplichte hooks: sora_gemeente en sora_beleid
    sora_<naam>/beleid.toml   kort: de identiteit, één uitgecommentarieerd voorbeeld van een
                              [[norm]] en van een [[regeling]], en de opdrachten die alle open
                              normen (sora plugin normen) en landelijke waarden (sora landelijk) tonen
    tests/scenario_voorbeeld.toml   een scenariotest die meteen slaagt

Alles wordt afgeleid van ``kern_definities()`` en de catalogus: er staat geen regeling of
open norm in deze module zelf.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

from .docs import bereik_tekst
from .fouten import Fout, InvoerFout
from .parameters import Definitie, Schijf, kern_definities

NAAM_PATROON = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
CBS_PATROON = re.compile(r"^GM[0-9]{4}$")


def toml_waarde(w: Any) -> str:
    """Een waarde uit de kern als TOML-literal (bedragen en fracties als tekst: exact)."""
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, int):
        return str(w)
    if isinstance(w, Decimal):
        return f'"{w}"'
    if isinstance(w, date):
        return w.isoformat()
    if isinstance(w, tuple) and all(isinstance(s, Schijf) for s in w):
        return "[" + ", ".join(f'{{ vanaf = "{s.vanaf}", percentage = "{s.percentage}" }}' for s in w) + "]"
    return toml_tekst(str(w))


def toml_tekst(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _standaard(d: Definitie, op: date):
    """De geharmoniseerde waarde op ``op``, anders de laatste die er is."""
    return d.waarde_op(op) or (d.waarden[-1] if d.waarden else None)


def _commentaar(tekst: str, inspring: str = "# ") -> list[str]:
    import textwrap

    tekst = " ".join(tekst.split()).replace("€ ", "€\u00a0")  # bedrag niet over twee regels
    return [inspring + r for r in textwrap.wrap(tekst, 94, break_on_hyphens=False)] or [inspring.rstrip()]


#: de open norm van het uitgecommentarieerde voorbeeld in een nieuw beleid.toml
VOORBEELD_NORM = "individuele_inkomenstoeslag.inkomensgrens"


def beleid_toml(naam: str, gemeentenaam: str, cbs: str, op: date,
                definities: Optional[dict[str, Definitie]] = None) -> str:
    """De tekst van een nieuw beleid.toml: kort (past op twee schermen). De identiteit, één
    uitgecommentarieerd voorbeeld van een [[norm]] en van een [[regeling]], en de opdracht die
    elke open norm met bereik, grondslag en regionale standaard noemt."""
    definities = definities if definities is not None else kern_definities()
    d = definities[VOORBEELD_NORM]
    w = _standaard(d, op)
    r: list[str] = [
        f'titel = {toml_tekst(f"Beleid van de gemeente {gemeentenaam} ({cbs}) binnen het regionale minimabeleid")}',
        'toelichting = """',
        f"Alleen wat {gemeentenaam} anders doet dan de regio, elk met grondslag (verordening of",
        "beleidsregel, met artikel) en vindplaats (bron). Nooit een bedrag verzinnen: wat niet",
        "bekend is, blijft op de regionale standaard.",
        '"""',
        "",
        f"# Alle open normen, met toegestaan bereik, grondslag en regionale standaard:  sora plugin normen {naam}",
        "#   (nog niet geïnstalleerd? geef de map: sora plugin normen <map van deze plugin>)",
        "# De landelijke waarden (bijstandsnormen, vermogensgrenzen, ...) op een datum: sora landelijk",
        "# Controleren zonder een casus te beslissen:  sora plugin controleer .",
        "# Testen (scenario's in tests/):              sora plugin test . --toon   (of: python -m pytest)",
        "",
        "# ---------------------------------------------------------------- BASISPAKKET: open normen",
        "# Zolang hier geen [[norm]] staat, volgt de gemeente de regio. Wijkt de gemeente af, schrijf",
        "# dan per open norm een [[norm]]. Voorbeeld (haal de '# ' weg en vul de echte gegevens in):",
        "#",
    ]
    r += _commentaar(f"{d.omschrijving} Type {d.type}" + (f" ({d.eenheid})" if d.eenheid else "")
                     + (f"; toegestaan: {bereik_tekst(d)}" if bereik_tekst(d) else "") + ".", "# ")
    r += [
        "# [[norm]]",
        f"# naam = {toml_tekst(d.naam)}",
        f"# waarde = {toml_waarde(w.waarde) if w else chr(34) + '1.20' + chr(34)}"
        + (f"                 # regionale standaard vanaf {w.geldig_vanaf.isoformat()}" if w else ""),
        f"# geldig_vanaf = {op.isoformat()}",
        '# grondslag = "Verordening individuele inkomenstoeslag <gemeente> <jaar>, art. <nr>"',
        '# bron = "vindplaats: CVDR-nummer, gemeenteblad of URL"',
        "#",
        "# Getallen als tekst met een punt: \"1.20\" (= 120%). Een [[norm]] met alleen naam en",
        "# grondslag betekent: volgt de regionale standaard, nog te bevestigen door de gemeente.",
        "",
        "# ---------------------------------------------------------------- PLUSPAKKET: eigen regelingen",
        "# Nog geen. Een voorbeeld (haal de '# ' weg en vul de echte gegevens in; de vorm staat in",
        "# docs/plugin-schrijven.md). De sleutel begint altijd met de pluginnaam.",
        "#",
        "# [[regeling]]",
        f'# sleutel = "{naam}.voorbeeld"',
        '# naam = "Naam van de regeling"',
        '# omschrijving = "Wat de regeling doet, in één zin."',
        '# grondslag = "Verordening of beleidsregel, met artikel"',
        '# bron = "vindplaats van de bedragen"',
        f"# geldig_vanaf = {op.isoformat()}",
        '# inkomensgrens = "1.20"          # x de toepasselijke bijstandsnorm',
        "#   [regeling.doelgroep]",
        "#   kinderen = true",
        "#   kind_leeftijd = [4, 17]",
        "#   [regeling.bedrag]",
        '#   per = "kind"',
        '#   per_jaar = "0.00"             # het vastgestelde bedrag uit de verordening',
        "",
    ]
    return "\n".join(r)


def init_py(naam: str, gemeentenaam: str, cbs: str) -> str:
    return f'''"""SORA-plugin voor {gemeentenaam} ({cbs}).

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
    return {{
        "naam": {json.dumps(gemeentenaam, ensure_ascii=False)},
        "cbs_code": {json.dumps(cbs)},
        "versie": __version__,
    }}


@hookimpl
def sora_beleid() -> list:
    return [BELEID]
'''


def pyproject_toml(naam: str, gemeentenaam: str, cbs: str) -> str:
    return f'''[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "sora-{naam.replace("_", "-")}"
dynamic = ["version"]
description = {toml_tekst(f"SORA-plugin voor de gemeente {gemeentenaam} ({cbs}): lokale keuzes en pluspakket")}
requires-python = ">=3.9"
dependencies = ["sora-core"]

[project.entry-points.sora]
{naam} = "sora_{naam}"

[tool.setuptools]
packages = ["sora_{naam}"]

[tool.setuptools.dynamic]
version = {{attr = "sora_{naam}.__version__"}}

[tool.setuptools.package-data]
sora_{naam} = ["*.toml"]

[tool.pytest.ini_options]
testpaths = ["tests"]
'''


def readme(naam: str, gemeentenaam: str, cbs: str) -> str:
    return f"""# SORA-plugin {gemeentenaam} ({cbs})

- `sora_{naam}/beleid.toml`: de keuzes van de gemeente (open normen) en haar eigen regelingen.
- `tests/scenario_*.toml`: scenario's (een casus plus de verwachte uitkomst per regeling).
- Installeren: `pip install -e .`; controleren: `sora plugin controleer .`; testen: `python -m pytest`.

Zie docs/plugin-schrijven.md in de SORA-toolkit.
"""


def voorbeeldcasus(cbs: str, peildatum: date) -> dict:
    """Een eenvoudige casus: alleenstaande van 45 met al vijf jaar een laag inkomen."""
    from .geld import plus_jaren_maanden

    return {
        "gemeente": cbs,
        "peildatum": peildatum,
        "aanvrager": {"geboortedatum": plus_jaren_maanden(peildatum, -45)},
        "woning": {"soort": "huur"},
        "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": plus_jaren_maanden(peildatum, -5),
                    "uitzicht_op_verbetering": False},
        "vermogen": {"bezittingen": "2500.00", "schulden": "0.00"},
    }


def _kandidaat_peildata(vandaag: date) -> list[date]:
    """Vandaag, dan het begin van elk halfjaar terug (normen wisselen per 1 januari en 1 juli)."""
    uit = [vandaag]
    j, m = vandaag.year, (1 if vandaag.month <= 6 else 7)
    for _ in range(8):
        if date(j, m, 1) not in uit:
            uit.append(date(j, m, 1))
        j, m = (j, 1) if m == 7 else (j - 1, 7)
    return uit


def _doorverwezen(besluit: Any) -> int:
    return sum(1 for x in besluit.beslissingen if x.uitkomst == "doorverwezen")


def handberekening(peildatum: date, casus: dict) -> list[str]:
    """De handberekening van de individuele inkomenstoeslag voor de voorbeeldcasus, met de
    normen van ``peildatum`` (de landelijke norm: 'sora landelijk'; de inkomensgrens: de
    regionale standaard)."""
    from .geld import cent, euro_nl

    defs = kern_definities()
    norm = defs["bijstandsnorm.alleenstaande"].waarde_op(peildatum)
    grens = defs[VOORBEELD_NORM].waarde_op(peildatum)
    vg = defs["vermogensgrens.alleenstaande"].waarde_op(peildatum)
    if norm is None or grens is None:
        return ["Handberekening: op deze peildatum ontbreekt de bijstandsnorm of de inkomensgrens in de kern."]
    inkomen = Decimal(casus["inkomen"]["netto_per_maand"])
    bovengrens = cent(grens.waarde * norm.waarde)
    r = [f"Handberekening (individuele inkomenstoeslag, peildatum {peildatum.isoformat()}):",
         f"- bijstandsnorm alleenstaande: {euro_nl(norm.waarde)} per maand ({norm.grondslag}; sora landelijk);",
         f"- inkomensgrens {grens.waarde} (regionale standaard) x {euro_nl(norm.waarde)} = {euro_nl(bovengrens)} per maand;",
         f"- netto-inkomen {euro_nl(inkomen)} ligt {'daaronder' if inkomen <= bovengrens else 'daarboven'}, al vijf jaar"
         " (langer dan de referteperiode);"]
    if vg is not None:
        bezit = Decimal(casus["vermogen"]["bezittingen"])
        r.append(f"- vermogen {euro_nl(bezit)} ligt {'onder' if bezit <= vg.waarde else 'boven'} de vermogensgrens "
                 f"{euro_nl(vg.waarde)}.")
    return r


def scenario_toml(naam: str, obj: Any, cbs: str, gemeentenaam: str, vandaag: date,
                  peildatum: Optional[date] = None) -> str:
    """Een scenario voor de nieuwe plugin: de voorbeeldcasus met de uitkomsten die de toolkit
    er met de regionale standaard voor geeft, met de motivering als commentaar om na te rekenen.

    Zonder opgegeven peildatum wordt uit vandaag en het begin van de vorige halfjaren (de
    normen wisselen per 1 januari en 1 juli) de recentste datum gekozen waarop de kern voor
    de minste regelingen een waarde mist."""
    from .beslisser import beoordeel
    from .plugins import Register, laad_plugin

    plugin = laad_plugin(naam, obj)
    reg = Register(plugins={naam: plugin}, fouten={})
    kandidaten = [peildatum] if peildatum else _kandidaat_peildata(vandaag)
    besluit = None
    for d in kandidaten:  # de recentste datum met de minste doorverwijzingen (ontbrekende waarden)
        b = beoordeel(voorbeeldcasus(cbs, d), reg=reg)
        if besluit is None or _doorverwezen(b) < _doorverwezen(besluit):
            besluit = b
        if _doorverwezen(besluit) == 0:
            break
    assert besluit is not None
    casus = voorbeeldcasus(cbs, besluit.peildatum)
    r = [
        f'naam = {toml_tekst(f"{gemeentenaam}: alleenstaande van 45 met al vijf jaar een laag inkomen")}',
        'toelichting = """',
        *handberekening(besluit.peildatum, casus),
        "",
        "Aangemaakt door 'sora plugin nieuw' met de regionale standaard. De andere verwachtingen",
        "zijn bij het aanmaken door de toolkit berekend: reken ze na met de motivering (als commentaar",
        "bij elke verwachting; of: sora plugin test . --toon). Verandert de gemeente een norm waar dit",
        "scenario van afhangt, dan meldt 'sora plugin controleer .' dat het niet meer klopt.",
        '"""',
        "",
        "[casus]",
        f'gemeente = "{casus["gemeente"]}"',
        f"peildatum = {casus['peildatum'].isoformat()}",
        "",
        "[casus.aanvrager]",
        f"geboortedatum = {casus['aanvrager']['geboortedatum'].isoformat()}",
        "",
        "[casus.woning]",
        'soort = "huur"',
        "",
        "[casus.inkomen]",
        f'netto_per_maand = "{casus["inkomen"]["netto_per_maand"]}"',
        f"laag_sinds = {casus['inkomen']['laag_sinds'].isoformat()}",
        "uitzicht_op_verbetering = false",
        "",
        "[casus.vermogen]",
        f'bezittingen = "{casus["vermogen"]["bezittingen"]}"',
        f'schulden = "{casus["vermogen"]["schulden"]}"',
    ]
    for x in besluit.beslissingen:
        r += ["", f"# {x.naam}:"]
        for i, m in enumerate(x.motivering, 1):
            r += _commentaar(f"{i}. {m.tekst}", "#   ")
        r += ["[[verwacht]]", f'regeling = "{x.regeling}"', f'uitkomst = "{x.uitkomst}"']
        if x.bedrag is not None:
            r.append(f'bedrag = "{x.bedrag}"')
    return "\n".join(r) + "\n"


def maak_plugin(naam: str, cbs: str, map_: Path, *, gemeentenaam: Optional[str] = None,
                vandaag: Optional[date] = None, peildatum: Optional[date] = None) -> Path:
    """Zet een nieuwe plugin neer in ``map_/naam`` en geef die map. Weigert een bestaande map."""
    fouten = []
    if not NAAM_PATROON.match(naam or ""):
        fouten.append(Fout("NAAM", f"Ongeldige pluginnaam '{naam}': kleine letters, cijfers en _, beginnend met een "
                                   "letter (bijvoorbeeld 'dijk_en_waard')."))
    if not CBS_PATROON.match(cbs or ""):
        fouten.append(Fout("--cbs", f"Ongeldige CBS-code '{cbs}': verwacht GM gevolgd door vier cijfers (GM0361)."))
    if gemeentenaam is not None and (not gemeentenaam.strip() or any(c in gemeentenaam for c in '"\\\n')
                                     or len(gemeentenaam) > 60):
        fouten.append(Fout("--gemeentenaam", "Gemeentenaam: 1 tot 60 tekens, zonder aanhalingstekens, backslash of "
                                             "nieuwe regel."))
    if not fouten:
        from .plugins import register

        reg = register()
        bezet = next((p for p in reg.plugins.values() if p.info.cbs_code == cbs), None)
        if bezet is not None:
            fouten.append(Fout("--cbs", f"CBS-code {cbs} is al in gebruik door plugin '{bezet.naam}' ({bezet.info.naam}); "
                                        "elke gemeente heeft een eigen code. Kies de code van uw gemeente "
                                        "(CBS-gemeentecodes), of voor een proef een vrije code zoals GM9999."))
        elif naam in reg.plugins or naam in reg.fouten:
            fouten.append(Fout("NAAM", f"Er is al een plugin '{naam}' geïnstalleerd; kies een andere naam."))
    doel = Path(map_) / naam
    if not fouten and doel.exists():
        fouten.append(Fout("--map", f"{doel} bestaat al; kies een andere naam of map (er wordt niets overschreven)."))
    if fouten:
        raise InvoerFout(fouten)
    gemeentenaam = gemeentenaam or naam.replace("_", " ").title()
    vandaag = vandaag or date.today()
    pakket = doel / f"sora_{naam}"
    tests = doel / "tests"
    pakket.mkdir(parents=True)
    tests.mkdir()
    (doel / "pyproject.toml").write_text(pyproject_toml(naam, gemeentenaam, cbs), encoding="utf-8")
    (doel / "README.md").write_text(readme(naam, gemeentenaam, cbs), encoding="utf-8")
    (pakket / "__init__.py").write_text(init_py(naam, gemeentenaam, cbs), encoding="utf-8")
    (pakket / "beleid.toml").write_text(beleid_toml(naam, gemeentenaam, cbs, vandaag), encoding="utf-8")
    from .pluginmap import laad_uit_project

    ep_naam, obj = laad_uit_project(doel)
    (tests / "scenario_voorbeeld.toml").write_text(
        scenario_toml(ep_naam, obj, cbs, gemeentenaam, vandaag, peildatum), encoding="utf-8")
    return doel
