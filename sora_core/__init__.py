"""SORA: regels-als-code voor het minimabeleid van de regio Alkmaar.

Publieke API (stabiel, zie docs/api.md)::

    from sora_core import beoordeel, laad_casus, besluit_dict, naar_json

    casus = laad_casus("voorbeelden/bergen-bijzondere-bijstand.toml")
    besluit = beoordeel(casus)
    print(naar_json(besluit_dict(besluit)))

Plugins importeren ``hookimpl`` van hier. De zware onderdelen worden pas bij gebruik
geladen, zodat ``sora --help`` snel start; alleen attrs wordt meteen geladen, omdat
``_codecache.installeer`` vóór de eerste attrs-klasse van sora_core moet staan (elke opdracht
laadt attrs toch, via ``fouten``).
"""

from __future__ import annotations

__version__ = "0.1.0"

# de gegenereerde code van de attrs-klassen niet bij elke start opnieuw compileren (_codecache.py)
from ._codecache import installeer as _installeer  # noqa: E402

_installeer()

__all__ = [
    "__version__", "hookimpl", "beoordeel", "laad_casus", "casus_uit_dict", "besluit_dict",
    "besluit_json", "naar_json", "InvoerFout", "PluginFout", "BeleidFout", "SoraFout",
]


def __getattr__(naam: str):
    if naam == "hookimpl":  # lui: pluggy is pas nodig als er plugins geladen worden, niet voor ``sora --help``
        from .hookspecs import hookimpl

        return hookimpl
    if naam == "beoordeel":
        from .beslisser import beoordeel

        return beoordeel
    if naam in ("laad_casus", "casus_uit_dict"):
        from . import invoer

        return getattr(invoer, naam)
    if naam in ("besluit_dict", "besluit_json", "naar_json"):
        from . import uitvoer

        return getattr(uitvoer, naam)
    if naam in ("InvoerFout", "PluginFout", "BeleidFout", "SoraFout"):
        from . import fouten

        return getattr(fouten, naam)
    raise AttributeError(f"module 'sora_core' heeft geen attribuut {naam!r}")
