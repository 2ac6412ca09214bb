"""Het kader: het opgeloste beleid van één gemeente op één peildatum, één keer omgezet in de
waarden die de regelingen gebruiken, en een beslissing zonder motivering daarop (de snelle baan
van ``sora batch``, issue 14).

Eén bron voor elke regel: het kader bevat geen eigen toetsen, berekeningen of volgorde. De
beslissing zelf (welke toets eerst, wanneer er gestopt wordt, welke uitkomst bij welke reden) staat
per regeling één keer, in ``individuele_inkomenstoeslag.beslis_iit`` en
``bijzondere_bijstand.beslis_bb``; de volledige regel (``beoordeel``) roept die functie aan met een
luie bron van waarden die ook de motivering schrijft, het kader met de vooraf berekende waarden van
het soort huishouden (``Gecompileerd`` in de regelmodule: grensbedragen en voet met
``toetsen.grensbedrag``, de norm via ``huishouden.basisnorm_naam``, het drempelbedrag zoals gekozen)
en zonder motivering. Bedragen blijven Decimal, afgerond met ``geld.cent``.

Gedekt:

* aanvragen voor de individuele inkomenstoeslag en (één) bijzondere bijstand;
* zonder aanvragen ("waar heb ik recht op?", zoals ``beslisser.beoordeel``: elke regeling van de
  catalogus behalve bijzondere bijstand en schuldhulpverlening): de individuele inkomenstoeslag,
  de studietoeslag (``individuele_studietoeslag.beslis_ist``, dezelfde beslissing als de regel) en de
  declaratieve regelingen (het basispakket met ``Open``-waarden en het pluspakket van de plugin),
  elk per beleid gecompileerd met ``declaratief.compileer`` en beslist met
  ``declaratief.beslis_vorm``, dezelfde beslissing als de regel (``declaratief.beslis``); kinderen
  en kindbanden, staffels (ook met AOW-schijf), maxima en voorliggende voorzieningen (per kind of
  voor het hele huishouden) horen daarbij.

Alles daarbuiten gaat naar de volledige beslisser, via een goedkope, expliciete wacht (``beslis``
geeft dan None): een aanvrager of partner jonger dan 21, kostendelers (medebewoners, oudere
inwonende kinderen), een AOW-leeftijd die de tabel niet kent (ook van een kind), andere
regelingen dan deze twee (of een regeling twee keer), een lokale kostensoort of een staffel bij
bijzondere bijstand, een Python-regel van een plugin, een ontbrekende waarde in het beleid voor
"waar heb ik recht op?" (een norm, een waarde in een doelgroep, de verhoging van de studietoeslag:
dan verwijst de volledige beslisser door), en alles wat de lezers ``invoer.feiten_tekst``/``feiten_snel`` niet als gewoon herkennen (eigen
woning, voorliggende voorziening bij een aanvraag, kostendatum, ambtshalve, ...).

Een ontbrekende waarde bij een aanvraag (op een peildatum na de laatste Normenbrief in de kern: de
normen, de vermogensgrenzen, het maximum van het drempelbedrag) beslist het kader wel: de waarde
die ervan afhangt, staat dan niet in het ``Gecompileerd`` (``_zonder_ontbrekende``), en vraagt
``beslis_iit``/``beslis_bb`` haar, dan gooit ze ``Ontbreekt`` op precies de plek waar de volledige
regel ``OntbrekendeWaarde`` gooit; de uitkomst is dan "doorverwezen", zoals in
``beslisser._beslis_regel``. Wat de beslissing eerder afwijst (AOW-leeftijd, geen kosten), vraagt de
waarde niet en blijft afgewezen. Zonder deze weg ging in januari, tot de nieuwe normen in de kern
staan, elke casus van ``sora batch`` langs de volledige lezer en beslisser (2,3 keer zo traag).
De eigenschapstests in ``tests/test_kader.py`` beslissen gegenereerde casussen langs beide wegen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

from ..bezwaar import bezwaarstap, is_besluit_bij
from ..geld import NUL, cent, leeftijd
from ..huishouden import (OnbekendeAOWLeeftijd, aow_bereikt, basisnorm_naam, huishoudsoort, is_gezin,
                          kostendelers, kostendelers_basis, minderjarig)
from . import bijzondere_bijstand as bb
from . import collectieve_zorgverzekering, kindregeling, meedoenregeling
from . import declaratief as dcl
from . import individuele_inkomenstoeslag as iit
from . import individuele_studietoeslag as ist
from .bijzondere_bijstand import PER as _BB_PER, beslis_bb
from .individuele_inkomenstoeslag import PER as _IIT_PER, VORM as _IIT_VORM, beslis_iit
from .kostensoorten import kostensoorten_op
from .toetsen import grensbedrag, vermogen_zonder_woning, vermogensgrens_naam

IIT = "individuele_inkomenstoeslag"
#: jonger dan dit (aanvrager of partner): de volledige beslisser
_MINIMUM = max(iit.MINIMUMLEEFTIJD, bb.VOLWASSEN)
BB = "bijzondere_bijstand"
SOORTEN = ("gehuwden", "alleenstaande_ouder", "alleenstaande")
#: niet in "waar heb ik recht op?" (zie ``beslisser.beoordeel``)
NIET_ZONDER_AANVRAAG = ("bijzondere_bijstand", "schuldhulpverlening")
#: de regelingen van het basispakket in de declaratieve vorm (met voorliggende voorzieningen)
_BASISVORMEN = {m.beoordeel: m.VORM for m in (collectieve_zorgverzekering, meedoenregeling, kindregeling)}


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


class Ontbreekt(Exception):
    """Het kader mist een waarde die ``beslis_iit``/``beslis_bb`` vraagt (zie ``_zonder_ontbrekende``):
    de volledige regel gooit op die plek ``uitleg.OntbrekendeWaarde`` en verwijst door."""


#: een waarde die op de peildatum ontbreekt, tot ``_zonder_ontbrekende`` haar uit het object haalt
ONTBREEKT = object()
#: klasse van ``Gecompileerd`` -> haar onderklasse die voor een weggehaalde waarde ``Ontbreekt`` gooit
_ONVOLLEDIG: dict = {}


def _ontbreekt(self, naam: str):
    raise Ontbreekt(naam)


def _zonder_ontbrekende(g):
    """``g`` (een ``Gecompileerd`` met ``__slots__``) zonder de waarden die ``ONTBREEKT`` zijn: een object van
    een onderklasse waarin die slots leeg blijven, zodat het lezen ervan (een ``AttributeError``, en
    dan ``__getattr__``) ``Ontbreekt`` gooit. Zonder ontbrekende waarde: ``g`` zelf."""
    klasse = type(g)
    namen = klasse.__slots__
    if not any(getattr(g, n) is ONTBREEKT for n in namen):
        return g
    onvolledig = _ONVOLLEDIG.get(klasse)
    if onvolledig is None:
        onvolledig = _ONVOLLEDIG[klasse] = type(klasse.__name__ + "Onvolledig", (klasse,),
                                                {"__slots__": (), "__getattr__": _ontbreekt})
    nieuw = object.__new__(onvolledig)
    for n in namen:
        w = getattr(g, n)
        if w is not ONTBREEKT:
            setattr(nieuw, n, w)
    return nieuw


class Kader:
    """De waarden van één opgelost beleid voor de twee regelingen; ``iit``/``bb`` is None als het
    kader die regeling niet dekt (dan beslist de volledige beslisser)."""

    __slots__ = ("beleid", "info", "vingerafdruk", "minimumleeftijd", "iit", "bb", "rondvraag", "vgrens")

    def __init__(self, beleid):
        self.beleid = beleid
        self.info = beleid.gemeente
        self.vingerafdruk = beleid.vingerafdruk
        w = beleid.waarde
        m = w("kostendelersnorm.minimumleeftijd")
        self.minimumleeftijd = None if m is None else m.waarde
        from ..beslisser import _catalogus

        cat = _catalogus(beleid)
        # een norm of vermogensgrens die op de peildatum ontbreekt: ONTBREEKT (bij een aanvraag verwijst
        # de beslissing dan door waar ze de waarde vraagt; "waar heb ik recht op?" gaat naar de volledige beslisser)
        norm = {}
        for soort in SOORTEN:
            for aow in (False, True):
                wn = w(basisnorm_naam(soort, aow))
                norm[(soort, aow)] = ONTBREEKT if wn is None else wn.waarde
        vgrens = {}
        for gezin in (False, True):
            wg = w(vermogensgrens_naam(gezin))
            vgrens[gezin] = ONTBREEKT if wg is None else wg.waarde
        gedekt = self.minimumleeftijd is not None
        volledig = gedekt and ONTBREEKT not in norm.values() and ONTBREEKT not in vgrens.values()
        self.vgrens = vgrens
        self.iit = _iit(w, cat.get(IIT), norm, vgrens) if gedekt else None
        self.bb = _bb(beleid, w, cat.get(BB), norm, vgrens) if gedekt else None
        self.rondvraag = _rondvraag(beleid, cat, self.iit, norm) if volledig else None


def _rondvraag(beleid, cat: dict, kader_iit, norm: dict) -> Optional[tuple]:
    """De regelingen van "waar heb ik recht op?" (zonder aanvragen; de volgorde van de catalogus),
    elk als (RegelingDef, soort, gecompileerde waarden, gedeelde ``Snel`` zonder bedrag); None als het kader er één niet dekt (een
    Python-regel van een plugin, een ontbrekende waarde in een doelgroep, ...)."""
    uit = []
    try:
        for r in cat.values():
            if r.sleutel in NIET_ZONDER_AANVRAAG:
                continue
            if r.beoordeel is iit.beoordeel and r.bron == "kern":
                if kader_iit is None:
                    return None
                uit.append((r, "iit", kader_iit))
            elif r.beoordeel is ist.beoordeel and r.bron == "kern":
                st = _ist(beleid)
                if st is None:
                    return None
                uit.append((r, "ist", st))
            elif r.beoordeel in _BASISVORMEN and r.bron == "kern":
                voorliggend = tuple(dcl.compileer(dcl.vorm_van(p), beleid, norm)
                                    for p in sorted(beleid.pluspakket, key=lambda p: p.sleutel)
                                    if dcl.is_voorliggend_voor(p, r.sleutel))
                uit.append((r, "vorm", dcl.compileer(_BASISVORMEN[r.beoordeel], beleid, norm, voorliggend)))
            elif r.beoordeel is dcl.beoordeel_declaratief and r.pakket == "plus":
                uit.append((r, "vorm", dcl.compileer(dcl.vorm_van(r), beleid, norm)))
            else:
                return None  # een Python-regel (plugin) of een onbekende regel: de volledige beslisser
    except dcl.NietGedekt:
        return None
    return tuple((r, soort, data, {}) for r, soort, data in uit)


def _ist(beleid) -> Optional[Any]:
    """Studietoeslag: de waarden voor ``individuele_studietoeslag.beslis_ist`` (``Gecompileerd``);
    None als de verhoging ontbreekt (dan de volledige beslisser)."""
    if beleid.peildatum < ist.INGANG:
        return ist.Gecompileerd({}, None)  # beslis_ist verwijst door zonder een waarde te vragen
    w = beleid.waarde("individuele_studietoeslag.verhoging")
    if w is None:
        return None
    minima = {}
    for c in ist.CATEGORIEEN:
        wm = beleid.waarde("individuele_studietoeslag.minimumbedrag." + c)
        minima[c] = None if wm is None else wm.waarde
    return ist.Gecompileerd(minima, w.waarde)


class Huishoudfeiten:
    """De feiten van een huishouden zoals ``declaratief.beslis_vorm`` ze leest (de velden van
    ``Huishouden`` die de declaratieve vorm gebruikt); kinderen en personen als
    (geboortedatum, leeftijd, AOW-leeftijd bereikt)."""

    __slots__ = ("leeftijd_aanvrager", "soort", "aow_aanvrager", "aow", "netto", "vermogen", "vermogensgrens",
                 "kinderen", "personen", "_per_band")

    def kinderen_in_band(self, band) -> tuple:
        if not self.kinderen:
            return ()
        per = self._per_band
        gevonden = per.get(band)
        if gevonden is None:
            gevonden = per[band] = tuple(k for k in self.kinderen if dcl._in_band(k[1], band))
        return gevonden

    # personen als (geboortedatum, leeftijd, AOW-leeftijd bereikt); de volgorde telt alleen voor de
    # motivering, die het kader niet schrijft
    def op_volgorde(self, personen):
        return personen

    @staticmethod
    def leeftijd_van(p) -> int:
        return p[1]

    @staticmethod
    def aow_van(p) -> bool:
        return p[2]


def _waarden(w, *namen) -> Optional[list]:
    uit = []
    for n in namen:
        x = w(n)
        if x is None:
            return None
        uit.append(x.waarde)
    return uit


def _iit(w, r, norm: dict, vgrens: dict) -> Optional[tuple]:
    """(RegelingDef, {(huishoudsoort, AOW): de waarden voor ``individuele_inkomenstoeslag.beslis_iit``},
    {(uitkomst, bezwaartermijn): de gedeelde ``Snel`` zonder bedrag bij een aanvraag})."""
    if r is None or r.bron != "kern" or r.beoordeel is not iit.beoordeel:
        return None
    v = _waarden(w, "individuele_inkomenstoeslag.referteperiode", "individuele_inkomenstoeslag.inkomensgrens",
                 "individuele_inkomenstoeslag.kostendelersnorm_toepassen",
                 *(iit.bedrag_naam(s) for s in SOORTEN))
    if v is None:
        return None
    maanden, fractie = v[0], v[1]
    bedrag = {s: iit.toeslag_bedrag(b) for s, b in zip(SOORTEN, v[3:])}
    return r, {(s, aow): _zonder_ontbrekende(iit.Gecompileerd(
        maanden, ONTBREEKT if n is ONTBREEKT else grensbedrag(n, fractie), vgrens[is_gezin(s)], bedrag[s]))
               for (s, aow), n in norm.items()}, {}


def _bb(beleid, w, r, norm: dict, vgrens: dict) -> Optional[tuple]:
    """(RegelingDef, {kostensoort: {(huishoudsoort, AOW): (Kostensoort, de waarden voor
    ``bijzondere_bijstand.beslis_bb``)}}, {kostensoort: Kostensoort}, {(uitkomst, bezwaartermijn): de
    gedeelde ``Snel`` zonder bedrag}); alleen de kostensoorten van de kern, zonder staffel."""
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
    drempel_maximum = None
    if drempel > NUL:
        m = w(bb.N + "drempelbedrag_maximum")
        drempel_maximum = ONTBREEKT if m is None else m.waarde
    voet = {k: ONTBREEKT if n is ONTBREEKT else grensbedrag(n, vrije_voet) for k, n in norm.items()}
    waarden, soorten = {}, {}
    for sleutel, ks in kostensoorten_op(beleid).items():
        if ks.bron != "kern":
            continue  # een lokale kostensoort: de volledige beslisser
        keuzes = _waarden(w, ks.normnaam("vorm"), ks.normnaam("draagkracht_toepassen"))
        if keuzes is None:
            continue
        wm = w(ks.normnaam("maximum"))
        soorten[sleutel] = ks
        waarden[sleutel] = {(soort, aow): (ks, _zonder_ontbrekende(bb.Gecompileerd(
            None if wm is None else wm.waarde, keuzes[1], vt, percentage, periode, vgrens[is_gezin(soort)], fractie,
            drempel, drempel_maximum, keuzes[0]))) for (soort, aow), vt in voet.items()}
    return r, waarden, soorten, {}


_KADERS: dict[int, tuple[Any, Kader, tuple]] = {}


def kader_van(beleid) -> Kader:
    """Het kader van een opgelost beleid, één keer per beleid gemaakt (zoals ``beslisser.catalogus``)."""
    from . import catalogus as kern  # de volgorde van het basispakket (tests kunnen die inperken, zie _catalogus)

    gevonden = _KADERS.get(id(beleid))
    if gevonden is not None and gevonden[0] is beleid and gevonden[2] is kern.VOLGORDE:
        return gevonden[1]
    k = Kader(beleid)
    if len(_KADERS) >= 4096:
        _KADERS.clear()
    _KADERS[id(beleid)] = (beleid, k, kern.VOLGORDE)
    return k


def beslis(k: Kader, f: tuple) -> Optional[list]:
    """Beslis de aanvragen van een casus (de feiten van ``invoer.feiten_snel``) zonder motivering;
    None als het kader deze casus niet dekt (dan de volledige beslisser)."""
    (_, peil, geb_a, geb_p, kinderen, netto, laag_sinds, uitzicht, laatste, bezittingen, schulden, aanvragen,
     student, arbeidsvermogen, wajong) = f
    # --- wacht: wat het kader niet dekt, gaat naar de volledige beslisser
    if not aanvragen:
        if k.rondvraag is None:
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
            if k.bb is None or bedrag is None or kostensoort not in k.bb[2]:
                return None
        else:
            return None
    lft_a = leeftijd(geb_a, peil)
    met_partner = geb_p is not None
    if lft_a < _MINIMUM or (met_partner and leeftijd(geb_p, peil) < _MINIMUM):
        return None  # jongeren (leeftijdstoets van beide regelingen, jongerennorm): de volledige beslisser
    if kinderen:
        lft_k = [leeftijd(d, peil) for d in kinderen]
        soort = huishoudsoort(met_partner, minderjarig(lft_k))
        if kostendelers(met_partner, lft_k, k.minimumleeftijd) > kostendelers_basis(soort):
            return None
    else:  # zonder kinderen: geen kostendelers buiten aanvrager en partner (A = kostendelers_basis)
        lft_k = ()
        soort = huishoudsoort(met_partner, 0)
    try:
        aow_a = aow_bereikt(geb_a, peil)
        aow = aow_a or (met_partner and aow_bereikt(geb_p, peil))
    except OnbekendeAOWLeeftijd:
        return None
    ver = vermogen_zonder_woning(bezittingen, schulden)
    einde = bezwaarstap(peil)[1]  # geen besluitdatum in de gewone vorm: bekendmaking op de peildatum

    if not aanvragen:
        try:
            aow_p = met_partner and aow_bereikt(geb_p, peil)
            kind = tuple([(d, a, aow_bereikt(d, peil)) for d, a in zip(kinderen, lft_k)])
        except OnbekendeAOWLeeftijd:
            return None
        gezin = is_gezin(soort)
        h = Huishoudfeiten()
        h.leeftijd_aanvrager, h.soort, h.aow_aanvrager, h.aow = lft_a, soort, aow_a, aow
        h.netto, h.vermogen, h.vermogensgrens = netto, ver, k.vgrens[gezin]
        h.kinderen = kind
        h.personen = ((geb_a, lft_a, aow_a),) + (((geb_p, leeftijd(geb_p, peil), aow_p),) if met_partner else ()) + kind
        h._per_band = {}
        return _rondvraag_beslis(k, h, peil, lft_a, student, arbeidsvermogen, wajong, soort, aow, aow_a, gezin, netto,
                                 ver, laag_sinds, uitzicht, laatste, einde)

    uit = []
    huishouden = (soort, aow)
    for regeling, kostensoort, kosten in aanvragen:
        if regeling == IIT:
            r, per_soort, gedeeld = k.iit  # als _iit_snel, zonder de extra aanroep
            try:
                uitkomst, bedrag = beslis_iit(per_soort[huishouden], None, lft_a, aow_a, laag_sinds, peil, netto, ver,
                                              uitzicht, laatste)
            except Ontbreekt:  # zoals beslisser._beslis_regel bij OntbrekendeWaarde
                uitkomst, bedrag = "doorverwezen", None
            vorm, per = _IIT_VORM, _IIT_PER
        else:
            r, waarden, _, gedeeld = k.bb
            ks, wb = waarden[kostensoort][huishouden]
            try:
                uitkomst, bedrag, vorm = beslis_bb(wb, None, ks, kosten, True, lft_a, None, None, None, peil, None, NUL,
                                                   netto, ver, None)
            except Ontbreekt:  # zoals beslisser._beslis_regel bij OntbrekendeWaarde
                uitkomst, bedrag, vorm = "doorverwezen", None, None
            per = _BB_PER
        if bedrag is None:
            uit.append(_gedeeld(gedeeld, r, uitkomst, einde, True))
        else:
            uit.append(_snel(r, uitkomst, bedrag, vorm, per, einde, True))
    return uit


def _snel(r, uitkomst: str, bedrag, vorm, bedrag_per, einde, met_aanvragen: bool) -> Snel:
    """Een ``Snel`` met de bezwaartermijn alleen bij een besluit (``bezwaar.is_besluit``). Zonder
    bedrag hangt een ``Snel`` alleen af van (regeling, uitkomst, bezwaartermijn): die worden gedeeld
    (niemand verandert een ``Snel``)."""
    if bedrag is None:
        sleutel = (r.sleutel, r.naam, r.pakket, uitkomst, einde, met_aanvragen)  # precies wat de Snel draagt
        s = _ZONDER_BEDRAG.get(sleutel)
        if s is None:
            if len(_ZONDER_BEDRAG) >= 4096:
                _ZONDER_BEDRAG.clear()
            s = _ZONDER_BEDRAG[sleutel] = Snel(r, uitkomst, None, None, None,
                                               einde if is_besluit_bij(uitkomst, met_aanvragen) else None)
        return s
    return Snel(r, uitkomst, bedrag, vorm, bedrag_per, einde if is_besluit_bij(uitkomst, met_aanvragen) else None)


#: (sleutel, naam, pakket, uitkomst, bezwaartermijn, met aanvragen) -> de gedeelde ``Snel`` zonder bedrag
_ZONDER_BEDRAG: dict = {}


def _gedeeld(gedeeld: dict, r, uitkomst: str, einde, met_aanvragen: bool) -> Snel:
    """De gedeelde ``Snel`` zonder bedrag van één regeling (zie ``_snel``), per (uitkomst,
    bezwaartermijn) in de eigen tabel van die regeling: zonder de sleutel van zes delen."""
    s = gedeeld.get((uitkomst, einde))
    if s is None:
        s = gedeeld[(uitkomst, einde)] = _snel(r, uitkomst, None, None, None, einde, met_aanvragen)
    return s


def _iit_snel(kader_iit, peil, lft_a, soort, aow, aow_a, netto, ver, laag_sinds, uitzicht, laatste, einde,
              met_aanvragen: bool) -> Snel:
    """De individuele inkomenstoeslag: ``individuele_inkomenstoeslag.beslis_iit`` (dezelfde beslissing
    als ``beoordeel``, zonder ambtshalve) met de waarden van dit soort huishouden."""
    r, per_soort, _ = kader_iit
    uitkomst, bedrag = beslis_iit(per_soort[(soort, aow)], None, lft_a, aow_a, laag_sinds, peil, netto, ver, uitzicht,
                                  laatste)
    return _snel(r, uitkomst, bedrag, _IIT_VORM, _IIT_PER, einde, met_aanvragen)


def _ist_snel(r, st, peil, lft_a: int, student: bool, arbeidsvermogen: str, wajong: bool, einde) -> Snel:
    """De studietoeslag: ``individuele_studietoeslag.beslis_ist`` met de gecompileerde waarden, zonder aanvraag."""
    uitkomst, bedrag = ist.beslis_ist(st, None, peil, student, arbeidsvermogen, wajong, lft_a)
    if bedrag is None:
        return _snel(r, uitkomst, None, None, None, einde, False)
    return _snel(r, uitkomst, bedrag, "om_niet", "per_maand", einde, False)


def _rondvraag_beslis(k: Kader, h: Huishoudfeiten, peil, lft_a, student, arbeidsvermogen, wajong, soort, aow, aow_a,
                      gezin, netto, ver, laag_sinds, uitzicht, laatste, einde) -> list:
    """"Waar heb ik recht op?": elke regeling van de catalogus behalve bijzondere bijstand en
    schuldhulpverlening, in de volgorde van ``beslisser.beoordeel``."""
    uit = []
    for r, soort_regel, data, gedeeld in k.rondvraag:
        if soort_regel == "vorm":
            uitkomst, bedrag, per = dcl.beslis_vorm(data, h, None)
            if bedrag is None:
                uit.append(_gedeeld(gedeeld, r, uitkomst, einde, False))
            else:
                uit.append(_snel(r, uitkomst, bedrag, "om_niet", per, einde, False))
        elif soort_regel == "iit":
            uit.append(_iit_snel(data, peil, lft_a, soort, aow, aow_a, netto, ver, laag_sinds, uitzicht, laatste,
                                 einde, False))
        else:
            uit.append(_ist_snel(r, data, peil, lft_a, student, arbeidsvermogen, wajong, einde))
    return uit
