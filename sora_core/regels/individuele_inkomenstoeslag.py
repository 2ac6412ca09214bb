"""Individuele inkomenstoeslag (art. 36 Participatiewet).

Voorwaarden (art. 36 lid 1 Pw, met de regionale verordening voor de open normen):

1. leeftijd van 21 jaar tot de AOW-leeftijd;
2. langdurig laag inkomen: het inkomen is sinds ``inkomen.laag_sinds`` laag, en die datum ligt
   ten minste de referteperiode (open norm, regionaal 36 maanden) vóór de peildatum. Precies
   36 volle kalendermaanden voldoet (laag sinds 1-9-2022, peildatum 1-9-2025: voldoet); een
   termijn die eindigt op een dag die de maand niet heeft, eindigt op de laatste dag van die
   maand (``geld.termijn_einde``). Ontbreekt ``laag_sinds`` terwijl verder aan alles is voldaan,
   dan wordt niet afgewezen maar doorverwezen om het na te vragen (art. 4:5 Awb);
3. inkomen ten hoogste de inkomensgrens (open norm, regionaal 120%) van de toepasselijke
   bijstandsnorm; of de kostendelersnorm meetelt is een open norm (standaard ja: art. 36
   spreekt van de 'toepasselijke' norm);
4. vermogen binnen de vermogensgrens (art. 34 lid 3 Pw);
5. geen uitzicht op inkomensverbetering;
6. niet in de twaalf maanden vóór de peildatum al een toeslag ontvangen
   (``inkomen.laatste_inkomenstoeslag`` 12 maanden of langer vóór de peildatum, of onbekend;
   toegekend op 1-9-2024 betekent: weer mogelijk vanaf 1-9-2025).

Bedrag per jaar naar huishoudsoort (open normen, regionale waarden van Zaffier).

Ambtshalve (``aanvragen[i].ambtshalve``): vanaf 1 januari 2027 mag het college de toeslag zonder
aanvraag toekennen (Participatiewet in balans, fase 3); de voorwaarden blijven dezelfde. Vóór die
datum is een ambtshalve verzoek een invoerfout op dat veld: de toeslag is dan alleen op aanvraag.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from ..fouten import Fout, InvoerFout
from ..geld import cent, datum_nl, euro_nl, termijn_einde
from ..model import Aanvraag
from ..wetgeving import PIB, PIB_FASE_3
from .registratie import basisregeling
from .toetsen import inkomenstoets, vermogenstoets

ART36 = "art. 36 lid 1 Participatiewet"
#: de tekst van art. 36 per 1-1-2027 is nog niet gezien (domein.md: secundaire bron, amendement Lahlah/Van Kent)
ART36_AMBTSHALVE = f"art. 36 Participatiewet zoals gewijzigd per 1 januari 2027 ({PIB}, amendement Lahlah/Van Kent)"


# --------------------------------------------------------------------------- de toetsen zelf
# Eén plek voor elke voorwaarde: ``beoordeel`` hieronder (met motivering) en het kader van de batch
# (regels/kader.py) gebruiken dezelfde functies.

MINIMUMLEEFTIJD = 21
REDEN_REFERTE = "referteperiode niet vol"
REDEN_INKOMEN = "inkomen boven de grens"
REDEN_VERMOGEN = "vermogen boven de grens"
REDEN_UITZICHT = "uitzicht op inkomensverbetering"
REDEN_RECENT = "toeslag in de afgelopen twaalf maanden ontvangen"


@lru_cache(maxsize=1 << 14)  # een batch kent enkele duizenden datums 'laag sinds'
def referteperiode_einde(laag_sinds: date, maanden: int) -> date:
    """De dag waarop de referteperiode vol is."""
    return termijn_einde(laag_sinds, 0, maanden)


def referteperiode_vol(einde: date, peil: date) -> bool:
    return einde <= peil


def weer_mogelijk_vanaf(laatste: Optional[date], peil: date) -> Optional[date]:
    """Is er in de twaalf maanden vóór de peildatum al een toeslag toegekend, dan de dag waarop
    een nieuwe weer kan; anders None."""
    if laatste is None:
        return None
    vanaf = termijn_einde(laatste, 1)
    return vanaf if vanaf > peil else None


def redenen_iit(referteperiode_niet_vol: bool, inkomen_binnen: bool, vermogen_binnen: bool, uitzicht: bool,
               recent_ontvangen: bool) -> list[str]:
    """De redenen om af te wijzen, in de volgorde van de voorwaarden."""
    redenen = []
    if referteperiode_niet_vol:
        redenen.append(REDEN_REFERTE)
    if not inkomen_binnen:
        redenen.append(REDEN_INKOMEN)
    if not vermogen_binnen:
        redenen.append(REDEN_VERMOGEN)
    if uitzicht:
        redenen.append(REDEN_UITZICHT)
    if recent_ontvangen:
        redenen.append(REDEN_RECENT)
    return redenen


def uitkomst_iit(redenen: list, onbekend_sinds: bool) -> str:
    """Een reden om af te wijzen beslist; anders eerst navragen als ``laag_sinds`` ontbreekt (art. 4:5 Awb)."""
    if redenen:
        return "afgewezen"
    return "doorverwezen" if onbekend_sinds else "toegekend"


def bedrag_naam(soort: str) -> str:
    return f"individuele_inkomenstoeslag.bedrag.{soort}"


@basisregeling(
    "individuele_inkomenstoeslag",
    naam="Individuele inkomenstoeslag",
    grondslag=ART36,
    omschrijving="Jaarlijkse toeslag voor wie langdurig van een laag inkomen leeft zonder uitzicht op verbetering.",
)
def beoordeel(u, aanvraag: Aanvraag | None):
    ctx = u.ctx
    h = ctx.huishouden
    casus = ctx.casus
    peil = ctx.peildatum
    referte_niet_vol = False

    if aanvraag is not None and aanvraag.ambtshalve:
        if peil < PIB_FASE_3:
            i = next(i for i, a in enumerate(casus.aanvragen) if a is aanvraag)
            raise InvoerFout([Fout(
                f"aanvragen[{i}].ambtshalve",
                f"Ambtshalve (zonder aanvraag) kan de individuele inkomenstoeslag pas worden toegekend vanaf "
                f"{datum_nl(PIB_FASE_3)} (Participatiewet in balans, Stb. 2025, 312); op {datum_nl(peil)} alleen op aanvraag (art. 36 lid 1 Participatiewet). "
                "Laat 'ambtshalve' weg als de burger zelf heeft aangevraagd.")])
        u.stap("Het college beslist ambtshalve over de individuele inkomenstoeslag, zonder aanvraag; de voorwaarden "
               "zijn dezelfde als bij een aanvraag.", ART36_AMBTSHALVE)

    # 1. leeftijd
    if h.leeftijd_aanvrager < MINIMUMLEEFTIJD:
        u.stap(f"De aanvrager is {h.leeftijd_aanvrager} jaar; de toeslag is er vanaf 21 jaar.", ART36)
        return u.besluit("afgewezen")
    if h.aow_aanvrager:
        u.stap("De aanvrager heeft de AOW-leeftijd bereikt; de individuele inkomenstoeslag is er tot die leeftijd.", ART36)
        return u.besluit("afgewezen")
    if u.motiveer:
        u.stap(f"De aanvrager is {h.leeftijd_aanvrager} jaar: tussen 21 jaar en de AOW-leeftijd.", ART36)

    # 2. langdurig laag inkomen
    maanden = u.waarde("individuele_inkomenstoeslag.referteperiode")
    w_ref = ctx.beleid.waarde("individuele_inkomenstoeslag.referteperiode")
    bron_ref, grondslag_ref = w_ref.bron, w_ref.grondslag
    laag_sinds = casus.inkomen.laag_sinds
    onbekend_sinds = laag_sinds is None
    if onbekend_sinds:
        u.stap(f"Niet bekend is sinds wanneer het inkomen laag is (inkomen.laag_sinds ontbreekt); de referteperiode "
               f"is {maanden} maanden.", grondslag_ref, bron_ref)
    else:
        vereist = referteperiode_einde(laag_sinds, maanden)
        if referteperiode_vol(vereist, peil):
            if u.motiveer:
                u.stap(f"Het inkomen is laag sinds {datum_nl(laag_sinds)}: op {datum_nl(peil)} ten minste de referteperiode "
                       f"van {maanden} maanden (vanaf {datum_nl(vereist)}).", grondslag_ref, bron_ref)
        else:
            u.stap(f"Het inkomen is laag sinds {datum_nl(laag_sinds)}; de referteperiode van {maanden} maanden is pas "
                   f"vol op {datum_nl(vereist)}.", grondslag_ref, bron_ref)
            referte_niet_vol = True

    # 3. inkomen
    grens = u.waarde("individuele_inkomenstoeslag.inkomensgrens")
    kdn = u.waarde("individuele_inkomenstoeslag.kostendelersnorm_toepassen")
    w_grens = ctx.beleid.waarde("individuele_inkomenstoeslag.inkomensgrens")
    voldoet, _ = inkomenstoets(u, grens, kdn, grondslag=w_grens.grondslag, bron=w_grens.bron)

    # 4. vermogen
    vermogen_binnen = vermogenstoets(u)

    # 5. uitzicht op inkomensverbetering
    uitzicht = casus.inkomen.uitzicht_op_verbetering
    if uitzicht:
        u.stap("Er is uitzicht op inkomensverbetering.", ART36)

    # 6. niet in de afgelopen twaalf maanden
    laatste = casus.inkomen.laatste_inkomenstoeslag
    weer_vanaf = weer_mogelijk_vanaf(laatste, peil)
    if weer_vanaf is not None:
        u.stap(f"Op {datum_nl(laatste)} is al een individuele inkomenstoeslag toegekend; een nieuwe kan pas vanaf "
               f"{datum_nl(weer_vanaf)}.", ART36)

    redenen = redenen_iit(referte_niet_vol, voldoet, vermogen_binnen, uitzicht, weer_vanaf is not None)
    uitkomst = uitkomst_iit(redenen, onbekend_sinds)
    if uitkomst == "afgewezen":
        u.stap("De aanvraag wordt afgewezen: " + "; ".join(redenen) + ".", ART36)
        return u.besluit("afgewezen")
    if uitkomst == "doorverwezen":
        # niet afwijzen op een gegeven dat ontbreekt: eerst navragen (art. 4:5 Awb)
        u.stap("Aan de overige voorwaarden is voldaan. Sinds wanneer het inkomen laag is, moet nog worden "
               "nagevraagd; de aanvrager krijgt gelegenheid dat aan te vullen voordat wordt beslist.",
               "art. 4:5 lid 1 Algemene wet bestuursrecht")
        return u.besluit("doorverwezen")

    naam = bedrag_naam(h.soort)
    bedrag = cent(u.waarde(naam))
    w = ctx.beleid.waarde(naam)
    u.stap(f"Aan alle voorwaarden is voldaan. De toeslag voor {h.soort_tekst} is {euro_nl(bedrag)} per jaar.",
           w.grondslag, w.bron)
    return u.besluit("toegekend", bedrag=bedrag, vorm="om_niet", bedrag_per="per_jaar")
