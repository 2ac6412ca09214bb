"""Een plugin vinden en laden vanuit zijn map (zonder dat hij geïnstalleerd is).

Een pluginproject is een map met ``pyproject.toml`` waarin de entry-pointgroep ``sora`` de
plugin noemt::

    [project.entry-points.sora]
    voorbeeldstad = "sora_voorbeeldstad"

``sora plugin controleer PAD``, de scenariotests en ``sora plugin nieuw`` gebruiken dit om
precies de code in die map te toetsen, ook als een andere versie geïnstalleerd is.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any, Optional

from .fouten import PluginFout
from ._toml import tomllib

ENTRY_POINT_GROEP = "sora"


def zoek_project(pad: Path) -> Optional[Path]:
    """De dichtstbijzijnde map (``pad`` zelf of een bovenliggende) met een ``pyproject.toml``
    die een plugin in de entry-pointgroep ``sora`` noemt; None als die er niet is."""
    pad = pad.resolve()
    for map_ in [pad] + list(pad.parents):
        pp = map_ / "pyproject.toml"
        if pp.is_file() and entry_points_van(map_):
            return map_
    return None


def entry_points_van(project: Path) -> dict[str, str]:
    """De entry points ``naam -> "module[:object]"`` uit de groep ``sora`` van een project."""
    try:
        doc = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    eps = doc.get("project", {}).get("entry-points", {}).get(ENTRY_POINT_GROEP, {})
    return {str(k): str(v) for k, v in eps.items()} if isinstance(eps, dict) else {}


def importeer_uit_map(map_: Path, doel: str) -> Any:
    """Importeer ``module[:object]`` uit ``map_`` (de projectmap). Staat dezelfde module al
    geladen vanuit die map, dan wordt die hergebruikt; staat er een andere versie (elders
    geïnstalleerd), dan wordt de versie uit de map geladen."""
    module, _, attr = splits_doel(doel)
    delen = module.split(".")
    kandidaat = map_.joinpath(*delen)
    if (kandidaat / "__init__.py").is_file():
        bestand = kandidaat / "__init__.py"
        zoekpad = [str(kandidaat)]
    elif kandidaat.with_suffix(".py").is_file():
        bestand = kandidaat.with_suffix(".py")
        zoekpad = None
    else:
        raise PluginFout(module, f"module niet gevonden in {map_} (verwacht {kandidaat}/__init__.py)")
    bestaand = sys.modules.get(module)
    if bestaand is not None and getattr(bestaand, "__file__", None) and Path(bestaand.__file__).resolve() == bestand.resolve():
        mod = bestaand
    else:
        spec = importlib.util.spec_from_file_location(module, bestand, submodule_search_locations=zoekpad)
        if spec is None or spec.loader is None:  # pragma: no cover - bestand bestaat
            raise PluginFout(module, f"kan {bestand} niet laden")
        mod = importlib.util.module_from_spec(spec)
        vorige = sys.modules.get(module)
        sys.modules[module] = mod
        try:
            spec.loader.exec_module(mod)
        except Exception as e:
            if vorige is not None:
                sys.modules[module] = vorige
            else:
                sys.modules.pop(module, None)
            raise PluginFout(module, f"kan niet worden geïmporteerd: {type(e).__name__}: {e}") from None
    if attr:
        try:
            return getattr(mod, attr)
        except AttributeError:
            raise PluginFout(module, f"heeft geen object {attr!r} (entry point {doel!r})") from None
    return mod


def splits_doel(doel: str) -> tuple[str, str, str]:
    module, sep, attr = doel.partition(":")
    return module.strip(), sep, attr.strip()


def laad_uit_project(project: Path) -> tuple[str, Any]:
    """(pluginnaam, plugin-object) van het eerste entry point in de groep ``sora``."""
    eps = entry_points_van(project)
    if not eps:
        raise PluginFout(project.name, f"{project / 'pyproject.toml'} noemt geen plugin in [project.entry-points.sora]")
    naam, doel = sorted(eps.items())[0]
    return naam, importeer_uit_map(project, doel)
