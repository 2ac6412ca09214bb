"""Open normen: de regionale standaard en de waarde van elke gemeente, met bron.

Een open norm staat in een gemeente **op de standaard** als haar geldende waarde gelijk is aan
de waarde van de kern op de peildatum (ook als de gemeente die waarde zelf in haar
``beleid.toml`` herhaalt). Een norm zonder standaard en zonder gemeentelijke waarde op de
peildatum is daar "niet in gebruik" en telt niet mee.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

CONTRACT_NORMEN = "sora-normen/1"
CONTRACT_VERSCHIL = "sora-verschil/1"


def _d(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def open_normen() -> dict:
    from ..parameters import kern_definities

    return {n: d for n, d in sorted(kern_definities().items()) if d.open}


def waarde_dict(w) -> Optional[dict]:
    if w is None:
        return None
    return {"waarde": w.als_tekst(), "bron": w.bron, "grondslag": w.grondslag, "document": w.document,
            "geldig_vanaf": _d(w.geldig_vanaf), "geldig_tot": _d(w.geldig_tot), "bevestigd": w.bevestigd,
            "toelichting": w.toelichting}


def zoek(reg, gemeente: str, veld: str = "--gemeente"):
    """Plugin op CBS-code of naam; een onbekende gemeente is een invoerfout met het veld."""
    from ..fouten import Fout, InvoerFout, PluginFout

    try:
        return reg.zoek(gemeente)
    except InvoerFout as e:  # onbekende gemeente: noem de optie in plaats van het casusveld
        raise InvoerFout([Fout(veld, f.melding) for f in e.fouten()]) from None
    except PluginFout as e:
        if e.plugin == gemeente.strip() and "onbekende gemeente" in str(e):
            rest = str(e).split(": ", 1)[-1].replace("onbekende gemeente; ", "")
            raise InvoerFout([Fout(veld, f"Onbekende gemeente '{gemeente}'; {rest}.")]) from None
        raise


def kies_plugins(reg, gemeente: Optional[str]) -> list:
    return [zoek(reg, gemeente)] if gemeente else reg.gesorteerd()


def norm_status(beleid, naam: str) -> dict:
    """Geldende waarde van één open norm in één gemeente, vergeleken met de standaard."""
    w = beleid.waarden.get(naam)
    std = beleid.standaard(naam)
    uit = waarde_dict(w) or {"waarde": None, "bron": None}
    uit["op_standaard"] = (w is not None and std is not None and w.waarde == std.waarde) or (w is None and std is None)
    uit["in_gebruik"] = w is not None or std is not None
    uit["te_bevestigen"] = naam in beleid.te_bevestigen
    return uit


def normen(peildatum: date, gemeente: Optional[str] = None, reg=None) -> dict:
    from ..beleid import los_op
    from ..plugins import register

    reg = reg or register()
    plugins = kies_plugins(reg, gemeente)
    beleiden = {p.naam: los_op(p, peildatum) for p in plugins}
    rijen = []
    for naam, d in open_normen().items():
        std = d.waarde_op(peildatum)
        rijen.append({
            "naam": naam, "omschrijving": d.omschrijving, "type": d.type, "eenheid": d.eenheid,
            "grondslag": d.grondslag, "standaard": waarde_dict(std),
            "per_gemeente": {p: norm_status(b, naam) for p, b in beleiden.items()},
        })
    return {
        "contract": CONTRACT_NORMEN, "peildatum": peildatum.isoformat(),
        "gemeenten": [{"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam,
                       "bestaat": p.info.bestaat_op(peildatum)} for p in plugins],
        "normen": rijen,
    }


def _w(c: dict) -> str:
    if c.get("waarde") is None:
        return "—"
    return c["waarde"] + ("" if c["op_standaard"] else " *") + (" ?" if c.get("te_bevestigen") or c.get("bevestigd") is False else "")


def _regels(tekst: str, inspring: str = "", verder: str = "    ") -> list[str]:
    from .tabel import vouw

    return vouw(tekst, inspring, verder)


def _peil(doc: dict) -> str:
    from ..geld import datum_nl

    return datum_nl(date.fromisoformat(doc["peildatum"]))


def _nl(iso: Optional[str]) -> str:
    from ..geld import datum_nl

    return datum_nl(date.fromisoformat(iso)) if iso else "—"


def normen_smal(doc: dict) -> str:
    """Per open norm een blok dat in 100 kolommen past: label, standaard, en alleen de gemeenten
    die afwijken of nog moeten bevestigen (de rest: "op de standaard")."""
    gemeenten = doc["gemeenten"]
    uit = _regels(f"Open normen op {_peil(doc)}: regionale standaard en waarde per gemeente (--breed: één tabel)", verder="")
    uit.append("Legenda: * = wijkt af van de regionale standaard; ? = nog te bevestigen; — = geen waarde.")
    uit.append("")
    for r in doc["normen"]:
        std = r["standaard"]
        uit += _regels(f"{r['omschrijving'].rstrip('.')} ({r['naam']})", verder="  ")
        uit += _regels(f"grondslag: {r['grondslag']}", "  ")
        uit += _regels("standaard: " + (f"{std['waarde']} vanaf {_nl(std['geldig_vanaf'])}"
                                         + ("" if std["bevestigd"] else " (nog te bevestigen)") if std else "—"), "  ")
        gelijk = []
        for g in gemeenten:
            c = r["per_gemeente"][g["plugin"]]
            if c["op_standaard"] and not c.get("te_bevestigen"):
                gelijk.append(g["naam"])
                continue
            t = f"{g['naam']}: {_w(c)}"
            if c.get("bron") not in (None, "kern"):
                t += f" vanaf {_nl(c['geldig_vanaf'])}; {c['grondslag']}" + (f"; {c['document']}" if c["document"] else "")
            elif c.get("te_bevestigen"):
                t += " (volgt de standaard, nog te bevestigen door de gemeente)"
            uit += _regels(t, "  ")
        if gelijk:
            uit += _regels(("op de standaard: " + ", ".join(gelijk)) if len(gelijk) < len(gemeenten) else
                           "alle gemeenten op de standaard", "  ")
        uit.append("")
    for g in gemeenten:
        if not g["bestaat"]:
            uit.append(f"Let op: {g['naam']} bestaat niet op {_peil(doc)}.")
    return "\n".join(uit) + "\n"


def normen_tekst(doc: dict, breed: bool = False) -> str:
    from .tabel import tabel

    if not breed:
        return normen_smal(doc)
    gemeenten = doc["gemeenten"]
    uit = [f"Open normen op {_peil(doc)}: regionale standaard en waarde per gemeente", ""]
    koppen = ["Open norm", "standaard"] + [g["naam"] for g in gemeenten]
    rijen = []
    for r in doc["normen"]:
        std = r["standaard"]["waarde"] if r["standaard"] else "—"
        rijen.append([r["naam"], std] + [_w(r["per_gemeente"][g["plugin"]]) for g in gemeenten])
    uit.append(tabel(koppen, rijen, links=1, max_eerste=60))
    uit.append("Legenda: * = wijkt af van de regionale standaard; ? = nog te bevestigen (door de gemeente of tegen de bron); "
               "— = geen waarde op de peildatum.")
    uit.append("")
    uit.append("Bronnen:")
    for r in doc["normen"]:
        std = r["standaard"]
        uit.append(f"- {r['naam']} ({r['grondslag']})")
        if std:
            uit.append(f"    standaard {std['waarde']} vanaf {_nl(std['geldig_vanaf'])}: {std['document'] or std['grondslag']}"
                       + ("" if std["bevestigd"] else " (nog te bevestigen)"))
        for g in gemeenten:
            c = r["per_gemeente"][g["plugin"]]
            if c.get("bron") not in (None, "kern"):
                uit.append(f"    {g['naam']}: {c['waarde']} vanaf {_nl(c['geldig_vanaf'])}: {c['grondslag']}"
                           + (f"; {c['document']}" if c["document"] else "") + ("" if c["bevestigd"] else " (nog te bevestigen)"))
            elif c.get("te_bevestigen"):
                uit.append(f"    {g['naam']}: volgt de standaard, nog te bevestigen door de gemeente")
    for g in gemeenten:
        if not g["bestaat"]:
            uit.append(f"Let op: {g['naam']} bestaat niet op {_peil(doc)}.")
    return "\n".join(uit) + "\n"


def normen_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for r in doc["normen"]:
        std = r["standaard"] or {}
        for p, c in r["per_gemeente"].items():
            rijen.append([r["naam"], r["type"], std.get("waarde"), p, c.get("waarde"), c.get("bron"),
                          "ja" if c["op_standaard"] else "nee", "ja" if c["te_bevestigen"] else "nee",
                          c.get("grondslag"), c.get("document"), c.get("geldig_vanaf"), c.get("geldig_tot")])
    return csv_tekst(["norm", "type", "standaard", "gemeente", "waarde", "bron", "op_standaard", "te_bevestigen",
                      "grondslag", "document", "geldig_vanaf", "geldig_tot"], rijen)


# --------------------------------------------------------------------------- verschil tussen twee gemeenten

_INHOUD_NEGEREN = {"sleutel", "bron", "grondslag", "omschrijving", "toelichting", "naam"}


def _regeling_inhoud(r) -> Any:
    if r.definitie is None:
        return ("python", r.plek)
    return {k: v for k, v in r.definitie.items() if k not in _INHOUD_NEGEREN and k not in ("geldig_vanaf", "geldig_tot")}


def verschil(g1: str, g2: str, peildatum: date, reg=None) -> dict:
    from ..beleid import los_op
    from ..plugins import register
    from .regelingen import regeling_dict

    reg = reg or register()
    p1, p2 = zoek(reg, g1, "GEMEENTE_A"), zoek(reg, g2, "GEMEENTE_B")
    b1, b2 = los_op(p1, peildatum), los_op(p2, peildatum)
    normverschillen = []
    for naam, d in open_normen().items():
        s1, s2 = norm_status(b1, naam), norm_status(b2, naam)
        if s1["waarde"] != s2["waarde"]:
            std = d.waarde_op(peildatum)
            normverschillen.append({"naam": naam, "omschrijving": d.omschrijving,
                                    "standaard": std.als_tekst() if std else None, "a": s1, "b": s2})
    per_naam_1 = {r.naam: r for r in b1.pluspakket}
    per_naam_2 = {r.naam: r for r in b2.pluspakket}
    regelingen = []
    for naam in sorted(set(per_naam_1) | set(per_naam_2)):
        r1, r2 = per_naam_1.get(naam), per_naam_2.get(naam)
        if r1 is not None and r2 is not None and _regeling_inhoud(r1) == _regeling_inhoud(r2):
            continue
        soort = "alleen_a" if r2 is None else "alleen_b" if r1 is None else "anders"
        regelingen.append({"naam": naam, "soort": soort,
                           "a": regeling_dict(r1) if r1 else None, "b": regeling_dict(r2) if r2 else None})
    info = lambda p: {"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam}  # noqa: E731
    return {"contract": CONTRACT_VERSCHIL, "peildatum": peildatum.isoformat(), "a": info(p1), "b": info(p2),
            "normen": normverschillen, "regelingen": regelingen}


def verschil_tekst(doc: dict, breed: bool = False) -> str:
    from .tabel import tabel

    a, b = doc["a"]["naam"], doc["b"]["naam"]
    uit = [f"Verschillen tussen {a} en {b} op {_peil(doc)}", ""]
    if not doc["normen"] and not doc["regelingen"]:
        uit.append("Geen verschillen: beide gemeenten hebben voor elke open norm dezelfde waarde en hetzelfde pluspakket.")
        return "\n".join(uit) + "\n"
    if doc["normen"]:
        uit.append(f"Open normen met een andere waarde ({len(doc['normen'])}):")
        rijen = [[n["naam"], n["standaard"] or "—", n["a"]["waarde"] or "—", n["b"]["waarde"] or "—"] for n in doc["normen"]]
        if not breed:
            for n in doc["normen"]:
                uit += _regels(f"- {n['omschrijving'].rstrip('.')} ({n['naam']})", verder="  ")
                uit += _regels(f"standaard: {n['standaard'] or '—'}", "    ")
                for wie, c in ((a, n["a"]), (b, n["b"])):
                    uit += _regels(f"{wie}: {c['waarde'] or '—'}" + (f" ({c['grondslag']})" if c.get("bron") not in (None, "kern")
                                                                    else ""), "    ")
            uit.append("")
            uit.append("(--breed: dezelfde verschillen als één tabel)")
        else:
            uit.append(tabel(["Open norm", "standaard", a, b], rijen, max_eerste=60))
        for n in doc["normen"] if breed else ():
            for wie, c in ((a, n["a"]), (b, n["b"])):
                if c.get("bron") not in (None, "kern"):
                    uit.append(f"  {n['naam']} in {wie}: {c['grondslag']}" + (f" ({c['document']})" if c["document"] else ""))
        uit.append("")
    else:
        uit.append("Open normen: geen verschil.")
        uit.append("")
    if doc["regelingen"]:
        uit.append(f"Pluspakket: {len(doc['regelingen'])} verschil(len):")
        if not breed:
            for r in doc["regelingen"]:
                if r["soort"] in ("alleen_a", "alleen_b"):
                    x, wie = (r["a"], a) if r["soort"] == "alleen_a" else (r["b"], b)
                    uit += _regels(f"- {r['naam']}: alleen in {wie} ({x['voorwaarden_tekst']}; {x['bedrag_tekst']})", "  ")
                else:
                    uit += _regels(f"- {r['naam']}: in beide, anders ingericht", "  ")
                    uit += _regels(f"{a}: {r['a']['voorwaarden_tekst']}; {r['a']['bedrag_tekst']}", "      ")
                    uit += _regels(f"{b}: {r['b']['voorwaarden_tekst']}; {r['b']['bedrag_tekst']}", "      ")
            return "\n".join(uit) + "\n"
        for r in doc["regelingen"]:
            if r["soort"] == "alleen_a":
                uit.append(f"  - {r['naam']}: alleen in {a} ({r['a']['voorwaarden_tekst']}; {r['a']['bedrag_tekst']})")
            elif r["soort"] == "alleen_b":
                uit.append(f"  - {r['naam']}: alleen in {b} ({r['b']['voorwaarden_tekst']}; {r['b']['bedrag_tekst']})")
            else:
                uit.append(f"  - {r['naam']}: in beide, anders ingericht")
                uit.append(f"      {a}: {r['a']['voorwaarden_tekst']}; {r['a']['bedrag_tekst']}")
                uit.append(f"      {b}: {r['b']['voorwaarden_tekst']}; {r['b']['bedrag_tekst']}")
    else:
        uit.append("Pluspakket: geen verschil.")
    return "\n".join(uit) + "\n"
