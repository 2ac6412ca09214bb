"""Opdrachten voor consultants en beleidsmedewerkers: vergelijken, catalogus, normen,
harmonisatie, minima-effect, batch en een synthetische populatie.

De logica staat in ``sora_core.analyse``; hier alleen de opdrachtregel. Zware modules worden
pas in de opdracht geladen, zodat ``sora --help`` snel blijft. ``cli.py`` registreert deze
opdrachten met één import onderaan.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Optional

import click

from .cli import _datum, _json_vlag, _laad_casus, sora
from .fouten import SoraFout
from .geld import datum_nl


def _peildatum(waarde: Optional[str]) -> date:
    return _datum(waarde, "--peildatum") or date.today()


_PEILDATUM = click.option("--peildatum", help="Datum JJJJ-MM-DD (standaard: vandaag).")
_GEMEENTE = click.option("--gemeente", help="Alleen deze gemeente: CBS-code (GM0361) of pluginnaam (alkmaar).")
_CSV = click.option("--csv", "als_csv", is_flag=True, help="Uitvoer als CSV (voor een spreadsheet).")
_ZET = click.option("--zet", "zet", multiple=True, metavar="GEMEENTE.NORM=WAARDE",
                    help="Wat-als: zet een open norm voor deze run (herhaalbaar; GEMEENTE mag 'alle' zijn).")


def _uitvoer(doc: dict, als_json: bool, als_csv: bool, tekst, csv_=None) -> None:
    from .uitvoer import naar_json

    if als_json and als_csv:
        raise SoraFout("Kies --json of --csv, niet allebei.")
    if als_json:
        click.echo(naar_json(_met_pluginwaarschuwingen(doc)), nl=False)
    elif als_csv and csv_ is not None:
        click.echo(csv_(doc), nl=False)
    else:
        click.echo(tekst(doc), nl=False)


def _met_pluginwaarschuwingen(doc: dict) -> dict:
    """Plugins die niet laadden vooraan in ``waarschuwingen`` (van elk document dat dat veld heeft)."""
    from .cli import pluginwaarschuwingen

    w = pluginwaarschuwingen()
    if not w or "waarschuwingen" not in doc:
        return doc
    return {**doc, "waarschuwingen": w + list(doc["waarschuwingen"])}


def _zet(teksten, reg):
    if not teksten:
        return {}
    from .analyse.watals import lees_zet

    return lees_zet(teksten, reg)


def _grafiek_klaar(pad: Optional[str]) -> None:
    if not pad:
        return
    from .analyse.grafiek import GeenMatplotlib, controleer_pad, pyplot

    controleer_pad(pad)
    try:
        pyplot()
    except GeenMatplotlib as e:
        raise SoraFout(str(e)) from None


@sora.command()
@click.argument("casus", type=click.Path(dir_okay=False, allow_dash=True))
@_PEILDATUM
@_ZET
@_CSV
@_json_vlag
def vergelijk(casus: str, peildatum: Optional[str], zet, als_csv: bool, als_json: bool) -> None:
    """Beslis dezelfde casus in alle gemeenten en zet de uitkomsten naast elkaar.

    Per regeling de uitkomst en het bedrag per gemeente (≠ markeert verschillen), met totalen
    per jaar en eenmalig. De gemeente in de casus doet hier niet ter zake.

    \b
    Voorbeelden:
      sora vergelijk voorbeelden/gezin-vergelijk.toml
      sora vergelijk voorbeelden/gezin-vergelijk.toml --peildatum 2021-06-01 --csv
      sora vergelijk voorbeelden/gezin-vergelijk.toml \\
        --zet alkmaar.individuele_inkomenstoeslag.inkomensgrens=1.30
    """
    import attrs

    from .analyse import vergelijk as v
    from .plugins import register

    c = _laad_casus(casus)
    if peildatum:
        c = attrs.evolve(c, peildatum=_datum(peildatum, "--peildatum"))
    reg = register()
    doc = v.vergelijk(c, reg, _zet(zet, reg))
    _uitvoer(doc, als_json, als_csv, v.als_tekst, v.als_csv)


@sora.command()
@_GEMEENTE
@_PEILDATUM
@_CSV
@_json_vlag
def regelingen(gemeente: Optional[str], peildatum: Optional[str], als_csv: bool, als_json: bool) -> None:
    """Catalogus: het basispakket en het pluspakket van elke gemeente, met voorwaarden,
    bedragen en grondslag.

    \b
    Voorbeelden:
      sora regelingen --peildatum 2025-09-01
      sora regelingen --gemeente alkmaar --peildatum 2023-06-01 --json
    """
    from .analyse import regelingen as r

    doc = r.catalogus(_peildatum(peildatum), gemeente)
    _uitvoer(doc, als_json, als_csv, r.catalogus_tekst, r.catalogus_csv)


@sora.command()
@_GEMEENTE
@_PEILDATUM
@click.option("--breed", is_flag=True, help="De volledige tabel (breder dan 100 kolommen) in plaats van een blok per norm.")
@_CSV
@_json_vlag
def normen(gemeente: Optional[str], peildatum: Optional[str], breed: bool, als_csv: bool, als_json: bool) -> None:
    """Elke open norm: de regionale standaard en de waarde van elke gemeente, met bron.

    \b
    Voorbeelden:
      sora normen --peildatum 2025-09-01
      sora normen --gemeente heiloo --csv
    """
    from .analyse import normen as n

    doc = n.normen(_peildatum(peildatum), gemeente)
    _uitvoer(doc, als_json, als_csv, lambda d: n.normen_tekst(d, breed), n.normen_csv)


@sora.command()
@click.argument("gemeente_a")
@click.argument("gemeente_b")
@_PEILDATUM
@click.option("--breed", is_flag=True, help="Verschillen als één brede tabel in plaats van passend in 100 kolommen.")
@_json_vlag
def verschil(gemeente_a: str, gemeente_b: str, peildatum: Optional[str], breed: bool, als_json: bool) -> None:
    """Alleen wat verschilt tussen twee gemeenten: open normen en pluspakket.

    \b
    Voorbeelden:
      sora verschil alkmaar bergen --peildatum 2025-09-01
      sora verschil GM0361 GM1980 --json
    """
    from .analyse import normen as n

    doc = n.verschil(gemeente_a, gemeente_b, _peildatum(peildatum))
    _uitvoer(doc, als_json, False, lambda d: n.verschil_tekst(d, breed))


@sora.command()
@_PEILDATUM
@click.option("--grafiek", metavar="BESTAND", help="Teken een grafiek (.svg of .png); vraagt matplotlib.")
@_CSV
@_json_vlag
def harmonisatie(peildatum: Optional[str], grafiek: Optional[str], als_csv: bool, als_json: bool) -> None:
    """Harmonisatie per gemeente tegen het doel 90% geharmoniseerd / 10% lokaal, met oordeel.

    Normen: aandeel open normen op de regionale standaard (doel ten minste 90%). Waarde: de
    jaarwaarde van het pluspakket als deel van alle ondersteuning, gemiddeld over de
    modelhuishoudens van minima-effect op 100% van de norm (doel hoogstens 10%).

    \b
    Voorbeelden:
      sora harmonisatie --peildatum 2025-09-01
      sora harmonisatie --peildatum 2023-06-01 --grafiek harmonisatie.svg
    """
    from .analyse import harmonisatie as h

    _grafiek_klaar(grafiek)
    doc = h.harmonisatie(_peildatum(peildatum))
    _uitvoer(doc, als_json, als_csv, h.als_tekst, h.als_csv)
    if grafiek:
        from .analyse import grafiek as gr

        gr.harmonisatie(doc, grafiek)
        click.echo(f"Grafiek geschreven naar {grafiek}.", err=True)


@sora.command(name="minima-effect")
@_GEMEENTE
@_PEILDATUM
@_ZET
@click.option("--grafiek", metavar="BESTAND", help="Teken de armoedeval (.svg of .png); vraagt matplotlib.")
@click.option("--breed", is_flag=True, help="Elke melding op één regel en voluit, in plaats van passend in 100 kolommen.")
@_CSV
@_json_vlag
def minima_effect(gemeente: Optional[str], peildatum: Optional[str], zet, grafiek: Optional[str], breed: bool,
                  als_csv: bool, als_json: bool) -> None:
    """Minima-effect: jaarwaarde van elke regeling voor modelhuishoudens op 100, 110, 120, 130
    en 150% van de norm, het totaal, en waar de ondersteuning daalt als het inkomen stijgt.

    Omrekening: per maand x 12, per jaar x 1, eenmalig x 1.

    \b
    Voorbeelden:
      sora minima-effect --gemeente alkmaar --peildatum 2025-09-01
      sora minima-effect --peildatum 2025-09-01 --grafiek armoedeval.png
      sora minima-effect --gemeente bergen --zet bergen.individuele_inkomenstoeslag.inkomensgrens=1.30
    """
    from .analyse import minima_effect as m
    from .plugins import register

    _grafiek_klaar(grafiek)
    reg = register()
    doc = m.minima_effect(_peildatum(peildatum), gemeente, reg, _zet(zet, reg))
    _uitvoer(doc, als_json, als_csv, lambda d: m.als_tekst(d, breed), m.als_csv)
    if grafiek:
        from .analyse import grafiek as gr

        gr.minima_effect(doc, grafiek)
        click.echo(f"Grafiek geschreven naar {grafiek}.", err=True)


@sora.command()
@_PEILDATUM
@click.option("--gemeente", "gemeenten", multiple=True,
              help="Alleen de eigen waarden van deze gemeente (herhaalbaar): CBS-code of pluginnaam.")
@_json_vlag
@click.pass_context
def actualiteit(ctx: click.Context, peildatum: Optional[str], gemeenten, als_json: bool) -> None:
    """Is het recht in de toolkit actueel? Per parameter en open norm: eerste en laatste gedekte
    dag, perioden zonder waarde en waarden die nog te bevestigen zijn; wat op de peildatum niet
    gedekt is, en de eerste ongedekte datum.

    Exitcode 0 als de peildatum volledig gedekt is, 1 als niet (voor een geplande taak), 2 bij
    ongeldige invoer.

    \b
    Voorbeelden:
      sora actualiteit --peildatum 2026-12-01
      sora actualiteit --peildatum 2027-01-01 --gemeente alkmaar   # exitcode 1: niet gedekt
      sora actualiteit --json > actualiteit.json || echo "waarden ontbreken"
    """
    from .analyse import actualiteit as a

    doc = a.actualiteit(_peildatum(peildatum), gemeenten)
    _uitvoer(doc, als_json, False, a.als_tekst)
    if not doc["volledig_gedekt"]:
        ctx.exit(1)


@sora.command()
@_PEILDATUM
@click.option("--uit", "uitvoer", required=True, metavar="BESTAND", help="Schrijf het rapport (HTML) naar dit bestand.")
def rapport(peildatum: Optional[str], uitvoer: str) -> None:
    """Eén zelfstandig HTML-rapport voor raad of stuurgroep: de modelhuishoudens in alle gemeenten,
    het harmonisatiebeeld, de armoedeval (grafieken en effectieve marginale druk), de open normen
    waarin gemeenten verschillen, de actualiteit van de gegevens en elke onbevestigde waarde.

    Geen externe bronnen en geen JavaScript; af te drukken op A4. Het bestand verschijnt pas
    als het helemaal geschreven is.

    \b
    Voorbeelden:
      sora rapport --uit rapport.html
      sora rapport --peildatum 2026-07-01 --uit raad-juli.html
    """
    from .analyse import rapport as r

    from .uitvoerpad import controleer_uit

    controleer_uit(uitvoer)  # zelfde regels als elke --uit: alleen een gewoon bestand, atomisch
    pd = _peildatum(peildatum)
    tekst = r.html_rapport(r.gegevens(pd), gemaakt=date.today())
    with _open_uit(uitvoer) as f:
        f.write(tekst)
    click.echo(f"Rapport op {datum_nl(pd)} geschreven naar {uitvoer}.", err=True)


def _open_uit(pad: Optional[str], invoer: Optional[str] = None):
    """Het uitvoerbestand van ``--uit`` (regels en controles: ``uitvoerpad``)."""
    if pad is None:
        import contextlib

        return contextlib.nullcontext(None)
    if pad == "-":
        import contextlib

        return contextlib.nullcontext(sys.stdout)
    from .uitvoerpad import Atomisch

    return Atomisch(pad, invoer=invoer)


@sora.command()
@click.argument("invoer", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--uit", "uitvoer", metavar="UITVOER", help="Schrijf de besluiten (JSON Lines) hierheen; '-' is standaarduit.")
@click.option("--formaat", type=click.Choice(["jsonl", "csv"]), help="Invoerformaat (standaard: uit de extensie; .csv is CSV).")
@_ZET
@click.option("--processen", type=click.IntRange(1, 64), help="Aantal werkprocessen (standaard: aantal kernen).")
@click.option("--blok", type=click.IntRange(1, 100_000), default=None,
              help="Casussen per blok (standaard 1000; met --volledig 100, zodat het geheugen laag blijft).")
@click.option("--volledig", is_flag=True, help="Het hele besluit (met motivering) per casus, in plaats van kort.")
@click.option("--voortgang/--geen-voortgang", default=None, help="Voortgang op standaardfout (standaard: als die een terminal is).")
@_json_vlag
def batch(invoer: str, uitvoer: Optional[str], formaat: Optional[str], zet, processen: Optional[int], blok: Optional[int],
          volledig: bool, voortgang: Optional[bool], als_json: bool) -> None:
    """Beslis veel casussen uit JSON Lines of CSV, gestreamd, op alle kernen, met samenvatting.

    Slechte regels worden met hun regelnummer gemeld; de run gaat door. Het uitvoerbestand
    verschijnt pas als de hele run af is (nooit half geschreven).

    \b
    Exitcode:
      0  elke casus is beslist
      1  de run is af, maar een of meer regels hadden een fout (in de samenvatting en de uitvoer)
      2  onbruikbare invoer of opties (niets beslist, geen uitvoerbestand)
      128+N  onderbroken door signaal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP)

    \b
    Voorbeelden:
      sora populatie --aantal 1000 --seed 1 --uit populatie.jsonl
      sora batch populatie.jsonl --uit besluiten.jsonl
      sora batch voorbeelden/casussen.csv --json
      sora batch populatie.jsonl --zet alkmaar.individuele_inkomenstoeslag.inkomensgrens=1.30
    """
    from .analyse import batch as b
    from .plugins import register
    from .uitvoer import naar_json
    from .uitvoerpad import controleer_uit, onderbreekbaar

    if uitvoer and uitvoer != "-":
        controleer_uit(uitvoer, invoer=invoer)  # vóór er iets gelezen of beslist is
    reg = register()
    z = _zet(zet, reg)
    fmt = b.formaat_van(invoer, formaat)
    if voortgang is None:
        voortgang = sys.stderr.isatty()
    fout_stroom = sys.stderr

    def toon(n: int, fouten: int, sec: float) -> None:
        def nl(x: float) -> str:
            return f"{x:,.0f}".replace(",", ".")

        snelheid = f", {nl(n / sec)} per seconde" if sec > 0 else ""
        fout_stroom.write(f"\r  {nl(n)} casussen verwerkt, {nl(fouten)} met een fout{snelheid}   ")
        fout_stroom.flush()

    try:
        bron = sys.stdin.buffer if invoer == "-" else open(invoer, "rb")
    except OSError as e:
        raise SoraFout(f"Invoerbestand {invoer} kan niet worden gelezen ({type(e).__name__}).") from None
    with onderbreekbaar(), bron:
        with _open_uit(uitvoer, invoer) as uit:
            samen = b.draai(bron, uit, formaat=fmt, zet=z, processen=processen or os.cpu_count() or 1, blok=blok,
                            volledig=volledig, voortgang=toon if voortgang else None)
    if voortgang:
        fout_stroom.write("\n")
    naar_stderr = uitvoer == "-"
    tekst = naar_json(_met_pluginwaarschuwingen(samen)) if als_json else b.samenvatting_tekst(samen)
    click.echo(tekst, nl=False, err=naar_stderr)
    if samen["fouten"]:
        if not als_json:
            click.echo(f"{samen['fouten']} regel(s) konden niet worden beslist; zie hierboven en de uitvoer.", err=True)
        sys.exit(1)  # exitcode 1: de run is af, maar niet elke casus is beslist (zie --help)


@sora.command()
@click.option("--aantal", type=click.IntRange(0, 10_000_000), required=True, help="Aantal casussen.")
@click.option("--seed", type=int, default=1, show_default=True, help="Startwaarde: dezelfde seed geeft dezelfde populatie.")
@click.option("--peildatum", help="Peildatum van de casussen (standaard 2025-09-01, vast voor reproduceerbaarheid).")
@click.option("--uit", "uitvoer", metavar="BESTAND", help="Schrijf naar dit bestand (anders standaarduit).")
def populatie(aantal: int, seed: int, peildatum: Optional[str], uitvoer: Optional[str]) -> None:
    """Maak een reproduceerbare synthetische populatie (JSON Lines, één casus per regel) voor
    alle zes gemeenten. Geen persoonsgegevens: alles is getrokken; de aannamen staan in
    docs/cli.md.

    \b
    Voorbeelden:
      sora populatie --aantal 1000 --seed 42 --uit populatie.jsonl
      sora populatie --aantal 5 | sora batch - --json
    """
    from .analyse import populatie as p

    pd = _datum(peildatum, "--peildatum") or p.STANDAARD_PEILDATUM
    regels = p.regels(aantal, seed, pd)
    if uitvoer and uitvoer != "-":
        with _open_uit(uitvoer) as f:
            for r in regels:
                f.write(r)
        click.echo(f"{aantal} casussen geschreven naar {uitvoer}.", err=True)
    else:
        uit = sys.stdout
        for r in regels:
            uit.write(r)
