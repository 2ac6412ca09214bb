"""De catalogus van het basispakket: welke regelmodules er zijn en in welke volgorde.

Een nieuwkomer vindt de regel bij zijn naam: regeling ``individuele_inkomenstoeslag`` staat in
``sora_core/regels/individuele_inkomenstoeslag.py`` met zijn waarden in
``sora_core/data/minimaregelingen.toml``.
"""

from __future__ import annotations

import importlib

#: volgorde van het contract (casus-contract.md, "Regeling keys of the basispakket")
VOLGORDE = (
    "bijzondere_bijstand",
    "individuele_inkomenstoeslag",
    "individuele_studietoeslag",
    "collectieve_zorgverzekering",
    "meedoenregeling",
    "kindregeling",
    "schuldhulpverlening",
)

for _sleutel in VOLGORDE:
    try:
        importlib.import_module(f"{__package__}.{_sleutel}")
    except ModuleNotFoundError as _e:  # nog niet gebouwd: die regeling is er (nog) niet
        if _e.name != f"{__package__}.{_sleutel}":
            raise
