"""Dezelfde casus in alle gemeenten naast elkaar.

Rijen: eerst de regelingen van het basispakket (in de volgorde van de beslisser), dan het
pluspakket. Pluspakketregelingen van verschillende gemeenten met dezelfde **naam** (bijvoorbeeld
"Energietoeslag 2022") staan op één rij, zodat de lezer ze kan vergelijken; de cel noemt de
sleutel van de gemeente. Een rij "verschilt" als niet alle gemeenten (die konden beslissen)
dezelfde uitkomst, hetzelfde bedrag en dezelfde eenheid hebben, of als de regeling in een
gemeente ontbreekt.

Totalen per gemeente volgen ``bedragen``: per jaar (per_jaar + 12 x per_maand), eenmalig en
lening apart.
"""

from __future__ import annotations

from typing import Any, Optional

from ..fouten import InvoerFout, PluginFout
from ..geld import euro
from . import bedragen
from .watals import Zet, zet_dict

CONTRACT = "sora-vergelijk/1"


def _rij_sleutel(b) -> str:
    return b.regeling if b.pakket == "basis" else f"plus:{b.naam}"


def _vergelijkbaar(c: Optional[dict]) -> Any:
    return None if c is None else (c["uitkomst"], c["bedrag"], c["bedrag_per"], c["vorm"])


def vergelijk(casus, reg=None, zet: Optional[Zet] = None) -> dict:
    from ..beslisser import beoordeel
    from ..plugins import register

    reg = reg or register()
    zet = zet or {}
    gemeenten: list[dict] = []
    rijen: dict[str, dict] = {}
    volgorde: list[str] = []
    for p in reg.gesorteerd():
        g: dict[str, Any] = {"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam,
                             "status": "beslist", "fouten": [], "totalen": None, "wat_als": None}
        gemeenten.append(g)
        if not p.info.bestaat_op(casus.peildatum):  # vóór de fusie of na de opheffing: een eigen status
            g["status"] = "bestond_nog_niet" if p.info.geldig_vanaf and casus.peildatum < p.info.geldig_vanaf \
                else "bestaat_niet_meer"
            try:
                from ..plugins import gemeente_bestaat_op

                gemeente_bestaat_op(p, casus.peildatum)
            except InvoerFout as e:  # dezelfde melding als 'sora beoordeel' geeft
                g["fouten"] = [f.als_dict() for f in e.fouten()]
            continue
        try:
            besluit = beoordeel(casus, gemeente=p.naam, reg=reg, motiveren=False)  # alleen uitkomsten en bedragen
        except (InvoerFout, PluginFout) as e:
            g["status"] = "fout"
            g["fouten"] = [f.als_dict() for f in e.fouten()]
            continue
        g["totalen"] = bedragen.totalen_tekst(bedragen.totalen(besluit.beslissingen))
        g["vingerafdruk"] = besluit.ontvangstbewijs.beleid_vingerafdruk
        for b in besluit.beslissingen:
            k = _rij_sleutel(b)
            if k not in rijen:
                rijen[k] = {"sleutel": k, "naam": b.naam, "pakket": b.pakket, "verschilt": False, "per_gemeente": {}}
                volgorde.append(k)
            if p.naam in rijen[k]["per_gemeente"]:  # twee plusregelingen met dezelfde naam: val terug op sleutel
                k = b.regeling
                rijen[k] = {"sleutel": k, "naam": b.naam, "pakket": b.pakket, "verschilt": False, "per_gemeente": {}}
                volgorde.append(k)
            rijen[k]["per_gemeente"][p.naam] = bedragen.kort(b)
        if p.naam in zet:
            nieuw = beoordeel(casus, gemeente=p.naam, reg=reg, zet=zet[p.naam], motiveren=False)
            oud_t = bedragen.totalen(besluit.beslissingen)
            nieuw_t = bedragen.totalen(nieuw.beslissingen)
            oud = {b.regeling: b for b in besluit.beslissingen}
            wijzigingen = []
            for b in nieuw.beslissingen:
                a = oud.get(b.regeling)
                if a is None or _vergelijkbaar(bedragen.kort(a)) != _vergelijkbaar(bedragen.kort(b)):
                    wijzigingen.append({"regeling": b.regeling, "naam": b.naam,
                                        "huidig": bedragen.kort(a) if a else None, "wat_als": bedragen.kort(b)})
            g["wat_als"] = {
                "totalen": bedragen.totalen_tekst(nieuw_t),
                "verschil": {k: euro(nieuw_t[k] - oud_t[k]) for k in oud_t},
                "wijzigingen": wijzigingen,
            }
    beslist = [g["plugin"] for g in gemeenten if g["status"] == "beslist"]
    basis = [k for k in volgorde if rijen[k]["pakket"] == "basis"]
    plus = sorted((k for k in volgorde if rijen[k]["pakket"] != "basis"), key=lambda k: (rijen[k]["naam"], k))
    uit_rijen = []
    for k in basis + plus:
        r = rijen[k]
        cellen = {naam: r["per_gemeente"].get(naam) for naam in beslist}
        r["per_gemeente"] = cellen
        r["verschilt"] = len({repr(_vergelijkbaar(c)) for c in cellen.values()}) > 1
        uit_rijen.append(r)
    from .actualiteit import waarschuwingen

    return {
        "contract": CONTRACT,
        "peildatum": casus.peildatum.isoformat(),
        "waarschuwingen": waarschuwingen(casus.peildatum),
        "wat_als": zet_dict(zet),
        "gemeenten": gemeenten,
        "regelingen": uit_rijen,
    }


# --------------------------------------------------------------------------- tekst en csv

#: de kolom van een gemeente die op de peildatum niet bestond (status in JSON -> tekst en CSV)
BESTAAT_NIET = {"bestond_nog_niet": "bestond nog niet", "bestaat_niet_meer": "bestond niet meer"}
#: dezelfde status in een cel van de tabel: kort, zodat zes kolommen in 100 kolommen passen (de kop
#: en de legenda zeggen het voluit)
BESTAAT_NIET_CEL = {"bestond_nog_niet": "nog niet", "bestaat_niet_meer": "niet meer"}
_KORT = {"toegekend": "ja", "afgewezen": "afgewezen", "niet_van_toepassing": "n.v.t.", "doorverwezen": "consulent"}
_PER = {"per_jaar": "/jr", "per_maand": "/mnd", "eenmalig": " eenm.", None: ""}


def cel_tekst(c: Optional[dict]) -> str:
    from decimal import Decimal

    from .tabel import bedrag_kort

    if c is None:
        return "—"
    t = _KORT[c["uitkomst"]]
    if c["bedrag"] is not None:
        t = bedrag_kort(Decimal(c["bedrag"])) + _PER[c["bedrag_per"]] + (" lening" if c["vorm"] == "lening" else "")
    elif c["uitkomst"] == "toegekend":
        t = "ja, bedrag ?"
    return t


def als_tekst(doc: dict) -> str:
    from decimal import Decimal

    from ..geld import datum_nl, euro_nl
    from datetime import date
    from .tabel import bedrag_kort, bedrag_verschil, vouw

    beslist = [g for g in doc["gemeenten"] if g["status"] == "beslist"]
    # een gemeente die op de peildatum (nog) niet bestond, houdt haar kolom: "bestond nog niet"
    kolommen = [g for g in doc["gemeenten"] if g["status"] == "beslist" or g["status"] in BESTAAT_NIET]
    peil = datum_nl(date.fromisoformat(doc["peildatum"]))
    niet = [g for g in kolommen if g["status"] != "beslist"]
    kop = f"Dezelfde casus in {len(doc['gemeenten'])} gemeenten, peildatum {peil}"
    if niet:
        kop += " (" + ", ".join(f"{g['naam']} {BESTAAT_NIET[g['status']]}" for g in niet) + ")"
    from .actualiteit import waarschuwingen_tekst

    uit = [kop] + waarschuwingen_tekst(doc.get("waarschuwingen")) + [""]
    koppen = ["  Regeling"] + [g["naam"] for g in kolommen]

    def cellen(waarde) -> list[str]:
        return [waarde(g) if g["status"] == "beslist" else BESTAAT_NIET_CEL[g["status"]] for g in kolommen]

    rijen = []
    for r in doc["regelingen"]:
        teken = "≠ " if r["verschilt"] else "  "
        naam = r["naam"] + (" (plus)" if r["pakket"] != "basis" else "")
        rijen.append([teken + naam] + cellen(lambda g: cel_tekst(r["per_gemeente"][g["plugin"]])))
    for sleutel, label in (("per_jaar", "Totaal per jaar"), ("eenmalig", "Totaal eenmalig"), ("lening", "Lening")):
        waarden = [Decimal(g["totalen"][sleutel]) for g in beslist]
        if sleutel == "lening" and not any(waarden):
            continue
        teken = "≠ " if len(set(waarden)) > 1 else "  "
        rijen.append([teken + label] + cellen(lambda g: bedrag_kort(Decimal(g["totalen"][sleutel]))))
    if any(g["wat_als"] for g in beslist):
        for sleutel, label in (("per_jaar", "Wat-als: verschil per jaar"), ("eenmalig", "Wat-als: verschil eenmalig")):
            rijen.append(["  " + label] + cellen(lambda g: bedrag_verschil(Decimal(g["wat_als"]["verschil"][sleutel]))
                                                 if g["wat_als"] else ""))
    uit.append(_passend(koppen, rijen))
    legenda = ("Legenda: bedragen in euro's; /jr per jaar, /mnd per maand, eenm. eenmalig; n.v.t. niet van toepassing; "
               "consulent = doorverwezen; — = regeling bestaat niet in die gemeente; ≠ = verschilt tussen gemeenten")
    for status in sorted({g["status"] for g in niet}):
        legenda += f"; {BESTAAT_NIET_CEL[status]} = de gemeente {BESTAAT_NIET[status]} op de peildatum"
    uit += vouw(legenda + ".")
    uit += vouw("Totaal per jaar = per-jaarbedragen + 12 x per-maandbedragen; eenmalige bedragen en leningen apart.")
    for g in doc["gemeenten"]:
        if g["status"] == "fout":
            uit += vouw(f"{g['naam']}: niet beslist: " + "; ".join(f["melding"] for f in g["fouten"]))
        elif g["status"] in BESTAAT_NIET:
            uit += vouw(f"{g['naam']}: {BESTAAT_NIET[g['status']]} op {peil}: "
                        + "; ".join(f["melding"] for f in g["fouten"]))
    for plugin, normen in doc["wat_als"].items():
        g = next((x for x in doc["gemeenten"] if x["plugin"] == plugin), None)
        if g is None or not g["wat_als"]:
            continue
        gezet = ", ".join(f"{n} = {w}" for n, w in normen.items())
        uit.append("")
        uit.append(f"Wat-als {g['naam']} ({gezet}):")
        if not g["wat_als"]["wijzigingen"]:
            uit.append("  geen verschil met het huidige beleid voor deze casus.")
        for w in g["wat_als"]["wijzigingen"]:
            uit.append(f"  {w['naam']}: {cel_tekst(w['huidig'])} -> {cel_tekst(w['wat_als'])}")
        v = g["wat_als"]["verschil"]
        uit.append(f"  Verschil: {euro_nl(Decimal(v['per_jaar']))} per jaar, {euro_nl(Decimal(v['eenmalig']))} eenmalig.")
    return "\n".join(uit) + "\n"


def _passend(koppen: list[str], rijen: list[list[str]]) -> str:
    """De tabel; is die breder dan 100 kolommen, dan komen gemeentenamen die breder zijn dan hun
    cellen op twee regels ("Dijk en" / "Waard"), de grootste winst eerst, tot de tabel past. Past
    ze ook zo niet (de gewone vergelijking met het pluspakket), dan blijven de koppen op één regel."""
    from .tabel import BREEDTE, kop_op_twee_regels, tabel

    def breedte(t: str) -> int:
        return max(map(len, t.splitlines()))

    tekst = tabel(koppen, rijen)
    if breedte(tekst) <= BREEDTE:
        return tekst
    smal = [kop_op_twee_regels(k, max((len(r[i]) for r in rijen), default=0)) if i else k for i, k in enumerate(koppen)]
    winst = sorted((i for i in range(1, len(koppen)) if smal[i] != koppen[i]),
                   key=lambda i: len(koppen[i]) - max(map(len, smal[i].split("\n"))), reverse=True)
    nieuw = list(koppen)
    for i in winst:
        nieuw[i] = smal[i]
        kandidaat = tabel(nieuw, rijen)
        if breedte(kandidaat) <= BREEDTE:
            return kandidaat
    # nog te breed (de gewone vergelijking met het pluspakket): dan ook de namen van de regelingen
    # over meer regels, de vervolgregels ingesprongen en zonder cellen; nooit smaller dan 24 tekens
    eerste = max(len(r[0]) for r in rijen) if rijen else 0
    ruimte = eerste - (breedte(tabel(nieuw, rijen)) - BREEDTE)
    if ruimte < 24:
        return tekst
    return tabel(nieuw, [deel for r in rijen for deel in _gevouwen_rij(r, ruimte)])


def _gevouwen_rij(rij: list[str], breedte: int) -> list[list[str]]:
    """Een rij waarvan de eerste cel (teken + naam) breder is dan ``breedte``: de naam over meer
    regels; de cellen staan op de eerste regel."""
    import textwrap

    if len(rij[0]) <= breedte:
        return [rij]
    teken, naam = rij[0][:2], rij[0][2:]
    regels = textwrap.wrap(naam, width=breedte - 2, subsequent_indent="  ", break_long_words=False) or [naam]
    leeg = [""] * (len(rij) - 1)
    return [[teken + regels[0]] + rij[1:]] + [["  " + r] + leeg for r in regels[1:]]


def als_csv(doc: dict) -> str:
    from .tabel import csv_tekst

    rijen = []
    for r in doc["regelingen"]:
        for plugin, c in r["per_gemeente"].items():
            rijen.append([r["sleutel"], r["naam"], r["pakket"], plugin, c["regeling"] if c else None,
                          c["uitkomst"] if c else "bestaat_niet", c["bedrag"] if c else None,
                          c["bedrag_per"] if c else None, c["vorm"] if c else None])
        for g in doc["gemeenten"]:  # een gemeente die op de peildatum niet bestond: een rij met die status
            if g["status"] in BESTAAT_NIET:
                rijen.append([r["sleutel"], r["naam"], r["pakket"], g["plugin"], None, g["status"], None, None, None])
    return csv_tekst(["rij", "naam", "pakket", "gemeente", "regeling", "uitkomst", "bedrag", "bedrag_per", "vorm"], rijen)
