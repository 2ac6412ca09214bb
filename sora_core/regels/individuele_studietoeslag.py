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


_DOORVERWEZEN = ("doorverwezen", None)
_AFGEWEZEN = ("afgewezen", None)
_NIET_VAN_TOEPASSING = ("niet_van_toepassing", None)


def beslis_ist(w, m, peil: date, student: bool, arbeidsvermogen: str, wajong: bool, leeftijd: int) -> tuple:
    """De beslissing over de studietoeslag, zonder tekst: (uitkomst, bedrag per maand of None). De
    enige plek van de volgorde van de voorwaarden (``beoordeel`` en het kader roepen hem allebei aan,
    zoals ``individuele_inkomenstoeslag.beslis_iit``).

    ``w`` is de bron van waarden: ``voor_ingang``/``geen_bedrag`` (de volledige regel gooit daar
    ``OntbrekendeWaarde`` met de reden, het kader doet niets en de uitkomst is doorverwezen),
    ``minimum(leeftijd)`` (None = geen waarde: doorverwezen) en ``verhoging``. ``m`` schrijft de
    motivering (of is None)."""
    if peil < INGANG:
        w.voor_ingang(peil)
        return _DOORVERWEZEN
    if not student:
        if m is not None:
            m.geen_student()
        return _NIET_VAN_TOEPASSING
    redenen = redenen_ist(arbeidsvermogen, wajong)
    if m is not None:
        m.student_en_arbeidsvermogen(arbeidsvermogen, wajong)
    if redenen:
        if m is not None:
            m.afgewezen(redenen)
        return _AFGEWEZEN
    if m is not None:
        m.geen_toetsen()
    if leeftijd < BEDRAG_VANAF:
        w.geen_bedrag(leeftijd, peil)
        return _DOORVERWEZEN
    minimum = w.minimum(leeftijd)
    if minimum is None:
        return _DOORVERWEZEN
    verhoging = w.verhoging
    bedrag = studietoeslag_bedrag(minimum, verhoging)
    if m is not None:
        m.bedrag(leeftijd, minimum, verhoging, bedrag)
    return "toegekend", bedrag


class Gecompileerd:
    """De waarden voor ``beslis_ist`` van één opgelost beleid (het kader): minimumbedrag per
    leeftijdscategorie (None = niet bekend) en de verhoging van de gemeente."""

    __slots__ = ("minima", "verhoging")

    def __init__(self, minima: dict, verhoging):
        self.minima, self.verhoging = minima, verhoging

    @staticmethod
    def voor_ingang(peil: date) -> None:
        return None

    @staticmethod
    def geen_bedrag(leeftijd: int, peil: date) -> None:
        return None

    def minimum(self, leeftijd: int):
        return self.minima[_categorie(leeftijd)]


class _Volledig:
    """De bron van waarden en de motivering van ``beoordeel``: waarden via de uitleg (genoteerd),
    een ontbrekende waarde als ``OntbrekendeWaarde`` met de reden, elke stap met de vaste tekst."""

    __slots__ = ("u", "a")

    def __init__(self, u):
        self.u, self.a = u, u.ctx.casus.aanvrager

    # --- waarden
    @staticmethod
    def voor_ingang(peil: date) -> None:
        raise OntbrekendeWaarde(
            "individuele_studietoeslag", peil,
            "Vóór 1 april 2022 was de individuele studietoeslag bijzondere bijstand met een eigen verordening "
            "(leeftijd 18+, vermogenstoets); die oude regeling is niet in de kern opgenomen.")

    @staticmethod
    def geen_bedrag(leeftijd: int, peil: date) -> None:
        raise OntbrekendeWaarde(
            "individuele_studietoeslag.minimumbedrag", peil,
            f"De aanvrager is {leeftijd} jaar; het Besluit minimumbedragen studietoeslag kent bedragen vanaf 15 jaar. "
            "Een consulent beoordeelt deze aanvraag.")

    def minimum(self, leeftijd: int):
        u = self.u
        naam = minimumbedrag_naam(leeftijd)
        if u.ctx.beleid.waarde(naam) is None:
            raise OntbrekendeWaarde(
                naam, u.ctx.peildatum,
                f"Het landelijke minimumbedrag van de studietoeslag voor een student van {leeftijd} jaar op "
                f"{datum_nl(u.ctx.peildatum)} staat nog niet in de gegevens van de kern (de bedragen worden "
                "halfjaarlijks geïndexeerd; de toolkit gokt geen bedrag).")
        return u.waarde(naam)

    @property
    def verhoging(self):
        return self.u.waarde("individuele_studietoeslag.verhoging")

    # --- motivering
    def geen_student(self) -> None:
        self.u.stap_gedeeld("De aanvrager heeft geen recht op studiefinanciering (Wet studiefinanciering 2000) of een "
                    "tegemoetkoming op grond van hoofdstuk 4 WTOS; de studietoeslag is alleen voor zulke studenten.",
                    ART36B)

    def student_en_arbeidsvermogen(self, arbeidsvermogen: str, wajong: bool) -> None:
        u = self.u
        u.stap_gedeeld("De aanvrager volgt een opleiding met studiefinanciering of een tegemoetkoming op grond van de WTOS.",
               ART36B)
        if beperkt_arbeidsvermogen(arbeidsvermogen):
            u.stap_gedeeld(f"Het arbeidsvermogen van de aanvrager is '{arbeidsvermogen}': door ziekte of gebrek structureel niet "
                   "in staat naast de studie inkomsten te verwerven (vast te stellen op medisch advies, art. 36b lid 2 "
                   "Participatiewet).", ART36B)
        else:
            u.stap_gedeeld("Het arbeidsvermogen van de aanvrager is volledig: niet gebleken is dat de aanvrager door ziekte of "
                   "gebrek structureel niet naast de studie inkomsten kan verwerven.", ART36B)
        if wajong:
            u.stap_gedeeld("De aanvrager heeft recht op een Wajong-uitkering; dat sluit de studietoeslag uit.", ART36B)

    def afgewezen(self, redenen: list) -> None:
        self.u.stap_gedeeld("De aanvraag wordt afgewezen: " + "; ".join(redenen) + ".", ART36B)

    def geen_toetsen(self) -> None:
        self.u.stap_gedeeld("Voor de studietoeslag geldt geen vermogenstoets en geen inkomenstoets, en de wet kent geen "
                    "leeftijdsgrens (art. 36b Participatiewet zoals geldend sinds 1 april 2022).", ART36B)

    def bedrag(self, leeftijd: int, minimum, verhoging, bedrag) -> None:
        u = self.u
        beleid = u.ctx.beleid
        w_min = beleid.waarde(minimumbedrag_naam(leeftijd))
        w_verh = beleid.waarde("individuele_studietoeslag.verhoging")
        wie = "21 jaar of ouder" if leeftijd >= 21 else f"{leeftijd} jaar"
        u.stap_gedeeld(f"Het landelijke minimumbedrag voor een student van {wie} is {euro_nl(minimum)} per maand.",
               w_min.grondslag, w_min.bron)
        if verhoging:
            u.stap_gedeeld(f"De gemeente verhoogt dit met {procent_nl(verhoging)}: {euro_nl(minimum)} x "
                   f"{procent_nl(1 + verhoging)} = {euro_nl(bedrag)} per maand.", w_verh.grondslag, w_verh.bron)
        else:
            u.stap_gedeeld(f"De gemeente betaalt het minimumbedrag: de studietoeslag is {euro_nl(bedrag)} per maand.",
                   w_verh.grondslag, w_verh.bron)


@basisregeling(
    "individuele_studietoeslag",
    naam="Studietoeslag",
    grondslag=ART36B,
    omschrijving="Toeslag per maand voor studenten die door ziekte of gebrek structureel niet naast hun studie kunnen werken.",
)
def beoordeel(u, aanvraag):
    ctx = u.ctx
    a = ctx.casus.aanvrager
    v = _Volledig(u) if u.motiveer else None
    uitkomst, bedrag = beslis_ist(v or _Volledig(u), v, ctx.peildatum, a.student, a.arbeidsvermogen, a.wajong,
                                  ctx.huishouden.leeftijd_aanvrager)
    if bedrag is None:
        return u.besluit(uitkomst)
    return u.besluit(uitkomst, bedrag=bedrag, vorm="om_niet", bedrag_per="per_maand")
