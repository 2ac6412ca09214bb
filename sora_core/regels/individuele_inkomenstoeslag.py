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
6. niet in de twaalf maanden vóór de aanvraag al een toeslag ontvangen
   (``inkomen.laatste_inkomenstoeslag`` 12 maanden of langer vóór de aanvraagdatum, of onbekend;
   toegekend op 1-9-2024 betekent: weer mogelijk vanaf 1-9-2025). De aanvraagdatum is
   ``aanvraagdatum`` van de casus, zonder opgave de peildatum (casuscontract); ambtshalve (er is
   geen aanvraag) telt de peildatum. Bron: domein, art. 36 Pw ("refused if granted in the 12
   months before the application"); verordeningen noemen die dag de peildatum van de toeslag.

Bedrag per jaar naar huishoudsoort (open normen, regionale waarden van Zaffier).

Ambtshalve (``aanvragen[i].ambtshalve``): vanaf 1 januari 2027 mag het college de toeslag zonder
aanvraag toekennen (Participatiewet in balans, fase 3); de voorwaarden blijven dezelfde. Vóór die
datum is een ambtshalve verzoek een invoerfout op dat veld: de toeslag is dan alleen op aanvraag.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from ..fouten import Fout, InvoerFout
from ..geld import cent, datum_nl, euro_nl, termijn_einde
from ..model import Aanvraag
from ..uitleg import VasteStappen
from ..wetgeving import PIB, PIB_FASE_3
from .registratie import basisregeling
from ..huishouden import SOORT_TEKST, toepasselijke_norm
from .toetsen import binnen_grens, grensbedrag, stap_inkomen, stap_vermogen, vermogen, vermogensgrens

ART36 = "art. 36 lid 1 Participatiewet"
#: de tekst van art. 36 per 1-1-2027 is nog niet gezien (domein.md: secundaire bron, amendement Lahlah/Van Kent)
ART36_AMBTSHALVE = f"art. 36 Participatiewet zoals gewijzigd per 1 januari 2027 ({PIB}, amendement Lahlah/Van Kent)"


# --------------------------------------------------------------------------- de toetsen zelf
# Eén plek voor elke voorwaarde en voor de volgorde: ``beslis_iit`` hieronder is de beslissing;
# ``beoordeel`` (met motivering) en het kader van de batch (regels/kader.py, zonder) roepen hem
# allebei aan, elk met zijn eigen bron van waarden.

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


def weer_mogelijk_vanaf(laatste: Optional[date], aanvraag: date) -> Optional[date]:
    """Is er in de twaalf maanden vóór de aanvraag (``aanvraag``: de aanvraagdatum, of de
    peildatum) al een toeslag toegekend, dan de dag waarop een nieuwe weer kan; anders None."""
    if laatste is None:
        return None
    vanaf = termijn_einde(laatste, 1)
    return vanaf if vanaf > aanvraag else None


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


#: het bedrag van de toeslag uit de waarde van de open norm: afgerond op centen (``geld.cent``)
toeslag_bedrag = cent


#: de vorm en de periode van een toegekende toeslag
VORM = "om_niet"
PER = "per_jaar"
_AFGEWEZEN = ("afgewezen", None)
_DOORVERWEZEN = ("doorverwezen", None)


def beslis_iit(w, m, leeftijd: int, aow_aanvrager: bool, laag_sinds: Optional[date], peil: date, netto: Decimal,
               ver: Optional[Decimal], uitzicht: bool, laatste: Optional[date],
               aanvraag: Optional[date] = None) -> tuple[str, Optional[Decimal]]:
    """De beslissing over de toeslag, zonder tekst: (uitkomst, bedrag per jaar of None). Dit is de
    enige plek van de volgorde van de voorwaarden en van wanneer er gestopt wordt.

    ``w`` geeft de waarden van het beleid, op het moment dat de beslissing ze nodig heeft (in deze
    volgorde): ``referteperiode`` (maanden), ``inkomensgrens`` (het grensbedrag voor dit huishouden),
    ``vermogensgrens``, ``vermogen()`` (het vermogen dat meetelt; alleen als ``ver`` None is: het
    kader kent het vermogen al, want het dekt geen eigen woning) en ``bedrag`` (``toeslag_bedrag``
    van de open norm voor deze huishoudsoort). De volledige
    regel haalt ze lui op en noteert ze (``_Volledig``: een ontbrekende waarde gooit
    ``OntbrekendeWaarde`` op precies dezelfde plek als altijd); het kader geeft vooraf berekende
    waarden (``Gecompileerd``).

    ``m`` schrijft de motivering (``_Volledig``, met dezelfde tekst) of is None (zonder motivering,
    en in het kader): bij elke toets met wat de tekst nodig heeft. ``aanvraag`` is de dag van de
    aanvraag voor de twaalf maanden (voorwaarde 6); None = de peildatum (het kader: zijn lezer
    neemt geen casus met een aanvraagdatum)."""
    if leeftijd < MINIMUMLEEFTIJD:
        if m is not None:
            m.te_jong(leeftijd)
        return _AFGEWEZEN
    if aow_aanvrager:
        if m is not None:
            m.aow()
        return _AFGEWEZEN
    if m is not None:
        m.leeftijd(leeftijd)

    # 2. langdurig laag inkomen
    maanden = w.referteperiode
    onbekend_sinds = laag_sinds is None
    referte_niet_vol = False
    if onbekend_sinds:
        if m is not None:
            m.referte_onbekend(maanden)
    else:
        vereist = referteperiode_einde(laag_sinds, maanden)
        referte_niet_vol = not referteperiode_vol(vereist, peil)
        if m is not None:
            m.referte(laag_sinds, maanden, vereist, referte_niet_vol)

    # 3. inkomen
    grens = w.inkomensgrens
    inkomen_binnen = binnen_grens(netto, grens)
    if m is not None:
        m.inkomen(netto, grens, inkomen_binnen)

    # 4. vermogen
    vgrens = w.vermogensgrens
    if ver is None:
        ver = w.vermogen()
    vermogen_binnen = binnen_grens(ver, vgrens)

    # 5. uitzicht op inkomensverbetering (``uitzicht``); 6. niet in de afgelopen twaalf maanden
    weer_vanaf = weer_mogelijk_vanaf(laatste, peil if aanvraag is None else aanvraag)

    redenen = redenen_iit(referte_niet_vol, inkomen_binnen, vermogen_binnen, uitzicht, weer_vanaf is not None)
    uitkomst = uitkomst_iit(redenen, onbekend_sinds)
    if m is not None:  # tussen toets 4 en de uitkomst wordt niets meer opgehaald: één aanroep voor die stappen
        m.vermogen_tot_uitkomst(ver, vgrens, vermogen_binnen, uitzicht, laatste, weer_vanaf, uitkomst, redenen,
                                None if aanvraag is None or aanvraag == peil else aanvraag)
    if uitkomst != "toegekend":
        return _AFGEWEZEN if uitkomst == "afgewezen" else _DOORVERWEZEN
    bedrag = w.bedrag
    if m is not None:
        m.toegekend(bedrag)
    return "toegekend", bedrag


class Gecompileerd:
    """De waarden voor ``beslis_iit`` van één opgelost beleid en één soort huishouden (huishoudsoort,
    AOW-leeftijd van aanvrager of partner), vooraf berekend met dezelfde functies (het kader)."""

    __slots__ = ("referteperiode", "inkomensgrens", "vermogensgrens", "bedrag")

    def __init__(self, referteperiode: int, inkomensgrens_: Decimal, vermogensgrens_: Decimal, bedrag: Decimal):
        self.referteperiode = referteperiode
        self.inkomensgrens = inkomensgrens_
        self.vermogensgrens = vermogensgrens_
        self.bedrag = bedrag


class _Volledig:
    """De bron van waarden en de motivering van ``beoordeel``: elke waarde lui via de uitleg
    (genoteerd als gebruikte waarde, een ontbrekende gooit ``OntbrekendeWaarde``), elke stap met
    dezelfde tekst als altijd. De records van de waarden worden bewaard voor grondslag en bron."""

    __slots__ = ("u", "stap", "_wr", "_wg", "_norm", "_naam_vgrens", "_wb")

    def __init__(self, u):
        self.u = u
        self.stap = u.stap

    # --- waarden (in de volgorde waarin ``beslis_iit`` ze vraagt)
    @property
    def referteperiode(self) -> int:
        self._wr = w = self.u.waarde_record("individuele_inkomenstoeslag.referteperiode")
        return w.waarde

    @property
    def inkomensgrens(self) -> Decimal:
        u = self.u
        self._wg = w = u.waarde_record("individuele_inkomenstoeslag.inkomensgrens")
        kdn = u.waarde_record("individuele_inkomenstoeslag.kostendelersnorm_toepassen").waarde
        self._norm = norm = toepasselijke_norm(u, kdn)
        return grensbedrag(norm, w.waarde)

    @property
    def vermogensgrens(self) -> Decimal:
        grens, self._naam_vgrens = vermogensgrens(self.u)
        return grens

    def vermogen(self) -> Decimal:
        return vermogen(self.u)

    @property
    def bedrag(self) -> Decimal:
        self._wb = w = self.u.waarde_record(bedrag_naam(self.u.ctx.huishouden.soort))
        return toeslag_bedrag(w.waarde)

    # --- motivering
    def te_jong(self, leeftijd: int) -> None:
        self.stap(f"De aanvrager is {leeftijd} jaar; de toeslag is er vanaf 21 jaar.", ART36)

    def aow(self) -> None:
        self._vast(("aow",), "De aanvrager heeft de AOW-leeftijd bereikt; de individuele inkomenstoeslag is er tot "
                             "die leeftijd.", ART36)

    def leeftijd(self, leeftijd: int) -> None:
        m = _STAPPEN.zoek(("leeftijd", leeftijd)) if type(leeftijd) is int else None
        if m is None:
            m = _STAPPEN.maak(("leeftijd", leeftijd), None, None,
                              f"De aanvrager is {leeftijd} jaar: tussen 21 jaar en de AOW-leeftijd.", ART36, "kern")
        self.u.vaste_stap(m)

    def _vast(self, sleutel: tuple, tekst: str, grondslag: str) -> None:
        """Een stap waarvan de tekst alleen uit ``sleutel`` volgt (vaste tekst, of tekst uit de tekstwaarden
        in de sleutel), met bron kern: uit ``_STAPPEN``."""
        m = _STAPPEN.zoek(sleutel)
        if m is None:
            m = _STAPPEN.maak(sleutel, None, None, tekst, grondslag, "kern")
        self.u.vaste_stap(m)

    def referte_onbekend(self, maanden: int) -> None:
        w = self._wr
        self.stap(f"Niet bekend is sinds wanneer het inkomen laag is (inkomen.laag_sinds ontbreekt); de referteperiode "
                  f"is {maanden} maanden.", w.grondslag, w.bron)

    def referte(self, laag_sinds: date, maanden: int, vereist: date, niet_vol: bool) -> None:
        w = self._wr
        if niet_vol:
            self.stap(f"Het inkomen is laag sinds {datum_nl(laag_sinds)}; de referteperiode van {maanden} maanden is pas "
                      f"vol op {datum_nl(vereist)}.", w.grondslag, w.bron)
        else:
            self.stap(f"Het inkomen is laag sinds {datum_nl(laag_sinds)}: op {datum_nl(self.u.ctx.peildatum)} ten minste "
                      f"de referteperiode van {maanden} maanden (vanaf {datum_nl(vereist)}).", w.grondslag, w.bron)

    def inkomen(self, netto: Decimal, grens: Decimal, voldoet: bool) -> None:
        w = self._wg
        stap_inkomen(self.u, netto, w.waarde, self._norm, grens, voldoet, w.grondslag, w.bron)

    def vermogen_tot_uitkomst(self, ver: Decimal, grens: Decimal, binnen: bool, uitzicht: bool, laatste: Optional[date],
                              weer_vanaf: Optional[date], uitkomst: str, redenen: list,
                              aanvraag: Optional[date] = None) -> None:
        """De stappen van de vermogenstoets, uitzicht op verbetering, de toeslag van de afgelopen
        twaalf maanden en (bij afwijzen of doorverwijzen) de uitkomst."""
        stap_vermogen(self.u, ver, grens, self._naam_vgrens, binnen)
        if uitzicht:
            self._vast(("uitzicht",), "Er is uitzicht op inkomensverbetering.", ART36)
        if weer_vanaf is not None:
            self.stap(f"Op {datum_nl(laatste)} is al een individuele inkomenstoeslag toegekend; een nieuwe kan pas "
                      f"vanaf {datum_nl(weer_vanaf)}"
                      + (f"; de aanvraag is van {datum_nl(aanvraag)}." if aanvraag is not None else "."), ART36)
        if uitkomst == "afgewezen":
            sleutel = ("afgewezen", *redenen)  # de redenen zijn tekst (redenen_iit): de tekst volgt uit de sleutel
            m = _STAPPEN.zoek(sleutel)
            if m is None:
                m = _STAPPEN.maak(sleutel, None, None, "De aanvraag wordt afgewezen: " + "; ".join(redenen) + ".",
                                  ART36, "kern")
            self.u.vaste_stap(m)
        elif uitkomst == "doorverwezen":
            # niet afwijzen op een gegeven dat ontbreekt: eerst navragen (art. 4:5 Awb)
            self.stap("Aan de overige voorwaarden is voldaan. Sinds wanneer het inkomen laag is, moet nog worden "
                      "nagevraagd; de aanvrager krijgt gelegenheid dat aan te vullen voordat wordt beslist.",
                      "art. 4:5 lid 1 Algemene wet bestuursrecht")

    def toegekend(self, bedrag: Decimal) -> None:
        w = self._wb
        soort = self.u.ctx.huishouden.soort
        # de tekst volgt uit de huishoudsoort, de tekstvorm van het bedrag (die bepaalt zijn notatie) en de waarde
        sleutel = ("toegekend", id(w), soort, str(bedrag)) if type(bedrag) is Decimal else None
        m = _STAPPEN.zoek(sleutel)  # (None: nooit bewaard)
        if m is not None:
            self.u.vaste_stap(m)
            return
        _STAPPEN.voeg_toe(self.u, sleutel, w, None, f"Aan alle voorwaarden is voldaan. De toeslag voor "
                          f"{SOORT_TEKST[soort]} is {euro_nl(bedrag)} per jaar.", w.grondslag, w.bron)


#: de stappen van deze regeling die bij dezelfde gegevens letterlijk gelijk zijn (uitleg.VasteStappen)
_STAPPEN = VasteStappen()


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

    w = _Volledig(u)
    ink = casus.inkomen
    # de leeftijdstoets komt eerst: onder 21 (en dus onder 65) vraagt ``aow_aanvrager`` geen AOW-tabel
    # de twaalf maanden tellen terug vanaf de aanvraag; ambtshalve is er geen aanvraag: de peildatum
    aanvraagdag = peil if aanvraag is not None and aanvraag.ambtshalve else casus.datum_aanvraag
    uitkomst, bedrag = beslis_iit(w, w if u.motiveer else None, h.leeftijd_aanvrager, h.aow_aanvrager, ink.laag_sinds,
                                  peil, ink.netto_per_maand, None, ink.uitzicht_op_verbetering,
                                  ink.laatste_inkomenstoeslag, aanvraagdag)
    if bedrag is None:
        return u.besluit(uitkomst)
    return u.besluit(uitkomst, bedrag=bedrag, vorm=VORM, bedrag_per=PER)
