"""Opdrachten voor plugin-auteurs en zaaksystemen, aangehaakt aan de groep ``sora``.

* ``sora plugin nieuw``, ``controleer`` en ``test``: een plugin maken, toetsen en zijn
  scenario's draaien;
* ``sora normen-doc``: docs/open-normen.md uit de kern;
* ``sora serve``: de HTTP-dienst (WSGI);
* ``sora reproduceer``: een besluit opnieuw nemen en vergelijken.

Deze module wordt onderaan ``cli.py`` geïmporteerd; zo blijft ``cli.py`` klein. De ZGW-export
(``sora beoordeel ... --zgw``) staat bij ``beoordeel`` zelf in ``cli.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .cli import _datum, _json_vlag, sora
from .fouten import Fout, InvoerFout


# --------------------------------------------------------------------------- sora plugin

@sora.group()
def plugin() -> None:
    """Plugins maken en toetsen (voor beleidsmedewerkers).

    \b
    Voorbeelden:
      sora plugin nieuw voorbeeldstad --cbs GM9999
      sora plugin controleer voorbeeldstad
      sora plugin controleer --alle
    """


@plugin.command()
@click.argument("naam")
@click.option("--cbs", required=True, help="CBS-code van de gemeente: GM gevolgd door vier cijfers.")
@click.option("--map", "map_", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Map waarin de pluginmap NAAM komt.")
@click.option("--gemeentenaam", help="Naam van de gemeente zoals in besluiten (standaard: uit NAAM).")
@click.option("--peildatum", help="Peildatum van het voorbeeldscenario (JJJJ-MM-DD; standaard gekozen).")
@_json_vlag
def nieuw(naam: str, cbs: str, map_: str, gemeentenaam: Optional[str], peildatum: Optional[str],
          als_json: bool) -> None:
    """Maak een nieuwe, werkende plugin NAAM die de regio volgt (een kort beleid.toml met voorbeelden).
    Een CBS-code of naam die al in gebruik is, wordt geweigerd.

    \b
    Voorbeeld:
      sora plugin nieuw voorbeeldstad --cbs GM9999 --map plugins
      sora plugin test plugins/voorbeeldstad
      cd plugins/voorbeeldstad && pip install -e . && python -m pytest
    """
    from .nieuw import maak_plugin

    doel = maak_plugin(naam, cbs, Path(map_), gemeentenaam=gemeentenaam, peildatum=_datum(peildatum, "--peildatum"))
    if als_json:
        from .uitvoer import naar_json

        click.echo(naar_json({"plugin": naam, "cbs_code": cbs, "map": str(doel),
                              "bestanden": sorted(str(p.relative_to(doel)) for p in doel.rglob("*") if p.is_file())}),
                   nl=False)
        return
    click.echo(f"Plugin '{naam}' ({cbs}) aangemaakt in {doel}.")
    click.echo("Volgende stappen:")
    click.echo(f"  1. sora plugin normen {doel}   (elke open norm: bereik, grondslag en regionale standaard)")
    click.echo(f"  2. Pas {doel / f'sora_{naam}' / 'beleid.toml'} aan: alleen wat de gemeente anders doet.")
    click.echo(f"  3. sora plugin controleer {doel}")
    click.echo(f"  4. sora plugin test {doel} --toon   (of: cd {doel} && pip install -e . && python -m pytest)")


@plugin.command()
@click.argument("pad", required=False, type=click.Path())
@click.option("--alle", is_flag=True, help="Toets alle geïnstalleerde plugins.")
@_json_vlag
def controleer(pad: Optional[str], alle: bool, als_json: bool) -> None:
    """Toets een plugin zonder een casus te beslissen. Exitcode 0: in orde (eventueel met
    waarschuwingen), 1: fouten (de plugin laadt niet).

    PAD is een pluginmap (met pyproject.toml), een pakketmap of een beleid.toml.

    \b
    Voorbeelden:
      sora plugin controleer plugins/bergen
      sora plugin controleer plugins/bergen/sora_bergen/beleid.toml
      sora plugin controleer --alle --json
    """
    from .controle import controleer_alle, controleer_pad
    from .uitvoer import naar_json

    if bool(pad) == bool(alle):
        raise InvoerFout([Fout("PAD", "Geef een PAD of --alle (één van beide).")])
    from .beleidstoets import fouten

    per_plugin = controleer_alle() if alle else {"": controleer_pad(Path(pad))}
    alle_bevindingen = [b for lijst in per_plugin.values() for b in lijst]
    alle_fouten = fouten(alle_bevindingen)
    waarschuwingen = len(alle_bevindingen) - len(alle_fouten)
    if als_json:
        click.echo(naar_json({"in_orde": not alle_fouten, "fouten": len(alle_fouten), "waarschuwingen": waarschuwingen,
                              "bevindingen": [b.als_dict() for b in alle_bevindingen]}), nl=False)
    else:
        for b in alle_bevindingen:  # gevouwen op 100 kolommen; --json houdt elke melding heel
            click.echo("\n".join(b.regels()))
        if alle:
            for naam, lijst in per_plugin.items():
                n = len(fouten(lijst))
                click.echo(f"{naam}: {'in orde' if not n else f'{n} fout(en)'}"
                           + (f", {len(lijst) - n} waarschuwing(en)" if len(lijst) > n else ""), err=bool(n))
        w = f"{waarschuwingen} waarschuwing(en)" if waarschuwingen else ""
        if alle_fouten:
            click.echo(f"{len(alle_fouten)} fout(en)" + (f", {w}" if w else "") + ": de plugin laadt zo niet.", err=True)
        elif w:
            click.echo(f"In orde (de plugin laadt), met {w}: zie hierboven.")
        else:
            click.echo("In orde: geen bevindingen.")
    sys.exit(1 if alle_fouten else 0)


@plugin.command("test")
@click.argument("pad", type=click.Path(exists=True))
@click.option("--toon", is_flag=True, help="Toon per scenario het besluit met motivering naast de verwachte uitkomst.")
@_json_vlag
def test_(pad: str, toon: bool, als_json: bool) -> None:
    """Draai de scenario's (tests/scenario_*.toml) van een plugin, zonder pytest.
    Exitcode 0: alle geslaagd, 1: afwijkingen of ongeldige scenario's.

    PAD is een pluginmap, een tests-map of één scenariobestand.

    \b
    Voorbeelden:
      sora plugin test plugins/bergen
      sora plugin test plugins/bergen --toon
    """
    from .fouten import SoraFout
    from .scenario import ScenarioFout, lees_scenario, naast_elkaar, rapport, voer_uit
    from .uitvoer import naar_json

    p = Path(pad)
    if p.is_file():
        bestanden = [p]
    else:
        map_ = p if p.name == "tests" else p / "tests"
        bestanden = sorted(map_.glob("scenario_*.toml"))
    uitslagen = []
    for b in bestanden:
        try:
            s = lees_scenario(b)
            afwijkingen, besluit = voer_uit(s)
            uitslagen.append({"bestand": str(b), "naam": s.naam, "geslaagd": not afwijkingen,
                              "melding": rapport(s, afwijkingen) if afwijkingen else None,
                              **({"getoond": naast_elkaar(s, besluit, afwijkingen)} if toon else {})})
        except ScenarioFout as e:
            uitslagen.append({"bestand": str(b), "naam": b.stem, "geslaagd": False,
                              "melding": "Ongeldig scenariobestand: " + "; ".join(e.meldingen)})
        except SoraFout as e:
            uitslagen.append({"bestand": str(b), "naam": b.stem, "geslaagd": False,
                              "melding": f"Kan niet worden beslist: {e}"})
    mislukt = [u for u in uitslagen if not u["geslaagd"]]
    if als_json:
        click.echo(naar_json({"geslaagd": len(uitslagen) - len(mislukt), "mislukt": len(mislukt),
                              "scenarios": uitslagen}), nl=False)
    else:
        for u in uitslagen:
            click.echo(f"{'geslaagd' if u['geslaagd'] else 'MISLUKT '}  {u['naam']} ({u['bestand']})")
        for u in uitslagen:
            if u.get("getoond"):
                click.echo("\n" + u["getoond"])
        for u in mislukt:
            click.echo("\n" + u["melding"])
        if not uitslagen:
            click.echo(f"Geen scenario's gevonden (tests/scenario_*.toml) in {pad}.", err=True)
        click.echo(f"\n{len(uitslagen) - len(mislukt)} geslaagd, {len(mislukt)} mislukt.")
    sys.exit(1 if mislukt or not uitslagen else 0)


@plugin.command("normen")
@click.argument("gemeente", required=False)
@click.option("--peildatum", help="Datum (JJJJ-MM-DD; standaard vandaag).")
@_json_vlag
def normen_(gemeente: Optional[str], peildatum: Optional[str], als_json: bool) -> None:
    """Elke open norm met toegestaan bereik, grondslag en regionale standaard, en wat GEMEENTE koos.

    GEMEENTE is een pluginnaam of CBS-code van een geïnstalleerde plugin, of een pluginmap
    (ook een nog niet geïnstalleerde, zoals 'sora plugin nieuw' die neerzet). Zonder GEMEENTE:
    alleen de regio.

    \b
    Voorbeelden:
      sora plugin normen heiloo
      sora plugin normen plugins/bergen --peildatum 2026-01-01 --json
    """
    from datetime import date

    from .overzicht import open_normen, open_normen_tekst
    from .uitvoer import naar_json

    d = _datum(peildatum, "--peildatum") or date.today()
    p = _plugin_uit(gemeente) if gemeente else None
    doc = open_normen(d, p)
    click.echo(naar_json(doc) if als_json else open_normen_tekst(doc), nl=False)


def _plugin_uit(gemeente: str):
    """Een geladen plugin uit een pluginnaam, CBS-code of pluginmap."""
    from .pluginmap import laad_uit_project, zoek_project
    from .plugins import laad_plugin, register

    pad = Path(gemeente)
    if pad.exists():
        project = zoek_project(pad if pad.is_dir() else pad.parent)
        if project is None:
            raise InvoerFout([Fout("GEMEENTE", f"In {gemeente} staat geen plugin (geen pyproject.toml gevonden).")])
        naam, obj = laad_uit_project(project)
        return laad_plugin(naam, obj)
    return register().zoek(gemeente)


@sora.command()
@click.option("--peildatum", help="Datum (JJJJ-MM-DD; standaard vandaag).")
@_json_vlag
def landelijk(peildatum: Optional[str], als_json: bool) -> None:
    """De landelijke waarden die op een datum gelden: bijstandsnormen (ook voor jongeren),
    kostendelersnorm, vermogensgrenzen, woningvrijlating, drempelbedrag, giftenvrijlating en de
    minimumbedragen van de studietoeslag, elk met periode, grondslag, bron en of de waarde
    bevestigd is. Voor een handberekening zonder sora_core/data/ te lezen.

    \b
    Voorbeelden:
      sora landelijk
      sora landelijk --peildatum 2026-01-01 --json
    """
    from datetime import date

    from .overzicht import landelijk as lijst, landelijk_tekst
    from .uitvoer import naar_json

    doc = lijst(_datum(peildatum, "--peildatum") or date.today())
    click.echo(naar_json(doc) if als_json else landelijk_tekst(doc), nl=False)


# --------------------------------------------------------------------------- sora normen-doc

@sora.command("normen-doc")
@click.option("--controleer", "alleen_controleren", is_flag=True,
              help="Schrijf niets; exitcode 1 als docs/open-normen.md verouderd is.")
@click.option("--uit", help="Schrijf naar dit bestand (standaard docs/open-normen.md).")
def normen_doc(alleen_controleren: bool, uit: Optional[str]) -> None:
    """Schrijf docs/open-normen.md: elke open norm van de kern met betekenis en standaard.

    \b
    Voorbeeld:
      sora normen-doc --controleer
    """
    from . import docs

    from .uitvoerpad import controleer_uit

    pad = Path(controleer_uit(uit)) if uit else docs.OPEN_NORMEN  # alleen een gewoon bestand (zie docs/cli.md)
    if alleen_controleren:
        if docs.is_actueel(pad):
            click.echo(f"{pad} is actueel.")
            return
        click.echo(f"{pad} is verouderd; draai 'sora normen-doc' en commit het resultaat.", err=True)
        sys.exit(1)
    click.echo(f"{pad} {'bijgewerkt' if docs.schrijf(pad) else 'was al actueel'}.")


# --------------------------------------------------------------------------- sora serve

@sora.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren.")
@click.option("--poort", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP-poort.")
def serve(host: str, poort: int) -> None:
    """Start de HTTP-dienst voor zaaksystemen (zie docs/http.md).

    \b
    Voorbeeld:
      sora serve --poort 8080
      curl -s -X POST -H 'Content-Type: application/json' \\
        --data-binary @voorbeelden/alleenstaande-iit.json localhost:8080/beoordeel
    """
    from .wsgi import serveer

    serveer(host, poort, waarschuw=lambda s: click.echo(s, err=True))


# --------------------------------------------------------------------------- sora reproduceer

@sora.command()
@click.argument("besluit", type=click.Path(dir_okay=False))
@click.argument("casus", type=click.Path(dir_okay=False))
@_json_vlag
def reproduceer(besluit: str, casus: str, als_json: bool) -> None:
    """Neem het besluit opnieuw en toets het ontvangstbewijs en het hele besluit byte voor byte.
    Exitcode 0: gereproduceerd, 1: verschil.

    \b
    Voorbeeld:
      sora beoordeel voorbeelden/alleenstaande-iit.toml --json > besluit.json
      sora reproduceer besluit.json voorbeelden/alleenstaande-iit.toml
    """
    from .reproduceer import reproduceer_bestanden
    from .uitvoer import naar_json

    r = reproduceer_bestanden(Path(besluit), casus)
    click.echo(naar_json(r.als_dict()) if als_json else r.tekst(), nl=False)
    sys.exit(0 if r.gelijk else 1)


