"""Overzichten voor beleidsmedewerkers, zonder in ``sora_core/data/`` te hoeven lezen.

* ``landelijk(peildatum)``: de waarden van de kern (de ``[[parameter]]``-tabellen: bijstandsnormen
  en jongerennormen, kostendelersnorm, vermogensgrenzen, woningvrijlating, drempelbedrag,
  giftenvrijlating, minimumbedragen studietoeslag) die op een datum gelden, met periode,
  grondslag, bron en of de waarde bevestigd is (``sora landelijk``);
* ``open_normen(peildatum, plugin)``: elke open norm met het toegestane bereik, de grondslag, de
  regionale standaard en wat de gemeente koos (``sora plugin normen GEMEENTE``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .geld import datum_nl, euro_nl
from .parameters import Definitie, Waarde, kern_definities, waarde_als_tekst


def _tekst(d: Definitie, w: Any) -> str:
    if d.type == "bedrag":
        return euro_nl(w)
    return waarde_als_tekst(w)


def _json_waarde(w: Any) -> Any:
    from decimal import Decimal

    if isinstance(w, Decimal):
        return str(w)
    if isinstance(w, tuple):
        return [{"vanaf": str(s.vanaf), "percentage": str(s.percentage)} for s in w]
    return w


def _waarde_dict(d: Definitie, w: Optional[Waarde]) -> dict:
    if w is None:
        return {"waarde": None, "tekst": None, "geldig_vanaf": None, "geldig_tot": None, "bron": None, "bevestigd": None,
                "grondslag": d.grondslag}
    return {"waarde": _json_waarde(w.waarde), "tekst": _tekst(d, w.waarde), "geldig_vanaf": w.geldig_vanaf.isoformat(),
            "geldig_tot": w.geldig_tot.isoformat() if w.geldig_tot else None, "bron": w.document or None,
            "bevestigd": w.bevestigd, "grondslag": w.grondslag}


def landelijk(peildatum: date) -> dict:
    """De landelijke waarden (vaste parameters van de kern) op ``peildatum``."""
    uit = []
    for d in sorted(kern_definities().values(), key=lambda d: (d.domein, d.naam)):
        if d.open:
            continue
        w = d.waarde_op(peildatum)
        uit.append({"naam": d.naam, "domein": d.domein, "omschrijving": d.omschrijving, "eenheid": d.eenheid,
                    **_waarde_dict(d, w),
                    "ontbreekt": (f"geen waarde op {datum_nl(peildatum)}"
                                  + (f"; verwacht in {d.volgende_publicatie(peildatum)}" if d.volgende_bron else ""))
                    if w is None else None})
    return {"peildatum": peildatum.isoformat(), "parameters": uit}


def landelijk_tekst(doc: dict) -> str:
    peil = date.fromisoformat(doc["peildatum"])
    r = [f"Landelijke waarden op {datum_nl(peil)} (vaste parameters van de kern; een gemeente kan ze niet vervangen)"]
    domein = None
    for p in doc["parameters"]:
        if p["domein"] != domein:
            domein = p["domein"]
            r += ["", f"== {domein}"]
        if p["waarde"] is None:
            r.append(f"{p['naam']}: {p['ontbreekt']}")
            r.append(f"    grondslag: {p['grondslag']}")
            continue
        periode = f"geldig {datum_nl(p['geldig_vanaf'])} t/m {datum_nl(p['geldig_tot']) if p['geldig_tot'] else 'nader bericht'}"
        r.append(f"{p['naam']}: {p['tekst']}" + (f" ({p['eenheid']})" if p["eenheid"] else ""))
        r.append(f"    {periode}; grondslag: {p['grondslag']}; bron: {p['bron'] or '—'}; "
                 + ("bevestigd" if p["bevestigd"] else "NOG NIET BEVESTIGD"))
    return "\n".join(r) + "\n"


def open_normen(peildatum: date, plugin: Any = None) -> dict:
    """Elke open norm met bereik, grondslag, regionale standaard en (met ``plugin``) de keuze van
    de gemeente op ``peildatum``."""
    from .docs import bereik_tekst

    uit = []
    for d in sorted(kern_definities().values(), key=lambda d: (d.domein, d.naam)):
        if not d.open:
            continue
        rij = {"naam": d.naam, "domein": d.domein, "type": d.type, "eenheid": d.eenheid, "toegestaan": bereik_tekst(d) or None,
               "keuzes": list(d.keuzes) or None, "grondslag": d.grondslag, "omschrijving": d.omschrijving,
               "regionale_standaard": _waarde_dict(d, d.waarde_op(peildatum))}
        if plugin is not None:
            eigen = next((w for w in plugin.normen.get(d.naam, ()) if w.geldt_op(peildatum)), None)
            if eigen is not None:
                rij["gemeente"] = {"keuze": "eigen waarde", **_waarde_dict(d, eigen)}
            elif d.naam in plugin.te_bevestigen:
                rij["gemeente"] = {"keuze": "volgt de regio, nog te bevestigen", "toelichting": plugin.te_bevestigen[d.naam]}
            else:
                rij["gemeente"] = {"keuze": "volgt de regio"}
        uit.append(rij)
    doc = {"peildatum": peildatum.isoformat(), "open_normen": uit}
    if plugin is not None:
        doc["gemeente"] = {"naam": plugin.info.naam, "cbs_code": plugin.info.cbs_code, "plugin": plugin.naam}
    return doc


def open_normen_tekst(doc: dict) -> str:
    peil = date.fromisoformat(doc["peildatum"])
    g = doc.get("gemeente")
    r = [f"Open normen op {datum_nl(peil)}" + (f" voor {g['naam']} ({g['cbs_code']})" if g else "")
         + ": toegestaan bereik, grondslag en regionale standaard" + (" en de keuze van de gemeente" if g else ""),
         "Een eigen waarde zet u in beleid.toml als [[norm]] (naam, waarde, geldig_vanaf, grondslag, bron)."]
    domein = None
    for n in doc["open_normen"]:
        if n["domein"] != domein:
            domein = n["domein"]
            r += ["", f"== {domein}"]
        soort = n["type"] + (f"; {n['eenheid']}" if n["eenheid"] else "")
        r.append(f"{n['naam']} ({soort})")
        if n["toegestaan"]:
            r.append(f"    toegestaan: {n['toegestaan']}")
        if n["keuzes"]:
            r.append(f"    keuzes: {', '.join(n['keuzes'])}")
        r.append(f"    grondslag: {n['grondslag']}")
        s = n["regionale_standaard"]
        r.append("    regionale standaard: " + (f"{s['tekst']} (vanaf {datum_nl(s['geldig_vanaf'])}"
                                                  + (f"; bron: {s['bron']}" if s["bron"] else "") + ")"
                                                  if s["waarde"] is not None else "geen (zonder waarde van de gemeente: doorverwezen)"))
        if g:
            e = n["gemeente"]
            if e["keuze"] == "eigen waarde":
                r.append(f"    {g['naam']}: {e['tekst']} (vanaf {datum_nl(e['geldig_vanaf'])}; grondslag: {e['grondslag']})")
            else:
                r.append(f"    {g['naam']}: {e['keuze']}")
    return "\n".join(r) + "\n"
