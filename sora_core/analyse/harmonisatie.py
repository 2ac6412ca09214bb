"""Harmonisatie meten tegen het regionale doel "90% harmonisatie / 10% lokale invulling".

Per gemeente op de peildatum twee maten:

1. **Normen** (structuur): het aandeel open normen dat op de regionale standaard staat
   (``normen.norm_status``: geldende waarde gelijk aan de standaard). Alleen open normen die op
   de peildatum in gebruik zijn tellen mee. Doel: ten minste 90%.
2. **Waarde** (inhoud): de **jaarwaarde** van het pluspakket, gedefinieerd als het
   gemiddelde over de acht modelhuishoudens van ``minima_effect`` met een inkomen op 100% van
   hun toepasselijke norm, van de som van de jaarwaarden (per_maand x 12, per_jaar x 1,
   eenmalig x 1) van alle toegekende pluspakketregelingen. Het **lokale aandeel** is die
   waarde gedeeld door de jaarwaarde van basis- plus pluspakket voor dezelfde huishoudens.
   Doel: hoogstens 10%.

Oordeel: "voldoet" als beide doelen gehaald zijn, anders "voldoet niet" met de reden; "niet te
berekenen" (nooit "voldoet") als een modelhuishouden op de peildatum geen bijstandsnorm heeft of
als een waarde die de berekening nodig had op de peildatum niet gedekt is (``sora actualiteit``).
"Voorlopig" als de gemeente normen nog moet bevestigen of pluspakketregelingen zonder vast
bedrag heeft (geen of onbevestigd bedrag, werkelijke kosten, of doorverwezen naar een
uitvoerder): die tellen als 0 en de jaarwaarde is dan een ondergrens.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from ..geld import NUL, cent, euro, procent_nl

CONTRACT = "sora-harmonisatie/1"
DOEL_NORMEN = Decimal("0.90")
DOEL_LOKAAL = Decimal("0.10")


def _aandeel(teller: Decimal, noemer: Decimal) -> Optional[Decimal]:
    return None if noemer == 0 else (Decimal(teller) / Decimal(noemer)).quantize(Decimal("0.0001"))


def harmonisatie(peildatum: date, reg=None) -> dict:
    from ..beleid import los_op
    from ..plugins import register
    from .actualiteit import niet_gedekt_in, waarschuwingen
    from .minima_effect import minima_effect
    from .normen import norm_status, open_normen

    reg = reg or register()
    gemist: dict[str, list] = {}
    me = minima_effect(peildatum, reg=reg, percentages=(100,), ontbrekend=gemist)
    per_plugin = {g["plugin"]: g for g in me["gemeenten"]}
    normen = open_normen()
    uit = []
    for p in reg.gesorteerd():
        g = {"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam, "bestaat": p.info.bestaat_op(peildatum)}
        uit.append(g)
        if not g["bestaat"]:
            g["oordeel"] = {"code": "bestaat_niet", "voorlopig": False, "tekst": f"{p.info.naam} bestaat niet op deze peildatum."}
            continue
        b = los_op(p, peildatum)
        statussen = {n: norm_status(b, n) for n in normen}
        in_gebruik = [n for n, s in statussen.items() if s["in_gebruik"]]
        afwijkend = [n for n in in_gebruik if not statussen[n]["op_standaard"]]
        te_bevestigen = sorted(b.te_bevestigen)
        aandeel_normen = _aandeel(Decimal(len(in_gebruik) - len(afwijkend)), Decimal(len(in_gebruik)))
        g["normen"] = {"in_gebruik": len(in_gebruik), "op_standaard": len(in_gebruik) - len(afwijkend),
                       "afwijkend": afwijkend, "te_bevestigen": te_bevestigen,
                       "aandeel_op_standaard": str(aandeel_normen) if aandeel_normen is not None else None}
        # pluspakket: aantal en jaarwaarde per regeling (gemiddeld over de modelhuishoudens op 100%)
        punten = [h["punten"][0] for h in per_plugin[p.naam]["huishoudens"] if h["punten"]]
        n = Decimal(len(punten))
        per_regeling: dict[str, Decimal] = {}
        zonder: set[str] = set()
        for pt in punten:
            for r in pt["regelingen"]:
                if r["pakket"] != "basis":
                    per_regeling[r["regeling"]] = per_regeling.get(r["regeling"], NUL) + Decimal(r["jaarwaarde"])
                    if r["zonder_bedrag"]:
                        zonder.add(r["regeling"])
        plus_totaal = sum((Decimal(pt["totaal_plus"]) for pt in punten), NUL)
        alles_totaal = sum((Decimal(pt["totaal"]) for pt in punten), NUL)
        doorverwezen = {n for pt in punten for n in pt["doorverwezen"]}
        regelingen = []
        for r in b.pluspakket:
            d = r.definitie or {}
            bedrag = d.get("bedrag") or {}
            vast = any(k in bedrag for k in ("per_jaar", "per_maand", "eenmalig", "staffel")) and not bedrag.get("werkelijke_kosten")
            # onbekend: toegekend zonder bedrag, doorverwezen (de uitvoerder bepaalt het bedrag),
            # of in de beschrijving geen vast bedrag (geen bedrag of werkelijke kosten)
            onbekend = r.sleutel in zonder or r.naam in doorverwezen or (r.definitie is not None and not vast)
            regelingen.append({"sleutel": r.sleutel, "naam": r.naam,
                               "jaarwaarde": euro(cent(per_regeling.get(r.sleutel, NUL) / n)) if n else None,
                               "bedrag_onbekend": bool(onbekend) or not n})
        aandeel_lokaal = _aandeel(plus_totaal, alles_totaal)
        g["pluspakket"] = {"aantal": len(b.pluspakket), "regelingen": regelingen,
                           "jaarwaarde": euro(cent(plus_totaal / n)) if n else None,
                           "jaarwaarde_totaal": euro(cent(alles_totaal / n)) if n else None,
                           "aandeel_lokaal": str(aandeel_lokaal) if aandeel_lokaal is not None else None}
        zonder_norm = [h for h in per_plugin[p.naam]["huishoudens"] if not h["punten"]]
        meldingen = ([f"voor {len(zonder_norm)} van de {len(zonder_norm) + len(punten)} modelhuishoudens is op "
                      f"{peildatum.isoformat()} geen bijstandsnorm bekend (kies een andere --peildatum)"] if zonder_norm else [])
        # waarden die de berekening nodig had en die op de peildatum niet gedekt zijn (vervallen of
        # in een gat; niet: open normen zonder enige waarde, die verwijzen altijd door)
        ontbreekt = sorted({n for n in gemist.get(p.naam, ()) if niet_gedekt_in(n, p, peildatum)})
        if meldingen or ontbreekt:
            g["oordeel"] = _niet_te_berekenen(peildatum, meldingen, ontbreekt)
        else:
            g["oordeel"] = _oordeel(aandeel_normen, aandeel_lokaal, te_bevestigen,
                                    [r for r in regelingen if r["bedrag_onbekend"]], meldingen)
    return {"contract": CONTRACT, "peildatum": peildatum.isoformat(), "waarschuwingen": waarschuwingen(peildatum),
            "doel": {"normen_op_standaard": str(DOEL_NORMEN), "lokaal_aandeel_waarde": str(DOEL_LOKAAL)},
            "definitie_jaarwaarde": ("gemiddelde over de acht modelhuishoudens van minima-effect op 100% van de "
                                     "toepasselijke norm; per_maand x 12, per_jaar x 1, eenmalig x 1"),
            "gemeenten": uit}


def _niet_te_berekenen(peildatum: date, meldingen: list, ontbreekt: list) -> dict:
    """Geen oordeel als waarden ontbreken: dan is de jaarwaarde niet te berekenen (nooit "voldoet")."""
    from ..geld import datum_nl

    redenen = list(meldingen)
    if ontbreekt:
        wie = ontbreekt[0] + (f" en {len(ontbreekt) - 1} andere" if len(ontbreekt) > 1 else "")
        redenen.append(f"op {datum_nl(peildatum)} ontbreken waarden die de berekening nodig heeft ({wie})")
    return {"code": "niet_te_berekenen", "voorlopig": False,
            "tekst": "NIET TE BEREKENEN: " + "; ".join(redenen) + ". Zie 'sora actualiteit'."}


def _oordeel(normen: Optional[Decimal], lokaal: Optional[Decimal], te_bevestigen: list, onbekend: list,
             meldingen: list = ()) -> dict:
    redenen = []
    if normen is not None and normen < DOEL_NORMEN:
        redenen.append(f"{procent_nl(normen)} van de open normen op de standaard (doel ten minste {procent_nl(DOEL_NORMEN)})")
    if lokaal is not None and lokaal > DOEL_LOKAAL:
        redenen.append(f"pluspakket {procent_nl(lokaal)} van de ondersteuning (doel hoogstens {procent_nl(DOEL_LOKAAL)})")
    delen = []
    if normen is not None:
        delen.append(f"{procent_nl(normen)} van de open normen op de regionale standaard")
    if lokaal is not None:
        delen.append(f"pluspakket {procent_nl(lokaal)} van de ondersteuning")
    else:
        delen.append("geen ondersteuning met bekend bedrag voor de modelhuishoudens")
    if redenen:
        tekst = "VOLDOET NIET aan 90/10: " + "; ".join(redenen) + "."
    else:
        tekst = "VOLDOET aan 90/10: " + "; ".join(delen) + "."
    voorlopig = bool(te_bevestigen or onbekend or meldingen)
    if voorlopig:
        extra = []
        if meldingen:
            extra.append("jaarwaarde niet (volledig) te bepalen: " + "; ".join(meldingen))
        if te_bevestigen:
            extra.append(f"{len(te_bevestigen)} open norm(en) nog te bevestigen door de gemeente")
        if onbekend:
            extra.append(f"{len(onbekend)} pluspakketregeling(en) zonder (bevestigd) bedrag (jaarwaarde is een ondergrens)")
        tekst += " Voorlopig: " + "; ".join(extra) + "."
    return {"code": "voldoet_niet" if redenen else "voldoet", "voorlopig": voorlopig, "tekst": tekst}


def als_tekst(doc: dict) -> str:
    from .tabel import bedrag_kort, tabel

    uit = [f"Harmonisatie op {doc['peildatum']} (doel: ten minste 90% van de open normen op de regionale standaard, "
           "pluspakket hoogstens 10% van de ondersteuning)"] + doc.get("waarschuwingen", []) + [""]
    rijen = []
    for g in doc["gemeenten"]:
        if not g["bestaat"]:
            rijen.append([g["naam"], "-", "-", "-", "-", "-", "bestaat niet"])
            continue
        nm, pp = g["normen"], g["pluspakket"]
        a_n = procent_nl(Decimal(nm["aandeel_op_standaard"])) if nm["aandeel_op_standaard"] else "-"
        a_l = procent_nl(Decimal(pp["aandeel_lokaal"])) if pp["aandeel_lokaal"] else "-"
        oordeel = {"voldoet": "voldoet", "voldoet_niet": "voldoet niet",
                   "niet_te_berekenen": "niet te berekenen"}[g["oordeel"]["code"]]
        rijen.append([g["naam"], f"{nm['op_standaard']}/{nm['in_gebruik']}", a_n, str(pp["aantal"]),
                      bedrag_kort(Decimal(pp["jaarwaarde"])) if pp["jaarwaarde"] else "?", a_l, oordeel + (" (voorlopig)" if g["oordeel"]["voorlopig"] else "")])
    uit.append(tabel(["Gemeente", "normen std", "aandeel", "plusregelingen", "jaarwaarde plus", "lokaal aandeel", "oordeel"],
                     rijen))
    uit.append("Jaarwaarde plus: gemiddeld over de acht modelhuishoudens van 'sora minima-effect' op 100% van de norm "
               "(per_maand x 12, per_jaar x 1, eenmalig x 1). Lokaal aandeel: pluspakket / (basis + plus) voor die huishoudens.")
    uit.append("")
    for g in doc["gemeenten"]:
        uit.append(f"{g['naam']}: {g['oordeel']['tekst']}")
        if g["bestaat"]:
            for n in g["normen"]["afwijkend"]:
                uit.append(f"  - eigen waarde: {n}")
            for r in g["pluspakket"]["regelingen"]:
                uit.append(f"  - pluspakket: {r['naam']}: {bedrag_kort(Decimal(r['jaarwaarde'])) if r['jaarwaarde'] else '?'} per jaar"
                           + (" (bedrag onbekend)" if r["bedrag_onbekend"] else ""))
    return "\n".join(uit) + "\n"


def als_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for g in doc["gemeenten"]:
        if not g["bestaat"]:
            rijen.append([g["plugin"], g["naam"], None, None, None, None, None, None, "bestaat_niet", None])
            continue
        nm, pp = g["normen"], g["pluspakket"]
        rijen.append([g["plugin"], g["naam"], nm["in_gebruik"], nm["op_standaard"], nm["aandeel_op_standaard"],
                      pp["aantal"], pp["jaarwaarde"], pp["aandeel_lokaal"], g["oordeel"]["code"],
                      "ja" if g["oordeel"]["voorlopig"] else "nee"])
    return csv_tekst(["gemeente", "naam", "normen_in_gebruik", "normen_op_standaard", "aandeel_op_standaard",
                      "plusregelingen", "jaarwaarde_plus", "aandeel_lokaal", "oordeel", "voorlopig"], rijen)
