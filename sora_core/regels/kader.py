"""Het kader: het opgeloste beleid van één gemeente op één peildatum, één keer omgezet in de
waarden die de individuele inkomenstoeslag en de bijzondere bijstand gebruiken, en een beslissing
zonder motivering daarop (de snelle baan van ``sora batch``, issue 14).

Eén bron voor elke regel: het kader bevat geen eigen toetsen of berekeningen. De drempels worden
met dezelfde functies uit het beleid gehaald en uitgerekend als in de regels (``toetsen.grensbedrag``
voor inkomensgrens en draagkrachtvrije voet, ``huishouden.basisnorm_naam`` voor de norm,
``bijzondere_bijstand.geldende_drempel`` ...), en ``beslis`` roept voor elke voorwaarde en elk bedrag
de functies aan die ``individuele_inkomenstoeslag.beoordeel`` en ``bijzondere_bijstand.beoordeel``
ook aanroepen, in dezelfde volgorde. Bedragen blijven Decimal, afgerond met ``geld.cent``.

Het kader dekt alleen de gewone vorm; alles daarbuiten gaat naar de volledige beslisser, via een
goedkope, expliciete wacht (``beslis`` geeft dan None): een aanvrager of partner jonger dan 21,
kostendelers, een AOW-leeftijd die de tabel niet kent, andere regelingen dan deze twee (of een
regeling twee keer), een lokale kostensoort of een staffel, een ontbrekende waarde in het beleid
(dan verwijst de volledige beslisser door), en alles wat de lezer ``invoer.feiten_snel`` niet als
gewoon herkent (eigen woning, voorliggende voorziening, kostendatum, ambtshalve, ...).
De eigenschapstest ``tests/test_kader.py`` beslist gegenereerde casussen langs beide wegen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

from ..bezwaar import bezwaarstap
from ..geld import NUL, cent, leeftijd
from ..huishouden import (OnbekendeAOWLeeftijd, aow_bereikt, basisnorm_naam, huishoudsoort, is_gezin,
                          kostendelers, kostendelers_basis, minderjarig)
from . import bijzondere_bijstand as bb
from . import individuele_inkomenstoeslag as iit
from .bijzondere_bijstand import (bijstand_bedrag, boven_voet, draagkracht_per_maand, gedekt, geen_kosten,
                                  in_aanmerking, noodzaak_open, over_periode, totale_draagkracht, uitkomst_bb,
                                  vermogensdeel)
from .individuele_inkomenstoeslag import (redenen_iit, referteperiode_einde, referteperiode_vol, uitkomst_iit,
                                          weer_mogelijk_vanaf)
from .kostensoorten import kostensoorten_op
from .toetsen import binnen_grens, grensbedrag, vermogen_zonder_woning, vermogensgrens_naam

IIT = "individuele_inkomenstoeslag"
#: jonger dan dit (aanvrager of partner): de volledige beslisser
_MINIMUM = max(iit.MINIMUMLEEFTIJD, bb.VOLWASSEN)
BB = "bijzondere_bijstand"
SOORTEN = ("gehuwden", "alleenstaande_ouder", "alleenstaande")


class Snel:
    """Een beslissing van het kader: de velden van ``model.Beslissing`` die de batch telt en toont."""

    __slots__ = ("regeling", "naam", "pakket", "uitkomst", "bedrag", "vorm", "bedrag_per", "bezwaar_uiterlijk")

    def __init__(self, r, uitkomst: str, bedrag: Optional[Decimal], vorm: Optional[str], bedrag_per: Optional[str],
                 bezwaar_uiterlijk: Optional[date]):
        self.regeling = r.sleutel
        self.naam = r.naam
        self.pakket = r.pakket
        self.uitkomst = uitkomst
        self.bedrag = bedrag
        # zoals Uitleg.besluit: vorm en bedrag_per alleen bij een bedrag
        self.vorm = vorm if bedrag is not None else None
        self.bedrag_per = bedrag_per if bedrag is not None else None
        self.bezwaar_uiterlijk = bezwaar_uiterlijk


class Kader:
    """De waarden van één opgelost beleid voor de twee regelingen; ``iit``/``bb`` is None als het
    kader die regeling niet dekt (dan beslist de volledige beslisser)."""

    __slots__ = ("beleid", "info", "vingerafdruk", "minimumleeftijd", "iit", "bb", "norm_sleutels")

    def __init__(self, beleid):
        self.beleid = beleid
        self.info = beleid.gemeente
        self.vingerafdruk = beleid.vingerafdruk
        w = beleid.waarde
        m = w("kostendelersnorm.minimumleeftijd")
        self.minimumleeftijd = None if m is None else m.waarde
        from ..beslisser import _catalogus

        cat = _catalogus(beleid)
        norm = {}
        for soort in SOORTEN:
            for aow in (False, True):
                wn = w(basisnorm_naam(soort, aow))
                if wn is not None:
                    norm[(soort, aow)] = wn.waarde
        vgrens = {}
        for gezin in (False, True):
            wg = w(vermogensgrens_naam(gezin))
            if wg is not None:
                vgrens[gezin] = wg.waarde
        volledig = len(norm) == 2 * len(SOORTEN) and len(vgrens) == 2 and self.minimumleeftijd is not None
        self.iit = _iit(w, cat.get(IIT), norm, vgrens) if volledig else None
        self.bb = _bb(beleid, w, cat.get(BB), norm, vgrens) if volledig else None


def _waarden(w, *namen) -> Optional[list]:
    uit = []
    for n in namen:
        x = w(n)
        if x is None:
            return None
        uit.append(x.waarde)
    return uit


def _iit(w, r, norm: dict, vgrens: dict) -> Optional[tuple]:
    if r is None or r.bron != "kern" or r.beoordeel is not iit.beoordeel:
        return None
    v = _waarden(w, "individuele_inkomenstoeslag.referteperiode", "individuele_inkomenstoeslag.inkomensgrens",
                 "individuele_inkomenstoeslag.kostendelersnorm_toepassen",
                 *(iit.bedrag_naam(s) for s in SOORTEN))
    if v is None:
        return None
    maanden, fractie = v[0], v[1]
    grens = {k: grensbedrag(n, fractie) for k, n in norm.items()}
    bedrag = {s: cent(b) for s, b in zip(SOORTEN, v[3:])}
    return r, maanden, grens, vgrens, bedrag


def _bb(beleid, w, r, norm: dict, vgrens: dict) -> Optional[tuple]:
    if r is None or r.bron != "kern" or r.beoordeel is not bb.beoordeel:
        return None
    if w(bb.N + "draagkracht.staffel") is not None:
        return None  # een staffel: de volledige beslisser
    v = _waarden(w, bb.N + "kostendelersnorm_toepassen", bb.N + "draagkracht.vrije_voet",
                 bb.N + "draagkracht.percentage", bb.N + "draagkracht.periode", bb.N + "draagkracht.vermogen_fractie",
                 bb.N + "drempelbedrag")
    if v is None:
        return None
    _, vrije_voet, percentage, periode, fractie, drempel = v
    if drempel > NUL:
        m = w(bb.N + "drempelbedrag_maximum")
        if m is None:
            return None
        drempel = bb.geldende_drempel(drempel, m.waarde)
    soorten = {}
    for sleutel, ks in kostensoorten_op(beleid).items():
        if ks.bron != "kern":
            continue  # een lokale kostensoort: de volledige beslisser
        keuzes = _waarden(w, ks.normnaam("vorm"), ks.normnaam("draagkracht_toepassen"))
        if keuzes is None:
            continue
        wm = w(ks.normnaam("maximum"))
        soorten[sleutel] = (ks, None if wm is None else wm.waarde, keuzes[1], keuzes[0])
    voet = {k: grensbedrag(n, vrije_voet) for k, n in norm.items()}
    return r, soorten, voet, percentage, periode, fractie, drempel, vgrens


_KADERS: dict[int, tuple[Any, Kader]] = {}


def kader_van(beleid) -> Kader:
    """Het kader van een opgelost beleid, één keer per beleid gemaakt (zoals ``beslisser.catalogus``)."""
    gevonden = _KADERS.get(id(beleid))
    if gevonden is not None and gevonden[0] is beleid:
        return gevonden[1]
    k = Kader(beleid)
    if len(_KADERS) >= 4096:
        _KADERS.clear()
    _KADERS[id(beleid)] = (beleid, k)
    return k


def beslis(k: Kader, f: tuple) -> Optional[list]:
    """Beslis de aanvragen van een casus (de feiten van ``invoer.feiten_snel``) zonder motivering;
    None als het kader deze casus niet dekt (dan de volledige beslisser)."""
    (_, peil, geb_a, geb_p, kinderen, netto, laag_sinds, uitzicht, laatste, bezittingen, schulden, aanvragen) = f
    # --- wacht: wat het kader niet dekt, gaat naar de volledige beslisser
    if not aanvragen:
        return None
    gezien = set()
    for regeling, kostensoort, bedrag in aanvragen:
        if regeling in gezien:
            return None  # een regeling twee keer (of meer aanvragen bijzondere bijstand)
        gezien.add(regeling)
        if regeling == IIT:
            if k.iit is None or kostensoort is not None or bedrag is not None:
                return None
        elif regeling == BB:
            if k.bb is None or bedrag is None or kostensoort not in k.bb[1]:
                return None
        else:
            return None
    lft_a = leeftijd(geb_a, peil)
    met_partner = geb_p is not None
    if lft_a < _MINIMUM or (met_partner and leeftijd(geb_p, peil) < _MINIMUM):
        return None  # jongeren (leeftijdstoets van beide regelingen, jongerennorm): de volledige beslisser
    lft_k = [leeftijd(d, peil) for d in kinderen]
    soort = huishoudsoort(met_partner, minderjarig(lft_k))
    if kostendelers(met_partner, lft_k, k.minimumleeftijd) > kostendelers_basis(soort):
        return None
    try:
        aow_a = aow_bereikt(geb_a, peil)
        aow = aow_a or (met_partner and aow_bereikt(geb_p, peil))
    except OnbekendeAOWLeeftijd:
        return None
    gezin = is_gezin(soort)
    ver = vermogen_zonder_woning(bezittingen, schulden)
    einde = bezwaarstap(peil)[1]  # geen besluitdatum in de gewone vorm: bekendmaking op de peildatum

    uit = []
    for regeling, kostensoort, bedrag in aanvragen:
        if regeling == IIT:
            r, maanden, grens, vgrens, bedragen = k.iit
            if aow_a:
                uit.append(Snel(r, "afgewezen", None, None, None, einde))
                continue
            onbekend = laag_sinds is None
            redenen = redenen_iit(
                not onbekend and not referteperiode_vol(referteperiode_einde(laag_sinds, maanden), peil),
                binnen_grens(netto, grens[(soort, aow)]), binnen_grens(ver, vgrens[gezin]), uitzicht,
                weer_mogelijk_vanaf(laatste, peil) is not None)
            uitkomst = uitkomst_iit(redenen, onbekend)
            if uitkomst == "toegekend":
                uit.append(Snel(r, uitkomst, bedragen[soort], "om_niet", "per_jaar", einde))
            else:
                uit.append(Snel(r, uitkomst, None, None, None, einde if uitkomst != "doorverwezen" else None))
            continue
        r, soorten, voet, percentage, periode, fractie, drempel, vgrens = k.bb
        ks, maximum, dk_inkomen, vorm = soorten[kostensoort]
        if noodzaak_open(None, ks):
            uit.append(Snel(r, "doorverwezen", None, None, None, None))
            continue
        if geen_kosten(bedrag):
            uit.append(Snel(r, "afgewezen", None, None, None, einde))
            continue
        kosten = in_aanmerking(bedrag, maximum)
        if gedekt(NUL, kosten):
            uit.append(Snel(r, "afgewezen", None, None, None, einde))
            continue
        per_periode = NUL
        if dk_inkomen:
            per_maand = draagkracht_per_maand(percentage, boven_voet(netto, voet[(soort, aow)]))
            per_periode = over_periode(per_maand, periode)
        _, uit_vermogen = vermogensdeel(ver, vgrens[gezin], fractie)
        draagkracht = totale_draagkracht(per_periode, uit_vermogen)
        bijstand, _ = bijstand_bedrag(kosten, NUL, draagkracht, drempel)
        if uitkomst_bb(bijstand) == "afgewezen":
            uit.append(Snel(r, "afgewezen", None, None, None, einde))
        else:
            uit.append(Snel(r, "toegekend", bijstand, vorm, "eenmalig", einde))
    return uit
