"""(Individuele) studietoeslag (art. 36b Participatiewet, zoals geldend sinds 1 april 2022).

Sinds de Verzamelwet SZW 2022 (in werking 1 april 2022) is de studietoeslag een zelfstandige
toeslag, geen bijzondere bijstand meer. Voorwaarden (art. 36b lid 1 Pw; divosa.nl Handreiking
Studietoeslag; schulinck.nl 'Beoordelen recht op studietoeslag'):

1. recht op studiefinanciering (Wet studiefinanciering 2000, niet het levenlanglerenkrediet) of
   op een tegemoetkoming op grond van hoofdstuk 4 WTOS (casus: ``aanvrager.student``);
2. als rechtstreeks gevolg van ziekte of gebrek structureel niet in staat naast de studie
   inkomsten te verwerven (casus: ``aanvrager.arbeidsvermogen`` "beperkt" of "geen"; het
   college stelt dit vast op medisch advies, art. 36b lid 2 Pw);
3. geen recht op een Wajong-uitkering (casus: ``aanvrager.wajong``, optioneel).

Geen vermogenstoets en geen inkomenstoets (stimulansz.nl, kerkrade.nl), en geen leeftijdsgrens
in de wet (kerkrade.nl; schulinck.nl: 'het leeftijdscriterium van 18 jaar of ouder vervalt').
De oude eis '18 jaar of ouder' van vóór 1 april 2022 geldt dus niet meer.

Bedrag per maand: het landelijke minimumbedrag voor de leeftijd van de student (parameter,
AMvB BWBR0044894; categorieën 15, 16, 17, 18, 19, 20 en 21+), vermeerderd met de verhoging
die de gemeente kiest (open norm, regionaal 0). Onder 15 jaar kent het Besluit geen bedrag;
voor perioden zonder gevonden bedrag (bijvoorbeeld 2025) verwijst de regel door. Beslissingen
vóór 1 april 2022 (oude individuele studietoeslag, bijzondere bijstand) neemt de kern niet.
"""

from __future__ import annotations

from datetime import date

from ..geld import cent, datum_nl, euro_nl, procent_nl
from ..uitleg import OntbrekendeWaarde
from .registratie import basisregeling

ART36B = "art. 36b lid 1 Participatiewet"
INGANG = date(2022, 4, 1)


# --------------------------------------------------------------------------- de toetsen zelf
# Eén plek voor elke voorwaarde en berekening: ``beoordeel`` hieronder (met motivering) en het kader
# van de batch (regels/kader.py) gebruiken dezelfde functies.

#: onder deze leeftijd kent het Besluit minimumbedragen studietoeslag geen bedrag
BEDRAG_VANAF = 15
REDEN_ARBEIDSVERMOGEN = "wel in staat naast de studie inkomsten te verwerven"
REDEN_WAJONG = "recht op Wajong"
CATEGORIEEN = tuple(f"leeftijd_{n}" for n in range(BEDRAG_VANAF, 21)) + ("leeftijd_21_en_ouder",)


def _categorie(leeftijd: int) -> str:
    return "leeftijd_21_en_ouder" if leeftijd >= 21 else f"leeftijd_{leeftijd}"


def minimumbedrag_naam(leeftijd: int) -> str:
    return f"individuele_studietoeslag.minimumbedrag.{_categorie(leeftijd)}"


def beperkt_arbeidsvermogen(arbeidsvermogen: str) -> bool:
    """Door ziekte of gebrek structureel niet in staat naast de studie inkomsten te verwerven (art. 36b lid 1 onder b)."""
    return arbeidsvermogen in ("beperkt", "geen")


def redenen_ist(arbeidsvermogen: str, wajong: bool) -> list[str]:
    """De redenen om af te wijzen, in de volgorde van de voorwaarden."""
    redenen = []
    if not beperkt_arbeidsvermogen(arbeidsvermogen):
        redenen.append(REDEN_ARBEIDSVERMOGEN)
    if wajong:
        redenen.append(REDEN_WAJONG)
    return redenen


def studietoeslag_bedrag(minimum, verhoging):
    """Het minimumbedrag, vermeerderd met de verhoging van de gemeente (als die er is), op centen."""
    return cent(minimum * (1 + verhoging)) if verhoging else cent(minimum)


@basisregeling(
    "individuele_studietoeslag",
    naam="Studietoeslag",
    grondslag=ART36B,
    omschrijving="Toeslag per maand voor studenten die door ziekte of gebrek structureel niet naast hun studie kunnen werken.",
)
def beoordeel(u, aanvraag):
    ctx = u.ctx
    a = ctx.casus.aanvrager
    peil = ctx.peildatum
    leeftijd = ctx.huishouden.leeftijd_aanvrager

    if peil < INGANG:
        raise OntbrekendeWaarde(
            "individuele_studietoeslag", peil,
            "Vóór 1 april 2022 was de individuele studietoeslag bijzondere bijstand met een eigen verordening "
            "(leeftijd 18+, vermogenstoets); die oude regeling is niet in de kern opgenomen.")

    if not a.student:
        u.stap("De aanvrager heeft geen recht op studiefinanciering (Wet studiefinanciering 2000) of een "
               "tegemoetkoming op grond van hoofdstuk 4 WTOS; de studietoeslag is alleen voor zulke studenten.", ART36B)
        return u.besluit("niet_van_toepassing")
    u.stap("De aanvrager volgt een opleiding met studiefinanciering of een tegemoetkoming op grond van de WTOS.", ART36B)

    redenen = redenen_ist(a.arbeidsvermogen, a.wajong)
    if beperkt_arbeidsvermogen(a.arbeidsvermogen):
        u.stap(f"Het arbeidsvermogen van de aanvrager is '{a.arbeidsvermogen}': door ziekte of gebrek structureel niet in "
               "staat naast de studie inkomsten te verwerven (vast te stellen op medisch advies, art. 36b lid 2 "
               "Participatiewet).", ART36B)
    else:
        u.stap("Het arbeidsvermogen van de aanvrager is volledig: niet gebleken is dat de aanvrager door ziekte of gebrek "
               "structureel niet naast de studie inkomsten kan verwerven.", ART36B)
    if a.wajong:
        u.stap("De aanvrager heeft recht op een Wajong-uitkering; dat sluit de studietoeslag uit.", ART36B)
    if redenen:
        u.stap("De aanvraag wordt afgewezen: " + "; ".join(redenen) + ".", ART36B)
        return u.besluit("afgewezen")
    u.stap("Voor de studietoeslag geldt geen vermogenstoets en geen inkomenstoets, en de wet kent geen "
           "leeftijdsgrens (art. 36b Participatiewet zoals geldend sinds 1 april 2022).", ART36B)

    if leeftijd < BEDRAG_VANAF:
        raise OntbrekendeWaarde(
            "individuele_studietoeslag.minimumbedrag", peil,
            f"De aanvrager is {leeftijd} jaar; het Besluit minimumbedragen studietoeslag kent bedragen vanaf 15 jaar. "
            "Een consulent beoordeelt deze aanvraag.")
    naam = minimumbedrag_naam(leeftijd)
    w_min = ctx.beleid.waarde(naam)
    if w_min is None:
        raise OntbrekendeWaarde(
            naam, peil,
            f"Het landelijke minimumbedrag van de studietoeslag voor een student van {leeftijd} jaar op "
            f"{datum_nl(peil)} staat nog niet in de gegevens van de kern (de bedragen worden halfjaarlijks "
            "geïndexeerd; de toolkit gokt geen bedrag).")
    minimum = u.waarde(naam)
    verhoging = u.waarde("individuele_studietoeslag.verhoging")
    w_verh = ctx.beleid.waarde("individuele_studietoeslag.verhoging")
    wie = "21 jaar of ouder" if leeftijd >= 21 else f"{leeftijd} jaar"
    u.stap(f"Het landelijke minimumbedrag voor een student van {wie} is {euro_nl(minimum)} per maand.",
           w_min.grondslag, w_min.bron)
    bedrag = studietoeslag_bedrag(minimum, verhoging)
    if verhoging:
        u.stap(f"De gemeente verhoogt dit met {procent_nl(verhoging)}: {euro_nl(minimum)} x {procent_nl(1 + verhoging)} = "
               f"{euro_nl(bedrag)} per maand.", w_verh.grondslag, w_verh.bron)
    else:
        u.stap(f"De gemeente betaalt het minimumbedrag: de studietoeslag is {euro_nl(bedrag)} per maand.",
               w_verh.grondslag, w_verh.bron)
    return u.besluit("toegekend", bedrag=bedrag, vorm="om_niet", bedrag_per="per_maand")
