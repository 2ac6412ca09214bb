"""Schuldhulpverlening (Wet gemeentelijke schuldhulpverlening, Wgs): van melding of signaal tot
beschikking, regionaal georganiseerd en lokaal uitgevoerd.

Twee ingangen:

* ``overzicht(ctx)``: de beslisser roept dit aan zodra de casus een ``[schuldhulp]``-deel heeft;
  het resultaat staat als ``"schuldhulp"`` in het besluit. Het geeft de uiterste datum van het
  eerste gesprek (art. 4 lid 1 Wgs: vier weken, met verlenging volgens art. 1 Atw; art. 4 lid 2
  Wgs: drie werkdagen bij een bedreigende situatie) met grondslag en overgeslagen dagen, de
  uitvoerder en het lokale toegangspunt van de gemeente, een eventueel lokaal accent en, bij
  een vroegsignaal, de termijn voor het aanbod van hulp (open norm van de regio).
* de regeling ``schuldhulpverlening`` (basispakket): de beschikking over de toegang. Toegelaten
  ("toegekend") tenzij een weigeringsgrond geldt die de gemeente toepast (open normen, aan of
  uit per gemeente). Een weigering zegt altijd wat de inwoner nog wel kan krijgen.

De termijnen rekent ``sora_core.kalender``; dit bestand voegt alleen de regels en teksten toe.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from ..fouten import Fout, InvoerFout
from ..geld import WEEKDAGEN, datum_nl, termijn_einde
from ..kalender import Termijn, termijn_na, wgs_eerste_gesprek
from ..model import Aanvraag
from ..uitleg import OntbrekendeWaarde
from .registratie import basisregeling

WGS = "Wet gemeentelijke schuldhulpverlening"
ART3 = f"art. 3 lid 1 {WGS}"
VROEG_GRONDSLAG = (f"art. 3 {WGS} (vroegsignalering); Besluit gemeentelijke schuldhulpverlening "
                   "(Stb. 2020, 240), § 2")
#: per signaalgever het artikel van het Besluit, voor zover nagelezen (alleen art. 2, huur)
BESLUIT_ARTIKEL = {
    "verhuurder": "art. 2 Besluit gemeentelijke schuldhulpverlening (huurachterstand)",
}
SIGNAALGEVER_TEKST = {
    "verhuurder": "de verhuurder",
    "energieleverancier": "de energieleverancier",
    "drinkwaterbedrijf": "het drinkwaterbedrijf",
    "zorgverzekeraar": "de zorgverzekeraar",
}
BEDREIGEND_TEKST = {
    "woningontruiming": "gedwongen woningontruiming",
    "afsluiting_energie": "beëindiging van de levering van energie (gas, elektriciteit of stadsverwarming)",
    "afsluiting_water": "beëindiging van de levering van water",
    "opzegging_zorgverzekering": "opzegging of ontbinding van de zorgverzekering",
}

N_UITVOERDER = "schuldhulpverlening.uitvoerder"
N_TOEGANG = "schuldhulpverlening.toegang"
N_ACCENT = "schuldhulpverlening.lokaal_accent"
N_VROEG = "schuldhulpverlening.vroegsignalering.termijn_dagen"
N_EERDER = "schuldhulpverlening.weigeren.eerder_afgerond"
N_EERDER_JAREN = "schuldhulpverlening.weigeren.eerder_afgerond_jaren"
N_FRAUDE = "schuldhulpverlening.weigeren.fraudevordering"
N_NA_WEIGERING = "schuldhulpverlening.na_weigering"


def _dag(d: date) -> str:
    """``date(2025, 8, 25)`` wordt ``'maandag 25 augustus 2025'``."""
    return f"{WEEKDAGEN[d.weekday()]} {datum_nl(d)}"


def _gesorteerd(w: Any) -> Any:
    """Dicts met gesorteerde sleutels (ook genest): de JSON is zo altijd gelijk."""
    if isinstance(w, dict):
        return {k: _gesorteerd(w[k]) for k in sorted(w)}
    if isinstance(w, list):
        return [_gesorteerd(x) for x in w]
    return w


def _overgeslagen(t: Optional[Termijn]) -> list[dict]:
    if t is None:
        return []
    return [{"datum": o.datum.isoformat(), "reden": o.reden} for o in t.overgeslagen]


def _overgeslagen_tekst(t: Termijn) -> str:
    def dag(d: date, reden: str) -> str:
        # "zaterdag 19 april 2025 (zaterdag)" zou de weekdag dubbel noemen
        return datum_nl(d) if reden.startswith(WEEKDAGEN[d.weekday()]) else _dag(d)

    return "; ".join(f"{dag(o.datum, o.reden)} ({o.reden})" for o in t.overgeslagen)


def _melddatum_termijn(fn, *args, **kw) -> Termijn:
    try:
        return fn(*args, **kw)
    except ValueError as e:
        raise InvoerFout([Fout("schuldhulp.melddatum", f"Met deze melddatum kan geen termijn worden berekend: {e}")]) from None


# --------------------------------------------------------------------------- overzicht

def overzicht(ctx) -> dict:
    """Het schuldhulpoverzicht bij het besluit (``besluit.schuldhulp``): termijnen, uitvoerder,
    toegang en een Nederlandse samenvatting. Gooit alleen ``InvoerFout`` (een melddatum
    waarvoor niet te rekenen is); ontbrekende waarden worden gemeld, niet geraden."""
    sh = ctx.casus.schuldhulp
    beleid = ctx.beleid
    bedreigend = sh.bedreigende_situatie is not None
    signaal = sh.soort_melding == "signaal"
    samenvatting: list[str] = []
    waarschuwingen: list[str] = []

    def waarde(naam: str):
        return beleid.waarde(naam)

    # 1. de melding en het eerste gesprek (art. 4 Wgs)
    t: Optional[Termijn] = None
    if signaal:
        van = SIGNAALGEVER_TEKST.get(sh.signaal_van, "een signaalpartner (niet opgegeven)")
        samenvatting.append(f"Vroegsignaal van {van} ontvangen op {_dag(sh.melddatum)}.")
    else:
        t = _melddatum_termijn(wgs_eerste_gesprek, sh.melddatum, bedreigend)
        samenvatting.append(f"Hulpvraag gemeld op {_dag(sh.melddatum)}.")
        if bedreigend:
            samenvatting.append(
                f"Bedreigende situatie ({BEDREIGEND_TEKST[sh.bedreigende_situatie]}): het eerste gesprek vindt "
                f"uiterlijk plaats op {_dag(t.einddatum)}, binnen drie werkdagen ({t.grondslag}).")
        else:
            samenvatting.append(
                f"Het eerste gesprek vindt uiterlijk plaats op {_dag(t.einddatum)}, binnen vier weken na de "
                f"melding ({t.grondslag}).")
        if t.overgeslagen:
            soort = "Niet meegeteld als werkdag" if bedreigend else "Verlengd over"
            samenvatting.append(f"{soort}: {_overgeslagen_tekst(t)}.")
        waarschuwingen.extend(t.waarschuwingen)

    # 2. vroegsignalering: aanbod van hulp binnen de regionale termijn (open norm)
    vroeg = None
    if signaal:
        grondslag = VROEG_GRONDSLAG
        if sh.signaal_van in BESLUIT_ARTIKEL:
            grondslag += f"; {BESLUIT_ARTIKEL[sh.signaal_van]}"
        elif sh.signaal_van is not None:
            grondslag += " (het artikel voor deze signaalgever is niet nagelezen)"
        w = waarde(N_VROEG)
        vroeg = {"signaal_van": sh.signaal_van, "grondslag": grondslag, "aanbod_uiterlijk": None,
                 "termijn_dagen": None, "bron": None, "overgeslagen": [], "waarschuwingen": []}
        if w is None:
            vroeg["toelichting"] = (
                "De termijn voor het aanbod van hulp is door de regio nog niet vastgesteld (open norm "
                f"{N_VROEG} heeft op {datum_nl(ctx.peildatum)} geen waarde); er wordt geen datum genoemd.")
            samenvatting.append(
                f"De inwoner krijgt een aanbod van hulp ({grondslag}). De termijn voor dat aanbod is nog niet "
                "vastgesteld door de regio; de toolkit noemt daarom geen uiterste datum.")
        else:
            tv = _melddatum_termijn(
                termijn_na, sh.melddatum, w.waarde,
                omschrijving=f"Aanbod van hulp na een vroegsignaal (binnen {w.waarde} dagen)",
                grondslag=f"{w.grondslag} (regionale termijn; Algemene termijnenwet naar analogie toegepast)")
            vroeg.update({"aanbod_uiterlijk": tv.einddatum.isoformat(), "termijn_dagen": w.waarde,
                          "bron": w.bron, "grondslag": f"{grondslag}; {tv.grondslag}",
                          "overgeslagen": _overgeslagen(tv), "waarschuwingen": list(tv.waarschuwingen),
                          "toelichting": f"Termijn van {w.waarde} dagen ({w.grondslag})."})
            samenvatting.append(
                f"De inwoner krijgt uiterlijk op {_dag(tv.einddatum)} een aanbod van hulp ({w.waarde} dagen na het "
                f"signaal; {grondslag}).")
            if tv.overgeslagen:
                samenvatting.append(f"Verlengd over: {_overgeslagen_tekst(tv)}.")
            waarschuwingen.extend(tv.waarschuwingen)
        samenvatting.append(
            "Gaat de inwoner op het aanbod in, dan geldt vanaf die dag de termijn voor het eerste gesprek "
            f"(art. 4 {WGS}: vier weken, of drie werkdagen bij een bedreigende situatie).")

    # 3. wie voert uit, waar meldt de inwoner zich, lokaal accent
    herkomst: dict[str, Optional[str]] = {}
    teksten: dict[str, Optional[str]] = {}
    for sleutel, naam in (("uitvoerder", N_UITVOERDER), ("toegang", N_TOEGANG), ("lokaal_accent", N_ACCENT)):
        w = waarde(naam)
        teksten[sleutel] = w.waarde if w is not None else None
        herkomst[sleutel] = w.bron if w is not None else None
    if teksten["uitvoerder"]:
        samenvatting.append(f"Uitvoering: {teksten['uitvoerder']}.")
    else:
        samenvatting.append(f"Uitvoerder: op {datum_nl(ctx.peildatum)} niet vastgesteld.")
    if teksten["toegang"]:
        samenvatting.append(f"Melden bij: {teksten['toegang']}.")
    if teksten["lokaal_accent"]:
        samenvatting.append(f"Lokaal accent: {teksten['lokaal_accent']}.")
    for w in dict.fromkeys(waarschuwingen):
        samenvatting.append(f"Let op: {w}")

    doc = {
        "melddatum": sh.melddatum.isoformat(),
        "soort_melding": sh.soort_melding,
        "bedreigend": bedreigend,
        "bedreigende_situatie": sh.bedreigende_situatie,
        "eerste_gesprek_uiterlijk": t.einddatum.isoformat() if t else None,
        "grondslag": t.grondslag if t else None,
        "termijn_omschrijving": t.omschrijving if t else None,
        "overgeslagen": _overgeslagen(t),
        "waarschuwingen": list(dict.fromkeys(waarschuwingen)),
        "vroegsignalering": vroeg,
        "uitvoerder": teksten["uitvoerder"],
        "toegang": teksten["toegang"],
        "lokaal_accent": teksten["lokaal_accent"],
        "herkomst": herkomst,
        "samenvatting": samenvatting,
    }
    return _gesorteerd(doc)


# --------------------------------------------------------------------------- beschikking toegang

@basisregeling(
    "schuldhulpverlening",
    naam="Schuldhulpverlening (toegang)",
    grondslag=ART3,
    omschrijving="Beschikking over de toegang tot schuldhulpverlening na een hulpvraag of een vroegsignaal.",
)
def beoordeel(u, aanvraag: Aanvraag | None):
    ctx = u.ctx
    sh = ctx.casus.schuldhulp
    if sh is None:
        raise InvoerFout([Fout("schuldhulp", "Voor een aanvraag schuldhulpverlening is het onderdeel [schuldhulp] "
                                             "met ten minste de melddatum nodig.")])
    beleid = ctx.beleid
    gemeente = beleid.gemeente.naam

    # 1. de melding
    if sh.soort_melding == "signaal":
        van = SIGNAALGEVER_TEKST.get(sh.signaal_van, "een signaalpartner")
        u.stap(f"Op {datum_nl(sh.melddatum)} kwam een vroegsignaal van {van} binnen. De inwoner is ingegaan op het "
               "aanbod van hulp en vraagt om schuldhulpverlening.", VROEG_GRONDSLAG)
    else:
        u.stap(f"Op {datum_nl(sh.melddatum)} heeft de inwoner zich gemeld voor schuldhulpverlening.", ART3)
    if sh.bedreigende_situatie:
        u.stap(f"Er is een bedreigende situatie: {BEDREIGEND_TEKST[sh.bedreigende_situatie]}.",
               f"art. 4 lid 2 {WGS}")

    # 2. weigeringsgronden (open normen, aan of uit per gemeente)
    redenen: list[str] = []
    open_termijn: Optional[OntbrekendeWaarde] = None
    if sh.eerder_schuldhulp_afgerond is not None:
        afgerond = sh.eerder_schuldhulp_afgerond
        aan = u.waarde(N_EERDER)
        w = beleid.waarde(N_EERDER)
        if not aan:
            u.stap(f"Eerdere schuldhulpverlening is afgerond op {datum_nl(afgerond)}. {gemeente} past de "
                   "weigeringsgrond 'eerder afgeronde schuldhulpverlening' niet toe; deze grond leidt hier niet "
                   "tot weigering.", w.grondslag, w.bron)
        else:
            try:
                jaren = u.waarde(N_EERDER_JAREN)
            except OntbrekendeWaarde as e:  # zonder vastgestelde termijn: doorverwezen (zie onder)
                open_termijn = e
                jaren = None
            wj = beleid.waarde(N_EERDER_JAREN)
            tot = termijn_einde(afgerond, jaren) if jaren is not None else None
            if tot is None:
                pass
            elif sh.melddatum < tot:
                u.stap(f"Eerdere schuldhulpverlening is afgerond op {datum_nl(afgerond)}. De melding van "
                       f"{datum_nl(sh.melddatum)} valt binnen {jaren} jaar daarna (tot {datum_nl(tot)}): dat is in "
                       f"{gemeente} een weigeringsgrond.", f"{w.grondslag}; {wj.grondslag}", wj.bron)
                redenen.append(f"eerdere schuldhulpverlening afgerond minder dan {jaren} jaar voor de melding")
            else:
                u.stap(f"Eerdere schuldhulpverlening is afgerond op {datum_nl(afgerond)}, {jaren} jaar of langer "
                       f"voor de melding (grens {datum_nl(tot)}): geen weigeringsgrond.",
                       f"{w.grondslag}; {wj.grondslag}", wj.bron)
    if sh.fraudevordering:
        aan = u.waarde(N_FRAUDE)
        w = beleid.waarde(N_FRAUDE)
        if not aan:
            u.stap(f"Er is een vordering wegens fraude. {gemeente} past de weigeringsgrond 'fraude' niet toe; deze "
                   "grond leidt hier niet tot weigering.", w.grondslag, w.bron)
        else:
            u.stap("Er is een vordering wegens fraude die een bestuursorgaan financieel benadeelde (met onherroepelijke "
                   f"veroordeling of bestraffende sanctie): dat is in {gemeente} een weigeringsgrond.",
                   w.grondslag, w.bron)
            redenen.append("vordering wegens fraude")

    if open_termijn is not None:
        if not redenen:
            raise open_termijn
        u.stap(f"Eerdere schuldhulpverlening is afgerond op {datum_nl(sh.eerder_schuldhulp_afgerond)}; de termijn "
               f"voor deze weigeringsgrond ({N_EERDER_JAREN}) is niet vastgesteld, dus deze grond is niet beoordeeld. "
               "De weigering rust op de andere grond.", beleid.waarde(N_EERDER).grondslag, "kern")

    toegang = _tekst(u, N_TOEGANG)
    if redenen:
        u.stap("De toegang tot schuldhulpverlening wordt geweigerd: " + "; ".join(redenen) + ".", ART3)
        wn = beleid.waarde(N_NA_WEIGERING)
        if wn is not None:
            na = u.waarde(N_NA_WEIGERING)
            tekst = f"U kunt wel terecht voor {na}."
            bron, grondslag = wn.bron, wn.grondslag
        else:
            tekst = "Wat u na deze weigering nog wel kunt krijgen, is op deze datum niet vastgesteld; vraag ernaar."
            bron, grondslag = "kern", ART3
        if toegang:
            tekst += f" Meld u daarvoor bij {toegang}."
        u.stap(tekst, grondslag, bron)
        return u.besluit("afgewezen")

    u.stap(f"Er geldt geen weigeringsgrond die {gemeente} toepast: de inwoner wordt toegelaten tot de "
           "schuldhulpverlening.", ART3)
    uitvoerder = _tekst(u, N_UITVOERDER)
    if uitvoerder:
        w = beleid.waarde(N_UITVOERDER)
        u.stap(f"De schuldhulpverlening wordt uitgevoerd door {uitvoerder}"
               + (f"; aanspreekpunt: {toegang}." if toegang else "."), w.grondslag, w.bron)
    if beleid.waarde(N_ACCENT) is not None:
        accent = u.waarde(N_ACCENT)
        w = beleid.waarde(N_ACCENT)
        u.stap(f"Lokaal accent in {gemeente}: {accent}.", w.grondslag, w.bron)
    return u.besluit("toegekend")


def _tekst(u, naam: str) -> Optional[str]:
    """Een tekstwaarde als die er is (genoteerd als gebruikte waarde), anders None."""
    try:
        return u.waarde(naam)
    except OntbrekendeWaarde:
        return None
