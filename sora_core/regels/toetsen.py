"""Toetsen die meerdere regelingen delen: inkomen tegen een percentage van de norm, vermogen
tegen de vermogensgrens. Elke toets schrijft zijn stap in de motivering en geeft True/False."""

from __future__ import annotations

from decimal import Decimal

from ..geld import NUL, cent, datum_nl, euro_nl, procent_nl
from ..wetgeving import PIB_FASE_1
from ..huishouden import toepasselijke_norm


# --------------------------------------------------------------------------- de berekeningen zelf
# Eén plek voor elke vergelijking en berekening: de regels (met motivering) en het kader van de
# batch (regels/kader.py, zonder motivering) roepen allebei deze functies aan.

def grensbedrag(norm: Decimal, fractie: Decimal) -> Decimal:
    """Een bedrag als fractie van de norm, afgerond op centen half naar boven (inkomensgrens,
    draagkrachtvrije voet)."""
    return cent(norm * fractie)


def binnen_grens(bedrag: Decimal, grens: Decimal) -> bool:
    """Een bedrag precies op de grens voldoet (inkomen en vermogen)."""
    return bedrag <= grens


def vermogen_zonder_woning(bezittingen: Decimal, schulden: Decimal) -> Decimal:
    """Art. 34 lid 1 Pw zonder overwaarde van een eigen woning: bezittingen min schulden, niet onder nul."""
    return max(NUL, bezittingen - schulden)


def vermogen_met_woning(bezittingen: Decimal, schulden: Decimal, overwaarde: Decimal, vrijgelaten: Decimal) -> Decimal:
    """Art. 34 lid 1 Pw met een eigen woning: bezittingen plus overwaarde min alle schulden, min het
    vrijgelaten woninggebonden deel (lid 2 onder d, of nihil waar die vrijlating niet geldt); niet onder nul."""
    return max(NUL, bezittingen + overwaarde - schulden - vrijgelaten)


def vermogensgrens_naam(is_gezin: bool) -> str:
    return "vermogensgrens.gezin" if is_gezin else "vermogensgrens.alleenstaande"


def vermogen(u, woningvrijlating=None) -> Decimal:
    """In aanmerking te nemen vermogen (art. 34 Pw): bezittingen plus de overwaarde van de eigen
    woning, min alle schulden (lid 1), min het woninggebonden deel tot de vrijlating van art. 34
    lid 2 onder d Pw; niet onder nul. De vrijlating wordt alleen opgevraagd (en vastgelegd) als
    er overwaarde is.

    ``woningvrijlating``: None = de vrijlating geldt (art. 34 zelf: minimaregelingen, inkomenstoeslag);
    anders de gebruikte waarde van een ja/nee-keuze van de regeling (bijzondere bijstand: art. 35
    lid 1 Pw verklaart art. 34 lid 2 niet van toepassing; ``nee`` = de hele overwaarde telt mee)."""
    bekend = getattr(u, "_vermogen", None)
    if bekend is not None:
        return bekend
    v = u.ctx.casus.vermogen
    if v.eigen_woning_overwaarde > NUL:
        # art. 34 lid 1: bezittingen (met de overwaarde) min alle schulden; daarna blijft het
        # woninggebonden vermogen tot de vrijlating buiten beschouwing (lid 2 onder d). Schulden
        # die de overige bezittingen overstijgen, gaan dus ook van de overwaarde af.
        overwaarde = v.eigen_woning_overwaarde
        if woningvrijlating is None or woningvrijlating.waarde:
            w = u.waarde_record("vermogen.woninggebonden_vrijlating")
            vrij = min(overwaarde, w.waarde)
            grondslag, bron = w.grondslag, w.bron
            if woningvrijlating is not None:
                grondslag, bron = f"{w.grondslag}; {woningvrijlating.grondslag}", woningvrijlating.bron
            tekst = (f"De overwaarde van de eigen woning is {euro_nl(overwaarde)}; daarvan blijft "
                     f"{euro_nl(vrij)} buiten beschouwing en telt {euro_nl(overwaarde - vrij)} mee "
                     "als vermogen.")
        else:
            vrij = NUL
            grondslag, bron = woningvrijlating.grondslag, woningvrijlating.bron
            tekst = (f"De overwaarde van de eigen woning is {euro_nl(overwaarde)} en telt helemaal mee als "
                     "vermogen: bij bijzondere bijstand geldt de vrijlating van het woninggebonden vermogen "
                     "(art. 34 lid 2 onder d Participatiewet) niet.")
        totaal = vermogen_met_woning(v.bezittingen, v.schulden, overwaarde, vrij)
        if v.schulden > NUL:
            tekst += (f" Het vermogen is bezittingen {euro_nl(v.bezittingen)} + overwaarde "
                      f"{euro_nl(overwaarde)} - schulden {euro_nl(v.schulden)}"
                      + (f" - vrijlating {euro_nl(vrij)}" if woningvrijlating is None or woningvrijlating.waarde else "")
                      + f" = {euro_nl(totaal)} (niet minder dan nul).")
        u.stap(tekst, grondslag, bron)
    else:
        totaal = vermogen_zonder_woning(v.bezittingen, v.schulden)
    u._vermogen = totaal
    return totaal


def vermogen_omschrijving(u) -> str:
    return OMSCHRIJVING_MET_WONING if u.ctx.casus.vermogen.eigen_woning_overwaarde > NUL else OMSCHRIJVING_ZONDER_WONING


OMSCHRIJVING_MET_WONING = "(bezittingen min schulden, plus de meetellende overwaarde van de woning)"
OMSCHRIJVING_ZONDER_WONING = "(bezittingen min schulden)"


def vermogensgrens(u) -> tuple[Decimal, str]:
    h = u.ctx.huishouden
    naam = vermogensgrens_naam(h.is_gezin)
    return u.waarde_record(naam).waarde, naam


def vermogenstoets(u) -> bool:
    """Vermogen binnen de grens van art. 34 lid 3 Pw (grens zelf telt als 'binnen')."""
    grens, naam = vermogensgrens(u)
    ver = vermogen(u)
    binnen = binnen_grens(ver, grens)
    if u.motiveer:
        stap_vermogen(u, ver, grens, naam, binnen)
    return binnen


def stap_vermogen(u, ver: Decimal, grens: Decimal, naam: str, binnen: bool) -> None:
    """De motiveringsstap van de vermogenstoets (art. 34 lid 3 Pw)."""
    ctx = u.ctx
    w = ctx.beleid.waarde(naam)
    # sinds 1-1-2026 is de vermogenstoets doorlopend: art. 34 lid 2 onder b spreekt van "het aanwezige
    # vermogen" (was: het vermogen bij de aanvang van de bijstand); de toets kijkt naar de peildatum
    doorlopend = ctx.peildatum >= PIB_FASE_1
    omschrijving = (OMSCHRIJVING_MET_WONING if ctx.casus.vermogen.eigen_woning_overwaarde > NUL
                    else OMSCHRIJVING_ZONDER_WONING)  # vermogen_omschrijving(u), zonder de extra aanroep
    u.stap(
        f"Het {'op ' + datum_nl(ctx.peildatum) + ' aanwezige ' if doorlopend else ''}vermogen "
        f"{omschrijving} is {euro_nl(ver)}; de vermogensgrens voor "
        f"{'een gezin of alleenstaande ouder' if naam.endswith('gezin') else 'een alleenstaande'} is {euro_nl(grens)}. "
        + ("Het vermogen ligt binnen de grens." if binnen else "Het vermogen ligt boven de grens."),
        w.grondslag + ("; art. 34 lid 2 onder b Participatiewet (doorlopende vermogenstoets)" if doorlopend else ""),
        "kern")


def inkomenstoets(u, grens_fractie: Decimal, kostendelersnorm: bool, *, grondslag: str, bron: str) -> tuple[bool, Decimal]:
    """Inkomen ten hoogste ``grens_fractie`` x de toepasselijke norm (grens afgerond op centen,
    half naar boven; een inkomen precies op de grens voldoet). Geeft (voldoet, grensbedrag)."""
    norm = toepasselijke_norm(u, kostendelersnorm)
    grens = grensbedrag(norm, grens_fractie)
    inkomen = u.ctx.casus.inkomen.netto_per_maand
    voldoet = binnen_grens(inkomen, grens)
    if u.motiveer:
        stap_inkomen(u, inkomen, grens_fractie, norm, grens, voldoet, grondslag, bron)
    return voldoet, grens


def stap_inkomen(u, inkomen: Decimal, grens_fractie: Decimal, norm: Decimal, grens: Decimal, voldoet: bool,
                 grondslag: str, bron: str) -> None:
    """De motiveringsstap van de inkomenstoets."""
    u.stap(
        f"Het netto inkomen is {euro_nl(inkomen)} per maand; de inkomensgrens is {procent_nl(grens_fractie)} van "
        f"{euro_nl(norm)} = {euro_nl(grens)}. "
        + ("Het inkomen ligt op of onder de grens." if voldoet else "Het inkomen ligt boven de grens."),
        grondslag, bron)
