"""Feiten over het huishouden en de toepasselijke bijstandsnorm (art. 19a-22a Pw).

* Huishoudsoort: ``gehuwden`` (met partner), ``alleenstaande_ouder`` (geen partner, minstens
  één kind jonger dan 18 in huis) of ``alleenstaande``.
* AOW-leeftijd per geboortedatum uit ``data/aow.toml`` (art. 7a AOW).
* Kostendelers (art. 19a, 22a Pw): de aanvrager, de partner en iedere medebewoner of
  inwonend kind van de minimumleeftijd (27 jaar sinds 1-1-2023) of ouder.
  Vereenvoudiging (in de README genoemd): uitzonderingen van art. 19a lid 1 (commerciële
  huur, studenten met studiefinanciering) zijn nog niet in de casus op te geven.
* Kostendelersnorm per persoon: ((40% + A x 30%) / A) x B, afgerond op hele centen half
  naar boven; voor gehuwden tweemaal dat bedrag. B is de gehuwdennorm (art. 21 onder b),
  of bij AOW-leeftijd van aanvrager of partner de gehuwdennorm van art. 22 onder b/c.
  Niet voor wie tijdelijk elders mantelzorg verleent (art. 22a lid 4, sinds 1-1-2026).
* Jongerennormen (art. 20 Pw): aanvrager of partner van 18, 19 of 20 jaar; met de verhoging
  van lid 3 (sinds 1-1-2026) en de grens van lid 4. Zie ``jongerennorm`` en
  docs/wetswijzigingen.md.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from .geld import cent, datum_nl, euro_nl, leeftijd, plus_jaren_maanden
from .lui import lui
from .model import Casus, Persoon
from .parameters import Waarde, kern_document
from .uitleg import OntbrekendeWaarde, VasteStappen
from .wetgeving import GRONDSLAG_OVERGANG_ART12, PIB_FASE_1, PIB_FASE_3, oud_art12_van_toepassing

GRONDSLAG_AOW = "art. 7a Algemene Ouderdomswet"


@lru_cache(maxsize=1)
def _aow_tabel() -> dict[int, tuple[int, int, bool]]:
    doc = kern_document("aow.toml")
    return {r["jaar"]: (r["jaren"], r["maanden"], r.get("bevestigd", True)) for r in doc["jaar"]}


@lru_cache(maxsize=1 << 16)  # een batch kent tienduizenden geboortedata van 65 jaar en ouder
def aow_datum(geboortedatum: date) -> Optional[tuple[date, bool]]:
    """De dag waarop iemand de AOW-leeftijd bereikt, en of die leeftijd bevestigd is.

    Voor elk kalenderjaar J met AOW-leeftijd L(J): valt geboortedatum + L(J) in jaar J, dan is
    dat de AOW-datum. ``None`` als de tabel het jaar niet kent."""
    y, maand = geboortedatum.year, geboortedatum.month
    for jaar, j, m, bevestigd in _aow_jaren():
        # geboortedatum + j jaar en m maanden valt in het jaar ``vanaf`` of (een dag die in de doelmaand
        # december niet bestaat) het jaar erna: andere jaren van de tabel hoeven niet te worden uitgerekend
        vanaf = y + j + (maand - 1 + m) // 12
        if jaar < vanaf or jaar > vanaf + 1:
            continue
        d = plus_jaren_maanden(geboortedatum, j, m)
        if d.year == jaar:
            return d, bevestigd
    return None


@lru_cache(maxsize=1)
def _aow_jaren() -> tuple[tuple[int, int, int, bool], ...]:
    """De AOW-tabel op volgorde van jaar: (jaar, jaren, maanden, bevestigd)."""
    return tuple((jaar, j, m, b) for jaar, (j, m, b) in sorted(_aow_tabel().items()))


class OnbekendeAOWLeeftijd(Exception):
    pass


def _voor_de_tabel(geboortedatum: date, op: date) -> bool:
    """Bereikte deze persoon de AOW-leeftijd al vóór het eerste jaar van de tabel?

    De AOW-leeftijd is nooit verlaagd (65 jaar tot en met 2012, daarna stapsgewijs omhoog,
    art. 7a AOW). Wie met de leeftijd van het eerste tabeljaar al vóór dat jaar jarig was,
    bereikte de AOW-leeftijd dus vóór dat jaar; op een peildatum in of na het eerste tabeljaar
    heeft hij die leeftijd zeker. Zo krijgt een aanvrager van bijvoorbeeld 95 jaar een besluit
    in plaats van een fout, zonder een AOW-leeftijd van vóór de tabel te verzinnen."""
    begin, j, m = _tabelbegin()
    return op >= begin and _jarig_voor_de_tabel(geboortedatum)


@lru_cache(maxsize=1)
def _tabelbegin() -> tuple[date, int, int]:
    """1 januari van het eerste jaar van de AOW-tabel, met de AOW-leeftijd (jaren, maanden) van dat jaar."""
    tabel = _aow_tabel()
    eerste = min(tabel)
    j, m, _ = tabel[eerste]
    return date(eerste, 1, 1), j, m


@lru_cache(maxsize=1 << 16)  # zoals aow_datum: in een batch komen dezelfde geboortedata steeds terug
def _jarig_voor_de_tabel(geboortedatum: date) -> bool:
    """Bereikte wie op ``geboortedatum`` is geboren de AOW-leeftijd van het eerste tabeljaar al vóór dat jaar?"""
    begin, j, m = _tabelbegin()
    return plus_jaren_maanden(geboortedatum, j, m) < begin


def heeft_aow_leeftijd(p: Persoon, op: date) -> bool:
    return aow_bereikt(p.geboortedatum, op)


def aow_bereikt(geboortedatum: date, op: date) -> bool:
    """Heeft wie op ``geboortedatum`` is geboren op ``op`` de AOW-leeftijd? Gooit
    ``OnbekendeAOWLeeftijd`` als de tabel het niet zegt (de enige plek van deze toets; ook het
    kader van de batch vraagt het hier)."""
    if leeftijd(geboortedatum, op) < 65:  # vóór 65 nooit: snel pad, geen tabel nodig
        return False
    r = aow_datum(geboortedatum)
    if r is None:
        if _voor_de_tabel(geboortedatum, op):
            return True
        raise OnbekendeAOWLeeftijd(
            f"De AOW-leeftijd voor iemand geboren op {datum_nl(geboortedatum)} is nog niet vastgesteld "
            f"in de gegevens van de kern ({GRONDSLAG_AOW}).")
    return op >= r[0]


def huishoudsoort(met_partner: bool, minderjarige_kinderen: int) -> str:
    """``gehuwden`` (met partner), ``alleenstaande_ouder`` (een kind jonger dan 18 in huis) of ``alleenstaande``."""
    if met_partner:
        return "gehuwden"
    return "alleenstaande_ouder" if minderjarige_kinderen else "alleenstaande"


def is_gezin(soort: str) -> bool:
    """Gehuwden of alleenstaande ouder (voor de vermogensgrens van art. 34 lid 3 b/c)."""
    return soort != "alleenstaande"


def minderjarig(leeftijden) -> int:
    """Het aantal kinderen jonger dan 18 uit hun leeftijden."""
    n = 0
    for a in leeftijden:  # een lus: geen generator per huishouden (de batch, issue 14)
        if a < 18:
            n += 1
    return n


def kostendelers(met_partner: bool, leeftijden, minimumleeftijd: int) -> int:
    """A in art. 22a: de aanvrager, de partner, en medebewoners en inwonende kinderen (``leeftijden``)
    van ``minimumleeftijd`` jaar of ouder."""
    a = 1 + (1 if met_partner else 0)
    for lft in leeftijden:
        if lft >= minimumleeftijd:
            a += 1
    return a


def kostendelers_basis(soort: str) -> int:
    """Zoveel kostendelers heeft het huishouden zelf: boven dit aantal geldt de kostendelersnorm."""
    return 2 if soort == "gehuwden" else 1


def basisnorm_naam(soort: str, aow: bool) -> str:
    """De bijstandsnorm van art. 21 (21 jaar tot de AOW-leeftijd) of art. 22 (AOW-leeftijd) voor ``soort``."""
    if soort == "gehuwden":
        return "bijstandsnorm.gehuwden_aow" if aow else "bijstandsnorm.gehuwden"
    return "bijstandsnorm.alleenstaande_aow" if aow else "bijstandsnorm.alleenstaande"


class Huishouden:
    """De feiten van het huishouden op de peildatum. Leeftijden en huishoudsoort worden meteen
    uitgerekend (goedkoop, kunnen niet mislukken, bijna elke regel vraagt ze: gewone attributen
    zijn op het hete pad sneller dan een luie eigenschap); de AOW-leeftijd pas als een regel
    hem vraagt (die kan onbekend zijn: ``OnbekendeAOWLeeftijd``)."""

    def __init__(self, casus: Casus):
        self.casus = casus
        peil = self.peildatum = casus.peildatum
        self.leeftijd_aanvrager = leeftijd(casus.aanvrager.geboortedatum, peil)
        p = casus.partner
        self.leeftijd_partner = None if p is None else leeftijd(p.geboortedatum, peil)
        kinderen = casus.kinderen
        if kinderen:
            self.leeftijden_kinderen = tuple([leeftijd(k.geboortedatum, peil) for k in kinderen])
            self.minderjarige_kinderen = minderjarig(self.leeftijden_kinderen)
        else:  # geen kinderen (de meeste huishoudens): niets te tellen
            self.leeftijden_kinderen = ()
            self.minderjarige_kinderen = 0
        self.soort = huishoudsoort(p is not None, self.minderjarige_kinderen)

    @lui
    def aow_aanvrager(self) -> bool:
        return heeft_aow_leeftijd(self.casus.aanvrager, self.peildatum)

    @lui
    def aow_partner(self) -> bool:
        p = self.casus.partner
        return p is not None and heeft_aow_leeftijd(p, self.peildatum)

    @property
    def aow(self) -> bool:
        """Aanvrager of partner heeft de AOW-leeftijd bereikt."""
        return self.aow_aanvrager or self.aow_partner

    @property
    def jongere(self) -> bool:
        """Aanvrager of partner is jonger dan 21 (de jongerennormen van art. 20 Pw)."""
        return self.leeftijd_aanvrager < 21 or (self.leeftijd_partner is not None and self.leeftijd_partner < 21)

    @property
    def is_gezin(self) -> bool:
        """Gehuwden of alleenstaande ouder (voor de vermogensgrens van art. 34 lid 3 b/c)."""
        return is_gezin(self.soort)

    def aantal_kostendelers(self, minimumleeftijd: int) -> int:
        """A in art. 22a: de aanvrager, de partner, en medebewoners en inwonende kinderen van
        ``minimumleeftijd`` jaar of ouder (de leeftijden van de kinderen zijn er al; die van
        medebewoners pas als die er zijn)."""
        leeftijden = self.leeftijden_kinderen
        if self.casus.medebewoners:
            leeftijden += self.leeftijden_medebewoners
        return kostendelers(self.casus.partner is not None, leeftijden, minimumleeftijd)

    @lui
    def leeftijden_medebewoners(self) -> tuple[int, ...]:
        return tuple([leeftijd(p.geboortedatum, self.peildatum) for p in self.casus.medebewoners])

    @property
    def soort_tekst(self) -> str:
        return SOORT_TEKST[self.soort]


SOORT_TEKST = {"gehuwden": "gehuwden of samenwonenden", "alleenstaande_ouder": "alleenstaande ouder",
               "alleenstaande": "alleenstaande"}


def toepasselijke_norm(u, kostendelersnorm: bool) -> Decimal:
    """Bepaal de toepasselijke bijstandsnorm op de peildatum, met motiveringsstappen.

    ``u`` is een ``Uitleg``. ``kostendelersnorm`` zegt of de kostendelersnorm moet worden
    toegepast (dat is per regeling een open norm). Gooit ``OntbrekendeWaarde`` als de norm
    voor deze situatie niet in de gegevens staat of niet door de toolkit wordt bepaald.

    * aanvrager of partner jonger dan 21: de jongerennorm van art. 20 (``jongerennorm``);
    * anders art. 21 (21 jaar tot de AOW-leeftijd) of art. 22 (AOW-leeftijd), met de
      kostendelersnorm van art. 22a als die geldt (niet bij tijdelijke mantelzorg elders,
      art. 22a lid 4, sinds 1-1-2026)."""
    ctx = u.ctx
    h: Huishouden = ctx.huishouden
    peil = ctx.peildatum
    casus = ctx.casus
    partner = casus.partner
    if partner is not None and partner.geen_recht_op_bijstand:
        _partner_zonder_recht(u, h)
    if h.leeftijd_aanvrager < 18 or (h.leeftijd_partner is not None and h.leeftijd_partner < 18):
        raise OntbrekendeWaarde(
            "bijstandsnorm.minderjarige", peil,
            "Voor een aanvrager of partner jonger dan 18 jaar kent de Participatiewet geen bijstandsnorm "
            "(art. 13 lid 1 onder d en art. 20 Participatiewet); deze aanvraag wordt handmatig beoordeeld.")
    try:
        aow = h.aow
    except OnbekendeAOWLeeftijd as e:
        raise OntbrekendeWaarde("aow_leeftijd", peil, str(e)) from None
    if u.motiveer:
        _noteer_aow(u, h)
    if h.jongere:
        if aow:
            raise OntbrekendeWaarde(
                "bijstandsnorm.jongeren", peil,
                "De ene partner is jonger dan 21 jaar, de andere heeft de AOW-leeftijd bereikt; de norm voor die "
                "combinatie (art. 20 en art. 22 Participatiewet) bepaalt de toolkit niet. De aanvraag wordt "
                "handmatig beoordeeld.")
        return jongerennorm(u, h, kostendelersnorm)
    w = u.waarde_record(basisnorm_naam(h.soort, aow))
    norm = w.waarde
    if u.motiveer:
        _stap_norm(u, h, w, aow)
        if casus.aanvrager.geen_beroep_op_ouders or (partner is not None and partner.geen_beroep_op_ouders):
            for wie, p in (("aanvrager", casus.aanvrager), ("partner", partner)):
                if p is not None and p.geen_beroep_op_ouders:  # opgegeven maar niet van toepassing: zeg het
                    u.stap(f"Voor de {wie} is opgegeven dat hij geen beroep kan doen op zijn ouders; de verhoging van "
                           "de jongerennorm geldt alleen voor wie 18, 19 of 20 jaar is en speelt hier geen rol.",
                           "art. 20 lid 3 Participatiewet", "kern")
    if not kostendelersnorm:
        return norm
    minimum = u.waarde("kostendelersnorm.minimumleeftijd")
    a = h.aantal_kostendelers(minimum)
    if a <= kostendelers_basis(h.soort):
        return norm
    if _mantelzorg_uitzondering(u, h):
        return norm
    b_naam = "bijstandsnorm.gehuwden_aow" if aow else "bijstandsnorm.gehuwden"
    b = u.waarde(b_naam)
    basis = u.waarde("kostendelersnorm.basis")
    per = u.waarde("kostendelersnorm.per_kostendeler")
    per_persoon = cent((basis + a * per) / a * b)
    kdn = per_persoon * 2 if h.soort == "gehuwden" else per_persoon
    if u.motiveer:
        u.stap(
            f"Er wonen {a} kostendelers (van {minimum} jaar of ouder) in de woning. De kostendelersnorm is "
            f"(({basis * 100:.0f}% + {a} x {per * 100:.0f}%) / {a}) x {euro_nl(b)} = {euro_nl(per_persoon)} per persoon"
            + (f", voor gehuwden samen {euro_nl(kdn)}" if h.soort == "gehuwden" else "") + " per maand.",
            "art. 22a lid 1 Participatiewet", "kern")
    return kdn


GRONDSLAG_MANTELZORG = "art. 22a lid 4 Participatiewet"


def _mantelzorg_uitzondering(u, h: Huishouden) -> bool:
    """Art. 22a lid 4 Pw (sinds 1-1-2026): geen kostendelersnorm voor wie tijdelijk in de woning
    van een ander verblijft om mantelzorg te verlenen. Vóór die datum geldt de uitzondering niet
    (de motivering zegt dat, zodat het opgegeven veld niet stil wegvalt)."""
    if not u.ctx.casus.aanvrager.tijdelijk_mantelzorg_elders:
        return False
    if u.ctx.peildatum < PIB_FASE_1:
        if u.motiveer:
            u.stap(f"De aanvrager verblijft tijdelijk elders om mantelzorg te verlenen. De uitzondering op de "
                   f"kostendelersnorm daarvoor geldt pas vanaf {datum_nl(PIB_FASE_1)}; op {datum_nl(u.ctx.peildatum)} "
                   "telt de kostendelersnorm nog.", "art. 22a lid 1 Participatiewet", "kern")
        return False
    if u.motiveer:
        u.stap("De aanvrager verblijft tijdelijk in de woning van een ander om mantelzorg te verlenen; de "
               "kostendelersnorm is daarom niet van toepassing.", GRONDSLAG_MANTELZORG, "kern")
    return True


def _partner_zonder_recht(u, h: Huishouden) -> None:
    """Een partner zonder eigen recht op bijstand (art. 24 Pw; vanaf 1-1-2027 ook art. 24a): de
    norm van het gezin bepaalt de toolkit dan niet; de regel verwijst door en zegt waarom. Alleen
    voor een casus met zo'n partner (``toepasselijke_norm`` toetst dat eerst)."""
    peil = u.ctx.peildatum
    if peil >= PIB_FASE_3 and h.minderjarige_kinderen:
        raise OntbrekendeWaarde(
            "bijstandsnorm.verhoging_art24a", peil,
            f"De partner heeft geen recht op bijstand en er zijn kinderen: vanaf {datum_nl(PIB_FASE_3)} wordt de norm "
            "dan verhoogd met 1/12 van de alleenstaande-ouderkop (art. 24a Participatiewet). Dat bedrag voor "
            f"{peil.year} is nog niet gepubliceerd (kindgebonden budget {peil.year}, SZW Normenbrief "
            f"{datum_nl(date(peil.year, 1, 1))}); de aanvraag wordt handmatig beoordeeld.")
    raise OntbrekendeWaarde(
        "bijstandsnorm.partner_zonder_recht", peil,
        "De partner heeft geen recht op bijstand; de norm voor de rechthebbende partner (art. 24 Participatiewet) "
        "bepaalt de toolkit niet. De aanvraag wordt handmatig beoordeeld.")


# --------------------------------------------------------------------------- jongerennormen (art. 20)

def jongerennorm(u, h: Huishouden, kostendelersnorm: bool) -> Decimal:
    """De norm als aanvrager of partner 18, 19 of 20 jaar is (art. 20 Pw).

    * lid 1 (zonder kinderen) en lid 2 (met ten laste komende kinderen, jonger dan 18): onder a
      de alleenstaande (ouder), onder b gehuwden die beiden 18-20 zijn, onder c gehuwden van wie
      één 18-20 is en de ander 21 of ouder;
    * lid 3 (sinds 1-1-2026): verhoging per jongere die geen beroep kan doen op zijn ouders
      (``geen_beroep_op_ouders``). Voor een aanvraag van uiterlijk 31-12-2025 geldt het oude recht
      (art. 78ff lid 1 Pw): geen verhoging;
    * lid 4: de verhoogde norm is nooit hoger dan de norm van een 21-jarige in dezelfde situatie
      (art. 21 onder a of b);
    * de kostendelersnorm (art. 22a lid 1) geldt voor wie 21 of ouder is: niet voor een alleenstaande
      jongere of gehuwden die beiden jonger zijn dan 21; gehuwden van wie één 21 of ouder is met
      kostendelers in huis worden handmatig beoordeeld (niet in de toolkit)."""
    casus = u.ctx.casus
    peil = u.ctx.peildatum
    kinderen = h.minderjarige_kinderen > 0
    lid = "lid 2" if kinderen else "lid 1"
    jongeren = [("aanvrager", casus.aanvrager, h.leeftijd_aanvrager)]
    if casus.partner is not None:
        jongeren.append(("partner", casus.partner, h.leeftijd_partner))
    jong = [(wie, p, lft) for wie, p, lft in jongeren if lft < 21]
    if h.soort == "gehuwden":
        beiden = len(jong) == 2
        naam = "bijstandsnorm.jongeren." + ("gehuwden_beiden_jong" if beiden else "gehuwden_een_jong") + (
            "_kinderen" if kinderen else "")
        onder = "b" if beiden else "c"
        situatie = ("gehuwden die beiden 18, 19 of 20 jaar zijn" if beiden else
                    "gehuwden van wie één 18, 19 of 20 jaar is en de ander 21 jaar of ouder")
        situatie += " met een of meer ten laste komende kinderen" if kinderen else " zonder kinderen"
        norm21_naam = "bijstandsnorm.gehuwden"
    else:
        naam = "bijstandsnorm.jongeren.alleenstaande"
        onder = "a"
        situatie = ("een alleenstaande ouder" if kinderen else "een alleenstaande") + " van 18, 19 of 20 jaar"
        norm21_naam = "bijstandsnorm.alleenstaande"
    w = u.waarde_record(naam)
    norm = w.waarde
    if u.motiveer:
        wie_jong = " en ".join(f"de {wie} is {lft} jaar" for wie, _, lft in jong)
        u.stap(f"{wie_jong[0].upper()}{wie_jong[1:]}: voor wie jonger is dan 21 jaar geldt de jongerennorm. De norm "
               f"voor {situatie} is op {datum_nl(peil)} {euro_nl(norm)} per maand.",
               f"art. 20 {lid} onder {onder} Participatiewet", w.bron)
    if kostendelersnorm and u.ctx.beleid.waarde("kostendelersnorm.minimumleeftijd") is not None:
        minimum = u.waarde("kostendelersnorm.minimumleeftijd")
        if h.aantal_kostendelers(minimum) > (2 if h.soort == "gehuwden" else 1):
            if h.soort == "gehuwden" and len(jong) == 1:
                raise OntbrekendeWaarde(
                    "kostendelersnorm.jongeren", peil,
                    "Er wonen kostendelers in de woning en één partner is 21 jaar of ouder: de kostendelersnorm naast "
                    "de jongerennorm (art. 20 en art. 22a Participatiewet) bepaalt de toolkit niet. De aanvraag wordt "
                    "handmatig beoordeeld.")
            if u.motiveer:
                u.stap("Er wonen kostendelers in de woning, maar de kostendelersnorm geldt alleen voor wie 21 jaar of "
                       "ouder is; de jongerennorm blijft van toepassing.", "art. 22a lid 1 Participatiewet", "kern")
    return _verhoging_jongeren(u, jong, norm, norm21_naam)


GRONDEN_TEKST = {
    "middelen_ouders_ontoereikend": "de middelen van de ouders zijn ontoereikend",
    "onderhoud_niet_afdwingbaar": "de jongere kan zijn recht op onderhoud jegens de ouders redelijkerwijs niet te gelde maken",
}


def _verhoging_jongeren(u, jong: list, norm: Decimal, norm21_naam: str) -> Decimal:
    """Art. 20 lid 3 en 4 Pw: de verhoging per jongere die geen beroep op zijn ouders kan doen,
    begrensd op de norm van een 21-jarige in dezelfde situatie."""
    casus = u.ctx.casus
    peil = u.ctx.peildatum
    zonder_ouders = [(wie, p) for wie, p, _ in jong if p.geen_beroep_op_ouders]
    if not zonder_ouders:
        return norm
    gronden = "; ".join(f"{wie}: {GRONDEN_TEKST[p.geen_beroep_op_ouders]}" for wie, p in zonder_ouders)
    if oud_art12_van_toepassing(peil, casus.datum_aanvraag):
        if u.motiveer:
            if peil < PIB_FASE_1:
                u.stap(f"De jongere kan geen beroep doen op de ouders ({gronden}). Een verhoging van de jongerennorm kent "
                       f"de wet op {datum_nl(peil)} niet; aanvullende bijstand voor levensonderhoud beoordeelt de consulent.",
                       "art. 12 Participatiewet", "kern")
            else:
                u.stap(f"De jongere kan geen beroep doen op de ouders ({gronden}). De aanvraag is gedaan op "
                       f"{datum_nl(casus.datum_aanvraag)}, vóór {datum_nl(PIB_FASE_1)}: daarop blijft het recht van vóór die "
                       "datum van toepassing, zonder verhoging van de jongerennorm; aanvullende bijstand voor "
                       "levensonderhoud beoordeelt de consulent.", GRONDSLAG_OVERGANG_ART12, "kern")
        return norm
    wv = u.waarde_record("bijstandsnorm.jongeren.verhoging")
    verhoogd = norm + wv.waarde * len(zonder_ouders)
    if u.motiveer:
        keer = f"{len(zonder_ouders)} x " if len(zonder_ouders) > 1 else ""
        u.stap(f"Geen beroep op de ouders mogelijk ({gronden}). De norm wordt verhoogd met {keer}"
               f"{euro_nl(wv.waarde)} tot {euro_nl(verhoogd)} per maand.", "art. 20 lid 3 Participatiewet", wv.bron)
    w21 = u.waarde_record(norm21_naam)
    if verhoogd > w21.waarde:
        if u.motiveer:
            u.stap(f"De verhoogde norm is niet hoger dan de norm van {euro_nl(w21.waarde)} voor een 21-jarige in dezelfde "
                   f"situatie ({w21.grondslag}); de norm is {euro_nl(w21.waarde)} per maand.",
                   "art. 20 lid 4 Participatiewet", w21.bron)
        return w21.waarde
    return verhoogd


def _stap_norm(u, h: Huishouden, w: Waarde, aow: bool) -> None:
    # de tekst volgt uit de waarde (norm, grondslag, bron), de huishoudsoort, AOW en de peildatum
    peil = u.ctx.peildatum
    sleutel = (id(w), h.soort, aow, peil)
    m = _NORMSTAPPEN.zoek(sleutel)
    if m is None:
        leeftijdsdeel = "die de AOW-leeftijd heeft bereikt" if aow else "van 21 jaar tot de AOW-leeftijd"
        if h.soort == "gehuwden":
            leeftijdsdeel = ("van wie één of beiden de AOW-leeftijd hebben bereikt" if aow
                             else "van 21 jaar tot de AOW-leeftijd")
        m = _NORMSTAPPEN.maak(sleutel, w, None,
                              f"De bijstandsnorm voor {h.soort_tekst} {leeftijdsdeel} is op {datum_nl(peil)} "
                              f"{euro_nl(w.waarde)} per maand.", w.grondslag, w.bron)
    u.vaste_stap(m)


_NORMSTAPPEN = VasteStappen()


def _noteer_aow(u, h: Huishouden) -> None:
    """Neem de AOW-datum op in de gebruikte waarden als die ertoe doet (65 jaar of ouder)."""
    # de leeftijden op de peildatum staan al in het huishouden; eerst de aanvrager, dan de partner
    if h.leeftijd_aanvrager >= 65:
        w = _aow_waarde("aanvrager", h.casus.aanvrager.geboortedatum)
        if w is not None:
            u.gebruik(w)
    if h.leeftijd_partner is not None and h.leeftijd_partner >= 65:
        w = _aow_waarde("partner", h.casus.partner.geboortedatum)
        if w is not None:
            u.gebruik(w)


@lru_cache(maxsize=4096)
def _aow_waarde(wie: str, geboortedatum: date) -> Optional[Waarde]:
    """De AOW-datum als gebruikte waarde; per persoon en geboortedatum één (onveranderlijk) object,
    zodat ook de gebruikte waarde en zijn JSON maar één keer worden gemaakt."""
    r = aow_datum(geboortedatum)
    if r is None:
        return None
    d, bevestigd = r
    return Waarde(naam=f"aow_datum.{wie}", waarde=d.isoformat(), geldig_vanaf=date(d.year, 1, 1),
                  geldig_tot=date(d.year, 12, 31), bron="kern", grondslag=GRONDSLAG_AOW, bevestigd=bevestigd)
