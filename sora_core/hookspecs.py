"""Alle hooks van SORA. Een gemeenteplugin implementeert ze met ``@sora_core.hookimpl``.

Elke gemeente heeft een eigen plugin manager: een hook wordt alleen aangeroepen voor de
gemeente waarover wordt beslist, dus de volgorde waarin plugins zijn geregistreerd doet er
nooit toe. Een verkeerd gespelde hooknaam faalt bij het laden (``check_pending``).

Verplicht zijn ``sora_gemeente`` en ``sora_beleid``; ``sora_regels`` alleen waar data het
niet kan zeggen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .regels.registratie import Registratie

PROJECT = "sora"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def sora_gemeente() -> dict:
    """De identiteit van de gemeente.

    Geef een dict met ``naam`` (zoals "Bergen (NH)"), ``cbs_code`` ("GM0373"), ``versie``
    (de pluginversie) en optioneel ``geldig_vanaf`` / ``geldig_tot`` (``datetime.date``): de
    periode waarin de gemeente bestaat. Buiten die periode weigert de kern te beslissen.

    Voorbeeld::

        @hookimpl
        def sora_gemeente():
            return {"naam": "Dijk en Waard", "cbs_code": "GM1980", "versie": __version__,
                    "geldig_vanaf": date(2022, 1, 1)}
    """


@hookspec
def sora_beleid() -> list[Union[Path, str]]:
    """De beleidsbestanden (TOML) van de gemeente: haar keuzes voor open normen
    (``[[norm]]``, het basispakket) en haar eigen regelingen (``[[regeling]]``, het
    pluspakket), elk gedateerd en met grondslag; optioneel eigen kostensoorten voor bijzondere
    bijstand (``[[kostensoort]]``, zie docs/bijzondere-bijstand.md). Zie docs/plugin-schrijven.md.

    Voorbeeld::

        @hookimpl
        def sora_beleid():
            return [Path(__file__).with_name("beleid.toml")]
    """


@hookspec
def sora_regels(registreer: "Registratie") -> None:
    """Registreer Python-regels voor wat data niet kan zeggen (register-callback).

    ``registreer.regeling(sleutel, functie, naam=..., grondslag=...)`` voegt een
    pluspakketregeling toe waarvan de beslissing in Python wordt berekend. De functie krijgt
    een ``Uitleg`` (zie ``sora_core.uitleg``) en geeft een ``Beslissing`` terug. Een plugin kan
    zo geen geharmoniseerde regel van de kern vervangen: sleutels moeten beginnen met
    ``<plugin>.``.
    """
