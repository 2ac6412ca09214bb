"""De catalogus: basispakket en het pluspakket van elke gemeente op een peildatum, met
voorwaarden, bedragen en grondslag.

Voor het basispakket (regels in Python in de kern) zijn de "voorwaarden en bedragen" de open
normen van die regeling: elke open norm waarvan de naam begint met ``<sleutel>.``, met de
regionale standaard en de waarde per gemeente. Voor een declaratieve pluspakketregeling worden
doelgroep, inkomensgrens, vermogenstoets en bedrag uit de TOML-beschrijving in gewone taal
gezet; voor een pluspakketregeling in Python alleen omschrijving en grondslag.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

CONTRACT = "sora-regelingen/1"
_PER = {"persoon": "per persoon", "kind": "per kind", "huishouden": "per huishouden"}


def _pct(w) -> str:
    from ..geld import naar_decimal, procent_nl

    return procent_nl(naar_decimal(w))


def voorwaarden(d: dict) -> list[str]:
    uit = []
    dg = d.get("doelgroep", {})
    if "leeftijd" in dg:
        van, tot = dg["leeftijd"]
        # een bovengrens van 100 jaar of meer is geen echte grens: zeg het zoals een mens het zegt
        uit.append(f"aanvrager van {van} jaar of ouder" if tot >= 100 else f"aanvrager van {van} tot en met {tot} jaar")
    if "huishouden" in dg:
        uit.append("huishouden: " + ", ".join(h.replace("_", " ") for h in dg["huishouden"]))
    if dg.get("kinderen"):
        band = dg.get("kind_leeftijd")
        uit.append("met kinderen" + (f" van {band[0]} tot en met {band[1]} jaar" if band else ""))
    elif "kind_leeftijd" in dg:
        uit.append(f"voor kinderen van {dg['kind_leeftijd'][0]} tot en met {dg['kind_leeftijd'][1]} jaar")
    if "aow" in dg:
        uit.append("alleen " + ("op" if dg["aow"] else "onder") + " de AOW-leeftijd")
    if "inkomensgrens" in d:
        uit.append(f"inkomen tot {_pct(d['inkomensgrens'])} van de toepasselijke bijstandsnorm")
    if d.get("vermogenstoets", True):
        uit.append("vermogen binnen de grens van art. 34 Pw")
    if d.get("voorliggend"):
        voor = d.get("voorliggend_voor")
        uit.append("voorliggende voorziening (art. 15 Pw)" + (f" voor {', '.join(voor)}" if voor else ""))
    if d.get("doorverwijzen_naar"):
        uit.append(f"aanvraag via {d['doorverwijzen_naar']}")
    return uit


_PERIODE = {"per_jaar": "per jaar", "per_maand": "per maand", "eenmalig": "eenmalig"}


def bedrag_tekst(d: dict) -> str:
    """Het bedrag van een declaratieve regeling in gewone taal (zie ``regels/declaratief.py``)."""
    from ..geld import euro_nl, naar_decimal

    def e(w) -> str:
        try:
            return euro_nl(naar_decimal(w))
        except (ValueError, TypeError):
            return str(w)

    b = d.get("bedrag")
    if b is None:
        return "bedrag nog niet vastgesteld of bevestigd"
    per = _PER.get(b.get("per"), "")
    if "staffel" in b:
        delen = []
        for s in b["staffel"]:
            wie = []
            if "leeftijd" in s:
                wie.append(f"{s['leeftijd'][0]}-{s['leeftijd'][1]} jaar")
            if "aow" in s:
                wie.append("AOW-leeftijd" if s["aow"] else "onder AOW-leeftijd")
            delen.append(f"{e(s.get('bedrag'))} ({', '.join(wie)})")
        periode = b.get("periode") or next((k for k in ("per_maand", "eenmalig") if k in b), "per_jaar")
        t = "; ".join(delen) + f" {per} {_PERIODE.get(periode, periode)}"
    elif b.get("werkelijke_kosten"):
        t = f"de werkelijke kosten {per}".rstrip()
    else:
        soort = next((k for k in ("per_jaar", "per_maand", "eenmalig") if k in b), None)
        if soort is None:
            t = "bedrag nog niet vastgesteld of bevestigd"
        elif soort == "eenmalig":
            t = f"{e(b['eenmalig'])} {per}, eenmalig"
        else:
            t = f"{e(b[soort])} {per} {_PERIODE[soort]}"
    if "maximum" in b:
        t += f", hoogstens {e(b['maximum'])} per huishouden"
    if d.get("bevestigd", True) is False:
        t += " (nog te bevestigen)"
    return t


def regeling_dict(r) -> dict:
    d = r.definitie
    uit = {
        "sleutel": r.sleutel, "naam": r.naam, "pakket": r.pakket, "bron": r.bron, "grondslag": r.grondslag,
        "omschrijving": r.omschrijving, "geldig_vanaf": r.geldig_vanaf.isoformat(),
        "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None, "soort": "declaratief" if d else "python",
        "voorwaarden": [], "voorwaarden_tekst": "", "bedrag_tekst": "", "bevestigd": True, "toelichting": "",
        "document": "",
    }
    if d:
        vw = voorwaarden(d)
        uit.update(voorwaarden=vw, voorwaarden_tekst="; ".join(vw) or "geen voorwaarden", bedrag_tekst=bedrag_tekst(d),
                   bevestigd=bool(d.get("bevestigd", True)), toelichting=d.get("toelichting", ""),
                   document=d.get("bron", ""))
    else:
        uit.update(voorwaarden_tekst="zie de regel van de gemeente (Python)", bedrag_tekst="volgt uit de regel")
    return uit


def catalogus(peildatum: date, gemeente: Optional[str] = None, reg=None) -> dict:
    from ..beleid import los_op
    from ..beslisser import catalogus as cat
    from ..plugins import register
    from ..regels.registratie import basispakket
    from .normen import kies_plugins, norm_status, open_normen, waarde_dict

    reg = reg or register()
    plugins = kies_plugins(reg, gemeente)
    beleiden = {p.naam: los_op(p, peildatum) for p in plugins}
    normen = open_normen()
    basis = []
    for r in basispakket().values():
        if not r.geldt_op(peildatum):
            continue
        eigen = [n for n in normen if n.startswith(r.sleutel + ".")]
        basis.append({
            **{k: v for k, v in regeling_dict(r).items() if k in ("sleutel", "naam", "pakket", "bron", "grondslag",
                                                                 "omschrijving", "geldig_vanaf", "geldig_tot")},
            "normen": [{"naam": n, "omschrijving": normen[n].omschrijving, "eenheid": normen[n].eenheid,
                        "standaard": waarde_dict(normen[n].waarde_op(peildatum)),
                        "per_gemeente": {p: norm_status(b, n) for p, b in beleiden.items()}} for n in eigen],
        })
    gemeenten = []
    for p in plugins:
        b = beleiden[p.naam]
        plus = [r for r in cat(b).values() if r.pakket != "basis"]
        gemeenten.append({"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam,
                          "bestaat": p.info.bestaat_op(peildatum), "pluspakket": [regeling_dict(r) for r in plus]})
    from .actualiteit import waarschuwingen

    return {"contract": CONTRACT, "peildatum": peildatum.isoformat(), "waarschuwingen": waarschuwingen(peildatum),
            "basispakket": basis, "gemeenten": gemeenten}


def catalogus_tekst(doc: dict) -> str:
    from ..geld import datum_nl

    from .actualiteit import waarschuwingen_tekst

    uit = ([f"Regelingen op {datum_nl(doc['peildatum'])}"] + waarschuwingen_tekst(doc.get("waarschuwingen"))
           + ["", "BASISPAKKET (regionaal, in elke gemeente)"])
    namen = {g["plugin"]: g["naam"] for g in doc["gemeenten"]}
    for r in doc["basispakket"]:
        uit.append(f"* {r['naam']} [{r['sleutel']}]")
        uit.append(f"    {r['omschrijving']}")
        uit.append(f"    grondslag: {r['grondslag']}")
        for n in r["normen"]:
            std = n["standaard"]["waarde"] if n["standaard"] else "geen waarde"
            afwijkend = [f"{namen[p]} {c['waarde'] if c['waarde'] is not None else '—'}"
                         for p, c in n["per_gemeente"].items() if not c["op_standaard"]]
            eenheid = f" ({n['eenheid']})" if n["eenheid"] else ""
            regel = f"    - {n['naam'][len(r['sleutel']) + 1:]}: {std}{eenheid}"
            if len(namen) == 1 and afwijkend:
                regel = f"    - {n['naam'][len(r['sleutel']) + 1:]}: {afwijkend[0].split(' ', 1)[-1]}{eenheid} (standaard {std})"
            elif afwijkend:
                regel += "; anders in: " + ", ".join(afwijkend)
            uit.append(regel)
    if not doc["basispakket"]:
        uit.append("  (geen regelingen op deze peildatum)")
    for g in doc["gemeenten"]:
        uit.append("")
        uit.append(f"PLUSPAKKET {g['naam'].upper()} ({g['cbs_code']})")
        if not g["bestaat"]:
            uit.append(f"  {g['naam']} bestaat niet op {datum_nl(doc['peildatum'])}.")
            continue
        if not g["pluspakket"]:
            uit.append("  (geen eigen regelingen op deze peildatum)")
        for r in g["pluspakket"]:
            tot = f" tot en met {datum_nl(r['geldig_tot'])}" if r["geldig_tot"] else ""
            uit.append(f"* {r['naam']} [{r['sleutel']}], geldig vanaf {datum_nl(r['geldig_vanaf'])}{tot}")
            if r["omschrijving"]:
                uit.append(f"    {r['omschrijving']}")
            uit.append(f"    voorwaarden: {r['voorwaarden_tekst']}")
            uit.append(f"    bedrag: {r['bedrag_tekst']}")
            uit.append(f"    grondslag: {r['grondslag']}")
            if r["toelichting"]:
                uit.append(f"    let op: {r['toelichting']}")
    return "\n".join(uit) + "\n"


def catalogus_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for r in doc["basispakket"]:
        rijen.append(["", r["sleutel"], r["naam"], "basis", "", "", r["grondslag"], r["geldig_vanaf"], r["geldig_tot"]])
    for g in doc["gemeenten"]:
        for r in g["pluspakket"]:
            rijen.append([g["plugin"], r["sleutel"], r["naam"], "plus", r["voorwaarden_tekst"], r["bedrag_tekst"],
                          r["grondslag"], r["geldig_vanaf"], r["geldig_tot"]])
    return csv_tekst(["gemeente", "sleutel", "naam", "pakket", "voorwaarden", "bedrag", "grondslag", "geldig_vanaf",
                      "geldig_tot"], rijen)
