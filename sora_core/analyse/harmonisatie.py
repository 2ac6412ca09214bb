"""Harmonisatie meten tegen het regionale doel "90% harmonisatie / 10% lokale invulling".

**Onbekend is niet nul.** Per gemeente op de peildatum twee maten, elk met wat bekend is, de
grenzen waarbinnen de echte waarde ligt, en alleen een oordeel als wat het oordeel beslist
bekend is:

1. **Normen** (structuur): het aandeel open normen dat op de regionale standaard staat
   (``normen.norm_status``: geldende waarde gelijk aan de standaard). Alleen open normen die op
   de peildatum in gebruik zijn tellen mee. Een norm die de gemeente nog moet bevestigen
   (``[[norm]]`` zonder waarde) is **onbekend**: ondergrens = alle onbekende normen wijken af,
   bovengrens = alle onbekende normen staan op de standaard. Doel: ten minste 90%.
2. **Waarde** (inhoud): over de acht modelhuishoudens van ``minima_effect`` met een inkomen op
   100% van hun toepasselijke norm de jaarwaarde (per_maand x 12, per_jaar x 1, eenmalig x 1)
   per regeling. Een regeling is **zonder bedrag** als ze voor een modelhuishouden is
   toegekend zonder bedrag of is doorverwezen; die telt niet als 0 maar als onbekend.
   Lokaal aandeel = plus / (basis + plus). Over de bekende bedragen: P / (P + B). Grenzen:

   * ondergrens: plus zonder bedrag = 0 en basis zonder bedrag zo groot mogelijk. De kern
     kent voor geen bedrag een maximum, dus met een basisregeling zonder bedrag is er geen
     ondergrens (het aandeel kan willekeurig dicht bij 0 komen); anders P / (P + B);
   * bovengrens: basis zonder bedrag = 0 en plus zonder bedrag zo groot mogelijk: met een
     plusregeling zonder bedrag geen bovengrens; anders P / (P + B).

   Doel: hoogstens 10%, dus 9 x plus <= basis. **Ruimte**: zolang de plusregelingen zonder
   bedrag samen per huishouden niet meer opleveren dan B/9 - P (plus 1/9 van wat de
   basisregelingen zonder bedrag opleveren), wordt het doel gehaald.

Oordeel: "voldoet" als beide doelen vaststaan als gehaald; "voldoet niet" als één doel
vaststaat als niet gehaald (wat de onbekende waarden ook zijn); anders "niet te beoordelen"
met de reden. "Niet te berekenen" als een modelhuishouden op de peildatum geen bijstandsnorm
heeft of een waarde die de berekening nodig had op de peildatum niet gedekt is
(``sora actualiteit``).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Optional

from ..geld import NUL, cent, datum_nl, euro, euro_nl, procent_nl

CONTRACT = "sora-harmonisatie/2"
DOEL_NORMEN = Decimal("0.90")
DOEL_LOKAAL = Decimal("0.10")

UITLEG = (
    "Normen: aandeel open normen op de regionale standaard (doel ten minste 90%); een norm die de gemeente nog "
    "moet bevestigen is onbekend (ondergrens: hij wijkt af, bovengrens: hij staat op de standaard). "
    "Lokaal aandeel: pluspakket / (basis + plus), per regeling de jaarwaarde gemiddeld over de acht "
    "modelhuishoudens van 'sora minima-effect' op 100% van de norm (per maand x 12, per jaar x 1, eenmalig x 1); "
    "doel hoogstens 10%. Een regeling die voor een modelhuishouden is toegekend zonder bedrag of is doorverwezen, "
    "is zonder bedrag: die telt niet als 0. Het aandeel over de bekende bedragen rekent alleen met bekende "
    "bedragen; een ondergrens bestaat alleen als alle basisregelingen een bedrag hebben, een bovengrens alleen "
    "als alle plusregelingen een bedrag hebben (de kern kent geen maximumbedragen). Een oordeel alleen als het "
    "vaststaat, wat de onbekende waarden ook zijn; anders 'niet te beoordelen'.")


def _aandeel(teller: Decimal, noemer: Decimal) -> Optional[Decimal]:
    return None if noemer == 0 else (Decimal(teller) / Decimal(noemer)).quantize(Decimal("0.0001"))


def _s(x: Optional[Decimal]) -> Optional[str]:
    return None if x is None else str(x)


def _pct(x: Optional[str]) -> str:
    return "?" if x is None else procent_nl(Decimal(x))


def _normen_maat(in_gebruik: list, afwijkend: list, onbekend: list) -> dict:
    """Aandeel op de standaard met grenzen; ``onbekend`` = normen in gebruik die de gemeente nog moet bevestigen."""
    n = len(in_gebruik)
    op = n - len(afwijkend)
    onb_op = sum(1 for x in onbekend if x not in afwijkend)  # nu op de standaard, maar nog niet bevestigd
    zeker_op = op - onb_op
    laag = _aandeel(Decimal(zeker_op), Decimal(n))
    hoog = _aandeel(Decimal(zeker_op + len(onbekend)), Decimal(n))
    # exact vergelijken met gehele getallen: a / n >= 0,9  <=>  10 a >= 9 n
    if n == 0:
        status = "geen_normen"
    elif 10 * zeker_op >= 9 * n:
        status = "gehaald"
    elif 10 * (zeker_op + len(onbekend)) < 9 * n:
        status = "niet_gehaald"
    else:
        status = "onbeslist"
    return {"in_gebruik": n, "op_standaard": op, "afwijkend": afwijkend, "te_bevestigen": onbekend,
            "onbekend": len(onbekend),
            "aandeel_op_standaard": _s(_aandeel(Decimal(op), Decimal(n))),
            "aandeel_bekend": _s(_aandeel(Decimal(zeker_op), Decimal(n - len(onbekend)))),
            "ondergrens": _s(laag), "bovengrens": _s(hoog), "doel": status}


def _waarde_maat(regelingen: list, n: int) -> dict:
    """Lokaal aandeel met grenzen; ``regelingen``: per regeling pakket, totaal over de huishoudens, onbekend."""
    p = sum((Decimal(r["_som"]) for r in regelingen if r["pakket"] != "basis" and not r["bedrag_onbekend"]), NUL)
    b = sum((Decimal(r["_som"]) for r in regelingen if r["pakket"] == "basis" and not r["bedrag_onbekend"]), NUL)
    plus_onb = [r["naam"] for r in regelingen if r["pakket"] != "basis" and r["bedrag_onbekend"]]
    basis_onb = [r["naam"] for r in regelingen if r["pakket"] == "basis" and r["bedrag_onbekend"]]
    bekend = _aandeel(p, p + b)
    laag = bekend if not basis_onb else None
    hoog = bekend if not plus_onb else None
    if p == 0 and not plus_onb:  # geen lokale ondersteuning: het aandeel is 0, wat de basis ook is
        bekend = laag = hoog = Decimal("0.0000")
    # doel hoogstens 10%:  p / (p + b) <= 0,1  <=>  9 p <= b  (exact, op de sommen in centen)
    if not plus_onb and 9 * p <= b and (p + b > 0 or p == 0):
        status = "gehaald"  # bovengrens (basis zonder bedrag = 0) haalt het doel al
    elif not basis_onb and 9 * p > b:
        status = "niet_gehaald"  # ondergrens (plus zonder bedrag = 0) haalt het doel al niet
    else:
        status = "onbeslist"
    # per huishouden: zoveel mogen de plusregelingen zonder bedrag samen opleveren (omlaag afgerond: veilig),
    # en als dat negatief is: zoveel moeten de basisregelingen zonder bedrag samen opleveren (omhoog)
    ruimte = ((b / 9 - p) / n).quantize(Decimal("0.01"), ROUND_FLOOR) if n else None
    nodig = ((9 * p - b) / n).quantize(Decimal("0.01"), ROUND_CEILING) if n and 9 * p > b else None
    return {"jaarwaarde_plus_bekend": euro(cent(p / n)) if n else None,
            "jaarwaarde_basis_bekend": euro(cent(b / n)) if n else None,
            "aandeel_bekend": _s(bekend), "ondergrens": _s(laag), "bovengrens": _s(hoog),
            "plus_zonder_bedrag": plus_onb, "basis_zonder_bedrag": basis_onb,
            "ruimte_plus_per_huishouden": euro(ruimte), "basis_nodig_per_huishouden": euro(nodig),
            "doel": status}


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
            g["oordeel"] = {"code": "bestaat_niet", "tekst": f"{p.info.naam} bestaat niet op {datum_nl(peildatum)}."}
            continue
        b = los_op(p, peildatum)
        statussen = {n: norm_status(b, n) for n in normen}
        in_gebruik = [n for n, s in statussen.items() if s["in_gebruik"]]
        afwijkend = [n for n in in_gebruik if not statussen[n]["op_standaard"]]
        onbekend = sorted(n for n in b.te_bevestigen if n in in_gebruik)
        g["normen"] = _normen_maat(in_gebruik, afwijkend, onbekend)
        # waarde: per regeling de som van de jaarwaarden over de modelhuishoudens op 100%
        punten = [h["punten"][0] for h in per_plugin[p.naam]["huishoudens"] if h["punten"]]
        n = len(punten)
        plusnamen = {r.naam for r in b.pluspakket}
        per: dict[str, dict] = {}
        for pt in punten:
            for r in pt["regelingen"]:
                x = per.setdefault(r["regeling"], {"sleutel": r["regeling"], "naam": r["naam"],
                                                   "pakket": "basis" if r["pakket"] == "basis" else "plus",
                                                   "_som": NUL, "bedrag_onbekend": False})
                x["_som"] += Decimal(r["jaarwaarde"])
                x["bedrag_onbekend"] |= bool(r["zonder_bedrag"])
            for naam in pt["doorverwezen"]:
                sleutel = next((r.sleutel for r in b.pluspakket if r.naam == naam), naam)
                x = per.setdefault(sleutel, {"sleutel": sleutel, "naam": naam,
                                             "pakket": "plus" if naam in plusnamen else "basis",
                                             "_som": NUL, "bedrag_onbekend": False})
                x["bedrag_onbekend"] = True
        basis_eerst = sorted(per.values(), key=lambda r: (r["pakket"] != "basis", r["naam"]))
        w = _waarde_maat(basis_eerst, n)
        w["regelingen"] = [{"sleutel": r["sleutel"], "naam": r["naam"], "pakket": r["pakket"],
                            "jaarwaarde": None if r["bedrag_onbekend"] or not n else euro(cent(r["_som"] / n)),
                            "bedrag_onbekend": r["bedrag_onbekend"]} for r in basis_eerst]
        w["aantal"] = len(basis_eerst)
        w["zonder_bedrag"] = sum(1 for r in basis_eerst if r["bedrag_onbekend"])
        w["plusregelingen"] = len(b.pluspakket)
        g["waarde"] = w
        zonder_norm = [h for h in per_plugin[p.naam]["huishoudens"] if not h["punten"]]
        meldingen = ([f"voor {len(zonder_norm)} van de {len(zonder_norm) + n} modelhuishoudens is op "
                      f"{datum_nl(peildatum)} geen bijstandsnorm bekend (kies een andere --peildatum)"] if zonder_norm else [])
        # waarden die de berekening nodig had en die op de peildatum niet gedekt zijn (vervallen of
        # in een gat; niet: open normen zonder enige waarde, die verwijzen altijd door)
        ontbreekt = sorted({x for x in gemist.get(p.naam, ()) if niet_gedekt_in(x, p, peildatum)})
        if meldingen or ontbreekt:
            g["oordeel"] = _niet_te_berekenen(peildatum, meldingen, ontbreekt)
        else:
            g["oordeel"] = oordeel(g["normen"], w)
    return {"contract": CONTRACT, "peildatum": peildatum.isoformat(), "waarschuwingen": waarschuwingen(peildatum),
            "doel": {"normen_op_standaard": str(DOEL_NORMEN), "lokaal_aandeel_waarde": str(DOEL_LOKAAL)},
            "definitie_jaarwaarde": ("gemiddelde over de acht modelhuishoudens van minima-effect op 100% van de "
                                     "toepasselijke norm; per_maand x 12, per_jaar x 1, eenmalig x 1"),
            "uitleg": UITLEG, "gemeenten": uit}


def _niet_te_berekenen(peildatum: date, meldingen: list, ontbreekt: list) -> dict:
    """Geen oordeel als waarden ontbreken: dan is de jaarwaarde niet te berekenen (nooit "voldoet")."""
    redenen = list(meldingen)
    if ontbreekt:
        wie = ontbreekt[0] + (f" en {len(ontbreekt) - 1} andere" if len(ontbreekt) > 1 else "")
        redenen.append(f"op {datum_nl(peildatum)} ontbreken waarden die de berekening nodig heeft ({wie})")
    return {"code": "niet_te_berekenen", "tekst": "NIET TE BEREKENEN: " + "; ".join(redenen) + ". Zie 'sora actualiteit'."}


def bereik_normen(nm: dict) -> str:
    """'98,31%' als alles bekend is, anders '83,05-98,31%'."""
    if nm["in_gebruik"] == 0:
        return "geen open normen in gebruik"
    if nm["ondergrens"] == nm["bovengrens"]:
        return _pct(nm["ondergrens"])
    return f"{_pct(nm['ondergrens'])[:-1]}-{_pct(nm['bovengrens'])}"


def bereik_lokaal(w: dict) -> str:
    """Het lokale aandeel in woorden: exact, ten minste, hoogstens of niet te begrenzen."""
    lo, hi = w["ondergrens"], w["bovengrens"]
    if lo is not None and hi is not None:
        return _pct(lo)
    if lo is not None:
        return f"ten minste {_pct(lo)}"
    if hi is not None:
        return f"hoogstens {_pct(hi)}"
    return "niet te begrenzen"


def _zonder(w: dict) -> str:
    return f"{w['zonder_bedrag']} van de {w['aantal']} regelingen zonder bedrag"


def oordeel(nm: dict, w: dict) -> dict:
    """Het oordeel uit de twee maten; alleen 'voldoet' of 'voldoet niet' als het vaststaat."""
    niet, open_ = [], []
    if nm["doel"] == "niet_gehaald":
        niet.append(f"ten hoogste {_pct(nm['bovengrens'])} van de open normen op de standaard (doel ten minste 90%)")
    elif nm["doel"] == "onbeslist":
        open_.append(f"open normen op de standaard {bereik_normen(nm)}: {nm['onbekend']} van de {nm['in_gebruik']} "
                     "nog te bevestigen door de gemeente, en die beslissen of 90% gehaald wordt")
    if w["doel"] == "niet_gehaald":
        niet.append(f"lokaal aandeel ten minste {_pct(w['ondergrens'])} (doel hoogstens 10%), ook als de "
                    "plusregelingen zonder bedrag niets opleveren")
    elif w["doel"] == "onbeslist":
        reden = [f"lokaal aandeel {bereik_lokaal(w)} ({_zonder(w)}"]
        delen = []
        if w["plus_zonder_bedrag"]:
            delen.append("plus: " + ", ".join(w["plus_zonder_bedrag"]))
        if w["basis_zonder_bedrag"]:
            delen.append("basis: " + ", ".join(w["basis_zonder_bedrag"]))
        reden[0] += "; " + "; ".join(delen) + ")"
        open_.append(reden[0])
    if niet:
        return {"code": "voldoet_niet", "tekst": "VOLDOET NIET aan 90/10: " + "; ".join(niet) + "."
                + (" Verder niet te beoordelen: " + "; ".join(open_) + "." if open_ else "")}
    if open_:
        return {"code": "niet_te_beoordelen", "tekst": "NIET TE BEOORDELEN: " + "; ".join(open_) + "."}
    delen = [f"{bereik_normen(nm)} van de open normen op de regionale standaard" if nm["in_gebruik"]
             else "geen open normen in gebruik"]
    delen.append(f"lokaal aandeel {bereik_lokaal(w)}" if w["ondergrens"] is not None
                 else f"lokaal aandeel hoogstens {_pct(w['bovengrens'])}, ook als de basisregelingen zonder bedrag niets opleveren")
    return {"code": "voldoet", "tekst": "VOLDOET aan 90/10: " + "; ".join(delen) + "."}


_OORDEEL_KORT = {"voldoet": "voldoet", "voldoet_niet": "voldoet niet", "niet_te_beoordelen": "niet te beoordelen",
                 "niet_te_berekenen": "niet te berekenen", "bestaat_niet": "bestaat niet"}


def als_tekst(doc: dict) -> str:
    from .tabel import bedrag_kort, tabel, vouw

    def alinea(t: str, inspring: str = "", verder: str = "  ") -> list[str]:
        return vouw(t, inspring, verder) if t else []

    uit = [f"Harmonisatie op {datum_nl(date.fromisoformat(doc['peildatum']))}"]
    from .actualiteit import waarschuwingen_tekst

    uit += waarschuwingen_tekst(doc.get("waarschuwingen"))
    uit += alinea("Doel: ten minste 90% van de open normen op de regionale standaard en een lokaal aandeel (pluspakket) "
                  "van hoogstens 10% van de ondersteuning.", verder="")
    uit.append("")
    rijen = []
    for g in doc["gemeenten"]:
        if not g["bestaat"]:
            rijen.append([g["naam"], "-", "-", "-", "-", "bestaat niet"])
            continue
        nm, w = g["normen"], g["waarde"]
        rijen.append([g["naam"], f"{nm['op_standaard'] - sum(1 for x in nm['te_bevestigen'] if x not in nm['afwijkend'])}"
                      f"+{nm['onbekend']}?/{nm['in_gebruik']}", bereik_normen(nm),
                      f"{w['zonder_bedrag']}/{w['aantal']}", bereik_lokaal(w), _OORDEEL_KORT[g["oordeel"]["code"]]])
    uit.append(tabel(["Gemeente", "normen std", "op standaard", "zonder bedrag", "lokaal aandeel", "oordeel"], rijen))
    uit += alinea("normen std: zeker op de standaard + nog te bevestigen (?) / in gebruik. zonder bedrag: regelingen "
                  "zonder bedrag / regelingen die de modelhuishoudens iets (kunnen) opleveren.", verder="")
    uit.append("")
    uit += alinea("Zo is gemeten: " + doc.get("uitleg", UITLEG), verder="")
    uit.append("")
    for g in doc["gemeenten"]:
        uit += alinea(f"{g['naam']}: {g['oordeel']['tekst']}")
        if not g["bestaat"]:
            continue
        w = g["waarde"]
        if w["aantal"]:
            uit += alinea(f"over de bekende bedragen: plus {bedrag_kort(Decimal(w['jaarwaarde_plus_bekend']))}, basis "
                          f"{bedrag_kort(Decimal(w['jaarwaarde_basis_bekend']))} per huishouden per jaar = lokaal aandeel "
                          f"{_pct(w['aandeel_bekend'])}; {_zonder(w)}", "  ", "  ")
        if w["doel"] == "onbeslist" and w["ruimte_plus_per_huishouden"] is not None:
            if w["basis_nodig_per_huishouden"] is None:
                t = ("het doel van 10% wordt gehaald zolang de plusregelingen zonder bedrag samen niet meer dan "
                     f"{euro_nl(Decimal(w['ruimte_plus_per_huishouden']))} per huishouden per jaar opleveren")
                if w["basis_zonder_bedrag"]:
                    t += " (plus 1/9 van wat de basisregelingen zonder bedrag opleveren)"
            else:
                t = ("het doel van 10% wordt alleen gehaald als de basisregelingen zonder bedrag samen ten minste "
                     f"{euro_nl(Decimal(w['basis_nodig_per_huishouden']))} per huishouden per jaar opleveren")
                if w["plus_zonder_bedrag"]:
                    t += " (plus 9 x wat de plusregelingen zonder bedrag opleveren)"
            uit += alinea(t, "  ", "  ")
        for n in g["normen"]["afwijkend"]:
            uit += alinea(f"- eigen waarde: {n}", "  ")
        for r in w["regelingen"]:
            bedrag = "bedrag onbekend" if r["bedrag_onbekend"] else f"{bedrag_kort(Decimal(r['jaarwaarde']))} per jaar"
            uit += alinea(f"- {r['pakket']}: {r['naam']}: {bedrag}", "  ")
        if w["aantal"]:
            uit += alinea("(bedragen: gemiddeld per modelhuishouden per jaar)", "  ")
    return "\n".join(uit) + "\n"


def als_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for g in doc["gemeenten"]:
        if not g["bestaat"]:
            rijen.append([g["plugin"], g["naam"]] + [None] * 11 + ["bestaat_niet"])
            continue
        nm, w = g["normen"], g["waarde"]
        rijen.append([g["plugin"], g["naam"], nm["in_gebruik"], nm["op_standaard"], nm["onbekend"], nm["ondergrens"],
                      nm["bovengrens"], w["aantal"], w["zonder_bedrag"], w["jaarwaarde_plus_bekend"], w["aandeel_bekend"],
                      w["ondergrens"], w["bovengrens"], g["oordeel"]["code"]])
    return csv_tekst(["gemeente", "naam", "normen_in_gebruik", "normen_op_standaard", "normen_te_bevestigen",
                      "normen_ondergrens", "normen_bovengrens", "regelingen", "zonder_bedrag", "jaarwaarde_plus_bekend",
                      "lokaal_aandeel_bekend", "lokaal_ondergrens", "lokaal_bovengrens", "oordeel"], rijen)
