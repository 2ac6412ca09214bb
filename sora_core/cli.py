"""De opdrachtregel: ``sora``. Nederlandse uitvoer; ``--json`` op elke opdracht met een resultaat.

Fouten van het domein worden op één plek vertaald (``SoraGroep.invoke``): een Nederlandse
melding op standaardfout (of met ``--json`` een ``sora-fout/1``-document op standaarduit),
exitcode 2, nooit een traceback.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .fouten import Fout, InvoerFout, SoraFout
from .lui import Patroon
from .uitvoerpad import Onderbroken

EXIT_INVOER = 2


class SoraFoutUitvoer(click.ClickException):
    exit_code = EXIT_INVOER

    def __init__(self, fout: SoraFout, als_json: bool):
        self.fout = fout
        self.als_json = als_json
        super().__init__(str(fout))

    def show(self, file=None) -> None:  # noqa: D401 - click-API
        if self.als_json:
            from .uitvoer import naar_json

            click.echo(naar_json(self.fout.als_dict()), nl=False)
            return
        regels = ["Fout: de invoer kan niet worden beslist."] if isinstance(self.fout, InvoerFout) else ["Fout:"]
        for f in self.fout.fouten():
            regels.append(f"  - {f.veld}: {f.melding}" if f.veld else f"  - {f.melding}")
        click.echo("\n".join(regels), err=True)


class GebruiksFout(click.UsageError):
    """Een fout in de opdrachtregel (click), in het Nederlands; met ``--json`` als ``sora-fout/1``."""

    def __init__(self, melding: str, ctx: Optional[click.Context], als_json: bool):
        super().__init__(melding, ctx)
        self.als_json = als_json

    def show(self, file=None) -> None:  # noqa: D401 - click-API
        if self.als_json:
            from .uitvoer import naar_json

            click.echo(naar_json({"contract": "sora-fout/1", "fouten": [{"veld": None, "melding": self.message}]}),
                       nl=False)
            return
        regels = []
        if self.ctx is not None:
            regels.append(self.ctx.get_usage())  # "Gebruik: ... [OPTIES]" (SoraHulpOpmaak)
            regels.append(f"Zie '{self.ctx.command_path} --help' voor hulp.\n")
        regels.append(f"Fout: {self.message}")
        click.echo("\n".join(regels), err=True)


def _optienaam(tekst: str) -> str:
    """Een optie- of opdrachtnaam uit de melding van click, alleen als hij op een naam lijkt."""
    import re

    m = re.fullmatch(r"-{0,2}[A-Za-z][A-Za-z0-9_\-]{0,39}", tekst.strip("'\" "))
    return m.group(0) if m else ""


#: clicks eigen gebruiksfouten (Engels) met één naam erin -> de Nederlandse melding
_CLICK_MELDINGEN = (
    (r"Missing argument '([^']+)'", "Argument {} ontbreekt."),
    (r"Missing option '([^']+)'", "Optie {} ontbreekt."),
    (r"Option '([^']+)' requires (?:an argument|\d+ arguments)", "Optie {} vraagt een waarde."),
    (r"Option '([^']+)' does not take a value", "Optie {} neemt geen waarde."),
)


def vertaal_gebruiksfout(e: click.UsageError) -> str:
    """De Engelse melding van click in het Nederlands. Een ingevoerde waarde komt niet terug
    (die kan een BSN of naam zijn); een optie- of opdrachtnaam alleen als hij op een naam lijkt."""
    import re

    m = e.format_message()  # bij BadParameter/MissingParameter met 'Invalid value for ...' ervoor
    if m.startswith("No such option"):
        naam = _optienaam(m.split(":", 1)[-1].split("Did you mean")[0].strip(" .").split()[-1] if ":" in m
                          else m[len("No such option"):].strip(" .").split(".")[0])
        tip = re.search(r"Did you mean ([^?]+)\?", m)
        uit = f"Onbekende optie{f' {naam}' if naam else ''}."
        return uit + (f" Bedoelt u {tip.group(1)}?" if tip and _optienaam(tip.group(1).split(",")[0]) else "")
    if m.startswith("No such command"):
        naam = _optienaam(m[len("No such command"):].strip(" ."))
        return f"Onbekende opdracht{f' {naam}' if naam else ''}; zie 'sora --help'."
    for patroon, melding in _CLICK_MELDINGEN:
        g = re.match(patroon, m)
        if g:
            return melding.format(g.group(1))
    if m.startswith("Got unexpected extra argument"):
        return "Onverwacht extra argument; zie --help."
    g = re.match(r"Invalid value for '([^']+)'", m)
    if g:
        reden = next((nl for en, nl in (("is a directory", "het is een map"), ("does not exist", "het bestand bestaat niet"),
                                        ("is not readable", "geen leesrechten"), ("is a file", "het is een bestand"),
                                        ("is not a valid integer", "verwacht een geheel getal"), ("range", "buiten het toegestane bereik"),
                                        ("is not a valid float", "verwacht een getal"),
                                        ("is not in the range", "buiten het toegestane bereik"),
                                        ("is not one of", "kies een van de toegestane waarden"),
                                        ("is not a valid boolean", "verwacht ja of nee"))
                      if en in m), "ongeldige waarde")
        return f"Ongeldige waarde voor {g.group(1)}: {reden}."
    if re.search(r"[A-Za-z]", m) and not re.search(r"\b(the|is|not|for|option|argument|value|invalid)\b", m, re.I):
        return m  # al Nederlands (een eigen click.BadParameter van SORA)
    return "Ongeldige opdrachtregel; zie --help."


# --------------------------------------------------------------------------- --help in het Nederlands

#: de koppen en vaste teksten van clicks hulp -> Nederlands (één plek voor elke opdracht)
HULP_KOPPEN = {"Options": "Opties", "Commands": "Opdrachten", "Positional arguments": "Argumenten"}
HULP_OPTIE = "Toon deze hulp en stop."
VERSIE_OPTIE = "Toon de versie en stop."
#: clicks typenamen in de optiekolom (``--peildatum TEXT``) -> Nederlands
_HULP_TYPEN = {"TEXT": "TEKST", "INTEGER RANGE": "GETAL", "INTEGER": "GETAL", "FLOAT RANGE": "GETAL", "FLOAT": "GETAL",
               "DIRECTORY": "MAP", "FILENAME": "BESTAND", "FILE": "BESTAND", "PATH": "PAD", "BOOLEAN": "JA/NEE",
               "CHOICE": "KEUZE"}
_HULP_TYPE = Patroon(r"(?<![A-Z_.=-])(" + "|".join(sorted(_HULP_TYPEN, key=len, reverse=True)) + r")(?![A-Z_.=-])")
#: wat click tussen [haken] achter een optie zet
_HULP_EXTRA = ((Patroon(r"\[default: "), "[standaard: "), (Patroon(r"; default: "), "; standaard: "),
               (Patroon(r"\brequired\]"), "verplicht]"), (Patroon(r"\brequired;"), "verplicht;"))


class SoraHulpOpmaak(click.HelpFormatter):
    """Clicks opmaak van ``--help`` met Nederlandse koppen: "Gebruik:", "Opties:", "Opdrachten:"."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HULP_KOPPEN.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        def extra(tekst: str) -> str:
            for patroon, nl in _HULP_EXTRA:
                tekst = patroon.sub(nl, tekst)
            return tekst

        super().write_dl([(_HULP_TYPE.sub(lambda m: _HULP_TYPEN[m.group(1)], a), extra(b)) for a, b in rows],
                         col_max, col_spacing)


class SoraContext(click.Context):
    formatter_class = SoraHulpOpmaak


class _Nederlands:
    """Voor elke opdracht en groep van ``sora``: Nederlandse hulp (koppen, ``[OPTIES]``, de hulpoptie)."""

    context_class = SoraContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context):
        optie = super().get_help_option(ctx)
        if optie is not None:
            optie.help = HULP_OPTIE
        return optie


class SoraOpdracht(_Nederlands, click.Command):
    pass


class SoraSubgroep(_Nederlands, click.Group):
    """Een groep onder ``sora`` (``sora plugin``): dezelfde hulp; fouten en meldingen doet ``SoraGroep``."""

    command_class = SoraOpdracht

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)


class SoraGroep(_Nederlands, click.Group):
    """De groep ``sora``. De opdrachten van ``cli_analyse`` en ``cli_plugin`` worden pas geladen als een
    opdracht die hier niet staat of de lijst van opdrachten wordt gevraagd (``laad_opdrachten``): een koude
    ``sora beoordeel`` laadt ze niet (click, "Lazily Loading Subcommands")."""

    command_class = SoraOpdracht
    group_class = SoraSubgroep

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def get_command(self, ctx, cmd_name):
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None and not _GELADEN[0]:
            laad_opdrachten()
            cmd = super().get_command(ctx, cmd_name)
        return cmd

    def list_commands(self, ctx):
        laad_opdrachten()
        return super().list_commands(ctx)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
            ctx.meta.setdefault("sora_args", list(args or []))
            return ctx
        except click.UsageError as e:
            if isinstance(e, GebruiksFout):
                raise
            raise GebruiksFout(vertaal_gebruiksfout(e), e.ctx, "--json" in (args or [])) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SoraFout as e:
            raise SoraFoutUitvoer(e, _wil_json(ctx)) from None
        except Onderbroken as e:  # SIGTERM, SIGHUP, SIGINT tijdens een run die schrijft (uitvoerpad)
            click.echo(f"Onderbroken ({e.naam}): de run is gestopt; een uitvoerbestand (--uit) is niet geschreven "
                       "of vervangen.", err=True)
            ctx.exit(128 + e.signum)
        except click.UsageError as e:
            if isinstance(e, GebruiksFout):
                raise
            raise GebruiksFout(vertaal_gebruiksfout(e), e.ctx, "--json" in ctx.meta.get("sora_args", ())) from None
        finally:
            waarschuwingen = pluginwaarschuwingen() if ctx.invoked_subcommand != "gemeenten" else []  # die noemt ze zelf
            if waarschuwingen:  # zonder waarschuwingen hoeft de opmaak niet geladen te worden (koude start)
                from .analyse.actualiteit import waarschuwingen_tekst

                for regel in waarschuwingen_tekst(waarschuwingen):  # gevouwen op 100 kolommen
                    click.echo(regel, err=True)


def pluginwaarschuwingen() -> list[str]:
    """Een regel per plugin die niet laadde, als het register geladen is (anders niets: dan ging
    het niet over gemeenten, en het register laden kost tijd)."""
    plugins = sys.modules.get("sora_core.plugins")
    reg = getattr(plugins, "_REGISTER", None)
    return reg.waarschuwingen() if reg is not None else []


def _wil_json(ctx: click.Context) -> bool:
    sub = ctx.invoked_subcommand
    return bool(ctx.meta.get("sora_json")) or ("--json" in ctx.meta.get("sora_args", sys.argv[1:]) and sub is not None)


def _datum(waarde: Optional[str], veld: str) -> Optional[date]:
    if waarde is None:
        return None
    from .invoer import datum_uit_tekst

    return datum_uit_tekst(waarde, veld)


def _laad_casus(casus: str):
    """De casus uit een bestand, of met ``-`` van standaardinvoer (begrensd gelezen)."""
    from .invoer import MAX_GROOTTE, casus_uit_dict, laad_casus, lees_document

    if casus == "-":
        return casus_uit_dict(lees_document(sys.stdin.buffer.read(MAX_GROOTTE + 1), None))
    return laad_casus(casus)


def _json_vlag(f):
    def zet(ctx, _param, waarde):
        if waarde:
            ctx.meta["sora_json"] = True
        return waarde

    return click.option("--json", "als_json", is_flag=True, callback=zet, expose_value=True, is_eager=True,
                        help="Uitvoer als JSON (machineleesbaar).")(f)


@click.group(cls=SoraGroep, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sora", message="%(prog)s %(version)s", help=VERSIE_OPTIE)
def sora() -> None:
    """SORA: minimabeleid van de regio Alkmaar als regels.

    \b
    Voorbeelden:
      sora gemeenten
      sora beoordeel voorbeelden/bijzondere-bijstand-bergen-bewindvoering.toml
      sora beoordeel voorbeelden/alleenstaande-iit.toml --gemeente GM0361 --json
    """


@sora.command()
@click.argument("casus")  # geen click.Path: de lezer geeft zelf een Nederlandse fout (map, niet gevonden)
@click.option("--gemeente", help="CBS-code (GM0373) of pluginnaam (bergen); vervangt die in de casus.")
@click.option("--peildatum", help="Datum JJJJ-MM-DD; vervangt die in de casus.")
@click.option("--besluitdatum", help="Dag van bekendmaking JJJJ-MM-DD (begin van de bezwaartermijn); vervangt die in de casus.")
@click.option("--kort", is_flag=True, help="Alleen uitkomst en bedrag per regeling, zonder motivering.")
@click.option("--zgw", is_flag=True, help="Uitvoer als ZGW Besluit-resources (Besluiten API 1.0.2), JSON.")
@click.option("--rsin", help="RSIN van de gemeente (9 cijfers, elfproef); verplicht met --zgw.")
@click.option("--besluittype", help="URL van het BESLUITTYPE in de Catalogi API; verplicht met --zgw.")
@click.option("--bestuursorgaan", help="Bestuursorgaan voor --zgw (ten hoogste 50 tekens; standaard het college).")
@_json_vlag
def beoordeel(casus: str, gemeente: Optional[str], peildatum: Optional[str], besluitdatum: Optional[str],
              kort: bool, zgw: bool, rsin: Optional[str], besluittype: Optional[str], bestuursorgaan: Optional[str],
              als_json: bool) -> None:
    """Beslis over een casus (TOML of JSON; '-' leest JSON van standaardinvoer). Een
    scenariobestand (tests/scenario_*.toml) mag ook: dan telt zijn [casus].

    \b
    Voorbeelden:
      sora beoordeel voorbeelden/alleenstaande-iit.toml
      sora beoordeel voorbeelden/alleenstaande-iit.toml --gemeente heiloo --peildatum 2026-12-01
      cat voorbeelden/alleenstaande-iit.json | sora beoordeel - --json
      sora beoordeel plugins/bergen/tests/scenario_iit_alleenstaande.toml --kort
      sora beoordeel voorbeelden/bijzondere-bijstand-bergen-bewindvoering.toml --zgw \\
        --rsin 002564440 --besluittype https://catalogi.example/besluittypen/1
    """
    from .beslisser import beoordeel as beslis
    from .uitvoer import besluit_json, besluit_tekst, naar_json

    if zgw:
        from .zgw import controleer_invoer

        controleer_invoer(rsin, besluittype, bestuursorgaan)
    else:
        los = [n for n, w in (("--rsin", rsin), ("--besluittype", besluittype), ("--bestuursorgaan", bestuursorgaan)) if w]
        if los:
            raise InvoerFout([Fout(n, f"{n} hoort bij --zgw.") for n in los])
    scenario = None
    if casus != "-" and Path(casus).suffix.lower() == ".toml":  # anders is het nooit een scenario (koude start)
        from .scenario import als_scenario

        scenario = als_scenario(casus)  # een scenariobestand (tests/scenario_*.toml): zijn [casus]
    reg = None
    if scenario is not None:
        from .invoer import casus_uit_dict

        c, reg = casus_uit_dict(scenario[0]), scenario[1]
    else:
        c = _laad_casus(casus)
    bd = _datum(besluitdatum, "--besluitdatum")
    pd = _datum(peildatum, "--peildatum")
    if bd is not None or pd is not None:  # de besluitdatum begint de bezwaartermijn, ook in de motivering
        import attrs

        from .invoer import controleer_samenhang

        c = attrs.evolve(c, **({"besluitdatum": bd} if bd else {}), **({"peildatum": pd} if pd else {}))
        controleer_samenhang(c)  # dezelfde controles over velden heen als voor de casus zelf
    besluit = beslis(c, gemeente=gemeente, **({"reg": reg} if reg else {}))
    if zgw:
        from .zgw import naar_zgw, waarschuwingen

        for w in waarschuwingen(besluit, c.besluitdatum):
            click.echo(f"Let op: {w}", err=True)
        click.echo(naar_json(naar_zgw(besluit, rsin=rsin, besluittype=besluittype, besluitdatum=c.besluitdatum,
                                      bestuursorgaan=bestuursorgaan)), nl=False)
    elif als_json:
        click.echo(besluit_json(besluit), nl=False)
    else:
        click.echo(besluit_tekst(besluit, uitgebreid=not kort), nl=False)


@sora.command()
@_json_vlag
def gemeenten(als_json: bool) -> None:
    """Toon de geïnstalleerde gemeenten met CBS-code, pluginversie en geldigheid.

    \b
    Voorbeeld:
      sora gemeenten --json
    """
    from .geld import datum_nl
    from .plugins import register
    from .uitvoer import naar_json

    doc = register().overzicht()
    rijen, fouten = doc["gemeenten"], doc["plugin_fouten"]
    if als_json:
        click.echo(naar_json(doc), nl=False)
        return
    click.echo(f"{'CBS-code':<9} {'gemeente':<16} {'plugin':<14} {'versie':<8} geldig")
    for r in rijen:
        geldig = f"vanaf {datum_nl(r['geldig_vanaf'])}" if r["geldig_vanaf"] else "-"
        if r["geldig_tot"]:
            geldig += f" tot en met {datum_nl(r['geldig_tot'])}"
        click.echo(f"{r['cbs_code']:<9} {r['naam']:<16} {r['plugin']:<14} {r['plugin_versie']:<8} {geldig}")
    for f in fouten:
        click.echo(f"Plugin niet geladen: {f['melding']}", err=True)


def laad_opdrachten() -> click.Group:
    """Laad de overige opdrachten: ``cli_analyse`` (vergelijk, normen, batch, ...) en ``cli_plugin`` (plugin,
    normen-doc, serve, reproduceer). Geeft de groep ``sora`` met alle opdrachten in ``commands``."""
    if not _GELADEN[0]:
        _GELADEN[0] = True
        from . import cli_analyse, cli_plugin  # noqa: F401  (registreren hun opdrachten bij sora)
    return sora


#: [de opdrachten van cli_analyse en cli_plugin zijn geladen]
_GELADEN = [False]


def main() -> None:
    sora(prog_name="sora")

if __name__ == "__main__":  # pragma: no cover
    main()
