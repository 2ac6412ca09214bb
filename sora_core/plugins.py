"""Gemeenteplugins laden: één plugin manager per gemeente.

* De zes plugins van de regio worden direct op modulenaam geladen (snel, zonder alle
  geïnstalleerde distributies af te zoeken); andere plugins komen binnen via de
  entry-pointgroep ``sora``. Een naam komt maar één keer voor.
* Elke plugin krijgt een eigen ``pluggy.PluginManager``: een hook wordt dus alleen voor de
  gemeente van de casus aangeroepen en registratievolgorde doet niet ter zake.
* ``check_pending()`` laat een verkeerd gespelde hooknaam meteen falen.
* Een plugin die faalt, wordt met naam gemeld (``PluginFout``) en neemt de andere gemeenten
  niet mee in zijn val.
"""

from __future__ import annotations

import importlib
import os
import types
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

import attrs
import pluggy

from . import hookspecs
from .fouten import BeleidFout, PluginFout, SoraFout
from .geld import datum_nl
from .model import GemeenteInfo
from .parameters import Definitie, Waarde, kern_definities, lees_datum, sluit_perioden

#: de zes gemeenten van de regio: pluginnaam -> module
INGEBOUWD = {
    "alkmaar": "sora_alkmaar",
    "bergen": "sora_bergen",
    "castricum": "sora_castricum",
    "dijk_en_waard": "sora_dijk_en_waard",
    "heiloo": "sora_heiloo",
    "uitgeest": "sora_uitgeest",
}
ENTRY_POINT_GROEP = "sora"


@attrs.frozen
class GeladenPlugin:
    naam: str
    pm: pluggy.PluginManager
    info: GemeenteInfo
    #: per open norm de gedateerde waarden die de gemeente koos
    normen: dict[str, tuple[Waarde, ...]]
    #: open normen die de gemeente uitdrukkelijk op de regionale standaard laat, nog te bevestigen
    te_bevestigen: dict[str, str]
    #: pluspakketregelingen uit data (ruwe, gevalideerde tabellen; zie regels.declaratief)
    regelingen: tuple[Any, ...]
    #: pluspakketregelingen in Python (sleutel -> RegelingDef)
    python_regels: dict[str, Any]
    bestanden: tuple[Path, ...]
    #: eigen kostensoorten voor bijzondere bijstand (``[[kostensoort]]``; zie regels.kostensoorten)
    kostensoorten: tuple[Any, ...] = ()


@attrs.frozen
class Register:
    """Alle geladen plugins, plus de plugins die niet geladen konden worden (met reden)."""

    plugins: dict[str, GeladenPlugin]
    fouten: dict[str, PluginFout]

    def zoek(self, gemeente: str) -> GeladenPlugin:
        """Zoek op CBS-code (GM0373) of pluginnaam (bergen), hoofdletterongevoelig."""
        sleutel = gemeente.strip()
        for p in self.plugins.values():
            if sleutel.upper() == p.info.cbs_code or sleutel.lower() == p.naam:
                return p
        for naam, fout in self.fouten.items():
            if sleutel.lower() == naam:
                raise fout
        from .fouten import Fout, InvoerFout

        bekend = ", ".join(f"{p.info.cbs_code} ({p.naam})" for p in self.gesorteerd())
        from .invoer import getoond

        melding = f"Onbekende gemeente{getoond(sleutel)}. Geïnstalleerd: {bekend or 'geen'}."
        claimt = [f for f in self.fouten.values() if getattr(f, "cbs_code", None) == sleutel.upper()]
        if claimt:  # de plugin van deze gemeente is er wel, maar laadde niet: zeg dat, en waarom
            f = claimt[0]
            melding = (f"Gemeente {sleutel.upper()} is niet beschikbaar: plugin '{f.plugin}' heeft die CBS-code maar kon "
                       f"niet worden geladen ({f.reden}). Geïnstalleerd: {bekend or 'geen'}.")
        elif self.fouten:  # van een plugin die niet laadde is de code soms niet bekend: noem hem toch
            niet = "; ".join(f"'{f.plugin}' ({f.reden})" for f in self.fouten.values())
            melding += f" Niet geladen (misschien hoort de gemeente daarbij): {niet}."
        raise InvoerFout([Fout("gemeente", melding)])

    def waarschuwingen(self) -> list[str]:
        """Eén regel per plugin die niet laadde, voor elke opdracht (standaardfout, en in ``--json``
        het veld ``waarschuwingen``): een ontbrekende gemeente is nooit stil."""
        return [f"Let op: plugin '{f.plugin}'{f' ({f.cbs_code})' if getattr(f, 'cbs_code', None) else ''} is niet "
                f"geladen: {f.reden}. Die gemeente ontbreekt in deze uitvoer; zie 'sora gemeenten'."
                for f in self.fouten.values()]

    def gesorteerd(self) -> list[GeladenPlugin]:
        return sorted(self.plugins.values(), key=lambda p: p.info.naam)

    def overzicht(self) -> dict:
        """De gemeenten en de plugins die niet laadden (``sora gemeenten --json``, ``GET /gemeenten``)."""
        def datum(d: Optional[date]) -> Optional[str]:
            return d.isoformat() if d else None

        return {
            "gemeenten": [{
                "cbs_code": p.info.cbs_code, "naam": p.info.naam, "plugin": p.naam, "plugin_versie": p.info.plugin_versie,
                "geldig_vanaf": datum(p.info.geldig_vanaf), "geldig_tot": datum(p.info.geldig_tot),
            } for p in self.gesorteerd()],
            "plugin_fouten": [{"plugin": n, "melding": str(f)} for n, f in sorted(self.fouten.items())],
        }


class _Manager(pluggy.PluginManager):
    """``pluggy.PluginManager`` met een snellere maar gelijke keuze van hooks in een module.

    pluggy kijkt voor elke naam van een module (``dir``: ook ``__doc__``, ``Path``, de imports) met
    ``inspect.getattr_static`` of het een hook is; dat was 42% van het laden van de zes plugins bij
    elke koude start. Alleen een functie, ``staticmethod``, ``classmethod`` of gebonden methode kan een
    hook zijn; staat onder de naam in de ``__dict__`` van een gewone module iets anders (tekst, een
    pad, een klasse, een module), dan is het antwoord van pluggy altijd None, en dat geven we hier
    meteen. Al het andere (een functie, een klasse- of instantieplugin, een naam die ``ModuleType``
    zelf kent) gaat naar pluggy zelf. pluggy noemt ``parse_hookimpl_opts`` en ``parse_hookspec_opts``
    uitdrukkelijk als de plek om de keuze aan te passen in een subklasse."""

    def parse_hookimpl_opts(self, plugin, name):
        if _geen_hook(plugin, name):
            return None
        return super().parse_hookimpl_opts(plugin, name)

    def parse_hookspec_opts(self, module_or_class, name):
        if _geen_hook(module_or_class, name):
            return None
        return super().parse_hookspec_opts(module_or_class, name)


_MODULETYPE = type(pluggy)
#: wat ``ModuleType`` (en ``object``) zelf onder een naam hebben: die laten we aan pluggy
_NAMEN_VAN_MODULETYPE = frozenset(dir(_MODULETYPE))
#: wat pluggy als hook kan zien (``_static_hook_attr``)
_HOOKBAAR = (types.FunctionType, types.MethodType, staticmethod, classmethod)
_AFWEZIG = object()


def _geen_hook(obj: Any, naam: str) -> bool:
    """Zeker geen hook: ``obj`` is precies een module en onder ``naam`` staat in zijn ``__dict__`` iets dat
    geen functie, ``staticmethod``, ``classmethod`` of gebonden methode is."""
    if type(obj) is not _MODULETYPE or naam in _NAMEN_VAN_MODULETYPE:
        return False
    waarde = obj.__dict__.get(naam, _AFWEZIG)
    return waarde is not _AFWEZIG and not isinstance(waarde, _HOOKBAAR)


def _nieuwe_pm() -> pluggy.PluginManager:
    pm = _Manager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def laad_plugin(naam: str, obj: Any, definities: Optional[dict[str, Definitie]] = None) -> GeladenPlugin:
    """Registreer één plugin-object (module of klasse-instantie) in een eigen manager en
    lees zijn identiteit en beleid. Elke fout wordt een ``PluginFout`` met de pluginnaam."""
    definities = definities if definities is not None else kern_definities()
    pm = _nieuwe_pm()
    try:
        pm.register(obj, name=naam)
        pm.check_pending()
    except pluggy.PluginValidationError as e:
        raise PluginFout(naam, _hookfout(e)) from None
    except ValueError as e:
        raise PluginFout(naam, f"kan niet worden geregistreerd: {e}") from None
    try:
        ruw = pm.hook.sora_gemeente()
    except SoraFout:
        raise
    except Exception as e:  # een plugin is code van derden: meld welke faalde
        raise PluginFout(naam, f"hook faalde: {type(e).__name__}: {e}") from None
    info = _gemeente_info(naam, ruw)
    try:
        try:
            bestanden = [Path(b) for lijst in pm.hook.sora_beleid() for b in (lijst or [])]
        except SoraFout:
            raise
        except Exception as e:
            raise PluginFout(naam, f"hook faalde: {type(e).__name__}: {e}") from None
        return _laad_rest(naam, pm, info, bestanden, definities)
    except Exception as e:  # de CBS-code is nu bekend: die gaat mee, zodat 'onbekende gemeente' hem kan noemen
        try:
            e.sora_cbs_code = info.cbs_code  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - een exceptie zonder __dict__
            pass
        raise


def _laad_rest(naam: str, pm: pluggy.PluginManager, info: GemeenteInfo, bestanden: list[Path],
               definities: dict[str, Definitie]) -> GeladenPlugin:
    from .beleidstoets import toets_beleid

    # één toets voor de lader en 'sora plugin controleer': weiger op de eerste fout
    beleid = toets_beleid(naam, bestanden, definities, volledig_pad=False)
    if beleid.fouten:
        raise beleid.als_beleidfout()
    python_regels: dict[str, Any] = {}
    from .regels.registratie import Registratie  # laat: alleen nodig bij plugins met Python-regels

    reg = Registratie(naam, python_regels)
    try:
        pm.hook.sora_regels(registreer=reg)
    except SoraFout:
        raise
    except Exception as e:
        raise PluginFout(naam, f"hook sora_regels faalde: {type(e).__name__}: {e}") from None
    return GeladenPlugin(
        naam=naam, pm=pm, info=info,
        normen={n: sluit_perioden(tuple(sorted(v, key=lambda w: w.geldig_vanaf))) for n, v in beleid.normen.items()},
        te_bevestigen=beleid.te_bevestigen,
        regelingen=beleid.regelingen,
        python_regels=python_regels,
        bestanden=tuple(bestanden),
        kostensoorten=beleid.kostensoorten,
    )


def _hookfout(e: Exception) -> str:
    """Een Nederlandse melding voor een ``PluginValidationError`` (pluggy meldt in het Engels,
    over meer regels en met de repr van het pluginobject)."""
    import re

    tekst = str(e)
    bekend = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith(f"{hookspecs.PROJECT}_")))
    m = re.search(r"unknown hook '([^']+)'", tekst)
    if m:
        return f"onbekende hook {m.group(1)!r}; bekende hooks: {bekend} (zie docs/hooks.md)"
    m = re.search(r"for hook '([^']+)'", tekst)
    argumenten = re.search(r"Argument\(s\) \{([^}]*)\}", tekst)
    if m and argumenten:
        return (f"hook {m.group(1)} heeft argumenten die de hookspec niet kent: {argumenten.group(1)} "
                "(zie docs/hooks.md)")
    return "ongeldige hook; 'sora plugin controleer' noemt de details (zie docs/hooks.md)"


def _gemeente_info(naam: str, ruw: Any) -> GemeenteInfo:
    if not isinstance(ruw, dict):
        raise PluginFout(naam, f"sora_gemeente moet een dict geven, gaf {type(ruw).__name__}")
    ontbreekt = {"naam", "cbs_code", "versie"} - set(ruw)
    if ontbreekt:
        raise PluginFout(naam, f"sora_gemeente mist {', '.join(sorted(ontbreekt))}")
    code = str(ruw["cbs_code"])
    if not (len(code) == 6 and code.startswith("GM") and code[2:].isdigit()):
        raise PluginFout(naam, f"ongeldige CBS-code {code!r} (verwacht GM + vier cijfers)")
    try:
        vanaf = lees_datum(ruw["geldig_vanaf"], "geldig_vanaf", "sora_gemeente", naam) if ruw.get("geldig_vanaf") else None
        tot = lees_datum(ruw["geldig_tot"], "geldig_tot", "sora_gemeente", naam) if ruw.get("geldig_tot") else None
    except BeleidFout as e:
        raise PluginFout(naam, str(e)) from None
    return GemeenteInfo(cbs_code=code, naam=str(ruw["naam"]), plugin=naam,
                        plugin_versie=str(ruw["versie"]), geldig_vanaf=vanaf, geldig_tot=tot)


#: de velden van een ``[[norm]]`` en de tabellen van een ``beleid.toml`` (de toets staat in beleidstoets.py)
from .beleidstoets import BELEID_TABELLEN, NORM_VELDEN  # noqa: E402  (herexport)


def _kandidaten() -> Iterable[tuple[str, Any]]:
    """(naam, laadfunctie) voor de ingebouwde plugins en de entry points."""
    for naam, module in INGEBOUWD.items():
        yield naam, (lambda m=module: importlib.import_module(m))
    if os.environ.get("SORA_ALLEEN_INGEBOUWD"):
        return
    import sys

    # importlib.metadata kost een koude start zo'n 30 ms; is het al geladen (in een draaiend
    # programma, de tests), dan is het gratis. Anders eerst snel kijken of het nodig is.
    if "importlib.metadata" not in sys.modules and not _andere_entry_points():
        return
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=ENTRY_POINT_GROEP), key=lambda e: e.name):
        if ep.name not in INGEBOUWD:
            yield ep.name, ep.load


def _andere_entry_points() -> bool:
    """Is er een geïnstalleerde distributie met een ``sora``-entry point dat geen ingebouwde
    plugin is? Leest alleen de ``entry_points.txt``-bestanden op ``sys.path``; dat is veel
    sneller dan ``importlib.metadata`` laden (dat kost een koude start zo'n 30 ms). Bij twijfel
    (een zip of ei op het pad, een onleesbaar bestand) is het antwoord ja, zodat
    ``importlib.metadata`` het dan zelf uitzoekt."""
    import sys

    for pad in sys.path:
        pad = pad or "."
        try:
            namen = os.listdir(pad)
        except NotADirectoryError:
            return True  # zip of ei op het pad: laat importlib.metadata kijken
        except OSError:
            continue
        for n in namen:
            if not n.endswith((".dist-info", ".egg-info")):
                continue
            bestand = os.path.join(pad, n, "entry_points.txt")
            try:
                with open(bestand, encoding="utf-8") as f:
                    tekst = f.read()
            except FileNotFoundError:
                continue
            except (OSError, UnicodeDecodeError):
                return True
            if "[sora]" not in tekst:
                continue
            in_sora = False
            for regel in tekst.splitlines():
                regel = regel.strip()
                if regel.startswith("["):
                    in_sora = regel == "[sora]"
                elif in_sora and "=" in regel and regel.split("=", 1)[0].strip() not in INGEBOUWD:
                    return True
    return False


_REGISTER: Optional[Register] = None


def register(opnieuw: bool = False) -> Register:
    """Het register van alle gemeenten (eenmalig geladen)."""
    global _REGISTER
    if _REGISTER is None or opnieuw:
        _REGISTER = bouw_register(_kandidaten())
    return _REGISTER


def bouw_register(kandidaten: Iterable[tuple[str, Any]]) -> Register:
    plugins: dict[str, GeladenPlugin] = {}
    fouten: dict[str, PluginFout] = {}
    definities = kern_definities()
    for naam, laad in kandidaten:
        try:
            obj = laad()
        except ModuleNotFoundError as e:
            if naam in INGEBOUWD and e.name == INGEBOUWD[naam]:
                continue  # niet geïnstalleerd: geen fout, gewoon niet aanwezig
            fouten[naam] = PluginFout(naam, f"kan niet worden geïmporteerd: {e}")
            continue
        except Exception as e:
            fouten[naam] = PluginFout(naam, f"kan niet worden geïmporteerd: {type(e).__name__}: {e}")
            continue
        try:
            p = laad_plugin(naam, obj, definities)
        except SoraFout as e:
            fouten[naam] = e if isinstance(e, PluginFout) else PluginFout(naam, str(e))
            fouten[naam].cbs_code = getattr(e, "sora_cbs_code", None)
            continue
        except Exception as e:  # kapotte plugindata die geen BeleidFout gaf: meld, en ga door met de rest
            fouten[naam] = PluginFout(naam, f"kan niet worden geladen: {type(e).__name__}: {e}")
            fouten[naam].cbs_code = getattr(e, "sora_cbs_code", None)
            continue
        plugins[naam] = p
    # Een CBS-code hoort bij één plugin. Bij een botsing wint een ingebouwde plugin; botsen twee
    # andere, dan worden beide geweigerd. Zo hangt de uitkomst niet af van de laadvolgorde.
    per_code: dict[str, list[str]] = {}
    for naam, p in plugins.items():
        per_code.setdefault(p.info.cbs_code, []).append(naam)
    for code, namen in per_code.items():
        if len(namen) < 2:
            continue
        ingebouwd = [n for n in namen if n in INGEBOUWD]
        for n in sorted(namen):
            if ingebouwd and n == ingebouwd[0]:
                continue
            andere = ", ".join(f"'{m}'" for m in sorted(namen) if m != n)
            fouten[n] = PluginFout(n, f"CBS-code {code} is al in gebruik door plugin {andere}")
            fouten[n].cbs_code = code
            del plugins[n]
    return Register(plugins=plugins, fouten=dict(sorted(fouten.items())))


def gemeente_bestaat_op(p: GeladenPlugin, d: date) -> None:
    """Weiger duidelijk als de gemeente op de peildatum niet bestaat."""
    info = p.info
    if info.bestaat_op(d):
        return
    from .fouten import Fout, InvoerFout

    if info.geldig_vanaf and d < info.geldig_vanaf:
        m = (f"Gemeente {info.naam} ({info.cbs_code}) bestaat pas vanaf {datum_nl(info.geldig_vanaf)}; "
             f"op peildatum {datum_nl(d)} kan voor deze gemeente niet worden beslist.")
    else:
        m = (f"Gemeente {info.naam} ({info.cbs_code}) bestaat niet meer na {datum_nl(info.geldig_tot)}; "
             f"op peildatum {datum_nl(d)} kan voor deze gemeente niet worden beslist.")
    raise InvoerFout([Fout("peildatum", m)])
