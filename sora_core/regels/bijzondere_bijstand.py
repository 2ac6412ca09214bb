"""Bijzondere bijstand (art. 35 Participatiewet): het geharmoniseerde kader van de regio.

Elke gemeentelijke keuze is een open norm in ``sora_core/data/bijzondere_bijstand.toml``; de
kostensoorten staan in dezelfde file (zie ``regels/kostensoorten.py``). Ontwerp en bronnen:
``docs/bijzondere-bijstand.md``.

Volgorde van de beoordeling (de eerste reden om af te wijzen beslist):

1. invoer: kostensoort bekend en bedrag opgegeven (anders ``InvoerFout`` op
   ``aanvragen[i].kostensoort`` / ``aanvragen[i].bedrag``);
2. woonplaats: de aanvrager woont in de gemeente (art. 40 lid 1 Pw);
3. leeftijd: jonger dan 18 geen eigen recht (art. 13 lid 1 Pw; onderhoudsplicht ouders, art. 1:404 BW); 18 tot en
   met 20 jaar: kan de jongere geen beroep doen op zijn ouders (``aanvrager.geen_beroep_op_ouders``,
   de gronden van art. 20 lid 3 Pw), dan de gewone beoordeling met de jongerennorm; anders afgewezen
   wegens de onderhoudsplicht van de ouders (art. 35 lid 1 Pw met art. 1:395a BW), tenzij de open
   norm ``bijzondere_bijstand.jongeren_18_20_toestaan`` ja is. Art. 12 Pw (vervallen 1-1-2026) ging
   over aanvullende bijstand voor levensonderhoud en is hier nooit de grondslag geweest;
4. noodzaak: de consulent kan vaststellen dat de kosten niet noodzakelijk of niet bijzonder zijn
   (``aanvragen[i].noodzakelijk = false``); bij ``overig`` moet hij dat vaststellen;
5. tijdigheid: kosten van vóór de aanvraagdatum alleen binnen de achteraf-termijn van de
   kostensoort (art. 44 lid 1 Pw); sinds 1-1-2026 daarbuiten ook tot drie maanden vóór de aanvraag
   als de consulent vaststelt dat individuele omstandigheden dat vragen (art. 44 lid 5 Pw,
   ``aanvragen[i].terugwerkende_kracht``; niet vastgesteld: doorverwezen);
6. maximum van de kostensoort (als de gemeente er een koos); voorliggende voorziening (art. 15
   lid 1 Pw): dekt die de in aanmerking komende kosten helemaal, dan afgewezen;
7. draagkracht en toekenning (meer aanvragen in één casus: de draagkracht wordt maar één keer
   gebruikt; wat een eerdere aanvraag opmaakte, gaat af):
   voet = cent(norm x vrije voet); per maand = cent(percentage x max(0, inkomen - voet)) (of
   per schijf van de staffel); per periode = cent(per maand x periode); vermogensdeel =
   cent(fractie x max(0, vermogen - vermogensgrens)); bijstand = max(0, kosten - voorliggend -
   draagkracht - drempel). Is dat 0, dan afgewezen: de kosten kunnen worden voldaan uit de
   draagkracht (of vallen binnen het drempelbedrag).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from ..fouten import Fout, InvoerFout
from ..geld import NUL, cent, datum_nl, euro_nl, procent_nl, termijn_einde
from ..huishouden import GRONDEN_TEKST, toepasselijke_norm
from ..model import Aanvraag
from ..parameters import Waarde
from ..uitleg import OntbrekendeWaarde, VasteStappen
from .kostensoorten import Kostensoort, kostensoorten_op
from .registratie import basisregeling
from .toetsen import grensbedrag, vermogen_omschrijving, vermogen, vermogensgrens

ART35 = "art. 35 lid 1 Participatiewet"
ART15 = "art. 15 lid 1 Participatiewet"
ART40 = "art. 40 lid 1 Participatiewet"
ART44 = "art. 44 lid 1 Participatiewet"
ART44_5 = "art. 44 lid 5 Participatiewet"
GRONDSLAG_MINDERJARIG = "art. 13 lid 1 Participatiewet (jonger dan 18 jaar); art. 1:404 Burgerlijk Wetboek (onderhoudsplicht ouders)"
N = "bijzondere_bijstand."
#: vanaf deze leeftijd zonder de vragen over de ouders (art. 1:395a BW)
VOLWASSEN = 21


# --------------------------------------------------------------------------- de berekeningen zelf
# Eén plek voor elke voorwaarde, elke berekening en de volgorde: ``beslis_bb`` hieronder is de
# beslissing; ``beoordeel`` (met motivering) en het kader van de batch (regels/kader.py, zonder)
# roepen hem allebei aan, elk met zijn eigen bron van waarden. Bedragen zijn Decimal in euro's,
# afgerond op centen half naar boven (``geld.cent``).

def noodzaak_open(noodzakelijk: Optional[bool], ks: Kostensoort) -> bool:
    """De consulent moet de noodzaak nog vaststellen (kostensoort met ``noodzaak_beoordelen``)."""
    return noodzakelijk is None and ks.noodzaak_beoordelen


def geen_kosten(bedrag: Decimal) -> bool:
    return bedrag == NUL


def in_aanmerking(bedrag: Decimal, maximum: Optional[Decimal]) -> Decimal:
    """De kosten die in aanmerking komen: hoogstens het maximum van de kostensoort (als er een is)."""
    return maximum if maximum is not None and bedrag > maximum else bedrag


def gedekt(voorliggend: Decimal, kosten: Decimal) -> bool:
    """De voorliggende voorziening dekt de kosten helemaal (art. 15 lid 1 Pw)."""
    return voorliggend >= kosten


def boven_voet(inkomen: Decimal, voet: Decimal) -> Decimal:
    return max(NUL, inkomen - voet)


def draagkracht_per_maand(percentage: Decimal, boven: Decimal) -> Decimal:
    return cent(percentage * boven)


def over_periode(per_maand: Decimal, periode: int) -> Decimal:
    return cent(per_maand * periode)


def vermogensdeel(vermogen_: Decimal, grens: Decimal, fractie: Decimal) -> tuple[Decimal, Decimal]:
    """(vermogen boven de grens, het deel daarvan dat als draagkracht telt)."""
    boven = max(NUL, vermogen_ - grens)
    return boven, cent(boven * fractie)


def totale_draagkracht(uit_inkomen: Decimal, uit_vermogen: Decimal) -> Decimal:
    return uit_inkomen + uit_vermogen


def gebruikte_draagkracht(draagkracht: Decimal, kosten: Decimal, voorliggend: Decimal) -> Decimal:
    """Wat deze aanvraag van de draagkracht opmaakt (gaat af bij een volgende aanvraag in dezelfde casus)."""
    return min(draagkracht, max(NUL, kosten - voorliggend))


def geldende_drempel(drempel: Decimal, maximum: Decimal) -> Decimal:
    """Een drempelbedrag boven het wettelijke maximum: het maximum geldt."""
    return maximum if drempel > maximum else drempel


def bijstand_bedrag(kosten: Decimal, voorliggend: Decimal, draagkracht: Decimal,
                    drempel: Decimal) -> tuple[Decimal, Decimal]:
    """(bijzondere bijstand, wat er na voorliggende voorziening en draagkracht van de kosten over is)."""
    na_draagkracht = kosten - voorliggend - draagkracht
    return max(NUL, cent(na_draagkracht - drempel)), na_draagkracht


def uitkomst_bb(bijstand: Decimal) -> str:
    return "afgewezen" if bijstand == NUL else "toegekend"


#: de periode van een toegekende bijstand
PER = "eenmalig"
_AFGEWEZEN = ("afgewezen", None, None)
_DOORVERWEZEN = ("doorverwezen", None, None)


def beslis_bb(w, m, ks: Kostensoort, bedrag: Decimal, woonachtig: bool, leeftijd: int, geen_beroep_op_ouders,
              noodzakelijk: Optional[bool], kostendatum, aanvraagdatum, terugwerkende_kracht: Optional[bool],
              voorliggend: Decimal, netto: Decimal, ver: Optional[Decimal],
              verbruikt: Optional[list]) -> tuple[str, Optional[Decimal], Optional[str]]:
    """De beslissing over één aanvraag, zonder tekst: (uitkomst, bedrag of None, vorm of None). Dit
    is de enige plek van de volgorde van de beoordeling (stap 2 tot en met 7 van de moduletekst) en
    van wanneer er gestopt wordt.

    ``w`` geeft de waarden van het beleid op het moment dat de beslissing ze nodig heeft:
    ``jongeren_18_20_toestaan``, ``achteraf_termijn``, ``terugwerkende_kracht(kostendatum,
    aanvraagdatum)`` (art. 44 lid 5: (maanden, binnen) of None), ``maximum`` (of None),
    ``draagkracht_toepassen``, ``voet`` (de draagkrachtvrije voet van dit huishouden), daarna
    ``staffel`` (de schijven of None; met schijven ook ``norm``), ``percentage``, ``periode``, ``vermogen()`` (het
    vermogen dat meetelt; alleen als ``ver`` None is), ``vermogensgrens``, ``vermogen_fractie``, ``drempelbedrag``,
    ``drempelbedrag_maximum`` en ``vorm``. ``verbruikt`` is ``[de draagkracht die eerdere aanvragen
    in deze casus al opmaakten]``; de beslissing telt er deze aanvraag bij op, vóór het drempelbedrag
    (None: er is maar één aanvraag bijzondere bijstand, niets bij te houden; zo het kader). De volledige
    regel haalt ze lui op en noteert ze (``_Volledig``); het kader geeft vooraf berekende waarden
    (``Gecompileerd``; het kader stuurt jongeren, een kostendatum, een staffel en lokale
    kostensoorten naar de volledige beslisser, en vraagt die waarden dus nooit).

    ``m`` schrijft de motivering (``_Volledig``) of is None (zonder motivering, en in het kader)."""
    if m is not None:
        m.kosten_aangevraagd(bedrag)

    # 2. woonplaats
    if not woonachtig:
        if m is not None:
            m.niet_woonachtig()
        return _AFGEWEZEN

    # 3. leeftijd (vóór de norm: de jongerennormen staan niet in de kern)
    if leeftijd < 18:
        if m is not None:
            m.minderjarig(leeftijd)
        return _AFGEWEZEN
    if leeftijd < VOLWASSEN:
        if geen_beroep_op_ouders:
            if m is not None:
                m.jongere_zonder_ouders(leeftijd, geen_beroep_op_ouders)
        else:
            toestaan = w.jongeren_18_20_toestaan
            if m is not None:
                m.jongere(leeftijd, toestaan)
            if not toestaan:
                return _AFGEWEZEN

    # 4. noodzaak
    if noodzakelijk is False:
        if m is not None:
            m.niet_noodzakelijk()
        return _AFGEWEZEN
    if noodzaak_open(noodzakelijk, ks):
        if m is not None:
            m.noodzaak_open()
        return _DOORVERWEZEN
    if noodzakelijk and m is not None:
        m.noodzakelijk()

    # 5. tijdigheid
    if kostendatum is not None and kostendatum < aanvraagdatum:
        termijn = w.achteraf_termijn
        uiterlijk = termijn_einde(kostendatum, 0, termijn)
        if aanvraagdatum <= uiterlijk:
            if m is not None:
                m.op_tijd(kostendatum, aanvraagdatum, termijn)
        else:
            # art. 44 lid 5 (sinds 1-1-2026): tot drie maanden terug als individuele omstandigheden dat vragen
            tk = w.terugwerkende_kracht(kostendatum, aanvraagdatum)
            if tk is not None and tk[1] and terugwerkende_kracht:
                if m is not None:
                    m.terugwerkend(kostendatum, aanvraagdatum, tk[0])
            elif tk is not None and tk[1] and terugwerkende_kracht is None:
                if m is not None:
                    m.terugwerkend_open(kostendatum, aanvraagdatum, tk[0])
                return _DOORVERWEZEN
            else:
                if m is not None:
                    m.te_laat(kostendatum, aanvraagdatum, termijn, uiterlijk, tk)
                return _AFGEWEZEN

    # 6. voorliggende voorziening en kosten
    if geen_kosten(bedrag):
        if m is not None:
            m.geen_kosten()
        return _AFGEWEZEN
    maximum = w.maximum
    kosten = in_aanmerking(bedrag, maximum)
    if m is not None and kosten != bedrag:
        m.op_maximum(maximum)
    if gedekt(voorliggend, kosten):
        if m is not None:
            m.gedekt(voorliggend, kosten)
        return _AFGEWEZEN
    if m is not None and voorliggend > NUL:
        m.voorliggend(voorliggend)

    # 7. draagkracht
    per_periode = NUL
    dk_inkomen = w.draagkracht_toepassen
    if dk_inkomen:
        voet = w.voet
        boven = boven_voet(netto, voet)
        if m is not None:
            m.boven_voet(netto, boven)
        schijven = w.staffel  # na ``voet``
        if schijven is not None:
            per_maand, uitleg = _staffel(w.norm, voet, netto, schijven)
            if m is not None:
                m.per_maand_staffel(uitleg, per_maand)
        else:
            percentage = w.percentage
            per_maand = draagkracht_per_maand(percentage, boven)
            if m is not None:
                m.per_maand_percentage(percentage, boven, per_maand)
        periode = w.periode
        per_periode = over_periode(per_maand, periode)
        if m is not None:
            m.per_periode(periode, per_maand, per_periode)
    elif m is not None:
        m.zonder_draagkracht_inkomen()
    if ver is None:
        ver = w.vermogen()
    grens = w.vermogensgrens
    fractie = w.vermogen_fractie
    boven_grens, uit_vermogen = vermogensdeel(ver, grens, fractie)
    draagkracht = totale_draagkracht(per_periode, uit_vermogen)
    if m is not None:
        m.vermogensdeel(ver, grens, fractie, boven_grens, uit_vermogen, dk_inkomen, per_periode, draagkracht)
    if verbruikt is not None:
        # draagkracht die een eerdere aanvraag in dezelfde casus al heeft opgebruikt, telt niet opnieuw
        eerder = verbruikt[0]
        if eerder > NUL and draagkracht > NUL:
            rest = max(NUL, draagkracht - eerder)
            if m is not None:
                m.eerder_verbruikt(eerder, rest)
            draagkracht = rest
        verbruikt[0] = eerder + gebruikte_draagkracht(draagkracht, kosten, voorliggend)

    # drempel
    gekozen = drempel = w.drempelbedrag
    if drempel > NUL:
        drempel = geldende_drempel(drempel, w.drempelbedrag_maximum)

    # toekenning
    bijstand, na_draagkracht = bijstand_bedrag(kosten, voorliggend, draagkracht, drempel)
    afgewezen = uitkomst_bb(bijstand) == "afgewezen"
    if m is not None:
        m.drempel_en_berekening(gekozen, drempel, kosten, voorliggend, draagkracht, bijstand, na_draagkracht, afgewezen)
    if afgewezen:
        return _AFGEWEZEN
    vorm = w.vorm
    if m is not None:
        m.verleend(vorm)
    return "toegekend", bijstand, vorm


class Gecompileerd:
    """De waarden voor ``beslis_bb`` van één opgelost beleid, één kostensoort van de kern en één
    soort huishouden (huishoudsoort, AOW-leeftijd), vooraf opgehaald en berekend met dezelfde
    functies (het kader). Zonder de waarden die het kader nooit vraagt (zie ``beslis_bb``)."""

    __slots__ = ("maximum", "draagkracht_toepassen", "voet", "staffel", "percentage", "periode", "vermogensgrens",
                 "vermogen_fractie", "drempelbedrag", "drempelbedrag_maximum", "vorm")

    def __init__(self, maximum, draagkracht_toepassen, voet, percentage, periode, vermogensgrens_, vermogen_fractie,
                 drempelbedrag, drempelbedrag_maximum, vorm):
        self.maximum = maximum
        self.draagkracht_toepassen = draagkracht_toepassen
        self.voet = voet
        self.staffel = None
        self.percentage = percentage
        self.periode = periode
        self.vermogensgrens = vermogensgrens_
        self.vermogen_fractie = vermogen_fractie
        self.drempelbedrag = drempelbedrag
        self.drempelbedrag_maximum = drempelbedrag_maximum
        self.vorm = vorm


class _Volledig:
    """De bron van waarden en de motivering van ``beoordeel``: elke waarde lui via de uitleg
    (genoteerd als gebruikte waarde; een ontbrekende gooit ``OntbrekendeWaarde``), elke stap met
    dezelfde tekst als altijd. De records van de waarden worden bewaard voor de tekst."""

    __slots__ = ("u", "stap", "ks", "aanvraag", "norm", "staffel", "_wj", "_wt", "_wm", "_wdk", "_ws", "_wp", "_wper",
                 "_naam_vgrens", "_wf", "_wd", "_wmax", "_wv")

    def __init__(self, u, ks: Kostensoort, aanvraag: Aanvraag):
        self.u = u
        self.stap = u.stap
        self.ks = ks
        self.aanvraag = aanvraag

    # --- waarden (in de volgorde waarin ``beslis_bb`` ze vraagt)
    @property
    def jongeren_18_20_toestaan(self) -> bool:
        self._wj = self.u.waarde_record("bijzondere_bijstand.jongeren_18_20_toestaan")
        return self._wj.waarde

    @property
    def achteraf_termijn(self) -> int:
        termijn, self._wt = keuze(self.u, self.ks, "achteraf_termijn")
        return termijn

    def terugwerkende_kracht(self, kostendatum, aanvraagdatum) -> Optional[tuple[int, bool]]:
        return _terugwerkende_kracht(self.u, kostendatum, aanvraagdatum)

    @property
    def maximum(self) -> Optional[Decimal]:
        maximum, self._wm = keuze(self.u, self.ks, "maximum", verplicht=False)
        return maximum

    @property
    def draagkracht_toepassen(self) -> bool:
        dk, self._wdk = keuze(self.u, self.ks, "draagkracht_toepassen")
        return dk

    @property
    def voet(self) -> Decimal:
        """De draagkrachtvrije voet, met de stappen van de norm en van de voet; legt daarna ``staffel``
        vast (de schijven als de gemeente er een koos, genoteerd als gebruikte waarde; anders None)."""
        u = self.u
        ctx = u.ctx
        h = ctx.huishouden
        wk = u.waarde_record("bijzondere_bijstand.kostendelersnorm_toepassen")
        kdn = wk.waarde
        minimum = ctx.beleid.waarde("kostendelersnorm.minimumleeftijd")
        basis = 2 if h.soort == "gehuwden" else 1
        if u.motiveer and minimum is not None and h.aantal_kostendelers(minimum.waarde) > basis:
            if kdn:
                u.stap("Er wonen kostendelers in de woning; de draagkracht wordt berekend met de kostendelersnorm.",
                       wk.grondslag, wk.bron)
            else:
                u.stap("Er wonen kostendelers in de woning, maar de draagkracht wordt berekend met de norm zonder "
                       "kostendelersnorm.", wk.grondslag, wk.bron)
        norm = self.norm = toepasselijke_norm(u, kdn)
        wv = u.waarde_record("bijzondere_bijstand.draagkracht.vrije_voet")
        voet = grensbedrag(norm, wv.waarde)
        if u.motiveer:
            # de tekst volgt uit de waarde van de voet en de norm (de voet zelf volgt uit die twee)
            sleutel = ("voet", id(wv), id(norm))
            m = _STAPPEN.zoek(sleutel)
            if m is None:
                m = _STAPPEN.maak(sleutel, wv, norm, f"De draagkrachtvrije voet is {procent_nl(wv.waarde)} van "
                                  f"{euro_nl(norm)} = {euro_nl(voet)} per maand.", wv.grondslag, wv.bron)
            u.vaste_stap(m)
        ws = self._ws = ctx.beleid.waarde("bijzondere_bijstand.draagkracht.staffel")
        if ws is None:
            self.staffel = None
        else:
            u.gebruik(ws)
            self.staffel = ws.waarde
        return voet

    @property
    def percentage(self) -> Decimal:
        self._wp = self.u.waarde_record("bijzondere_bijstand.draagkracht.percentage")
        return self._wp.waarde

    @property
    def periode(self) -> int:
        self._wper = self.u.waarde_record("bijzondere_bijstand.draagkracht.periode")
        return self._wper.waarde

    def vermogen(self) -> Decimal:
        # met overwaarde van de eigen woning bepaalt de open norm ``draagkracht.woningvrijlating`` of de
        # vrijlating van art. 34 lid 2 onder d Pw geldt (art. 35 lid 1 Pw: art. 34 lid 2 is niet van toepassing)
        u = self.u
        wvr = None
        if u.ctx.casus.vermogen.eigen_woning_overwaarde > NUL:
            wvr = u.waarde_record("bijzondere_bijstand.draagkracht.woningvrijlating")
        return vermogen(u, wvr)

    @property
    def vermogensgrens(self) -> Decimal:
        grens, self._naam_vgrens = vermogensgrens(self.u)
        return grens

    @property
    def vermogen_fractie(self) -> Decimal:
        self._wf = self.u.waarde_record("bijzondere_bijstand.draagkracht.vermogen_fractie")
        return self._wf.waarde

    @property
    def drempelbedrag(self) -> Decimal:
        self._wd = self.u.waarde_record("bijzondere_bijstand.drempelbedrag")
        return self._wd.waarde

    @property
    def drempelbedrag_maximum(self) -> Decimal:
        self._wmax = self.u.waarde_record("bijzondere_bijstand.drempelbedrag_maximum")
        return self._wmax.waarde

    @property
    def vorm(self) -> str:
        vorm, self._wv = keuze(self.u, self.ks, "vorm")
        return vorm

    # --- motivering
    def kosten_aangevraagd(self, bedrag: Decimal) -> None:
        a, ks = self.aanvraag, self.ks
        oms = f" ({a.omschrijving})" if a.omschrijving else ""
        self.stap(f"Aanvraag om bijzondere bijstand voor de kostensoort '{ks.naam}'{oms}: de kosten zijn "
                  f"{euro_nl(bedrag)}.", ks.grondslag, ks.bron)

    def niet_woonachtig(self) -> None:
        gemeente = self.u.ctx.beleid.gemeente.naam
        self.stap(f"De aanvrager is niet woonachtig in de gemeente {gemeente}. Het recht op bijstand bestaat jegens het "
                  f"college van de gemeente waar de aanvrager woont; de aanvraag wordt afgewezen.", ART40)

    def minderjarig(self, leeftijd: int) -> None:
        self.stap(f"De aanvrager is {leeftijd} jaar. Een minderjarige heeft geen eigen recht op bijstand: de ouders "
                  "zijn onderhoudsplichtig en vragen bijstand aan voor hun gezin. De aanvraag wordt afgewezen.",
                  GRONDSLAG_MINDERJARIG)

    def jongere_zonder_ouders(self, leeftijd: int, grond: str) -> None:
        self.stap(f"De aanvrager is {leeftijd} jaar en kan geen beroep doen op zijn ouders "
                  f"({GRONDEN_TEKST[grond]}). De aanvraag wordt beoordeeld met de gewone draagkrachtberekening, met "
                  "de jongerennorm als toepasselijke norm.", "art. 35 lid 1 Participatiewet; art. 20 Participatiewet")

    def jongere(self, leeftijd: int, toestaan: bool) -> None:
        u, w = self.u, self._wj
        if not toestaan:
            u.stap(f"De aanvrager is {leeftijd} jaar. Tot 21 jaar zijn de ouders onderhoudsplichtig (art. 1:395a BW) en "
                   "niet is vastgesteld dat de aanvrager daarop geen beroep kan doen (hun middelen ontoereikend, of het "
                   "onderhoud redelijkerwijs niet te gelde te maken). De kosten kunnen daarom worden voldaan uit wat de "
                   "ouders verschuldigd zijn; de aanvraag wordt afgewezen.",
                   w.grondslag, w.bron)
        else:
            u.stap(f"De aanvrager is {leeftijd} jaar. De gemeente beoordeelt aanvragen van jongeren van 18 tot en met 20 "
                   "jaar inhoudelijk, met de jongerennorm als toepasselijke norm.", w.grondslag, w.bron)

    def niet_noodzakelijk(self) -> None:
        self.stap("De consulent heeft vastgesteld dat de kosten niet noodzakelijk zijn of niet voortvloeien uit "
                  "bijzondere omstandigheden. De aanvraag wordt afgewezen.", ART35)

    def noodzaak_open(self) -> None:
        ks = self.ks
        self.stap(f"Voor de kostensoort '{ks.naam}' moet de consulent vaststellen of de kosten noodzakelijk zijn en "
                  "voortvloeien uit bijzondere omstandigheden (aanvraagveld 'noodzakelijk'); dat is nog niet gebeurd. "
                  "De aanvraag gaat naar een consulent.", ART35, ks.bron)

    def noodzakelijk(self) -> None:
        self.stap("De consulent heeft vastgesteld dat de kosten noodzakelijk zijn en voortvloeien uit bijzondere "
                  "omstandigheden.", ART35)

    def op_tijd(self, kd, aanvraagdatum, termijn: int) -> None:
        wt = self._wt
        self.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}; de aanvraag op {datum_nl(aanvraagdatum)} valt binnen de "
                  f"termijn van {termijn} maanden na de kostendatum.", _gr(wt, ART44), wt.bron)

    def terugwerkend(self, kd, aanvraagdatum, maanden: int) -> None:
        self.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}, na de termijn van '{self.ks.naam}' maar binnen {maanden} "
                  f"maanden vóór de aanvraag op {datum_nl(aanvraagdatum)}. De consulent heeft vastgesteld dat "
                  "individuele omstandigheden bijstand met terugwerkende kracht vragen; de aanvraag is op tijd.",
                  ART44_5)

    def terugwerkend_open(self, kd, aanvraagdatum, maanden: int) -> None:
        self.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}, na de termijn van '{self.ks.naam}' maar binnen {maanden} "
                  f"maanden vóór de aanvraag op {datum_nl(aanvraagdatum)}. Of individuele omstandigheden bijstand "
                  "met terugwerkende kracht vragen, weegt de consulent (aanvraagveld 'terugwerkende_kracht'); de "
                  "aanvraag gaat naar een consulent.", ART44_5)

    def te_laat(self, kd, aanvraagdatum, termijn: int, uiterlijk, tk) -> None:
        wt = self._wt
        if termijn == 0:
            tekst = (f"De kosten zijn gemaakt op {datum_nl(kd)}, vóór de aanvraag op {datum_nl(aanvraagdatum)}. "
                     f"Bijzondere bijstand voor '{self.ks.naam}' moet worden aangevraagd voordat de kosten worden "
                     "gemaakt. ")
        else:
            tekst = (f"De kosten zijn gemaakt op {datum_nl(kd)}; een aanvraag moest uiterlijk {datum_nl(uiterlijk)} "
                     f"binnen zijn ({termijn} maanden na de kostendatum), maar is gedaan op "
                     f"{datum_nl(aanvraagdatum)}. ")
        if tk is not None and tk[1]:  # binnen de drie maanden, maar de consulent zag geen reden
            tekst += ("De consulent heeft vastgesteld dat geen individuele omstandigheden bijstand met "
                      "terugwerkende kracht vragen (art. 44 lid 5 Participatiewet). ")
        elif tk is not None:
            tekst += (f"Ook bijstand met terugwerkende kracht reikt niet zo ver: ten hoogste {tk[0]} maanden vóór "
                      "de aanvraag (art. 44 lid 5 Participatiewet). ")
        self.stap(tekst + "De aanvraag is te laat gedaan en wordt afgewezen.", _gr(wt, ART44), wt.bron)

    def geen_kosten(self) -> None:
        self.stap("Er zijn geen kosten opgegeven (bedrag € 0,00); er is niets om bijstand voor te verlenen.", ART35)

    def op_maximum(self, maximum: Decimal) -> None:
        wm = self._wm
        self.stap(f"Voor '{self.ks.naam}' komen kosten tot ten hoogste {euro_nl(maximum)} in aanmerking; de kosten "
                  f"worden daarop gesteld.", wm.grondslag, wm.bron)

    def gedekt(self, voorliggend: Decimal, kosten: Decimal) -> None:
        self.stap(f"Een voorliggende voorziening vergoedt {euro_nl(voorliggend)} en dekt daarmee de kosten van "
                  f"{euro_nl(kosten)} volledig. Bijzondere bijstand is niet nodig; de aanvraag wordt afgewezen.", ART15)

    def voorliggend(self, voorliggend: Decimal) -> None:
        self.stap(f"Een voorliggende voorziening vergoedt {euro_nl(voorliggend)} van de kosten; dat bedrag gaat af.",
                  ART15)

    def boven_voet(self, inkomen: Decimal, boven: Decimal) -> None:
        self.stap(f"Het netto inkomen is {euro_nl(inkomen)} per maand; het inkomen boven de draagkrachtvrije voet is "
                  f"{euro_nl(boven)} per maand.", ART35)

    def per_maand_staffel(self, uitleg: str, per_maand: Decimal) -> None:
        ws = self._ws
        self.stap(f"De draagkracht volgens de schijven is {uitleg} = {euro_nl(per_maand)} per maand.",
                  ws.grondslag, ws.bron)

    def per_maand_percentage(self, percentage: Decimal, boven: Decimal, per_maand: Decimal) -> None:
        wp = self._wp
        # geen inkomen boven de voet (boven_voet gaf NUL zelf): de tekst volgt uit de waarde alleen
        # (per_maand = draagkracht_per_maand(percentage, NUL)); anders noemt hij bedragen van de casus
        sleutel = ("nul per maand", id(wp)) if boven is NUL and percentage is wp.waarde else None
        m = _STAPPEN.zoek(sleutel)  # (None: nooit bewaard)
        if m is not None:
            self.u.vaste_stap(m)
            return
        _STAPPEN.voeg_toe(self.u, sleutel, wp, None, f"De draagkracht is {procent_nl(percentage)} van {euro_nl(boven)} "
                          f"= {euro_nl(per_maand)} per maand.", wp.grondslag, wp.bron)

    def per_periode(self, periode: int, per_maand: Decimal, per_periode: Decimal) -> None:
        wper = self._wper
        # geen draagkracht per maand (het gewone geval zonder inkomen boven de voet): de tekst volgt uit de
        # waarde en de tekstvorm van de twee nullen (die bepaalt hun notatie, geld.euro_nl)
        sleutel = (("nul per periode", id(wper), str(per_maand), str(per_periode))
                   if not per_maand and periode is wper.waarde and type(per_maand) is Decimal
                   and type(per_periode) is Decimal else None)
        m = _STAPPEN.zoek(sleutel)  # (None: nooit bewaard)
        if m is not None:
            self.u.vaste_stap(m)
            return
        _STAPPEN.voeg_toe(self.u, sleutel, wper, None, f"Over de draagkrachtperiode van {periode} maanden is de "
                          f"draagkracht {periode} x {euro_nl(per_maand)} = {euro_nl(per_periode)}.",
                          wper.grondslag, wper.bron)

    def zonder_draagkracht_inkomen(self) -> None:
        wdk = self._wdk
        self.stap(f"Voor '{self.ks.naam}' telt de draagkracht uit inkomen niet mee.", wdk.grondslag, wdk.bron)

    def vermogensdeel(self, ver: Decimal, grens: Decimal, fractie: Decimal, boven: Decimal, deel: Decimal,
                      dk_inkomen: bool, uit_inkomen: Decimal, draagkracht: Decimal) -> None:
        """De stap van het vermogen in de draagkracht en (als ook inkomen meetelt) de totale draagkracht."""
        u = self.u
        naam = self._naam_vgrens
        wie = "een gezin of alleenstaande ouder" if naam.endswith("gezin") else "een alleenstaande"
        if boven == NUL:
            u.stap(f"Het vermogen {vermogen_omschrijving(u)} is {euro_nl(ver)}; de vermogensgrens voor {wie} is "
                   f"{euro_nl(grens)}. Het vermogen ligt niet boven de grens en telt niet mee in de draagkracht.",
                   u.ctx.beleid.waarde(naam).grondslag, "kern")
        else:
            wf = self._wf
            u.stap(f"Het vermogen {vermogen_omschrijving(u)} is {euro_nl(ver)}; de vermogensgrens voor {wie} is "
                   f"{euro_nl(grens)}. Het vermogen boven de grens is {euro_nl(boven)}; daarvan telt "
                   f"{procent_nl(fractie)} = {euro_nl(deel)} mee in de draagkracht.",
                   wf.grondslag, wf.bron)
        if dk_inkomen and deel > NUL:
            self.stap(f"De totale draagkracht is {euro_nl(uit_inkomen)} + {euro_nl(deel)} = {euro_nl(draagkracht)}.",
                      ART35)

    def eerder_verbruikt(self, verbruikt: Decimal, rest: Decimal) -> None:
        self.stap(f"Een eerdere aanvraag in deze beoordeling gebruikte al {euro_nl(verbruikt)} van de draagkracht; "
                  f"voor deze aanvraag resteert {euro_nl(rest)}.", ART35)

    def drempel_en_berekening(self, gekozen: Decimal, drempel: Decimal, kosten, voorliggend, draagkracht, bijstand,
                              na_draagkracht, afgewezen: bool) -> None:
        """Het drempelbedrag, de berekening van de bijstand en, bij afwijzen, waarom."""
        if drempel != gekozen:
            wmax = self._wmax
            self.stap(f"Het gekozen drempelbedrag van {euro_nl(gekozen)} is hoger dan het wettelijke maximum van "
                      f"{euro_nl(wmax.waarde)}; het maximum geldt.", wmax.grondslag, "kern")
        wd = self._wd
        sleutel = ("drempel", id(wd), id(drempel))  # de tekst volgt uit de waarde en het drempelbedrag
        m = _STAPPEN.zoek(sleutel)
        if m is None:
            m = _STAPPEN.maak(sleutel, wd, drempel, f"Het drempelbedrag is {euro_nl(drempel)}.", wd.grondslag, wd.bron)
        self.u.vaste_stap(m)
        self.stap(f"Bijzondere bijstand = kosten {euro_nl(kosten)} - voorliggende voorziening {euro_nl(voorliggend)} - "
                  f"draagkracht {euro_nl(draagkracht)} - drempelbedrag {euro_nl(drempel)} = {euro_nl(bijstand)}"
                  + (" (niet minder dan nul)." if na_draagkracht - drempel < 0 else "."), ART35)
        if not afgewezen:
            return
        if na_draagkracht <= 0:
            self.stap(f"Wat van de kosten overblijft na de voorliggende voorziening ({euro_nl(kosten - voorliggend)}) "
                      f"kan worden voldaan uit de draagkracht ({euro_nl(draagkracht)}). De aanvraag wordt afgewezen.",
                      ART35)
        else:
            self.stap(f"De kosten die na aftrek van de draagkracht overblijven ({euro_nl(cent(na_draagkracht))}) "
                      f"vallen binnen het drempelbedrag van {euro_nl(drempel)}. De aanvraag wordt afgewezen.",
                      wd.grondslag, wd.bron)

    def verleend(self, vorm: str) -> None:
        wv, ks = self._wv, self.ks
        sleutel = ("verleend", id(wv), id(ks), vorm)  # de tekst volgt uit de vorm, de kostensoort en de waarde
        m = _STAPPEN.zoek(sleutel)
        if m is None:
            if vorm == "lening":
                tekst = f"De bijzondere bijstand voor '{ks.naam}' wordt verleend als geldlening."
            else:
                tekst = f"De bijzondere bijstand voor '{ks.naam}' wordt om niet verleend."
            m = _STAPPEN.maak(sleutel, wv, ks, tekst, wv.grondslag, wv.bron)
        self.u.vaste_stap(m)


#: de stappen van deze regeling die bij dezelfde waarden letterlijk gelijk zijn (uitleg.VasteStappen)
_STAPPEN = VasteStappen()


@basisregeling(
    "bijzondere_bijstand",
    naam="Bijzondere bijstand",
    grondslag=ART35,
    omschrijving="Bijstand voor noodzakelijke kosten uit bijzondere omstandigheden die niet uit inkomen, vermogen "
                 "of draagkracht kunnen worden betaald en niet door een voorliggende voorziening worden gedekt.",
)
def beoordeel(u, aanvraag: Optional[Aanvraag]):
    ctx = u.ctx
    casus = ctx.casus
    if aanvraag is None:  # de beslisser vraagt dit niet zonder aanvraag; voor de volledigheid
        u.stap("Bijzondere bijstand wordt alleen beoordeeld op een aanvraag voor concrete kosten.", ART35)
        return u.besluit("niet_van_toepassing")
    soorten = _kostensoorten(ctx.beleid)
    controleer_aanvragen(ctx, soorten)
    ks = soorten[aanvraag.kostensoort]
    w = _Volledig(u, ks, aanvraag)
    # [de draagkracht die eerdere aanvragen om bijzondere bijstand in deze casus al opmaakten]
    verbruikt = getattr(ctx, "_bb_draagkracht_verbruikt", None)
    if verbruikt is None:
        verbruikt = ctx._bb_draagkracht_verbruikt = [NUL]
    uitkomst, bedrag, vorm = beslis_bb(
        w, w if u.motiveer else None, ks, aanvraag.bedrag, casus.aanvrager.woonachtig_in_gemeente,
        ctx.huishouden.leeftijd_aanvrager, casus.aanvrager.geen_beroep_op_ouders, aanvraag.noodzakelijk,
        aanvraag.kostendatum, casus.datum_aanvraag, aanvraag.terugwerkende_kracht, aanvraag.voorliggend,
        casus.inkomen.netto_per_maand, None, verbruikt)
    if bedrag is None:
        return u.besluit(uitkomst)
    return u.besluit(uitkomst, bedrag=bedrag, vorm=vorm, bedrag_per=PER)


# --------------------------------------------------------------------------- invoer

def _kostensoorten(beleid) -> dict[str, Kostensoort]:
    """``kostensoorten_op(beleid)``, één keer per opgelost beleid (alleen gelezen, nooit veranderd)."""
    gevonden = _SOORTEN.get(id(beleid))
    if gevonden is not None and gevonden[0] is beleid:
        return gevonden[1]
    soorten = kostensoorten_op(beleid)
    if len(_SOORTEN) >= 4096:
        _SOORTEN.clear()
    _SOORTEN[id(beleid)] = (beleid, soorten)
    return soorten


#: id(beleid) -> (beleid, zijn kostensoorten); het beleid zelf erin, zodat een hergebruikt id() nooit een verkeerde ingang geeft
_SOORTEN: dict[int, tuple[Any, dict]] = {}


def controleer_aanvragen(ctx, soorten: dict[str, Kostensoort]) -> None:
    """Alle aanvragen om bijzondere bijstand in de casus: kostensoort bekend, bedrag opgegeven.
    Gooit één ``InvoerFout`` met alle problemen."""
    fouten: list[Fout] = []
    for i, a in enumerate(ctx.casus.aanvragen):
        if a.regeling != "bijzondere_bijstand":
            continue
        if not a.kostensoort:
            fouten.append(Fout(f"aanvragen[{i}].kostensoort",
                               f"Voor bijzondere bijstand is een kostensoort verplicht; kies uit: {', '.join(soorten)}."))
        elif a.kostensoort not in soorten:
            from ..invoer import als_sleutel  # privacyregel: vrije tekst (naam, BSN) niet herhalen

            getoond = f" '{als_sleutel(a.kostensoort)}'" if als_sleutel(a.kostensoort) else ""
            fouten.append(Fout(f"aanvragen[{i}].kostensoort",
                               f"Onbekende kostensoort{getoond} in {ctx.beleid.gemeente.naam} op "
                               f"{datum_nl(ctx.peildatum)}; kies uit: {', '.join(soorten)}."))
        if a.bedrag is None:
            fouten.append(Fout(f"aanvragen[{i}].bedrag",
                               "Voor bijzondere bijstand is het bedrag van de kosten verplicht."))
    if fouten:
        raise InvoerFout(fouten)


# --------------------------------------------------------------------------- keuzes per kostensoort

def keuze(u, ks: Kostensoort, naam: str, verplicht: bool = True) -> tuple[Any, Optional[Waarde]]:
    """De keuze ``naam`` (vorm, draagkracht_toepassen, achteraf_termijn, maximum) voor kostensoort
    ``ks``: voor de kern de open norm (standaard of gemeente), voor een lokale kostensoort de
    waarde uit het beleid van de gemeente. Wordt als gebruikte waarde genoteerd."""
    if ks.bron == "kern":
        normnaam = _NORMNAMEN.get((ks.sleutel, naam))
        if normnaam is None:
            normnaam = _NORMNAMEN[(ks.sleutel, naam)] = ks.normnaam(naam)
        if verplicht:
            w = u.waarde_record(normnaam)
        else:
            w = u.ctx.beleid.waarde(normnaam)
            if w is None:
                return None, None
            u.gebruik(w)
        return w.waarde, w
    w = ks.lokale_keuze(naam)
    if w is None:
        if verplicht:
            raise OntbrekendeWaarde(ks.normnaam(naam), u.ctx.peildatum)
        return None, None
    u.gebruik(w)
    return w.waarde, w


#: (kostensoort, keuze) -> de naam van de open norm (``Kostensoort.normnaam``), één keer gemaakt
_NORMNAMEN: dict[tuple[str, str], str] = {}


def _terugwerkende_kracht(u, kostendatum, aanvraagdatum) -> Optional[tuple[int, bool]]:
    """Art. 44 lid 5 Pw (sinds 1-1-2026): (maanden, ligt de kostendatum daarbinnen vóór de aanvraag).
    ``None`` als de wet op de aanvraagdatum geen terugwerkende kracht kent (vóór 2026)."""
    w = u.ctx.beleid.waarde("bijstand.terugwerkende_kracht_maanden")
    if w is None or aanvraagdatum < w.geldig_vanaf:
        return None
    u.gebruik(w)
    return w.waarde, aanvraagdatum <= termijn_einde(kostendatum, 0, w.waarde)


def _gr(w: Waarde, standaard: str) -> str:
    return w.grondslag or standaard


# --------------------------------------------------------------------------- draagkracht

def _staffel(norm: Decimal, voet: Decimal, inkomen: Decimal, schijven) -> tuple[Decimal, str]:
    """Per schijf: het inkomen tussen max(voet, vanaf x norm) en de volgende schijf telt voor het
    percentage van de schijf. De som wordt één keer op centen afgerond."""
    totaal = NUL
    delen = []
    for i, s in enumerate(schijven):
        onder = max(voet, cent(norm * s.vanaf))
        boven = cent(norm * schijven[i + 1].vanaf) if i + 1 < len(schijven) else None
        top = inkomen if boven is None else min(inkomen, boven)
        deel = max(NUL, top - onder)
        if deel > NUL:
            totaal += deel * s.percentage
            delen.append(f"{procent_nl(s.percentage)} van {euro_nl(deel)}")
    return cent(totaal), (" + ".join(delen) if delen else "nihil (geen inkomen in een schijf)")
