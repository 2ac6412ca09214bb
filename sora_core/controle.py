"""``sora plugin controleer``: een plugin toetsen zonder een casus te beslissen.

Anders dan de lader (``sora_core.plugins.laad_plugin``), die bij de eerste fout stopt,
verzamelt deze controle **alle** bevindingen, elk in het Nederlands met bestand en regel
(of, waar geen regel bestaat, de sleutel). Wat wordt getoetst:

* hooks: namen (een verkeerd gespelde hook valt op via ``check_pending``), handtekeningen
  (argumenten die de hookspec niet kent), verplichte hooks, functies ``sora_...`` zonder
  ``@hookimpl``; daarna draaien ``sora_gemeente``, ``sora_beleid`` en ``sora_regels``;
* ``[[norm]]``: de naam is een open norm van de kern (geen vaste parameter), de waarde heeft
  het juiste type en ligt binnen het bereik, ``grondslag`` is er, data zijn geldige datums,
  ``geldig_tot`` ligt niet voor ``geldig_vanaf`` en perioden overlappen niet;
* ``[[regeling]]`` (pluspakket): de declaratieve vorm van ``sora_core.regels.declaratief``,
  met grondslag, en versies van dezelfde regeling zonder overlappende perioden;
* de CBS-code is niet al van een andere geïnstalleerde plugin, en de scenariobestanden in
  ``tests/`` zijn geldig (ze worden niet uitgevoerd; dat doet pytest).

Als laatste wordt de plugin ook echt geladen; een fout die de lader dan nog vindt, wordt
ook een bevinding. Zo zegt ``controleer`` nooit "in orde" over een plugin die niet laadt.
"""

from __future__ import annotations

import inspect
import re
import types
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

import attrs
import pluggy

from . import hookspecs
from .fouten import BeleidFout, PluginFout, SoraFout
from .parameters import Definitie, kern_definities
from .plugins import _nieuwe_pm

VERPLICHTE_HOOKS = ("sora_gemeente", "sora_beleid")


from .beleidstoets import Bevinding, TomlKaart, fouten, kale_melding as _melding  # noqa: E402,F401  (herexport)


# --------------------------------------------------------------------------- hooks

def _hookspec_namen() -> dict[str, Any]:
    return {n: getattr(hookspecs, n) for n in dir(hookspecs)
            if n.startswith(f"{hookspecs.PROJECT}_") and callable(getattr(hookspecs, n))}


def _waar(obj: Any) -> tuple[str, Optional[int]]:
    try:
        bestand = inspect.getsourcefile(obj) or "?"
        regel = inspect.getsourcelines(obj)[1]
        return bestand, regel
    except (TypeError, OSError):
        return "?", None


def controleer_hooks(naam: str, obj: Any, bevindingen: list[Bevinding]) -> dict[str, Any]:
    """Toets elke hookimplementatie apart (zodat alle fouten boven komen). Geeft de
    implementaties die in orde zijn (attribuutnaam -> functie), om daarna aan te roepen."""
    specs = _hookspec_namen()
    marker = f"{hookspecs.PROJECT}_impl"
    bestand_obj, _ = _waar(obj if inspect.ismodule(obj) else type(obj))
    gevonden: set[str] = set()
    goed: dict[str, Any] = {}
    for attr in sorted(dir(obj)):
        if attr.startswith("__"):
            continue
        try:
            f = getattr(obj, attr)
        except Exception:  # pragma: no cover - exotische objecten
            continue
        if not callable(f):
            continue
        heeft_marker = hasattr(f, marker)
        if not heeft_marker:
            if attr.startswith(f"{hookspecs.PROJECT}_") and not inspect.isclass(f):
                bestand, regel = _waar(f)
                bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                             f"functie {attr} mist @hookimpl: pluggy ziet hem niet als hook "
                                             "(zet '@hookimpl' erboven; 'from sora_core import hookimpl')."))
            continue
        bestand, regel = _waar(f)
        # de hooknaam kan via specname afwijken van de functienaam
        opts = getattr(f, marker) or {}
        hooknaam = opts.get("specname") or attr
        if hooknaam not in specs:
            suggestie = _lijkt_op(hooknaam, specs)
            bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                         f"onbekende hook {hooknaam!r}" + (f"; bedoelt u {suggestie!r}?" if suggestie else "")
                                         + f" Bekende hooks: {', '.join(sorted(specs))}."))
            continue
        pm = _nieuwe_pm()
        try:
            pm.register(types.SimpleNamespace(**{attr: f}), name=f"{naam}.{attr}")
            pm.check_pending()
        except pluggy.PluginValidationError as e:
            spec_args = list(inspect.signature(specs[hooknaam]).parameters)
            impl_args = [p for p in inspect.signature(f).parameters]
            bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                         f"hook {hooknaam} heeft een ongeldige handtekening: argumenten "
                                         f"({', '.join(impl_args)}); toegestaan zijn alleen ({', '.join(spec_args)})"
                                         + (f"; onbekend: {', '.join(sorted(set(impl_args) - set(spec_args)))}."
                                            if set(impl_args) - set(spec_args) else f" ({_eerste_regel(str(e))}).")))
            gevonden.add(hooknaam)  # wel aanwezig, alleen fout
            continue
        gevonden.add(hooknaam)
        goed[attr] = f
    for v in VERPLICHTE_HOOKS:
        if v not in gevonden:
            bevindingen.append(Bevinding(naam, bestand_obj, None, v,
                                         f"verplichte hook {v} ontbreekt (zie docs/hooks.md)."))
    return goed


def _eerste_regel(s: str) -> str:
    return " ".join(s.split())[:200]


def _lijkt_op(naam: str, kandidaten: Iterable[str]) -> Optional[str]:
    import difflib

    m = difflib.get_close_matches(naam, list(kandidaten), n=1, cutoff=0.6)
    return m[0] if m else None


# --------------------------------------------------------------------------- beleidsbestanden

def controleer_beleid(plugin: str, paden: Iterable[Path], bevindingen: list[Bevinding],
                      definities: Optional[dict[str, Definitie]] = None) -> None:
    """Toets alle ``[[norm]]``-, ``[[regeling]]``- en ``[[kostensoort]]``-tabellen van de
    beleidsbestanden: dezelfde toets als de lader (``beleidstoets.toets_beleid``)."""
    from .beleidstoets import toets_beleid

    bevindingen += toets_beleid(plugin, [Path(p) for p in paden], definities).bevindingen


# --------------------------------------------------------------------------- hele plugin

def controleer_plugin(naam: str, obj: Any, definities: Optional[dict[str, Definitie]] = None,
                      bezette_codes: Optional[dict[str, str]] = None) -> list[Bevinding]:
    """Toets een plugin-object (module of instantie) volledig; geeft alle bevindingen.
    ``bezette_codes`` (CBS-code -> pluginnaam) zijn de codes van andere plugins."""
    from .plugins import _gemeente_info, laad_plugin
    from .regels.registratie import Registratie

    definities = definities if definities is not None else kern_definities()
    bevindingen: list[Bevinding] = []
    goed = controleer_hooks(naam, obj, bevindingen)
    hooks_in_orde = not bevindingen
    bestand_obj, _ = _waar(obj if inspect.ismodule(obj) else type(obj))
    pm = _nieuwe_pm()
    # alleen de goede implementaties: zo komen ook de bevindingen in het beleid boven
    pm.register(types.SimpleNamespace(**goed), name=naam)
    try:
        ruw = pm.hook.sora_gemeente()
        if pm.hook.sora_gemeente.get_hookimpls():
            info = _gemeente_info(naam, ruw)
            ander = (bezette_codes or {}).get(info.cbs_code)
            if ander and ander != naam:
                bevindingen.append(Bevinding(naam, bestand_obj, _waar(getattr(obj, "sora_gemeente", None))[1],
                                             "sora_gemeente", f"CBS-code {info.cbs_code} is al in gebruik door plugin "
                                             f"'{ander}'; elke gemeente heeft een eigen code."))
    except SoraFout as e:
        bevindingen.append(Bevinding(naam, bestand_obj, _waar(getattr(obj, "sora_gemeente", None))[1], "sora_gemeente",
                                     _kaal(e, naam)))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_gemeente", f"hook faalde: {type(e).__name__}: {e}"))
    paden: list[Path] = []
    try:
        for lijst in pm.hook.sora_beleid():
            for b in lijst or []:
                paden.append(Path(b))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_beleid", f"hook faalde: {type(e).__name__}: {e}"))
    if not pm.hook.sora_beleid.get_hookimpls() and bestand_obj != "?":
        # zonder werkende sora_beleid: toets het gebruikelijke beleid.toml naast de code toch
        naast = Path(bestand_obj).with_name("beleid.toml")
        if naast.is_file():
            paden.append(naast)
    controleer_beleid(naam, paden, bevindingen, definities)
    try:
        pm.hook.sora_regels(registreer=Registratie(naam, {}))
    except BeleidFout as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_regels", _melding(e)))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_regels", f"hook faalde: {type(e).__name__}: {e}"))
    if not fouten(bevindingen) and hooks_in_orde:
        # vangnet: wat de echte lader nog afwijst, is ook een bevinding
        try:
            laad_plugin(naam, obj, definities)
        except SoraFout as e:
            bevindingen.append(Bevinding(naam, bestand_obj, None, None, _kaal(e, naam)))
    return gesorteerd(bevindingen)


def gesorteerd(bevindingen: list[Bevinding]) -> list[Bevinding]:
    """Op bestand en regel (stabiel), zodat de uitvoer de volgorde van het bestand volgt."""
    return sorted(bevindingen, key=lambda b: (b.bestand, b.regel or 0))


def _kaal(e: SoraFout, naam: str) -> str:
    if isinstance(e, BeleidFout):
        return _melding(e)
    s = str(e)
    prefix = f"Plugin '{naam}': "
    return s[len(prefix):] if s.startswith(prefix) else s


def controleer_pad(pad: Path, naam: Optional[str] = None) -> list[Bevinding]:
    """Toets wat op ``pad`` staat: een pluginproject (map met pyproject.toml), een pakketmap
    (met ``__init__.py``) of één beleidsbestand (``.toml``, alleen de beleidsregels)."""
    from .pluginmap import entry_points_van, importeer_uit_map, zoek_project

    pad = Path(pad)
    if not pad.exists():
        return [Bevinding(naam or pad.name, str(pad), None, None, "pad bestaat niet.")]
    if pad.is_file() and pad.suffix == ".toml" and pad.name != "pyproject.toml":
        plugin = naam or _naam_uit_map(pad.parent)
        bevindingen: list[Bevinding] = []
        controleer_beleid(plugin, [pad], bevindingen)
        return gesorteerd(bevindingen)
    if pad.is_file():
        pad = pad.parent
    project = pad if (pad / "pyproject.toml").is_file() else None
    if project is not None:
        eps = entry_points_van(project)
        if not eps:
            return [Bevinding(naam or project.name, str(project / "pyproject.toml"), None, "project.entry-points.sora",
                              "geen plugin in de entry-pointgroep 'sora'; voeg toe: [project.entry-points.sora] "
                              "<naam> = \"sora_<naam>\".")]
        uit: list[Bevinding] = []
        for ep_naam, doel in sorted(eps.items()):
            try:
                obj = importeer_uit_map(project, doel)
            except PluginFout as e:
                uit.append(Bevinding(ep_naam, str(project / "pyproject.toml"), None, f"project.entry-points.sora.{ep_naam}",
                                     _kaal(e, doel.split(":")[0])))
                continue
            uit += controleer_plugin(naam or ep_naam, obj, bezette_codes=_bezette_codes(naam or ep_naam))
        return uit + controleer_scenarios(project, naam or sorted(eps)[0], uitvoeren=not fouten(uit))
    if (pad / "__init__.py").is_file():
        try:
            obj = importeer_uit_map(pad.parent, pad.name)
        except PluginFout as e:
            return [Bevinding(naam or pad.name, str(pad / "__init__.py"), None, None, _kaal(e, pad.name))]
        return controleer_plugin(naam or _naam_uit_map(pad), obj, bezette_codes=_bezette_codes(naam or _naam_uit_map(pad)))
    gevonden = zoek_project(pad)
    if gevonden is not None:
        return controleer_pad(gevonden, naam)
    return [Bevinding(naam or pad.name, str(pad), None, None,
                      "geen plugin gevonden: geef een pluginmap (met pyproject.toml), een pakketmap of een beleid.toml.")]


def _bezette_codes(naam: str) -> dict[str, str]:
    """CBS-codes van de andere geïnstalleerde plugins."""
    from .plugins import register

    return {p.info.cbs_code: p.naam for p in register().plugins.values() if p.naam != naam}


def controleer_scenarios(project: Path, plugin: str, uitvoeren: bool = True) -> list[Bevinding]:
    """Zijn de scenariobestanden in ``tests/`` geldig, en klopt hun verwachting nog? (Bijvoorbeeld
    na een gewijzigde norm in beleid.toml.) Een plugin die niet laadt, heeft al bevindingen; dan
    worden de scenario's alleen gelezen."""
    from .fouten import SoraFout
    from .scenario import ScenarioFout, lees_scenario, voer_uit

    uit = []
    for pad in sorted((project / "tests").glob("scenario_*.toml")):
        try:
            s = lees_scenario(pad)
        except ScenarioFout as e:
            uit += [Bevinding(plugin, str(pad), None, None, f"ongeldig scenario: {m}.") for m in e.meldingen]
            continue
        if not uitvoeren:
            continue
        try:
            afwijkingen, _ = voer_uit(s)
        except SoraFout:
            continue
        for a in afwijkingen:
            verschil = "; ".join(f"{veld}: verwacht {v}, kreeg {k}" for veld, v, k in a.verschillen)
            uit.append(Bevinding(plugin, str(pad), None, f"verwacht {a.regeling}",
                                 f"scenario '{s.naam}' klopt niet meer: {a.regelingnaam}: {verschil}. Reken het na "
                                 f"('sora plugin test {project} --toon') en pas de verwachting of het beleid aan."))
    return uit


def _naam_uit_map(map_: Path) -> str:
    n = map_.resolve().name
    return n[len("sora_"):] if n.startswith("sora_") else n


def controleer_alle() -> dict[str, list[Bevinding]]:
    """Toets alle geïnstalleerde plugins (de zes van de regio en de entry points)."""
    from .plugins import INGEBOUWD, _kandidaten

    uit: dict[str, list[Bevinding]] = {}
    for naam, laad in _kandidaten():
        try:
            obj = laad()
        except ModuleNotFoundError as e:
            if naam in INGEBOUWD and e.name == INGEBOUWD[naam]:
                continue
            uit[naam] = [Bevinding(naam, "?", None, None, f"kan niet worden geïmporteerd: {e}")]
            continue
        except Exception as e:
            uit[naam] = [Bevinding(naam, "?", None, None, f"kan niet worden geïmporteerd: {type(e).__name__}: {e}")]
            continue
        uit[naam] = controleer_plugin(naam, obj, bezette_codes=_bezette_codes(naam))
    return uit
