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
from .uitleg import OntbrekendeWaarde

GRONDSLAG_AOW = "art. 7a Algemene Ouderdomswet"


@lru_cache(maxsize=1)
def _aow_tabel() -> dict[int, tuple[int, int, bool]]:
    doc = kern_document("aow.toml")
    return {r["jaar"]: (r["jaren"], r["maanden"], r.get("bevestigd", True)) for r in doc["jaar"]}


@lru_cache(maxsize=4096)
def aow_datum(geboortedatum: date) -> Optional[tuple[date, bool]]:
    """De dag waarop iemand de AOW-leeftijd bereikt, en of die leeftijd bevestigd is.

    Voor elk kalenderjaar J met AOW-leeftijd L(J): valt geboortedatum + L(J) in jaar J, dan is
    dat de AOW-datum. ``None`` als de tabel het jaar niet kent."""
    for jaar, (j, m, bevestigd) in sorted(_aow_tabel().items()):
        d = plus_jaren_maanden(geboortedatum, j, m)
        if d.year == jaar:
            return d, bevestigd
    return None


class OnbekendeAOWLeeftijd(Exception):
    pass


def _voor_de_tabel(geboortedatum: date, op: date) -> bool:
    """Bereikte deze persoon de AOW-leeftijd al vóór het eerste jaar van de tabel?

    De AOW-leeftijd is nooit verlaagd (65 jaar tot en met 2012, daarna stapsgewijs omhoog,
    art. 7a AOW). Wie met de leeftijd van het eerste tabeljaar al vóór dat jaar jarig was,
    bereikte de AOW-leeftijd dus vóór dat jaar; op een peildatum in of na het eerste tabeljaar
    heeft hij die leeftijd zeker. Zo krijgt een aanvrager van bijvoorbeeld 95 jaar een besluit
    in plaats van een fout, zonder een AOW-leeftijd van vóór de tabel te verzinnen."""
    tabel = _aow_tabel()
    eerste = min(tabel)
    j, m, _ = tabel[eerste]
    begin = date(eerste, 1, 1)
    return op >= begin and plus_jaren_maanden(geboortedatum, j, m) < begin


def heeft_aow_leeftijd(p: Persoon, op: date) -> bool:
    if leeftijd(p.geboortedatum, op) < 65:  # vóór 65 nooit: snel pad, geen tabel nodig
        return False
    r = aow_datum(p.geboortedatum)
    if r is None:
        if _voor_de_tabel(p.geboortedatum, op):
            return True
        raise OnbekendeAOWLeeftijd(
            f"De AOW-leeftijd voor iemand geboren op {p.geboortedatum.isoformat()} is nog niet vastgesteld "
            f"in de gegevens van de kern ({GRONDSLAG_AOW}).")
    return op >= r[0]


class Huishouden:
    def __init__(self, casus: Casus):
        self.casus = casus
        self.peildatum = casus.peildatum

    @lui
    def leeftijd_aanvrager(self) -> int:
        return leeftijd(self.casus.aanvrager.geboortedatum, self.peildatum)

    @lui
    def leeftijd_partner(self) -> Optional[int]:
        p = self.casus.partner
        return None if p is None else leeftijd(p.geboortedatum, self.peildatum)

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

    @lui
    def leeftijden_kinderen(self) -> tuple[int, ...]:
        return tuple(leeftijd(k.geboortedatum, self.peildatum) for k in self.casus.kinderen)

    @lui
    def minderjarige_kinderen(self) -> int:
        return sum(1 for a in self.leeftijden_kinderen if a < 18)

    @lui
    def soort(self) -> str:
        if self.casus.partner is not None:
            return "gehuwden"
        return "alleenstaande_ouder" if self.minderjarige_kinderen else "alleenstaande"

    @property
    def is_gezin(self) -> bool:
        """Gehuwden of alleenstaande ouder (voor de vermogensgrens van art. 34 lid 3 b/c)."""
        return self.soort != "alleenstaande"

    def aantal_kostendelers(self, minimumleeftijd: int) -> int:
        """A in art. 22a: de aanvrager, de partner, en medebewoners en inwonende kinderen van
        ``minimumleeftijd`` jaar of ouder."""
        a = 1 + (1 if self.casus.partner is not None else 0)
        for p in self.casus.kinderen + self.casus.medebewoners:
            if leeftijd(p.geboortedatum, self.peildatum) >= minimumleeftijd:
                a += 1
        return a

    @property
    def soort_tekst(self) -> str:
        return {"gehuwden": "gehuwden of samenwonenden", "alleenstaande_ouder": "alleenstaande ouder",
                "alleenstaande": "alleenstaande"}[self.soort]


def toepasselijke_norm(u, kostendelersnorm: bool) -> Decimal:
    """Bepaal de toepasselijke bijstandsnorm op de peildatum, met motiveringsstappen.

    ``u`` is een ``Uitleg``. ``kostendelersnorm`` zegt of de kostendelersnorm moet worden
    toegepast (dat is per regeling een open norm). Gooit ``OntbrekendeWaarde`` als de norm
    voor deze situatie niet in de gegevens staat (bijvoorbeeld jongerennormen)."""
    h: Huishouden = u.ctx.huishouden
    peil = u.ctx.peildatum
    if h.leeftijd_aanvrager < 21 or (h.leeftijd_partner is not None and h.leeftijd_partner < 21):
        raise OntbrekendeWaarde(
            "bijstandsnorm.jongeren", peil,
            "De jongerennormen (art. 20 Participatiewet, aanvrager of partner jonger dan 21) zijn nog niet in de kern "
            "opgenomen; deze aanvraag wordt handmatig beoordeeld.")
    try:
        aow = h.aow
    except OnbekendeAOWLeeftijd as e:
        raise OntbrekendeWaarde("aow_leeftijd", peil, str(e)) from None
    if u.motiveer:
        _noteer_aow(u, h)
    if h.soort == "gehuwden":
        naam = "bijstandsnorm.gehuwden_aow" if aow else "bijstandsnorm.gehuwden"
    else:
        naam = "bijstandsnorm.alleenstaande_aow" if aow else "bijstandsnorm.alleenstaande"
    w = u.waarde_record(naam)
    norm = w.waarde
    if u.motiveer:
        _stap_norm(u, h, w, aow)
    if not kostendelersnorm:
        return norm
    minimum = u.waarde("kostendelersnorm.minimumleeftijd")
    a = h.aantal_kostendelers(minimum)
    if a <= (2 if h.soort == "gehuwden" else 1):
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


def _stap_norm(u, h: Huishouden, w: Waarde, aow: bool) -> None:
    norm = w.waarde
    leeftijdsdeel = "die de AOW-leeftijd heeft bereikt" if aow else "van 21 jaar tot de AOW-leeftijd"
    if h.soort == "gehuwden":
        leeftijdsdeel = "van wie één of beiden de AOW-leeftijd hebben bereikt" if aow else "van 21 jaar tot de AOW-leeftijd"
    u.stap(f"De bijstandsnorm voor {h.soort_tekst} {leeftijdsdeel} is op {datum_nl(u.ctx.peildatum)} {euro_nl(norm)} "
           "per maand.", w.grondslag, w.bron)


def _noteer_aow(u, h: Huishouden) -> None:
    """Neem de AOW-datum op in de gebruikte waarden als die ertoe doet (65 jaar of ouder)."""
    for wie, p in (("aanvrager", u.ctx.casus.aanvrager), ("partner", u.ctx.casus.partner)):
        if p is None or leeftijd(p.geboortedatum, u.ctx.peildatum) < 65:
            continue
        r = aow_datum(p.geboortedatum)
        if r is None:
            continue
        d, bevestigd = r
        u.gebruik(Waarde(naam=f"aow_datum.{wie}", waarde=d.isoformat(), geldig_vanaf=date(d.year, 1, 1),
                         geldig_tot=date(d.year, 12, 31), bron="kern", grondslag=GRONDSLAG_AOW, bevestigd=bevestigd))
