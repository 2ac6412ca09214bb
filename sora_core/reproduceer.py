"""``sora reproduceer BESLUIT.json CASUS``: een eerder besluit opnieuw nemen en vergelijken.

Het ontvangstbewijs van een besluit noemt de toolkitversie, de pluginversie en de
vingerafdruk van het opgeloste beleid. Opnieuw beslissen met dezelfde casus, gemeente en
peildatum moet hetzelfde besluit geven, byte voor byte (contract). Deze module zegt per
onderdeel of dat zo is, en zo niet: waar het verschil zit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import attrs

from .fouten import Fout, InvoerFout


@attrs.frozen
class Controle:
    onderdeel: str
    gelijk: bool
    toen: Optional[str]
    nu: Optional[str]


@attrs.frozen
class Reproductie:
    controles: tuple[Controle, ...]
    verschillen: tuple[str, ...]  # paden in het besluit die verschillen (eerste 20)
    nieuw_json: str

    @property
    def gelijk(self) -> bool:
        return all(c.gelijk for c in self.controles)

    def als_dict(self) -> dict:
        return {"gelijk": self.gelijk,
                "controles": [attrs.asdict(c) for c in self.controles],
                "verschillen": list(self.verschillen)}

    def tekst(self) -> str:
        r = []
        for c in self.controles:
            if c.gelijk:
                r.append(f"  [gelijk]    {c.onderdeel}: {c.nu}")
            else:
                r.append(f"  [VERSCHILT] {c.onderdeel}: toen {c.toen}, nu {c.nu}")
        if self.verschillen:
            r.append("  Verschillen in het besluit:")
            r += [f"    - {v}" for v in self.verschillen]
        kop = ("Het besluit is gereproduceerd: opnieuw beslist geeft hetzelfde besluit, byte voor byte."
               if self.gelijk else "Het besluit is NIET gereproduceerd.")
        if not self.gelijk and any(c.onderdeel in ("toolkitversie", "pluginversie", "beleid_vingerafdruk")
                                   and not c.gelijk for c in self.controles):
            kop += " Toolkit, plugin of beleid is sindsdien veranderd; installeer de versies uit het ontvangstbewijs."
        return "\n".join([kop] + r) + "\n"


def _verschillen(a: Any, b: Any, pad: str = "", uit: Optional[list[str]] = None) -> list[str]:
    uit = [] if uit is None else uit
    if len(uit) >= 20:
        return uit
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            p = f"{pad}.{k}" if pad else str(k)
            if k not in b:
                uit.append(f"{p}: stond in het besluit, ontbreekt nu")
            elif k not in a:
                uit.append(f"{p}: is nieuw")
            else:
                _verschillen(a[k], b[k], p, uit)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            uit.append(f"{pad}: {len(a)} elementen toen, {len(b)} nu")
        for i, (x, y) in enumerate(zip(a, b)):
            _verschillen(x, y, f"{pad}[{i}]", uit)
    elif a != b:
        uit.append(f"{pad}: toen {json.dumps(a, ensure_ascii=False)[:80]}, nu {json.dumps(b, ensure_ascii=False)[:80]}")
    return uit


def reproduceer(besluit_bytes: bytes, casus: Any) -> Reproductie:
    """Beslis ``casus`` opnieuw voor de gemeente en peildatum van het besluit en vergelijk."""
    from datetime import date

    from .beslisser import beoordeel
    from .uitvoer import besluit_dict, naar_json

    try:
        oud = json.loads(besluit_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InvoerFout([Fout("BESLUIT", f"Het besluit is geen geldige JSON ({type(e).__name__}).")]) from None
    fouten = []
    if not isinstance(oud, dict) or oud.get("contract") != "sora-besluit/1":
        raise InvoerFout([Fout("BESLUIT", "Dit is geen SORA-besluit (contract sora-besluit/1).")])
    ob = oud.get("ontvangstbewijs") or {}
    gemeente = (oud.get("gemeente") or {}).get("cbs_code")
    try:
        peildatum = date.fromisoformat(oud.get("peildatum", ""))
    except (TypeError, ValueError):
        peildatum = None
        fouten.append(Fout("BESLUIT.peildatum", "Het besluit heeft geen geldige peildatum."))
    if not gemeente:
        fouten.append(Fout("BESLUIT.gemeente.cbs_code", "Het besluit noemt geen gemeente."))
    if fouten:
        raise InvoerFout(fouten)
    nieuw = beoordeel(casus, gemeente=gemeente, peildatum=peildatum)
    nieuw_dict = besluit_dict(nieuw)
    nieuw_json = naar_json(nieuw_dict)
    o = nieuw.ontvangstbewijs
    controles = [
        Controle("toolkitversie", ob.get("toolkit_versie") == o.toolkit_versie, ob.get("toolkit_versie"), o.toolkit_versie),
        Controle("pluginversie", ob.get("plugin_versie") == o.plugin_versie, ob.get("plugin_versie"), o.plugin_versie),
        Controle("beleid_vingerafdruk", ob.get("beleid_vingerafdruk") == o.beleid_vingerafdruk,
                 ob.get("beleid_vingerafdruk"), o.beleid_vingerafdruk),
    ]
    byte_gelijk = nieuw_json.encode("utf-8") == besluit_bytes
    controles.append(Controle("besluit (byte voor byte)", byte_gelijk,
                              f"{len(besluit_bytes)} bytes", f"{len(nieuw_json.encode('utf-8'))} bytes"))
    verschillen = () if byte_gelijk else tuple(_verschillen(oud, nieuw_dict))
    if not byte_gelijk and not verschillen:
        verschillen = ("inhoud gelijk, maar de opmaak (spaties, volgorde of regeleinde) wijkt af",)
    return Reproductie(tuple(controles), verschillen, nieuw_json)


def reproduceer_bestanden(besluit: Path, casus: str) -> Reproductie:
    from .invoer import laad_casus

    try:
        data = Path(besluit).read_bytes()
    except OSError as e:
        raise InvoerFout([Fout("BESLUIT", f"Bestand {besluit} kan niet worden gelezen ({type(e).__name__}).")]) from None
    return reproduceer(data, laad_casus(casus))
