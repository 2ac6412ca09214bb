"""Minima-effectrapportage: wat standaardhuishoudens per jaar krijgen bij 100 tot 150% van
de norm, per gemeente, en waar de ondersteuning daalt als het inkomen stijgt (armoedeval).

Modelhuishoudens (aannamen, zoals in een Nibud-minima-effectrapportage):

* volwassenen onder de AOW-leeftijd zijn 40 (aanvrager) en 38 jaar (partner), AOW-huishoudens
  70 en 68 jaar; kinderen zijn 8 jaar (één kind) of 8 en 14 jaar (twee kinderen);
  elke leeftijd is op de peildatum een half jaar na de verjaardag;
* huurwoning, geen medebewoners (dus geen kostendelers), geen vermogen, geen schulden;
* het inkomen is al vijf jaar laag (langdurig laag inkomen) en er is geen uitzicht op verbetering;
* netto inkomen per maand = het percentage x de **toepasselijke bijstandsnorm** van het
  huishouden op de peildatum (zonder kostendelersnorm), afgerond op centen half naar boven.

Jaarwaarde van een regeling (``bedragen.jaarwaarde``): per_maand x 12, per_jaar x 1,
eenmalig x 1; een toekenning zonder bedrag telt als 0 en wordt apart gemeld.

Armoedeval: tussen twee opeenvolgende percentages daalt de totale jaarwaarde. Gemeld worden
het verlies, het extra inkomen per jaar (12 x het verschil in maandinkomen) en het saldo.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from ..geld import NUL, cent, euro
from . import bedragen
from .watals import Zet, zet_dict

CONTRACT = "sora-minima-effect/1"
PERCENTAGES = (100, 110, 120, 130, 150)

#: sleutel, omschrijving, leeftijd aanvrager, leeftijd partner (of None), leeftijden kinderen
MODELHUISHOUDENS = (
    ("alleenstaande", "Alleenstaande", 40, None, ()),
    ("alleenstaande_ouder_1", "Alleenstaande ouder, 1 kind", 40, None, (8,)),
    ("alleenstaande_ouder_2", "Alleenstaande ouder, 2 kinderen", 40, None, (8, 14)),
    ("paar_0", "Paar zonder kinderen", 40, 38, ()),
    ("paar_1", "Paar met 1 kind", 40, 38, (8,)),
    ("paar_2", "Paar met 2 kinderen", 40, 38, (8, 14)),
    ("aow_alleenstaande", "AOW, alleenstaande", 70, None, ()),
    ("aow_paar", "AOW, paar", 70, 68, ()),
)


def _geboren(peildatum: date, leeftijd: int) -> date:
    from ..geld import plus_jaren_maanden

    return plus_jaren_maanden(peildatum, -leeftijd, -6)


def model_casus(model: tuple, gemeente: str, peildatum: date, inkomen: Decimal):
    from ..model import Casus, Inkomen, Persoon, Vermogen, Woning
    from ..geld import plus_jaren_maanden

    _, _, a, p, kinderen = model
    return Casus(
        gemeente=gemeente, peildatum=peildatum,
        aanvrager=Persoon(_geboren(peildatum, a)),
        partner=Persoon(_geboren(peildatum, p)) if p is not None else None,
        kinderen=tuple(Persoon(_geboren(peildatum, k)) for k in kinderen),
        woning=Woning("huur"), vermogen=Vermogen(),
        inkomen=Inkomen(netto_per_maand=inkomen, laag_sinds=plus_jaren_maanden(peildatum, -5),
                        uitzicht_op_verbetering=False),
    )


def toepasselijke_norm(casus, beleid) -> Decimal:
    """De norm via dezelfde code als de regels (``huishouden.toepasselijke_norm``)."""
    from ..huishouden import toepasselijke_norm as norm
    from ..uitleg import Context, Uitleg

    return norm(Uitleg(Context(casus, beleid), None), False)


def _regelingen(besluit) -> list[dict]:
    uit = []
    for b in besluit.beslissingen:
        if b.uitkomst != "toegekend":
            continue
        uit.append({"regeling": b.regeling, "naam": b.naam, "pakket": b.pakket, "bedrag": euro(b.bedrag),
                    "bedrag_per": b.bedrag_per, "vorm": b.vorm, "jaarwaarde": euro(bedragen.jaarwaarde(b)),
                    "zonder_bedrag": bedragen.zonder_bedrag(b)})
    return uit


def _punt(besluit) -> dict:
    regs = _regelingen(besluit)
    return {
        "regelingen": regs,
        "totaal": euro(sum((Decimal(r["jaarwaarde"]) for r in regs), NUL)),
        "totaal_basis": euro(sum((Decimal(r["jaarwaarde"]) for r in regs if r["pakket"] == "basis"), NUL)),
        "totaal_plus": euro(sum((Decimal(r["jaarwaarde"]) for r in regs if r["pakket"] != "basis"), NUL)),
        "doorverwezen": [b.naam for b in besluit.beslissingen if b.uitkomst == "doorverwezen"],
    }


def armoedeval(punten: list[dict], sleutel: str = "totaal") -> list[dict]:
    uit = []
    for a, b in zip(punten, punten[1:]):
        va, vb = Decimal(a[sleutel]), Decimal(b[sleutel])
        if vb < va:
            extra = (Decimal(b["inkomen_per_maand"]) - Decimal(a["inkomen_per_maand"])) * 12
            weg = {r["regeling"] for r in a["regelingen"]} - {r["regeling"] for r in b["regelingen"]}
            uit.append({"van": a["percentage"], "naar": b["percentage"], "verlies": euro(va - vb),
                        "extra_inkomen_per_jaar": euro(extra), "saldo": euro(extra - (va - vb)),
                        "vervallen": sorted(r["naam"] for r in a["regelingen"] if r["regeling"] in weg)})
    return uit


def minima_effect(peildatum: date, gemeente: Optional[str] = None, reg=None, zet: Optional[Zet] = None,
                  percentages=PERCENTAGES, huishoudens=MODELHUISHOUDENS, ontbrekend: Optional[dict] = None) -> dict:
    """``ontbrekend``: als een dict, dan per plugin de namen van de waarden die op de peildatum
    ontbraken en een beslissing voor een modelhuishouden deden doorverwijzen (zie harmonisatie)."""
    from ..beleid import los_op
    from ..beslisser import beoordeel
    from ..plugins import register
    from ..uitleg import OntbrekendeWaarde
    from .normen import kies_plugins

    reg = reg or register()
    zet = zet or {}
    gemeenten = []
    for p in kies_plugins(reg, gemeente):
        g = {"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam,
             "bestaat": p.info.bestaat_op(peildatum), "huishoudens": []}
        gemeenten.append(g)
        if not g["bestaat"]:
            continue
        beleid = los_op(p, peildatum)
        gemist = ontbrekend.setdefault(p.naam, []) if ontbrekend is not None else None
        for model in huishoudens:
            try:
                norm = toepasselijke_norm(model_casus(model, p.naam, peildatum, NUL), beleid)
            except OntbrekendeWaarde as e:
                g["huishoudens"].append({"sleutel": model[0], "omschrijving": model[1], "norm_per_maand": None,
                                         "punten": [], "armoedeval": [], "melding": str(e)})
                continue
            punten = []
            for pct in percentages:
                inkomen = cent(norm * pct / 100)
                c = model_casus(model, p.naam, peildatum, inkomen)
                # alleen uitkomsten en bedragen tellen: beslissen zonder motivering (zelfde regels)
                punt = {"percentage": pct, "inkomen_per_maand": euro(inkomen),
                        **_punt(beoordeel(c, reg=reg, motiveren=False, ontbrekend=gemist))}
                if p.naam in zet:
                    w = _punt(beoordeel(c, reg=reg, zet=zet[p.naam], motiveren=False))
                    w["verschil"] = euro(Decimal(w["totaal"]) - Decimal(punt["totaal"]))
                    punt["wat_als"] = w
                punten.append(punt)
            h = {"sleutel": model[0], "omschrijving": model[1], "norm_per_maand": euro(norm), "punten": punten,
                 "armoedeval": armoedeval(punten)}
            if p.naam in zet:
                h["wat_als_armoedeval"] = armoedeval([{**x["wat_als"], "percentage": x["percentage"],
                                                        "inkomen_per_maand": x["inkomen_per_maand"]} for x in punten])
            g["huishoudens"].append(h)
    from .actualiteit import waarschuwingen

    return {"contract": CONTRACT, "peildatum": peildatum.isoformat(), "waarschuwingen": waarschuwingen(peildatum),
            "percentages": list(percentages),
            "omrekening": "per_maand x 12, per_jaar x 1, eenmalig x 1; toegekend zonder bedrag telt als 0",
            "wat_als": zet_dict(zet), "gemeenten": gemeenten}


def als_tekst(doc: dict, breed: bool = False) -> str:
    """De tekstuitvoer. Standaard past elke regel in 100 kolommen (``tabel.vouw``, vervolgregels
    ingesprongen), en staat de reden waarom een huishouden niet te berekenen is maar één keer
    voluit: een volgend huishouden met precies dezelfde reden verwijst ernaar. ``breed``: elke
    melding op één regel en elke reden voluit (zoals de JSON)."""
    from ..geld import datum_nl, euro_nl
    from .tabel import bedrag_kort, bedrag_verschil, tabel, vouw

    def alinea(tekst: str, inspring: str = "") -> list[str]:
        return [inspring + tekst] if breed else vouw(tekst, inspring, "  ")

    #: melding -> (gemeente, huishouden) waar ze voor het eerst voluit stond
    eerder: dict[str, tuple[str, str]] = {}
    pcts = doc["percentages"]
    uit = [f"Minima-effect op {datum_nl(doc['peildatum'])}: jaarwaarde van de ondersteuning per modelhuishouden",
           "(per_maand x 12, per_jaar x 1, eenmalig x 1; ? = toegekend, bedrag nog niet bekend)"]
    from .actualiteit import waarschuwingen_tekst

    uit += waarschuwingen_tekst(doc.get("waarschuwingen")) + [""]
    for g in doc["gemeenten"]:
        uit.append(f"=== {g['naam']} ({g['cbs_code']}) ===")
        if not g["bestaat"]:
            uit.append(f"{g['naam']} bestaat niet op {datum_nl(doc['peildatum'])}.")
            uit.append("")
            continue
        for h in g["huishoudens"]:
            if h["norm_per_maand"] is None:
                waar = eerder.get(h["melding"])
                if waar is None or breed:
                    eerder.setdefault(h["melding"], (g["naam"], h["omschrijving"]))
                    uit += alinea(f"{h['omschrijving']}: niet te berekenen. {h['melding']}")
                else:
                    bij = "hierboven" if waar[0] == g["naam"] else f"bij {waar[0]}"
                    uit += alinea(f"{h['omschrijving']}: niet te berekenen, om dezelfde reden als "
                                  f"'{waar[1]}' {bij}.")
                uit.append("")
                continue
            uit.append(f"{h['omschrijving']} (norm {euro_nl(Decimal(h['norm_per_maand']))} per maand)")
            namen: dict[str, str] = {}
            for pt in h["punten"]:
                for r in pt["regelingen"] + (pt["wat_als"]["regelingen"] if "wat_als" in pt else []):
                    namen.setdefault(r["regeling"], r["naam"] + (" (plus)" if r["pakket"] != "basis" else ""))
            rijen = [["inkomen per maand"] + [bedrag_kort(Decimal(pt["inkomen_per_maand"])) for pt in h["punten"]]]
            for sleutel, naam in namen.items():
                cellen = []
                for pt in h["punten"]:
                    r = next((x for x in pt["regelingen"] if x["regeling"] == sleutel), None)
                    cellen.append("-" if r is None else "?" if r["zonder_bedrag"] else bedrag_kort(Decimal(r["jaarwaarde"])))
                rijen.append([naam] + cellen)
            rijen.append(["Totaal per jaar"] + [bedrag_kort(Decimal(pt["totaal"])) for pt in h["punten"]])
            if any("wat_als" in pt for pt in h["punten"]):
                rijen.append(["Wat-als totaal"] + [bedrag_kort(Decimal(pt["wat_als"]["totaal"])) for pt in h["punten"]])
                rijen.append(["Wat-als verschil"] + [bedrag_verschil(Decimal(pt["wat_als"]["verschil"])) for pt in h["punten"]])
            uit.append(tabel(["  regeling"] + [f"{p}%" for p in pcts], [["  " + r[0]] + r[1:] for r in rijen]))
            for a in h["armoedeval"]:
                uit += alinea(f"Armoedeval van {a['van']}% naar {a['naar']}%: ondersteuning "
                              f"{euro_nl(Decimal(a['verlies']))} per jaar lager "
                              f"({', '.join(a['vervallen']) or 'lagere bedragen'}); inkomen "
                              f"{euro_nl(Decimal(a['extra_inkomen_per_jaar']))} per jaar hoger; saldo "
                              f"{euro_nl(Decimal(a['saldo']))}.", "  ")
            for a in h.get("wat_als_armoedeval", []):
                uit += alinea(f"Wat-als: armoedeval van {a['van']}% naar {a['naar']}%: "
                              f"{euro_nl(Decimal(a['verlies']))} per jaar lager; saldo {euro_nl(Decimal(a['saldo']))}.",
                              "  ")
            doorv = sorted({n for pt in h["punten"] for n in pt["doorverwezen"]})
            if doorv:
                uit += alinea(f"Doorverwezen (geen bedrag te berekenen): {', '.join(doorv)}.", "  ")
            uit.append("")
    if doc["wat_als"]:
        uit += alinea("Wat-als: " + "; ".join(f"{p}: " + ", ".join(f"{n} = {w}" for n, w in z.items())
                                              for p, z in doc["wat_als"].items()))
    return "\n".join(uit) + "\n"


def als_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for g in doc["gemeenten"]:
        for h in g["huishoudens"]:
            for pt in h["punten"]:
                wat = {r["regeling"]: r for r in pt.get("wat_als", {}).get("regelingen", [])}
                sleutels = [r["regeling"] for r in pt["regelingen"]] + [k for k in wat if k not in
                                                                        {r["regeling"] for r in pt["regelingen"]}]
                huidig = {r["regeling"]: r for r in pt["regelingen"]}
                for k in sleutels:
                    r = huidig.get(k) or wat[k]
                    rijen.append([g["plugin"], h["sleutel"], pt["percentage"], pt["inkomen_per_maand"], k, r["naam"],
                                  r["pakket"], huidig[k]["bedrag"] if k in huidig else None, r["bedrag_per"],
                                  huidig[k]["jaarwaarde"] if k in huidig else "0.00",
                                  (wat[k]["jaarwaarde"] if k in wat else "0.00") if "wat_als" in pt else None])
    return csv_tekst(["gemeente", "huishouden", "percentage", "inkomen_per_maand", "regeling", "naam", "pakket", "bedrag",
                      "bedrag_per", "jaarwaarde", "wat_als_jaarwaarde"], rijen)
