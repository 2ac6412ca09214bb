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
from ..uitleg import OntbrekendeWaarde
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
# Eén plek voor elke voorwaarde en berekening: ``beoordeel`` hieronder (met motivering) en het
# kader van de batch (regels/kader.py) gebruiken dezelfde functies. Bedragen zijn Decimal in
# euro's, afgerond op centen half naar boven (``geld.cent``).

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
    soorten = kostensoorten_op(ctx.beleid)
    controleer_aanvragen(ctx, soorten)
    ks = soorten[aanvraag.kostensoort]
    bedrag: Decimal = aanvraag.bedrag
    h = ctx.huishouden
    gemeente = ctx.beleid.gemeente.naam
    aanvraagdatum = casus.datum_aanvraag

    motiveer = u.motiveer  # zonder motivering: dezelfde stappen en keuzes, alleen geen tekst
    if motiveer:
        oms = f" ({aanvraag.omschrijving})" if aanvraag.omschrijving else ""
        u.stap(f"Aanvraag om bijzondere bijstand voor de kostensoort '{ks.naam}'{oms}: de kosten zijn {euro_nl(bedrag)}.",
               ks.grondslag, ks.bron)

    # 2. woonplaats ------------------------------------------------------------------------------
    if not casus.aanvrager.woonachtig_in_gemeente:
        u.stap(f"De aanvrager is niet woonachtig in de gemeente {gemeente}. Het recht op bijstand bestaat jegens het "
               f"college van de gemeente waar de aanvrager woont; de aanvraag wordt afgewezen.", ART40)
        return u.besluit("afgewezen")

    # 3. leeftijd (vóór de norm: de jongerennormen staan niet in de kern) ------------------------
    leeftijd = h.leeftijd_aanvrager
    if leeftijd < 18:
        u.stap(f"De aanvrager is {leeftijd} jaar. Een minderjarige heeft geen eigen recht op bijstand: de ouders zijn "
               "onderhoudsplichtig en vragen bijstand aan voor hun gezin. De aanvraag wordt afgewezen.",
               GRONDSLAG_MINDERJARIG)
        return u.besluit("afgewezen")
    if leeftijd < VOLWASSEN:
        grond = casus.aanvrager.geen_beroep_op_ouders
        if grond:
            u.stap(f"De aanvrager is {leeftijd} jaar en kan geen beroep doen op zijn ouders "
                   f"({GRONDEN_TEKST[grond]}). De aanvraag wordt beoordeeld met de gewone draagkrachtberekening, met de "
                   "jongerennorm als toepasselijke norm.", "art. 35 lid 1 Participatiewet; art. 20 Participatiewet")
        else:
            w = u.waarde_record(N + "jongeren_18_20_toestaan")
            if not w.waarde:
                u.stap(f"De aanvrager is {leeftijd} jaar. Tot 21 jaar zijn de ouders onderhoudsplichtig (art. 1:395a BW) en "
                       "niet is vastgesteld dat de aanvrager daarop geen beroep kan doen (hun middelen ontoereikend, of het "
                       "onderhoud redelijkerwijs niet te gelde te maken). De kosten kunnen daarom worden voldaan uit wat de "
                       "ouders verschuldigd zijn; de aanvraag wordt afgewezen.",
                       w.grondslag, u.bron_van(w.naam))
                return u.besluit("afgewezen")
            u.stap(f"De aanvrager is {leeftijd} jaar. De gemeente beoordeelt aanvragen van jongeren van 18 tot en met 20 "
                   "jaar inhoudelijk, met de jongerennorm als toepasselijke norm.", w.grondslag, u.bron_van(w.naam))

    # 4. noodzaak ---------------------------------------------------------------------------------
    if aanvraag.noodzakelijk is False:
        u.stap("De consulent heeft vastgesteld dat de kosten niet noodzakelijk zijn of niet voortvloeien uit bijzondere "
               "omstandigheden. De aanvraag wordt afgewezen.", ART35)
        return u.besluit("afgewezen")
    if noodzaak_open(aanvraag.noodzakelijk, ks):
        u.stap(f"Voor de kostensoort '{ks.naam}' moet de consulent vaststellen of de kosten noodzakelijk zijn en "
               "voortvloeien uit bijzondere omstandigheden (aanvraagveld 'noodzakelijk'); dat is nog niet gebeurd. "
               "De aanvraag gaat naar een consulent.", ART35, ks.bron)
        return u.besluit("doorverwezen")
    if aanvraag.noodzakelijk and motiveer:
        u.stap("De consulent heeft vastgesteld dat de kosten noodzakelijk zijn en voortvloeien uit bijzondere "
               "omstandigheden.", ART35)

    # 5. tijdigheid -------------------------------------------------------------------------------
    kd = aanvraag.kostendatum
    if kd is not None and kd < aanvraagdatum:
        termijn, wt = keuze(u, ks, "achteraf_termijn")
        uiterlijk = termijn_einde(kd, 0, termijn)
        if aanvraagdatum <= uiterlijk:
            u.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}; de aanvraag op {datum_nl(aanvraagdatum)} valt binnen de "
                   f"termijn van {termijn} maanden na de kostendatum.", _gr(wt, ART44), wt.bron)
        else:
            # art. 44 lid 5 (sinds 1-1-2026): tot drie maanden terug als individuele omstandigheden dat vragen
            tk = _terugwerkende_kracht(u, kd, aanvraagdatum)
            if tk is not None and tk[1] and aanvraag.terugwerkende_kracht:
                u.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}, na de termijn van '{ks.naam}' maar binnen {tk[0]} "
                       f"maanden vóór de aanvraag op {datum_nl(aanvraagdatum)}. De consulent heeft vastgesteld dat "
                       "individuele omstandigheden bijstand met terugwerkende kracht vragen; de aanvraag is op tijd.",
                       ART44_5)
            elif tk is not None and tk[1] and aanvraag.terugwerkende_kracht is None:
                u.stap(f"De kosten zijn gemaakt op {datum_nl(kd)}, na de termijn van '{ks.naam}' maar binnen {tk[0]} "
                       f"maanden vóór de aanvraag op {datum_nl(aanvraagdatum)}. Of individuele omstandigheden bijstand "
                       "met terugwerkende kracht vragen, weegt de consulent (aanvraagveld 'terugwerkende_kracht'); de "
                       "aanvraag gaat naar een consulent.", ART44_5)
                return u.besluit("doorverwezen")
            else:
                if termijn == 0:
                    tekst = (f"De kosten zijn gemaakt op {datum_nl(kd)}, vóór de aanvraag op {datum_nl(aanvraagdatum)}. "
                             f"Bijzondere bijstand voor '{ks.naam}' moet worden aangevraagd voordat de kosten worden "
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
                u.stap(tekst + "De aanvraag is te laat gedaan en wordt afgewezen.", _gr(wt, ART44), wt.bron)
                return u.besluit("afgewezen")

    # 6. voorliggende voorziening en kosten ------------------------------------------------------
    if geen_kosten(bedrag):
        u.stap("Er zijn geen kosten opgegeven (bedrag € 0,00); er is niets om bijstand voor te verlenen.", ART35)
        return u.besluit("afgewezen")
    voorliggend = aanvraag.voorliggend
    maximum, wm = keuze(u, ks, "maximum", verplicht=False)
    kosten = in_aanmerking(bedrag, maximum)
    if kosten != bedrag:
        if motiveer:
            u.stap(f"Voor '{ks.naam}' komen kosten tot ten hoogste {euro_nl(maximum)} in aanmerking; de kosten worden "
                   f"daarop gesteld.", wm.grondslag, wm.bron)
    if gedekt(voorliggend, kosten):
        u.stap(f"Een voorliggende voorziening vergoedt {euro_nl(voorliggend)} en dekt daarmee de kosten van "
               f"{euro_nl(kosten)} volledig. Bijzondere bijstand is niet nodig; de aanvraag wordt afgewezen.", ART15)
        return u.besluit("afgewezen")
    if voorliggend > NUL and motiveer:
        u.stap(f"Een voorliggende voorziening vergoedt {euro_nl(voorliggend)} van de kosten; dat bedrag gaat af.", ART15)

    # 7. draagkracht ------------------------------------------------------------------------------
    per_periode = NUL
    dk_inkomen, wdk = keuze(u, ks, "draagkracht_toepassen")
    if dk_inkomen:
        per_periode = draagkracht_inkomen(u)
    elif motiveer:
        u.stap(f"Voor '{ks.naam}' telt de draagkracht uit inkomen niet mee.", wdk.grondslag, wdk.bron)
    uit_vermogen = draagkracht_vermogen(u)
    draagkracht = totale_draagkracht(per_periode, uit_vermogen)
    if dk_inkomen and uit_vermogen > NUL and motiveer:
        u.stap(f"De totale draagkracht is {euro_nl(per_periode)} + {euro_nl(uit_vermogen)} = {euro_nl(draagkracht)}.",
               ART35)
    # draagkracht die een eerdere aanvraag in dezelfde casus al heeft opgebruikt, telt niet opnieuw
    verbruikt = getattr(ctx, "_bb_draagkracht_verbruikt", NUL)
    if verbruikt > NUL and draagkracht > NUL:
        rest = max(NUL, draagkracht - verbruikt)
        if motiveer:
            u.stap(f"Een eerdere aanvraag in deze beoordeling gebruikte al {euro_nl(verbruikt)} van de draagkracht; "
                   f"voor deze aanvraag resteert {euro_nl(rest)}.", ART35)
        draagkracht = rest
    ctx._bb_draagkracht_verbruikt = verbruikt + gebruikte_draagkracht(draagkracht, kosten, voorliggend)

    # drempel
    wd = u.waarde_record(N + "drempelbedrag")
    drempel = wd.waarde
    if drempel > NUL:
        wmax = u.waarde_record(N + "drempelbedrag_maximum")
        if geldende_drempel(drempel, wmax.waarde) != drempel:
            if motiveer:
                u.stap(f"Het gekozen drempelbedrag van {euro_nl(drempel)} is hoger dan het wettelijke maximum van "
                       f"{euro_nl(wmax.waarde)}; het maximum geldt.", wmax.grondslag, "kern")
            drempel = geldende_drempel(drempel, wmax.waarde)
    if motiveer:
        u.stap(f"Het drempelbedrag is {euro_nl(drempel)}.", wd.grondslag, u.bron_van(wd.naam))

    # toekenning ----------------------------------------------------------------------------------
    bijstand, na_draagkracht = bijstand_bedrag(kosten, voorliggend, draagkracht, drempel)
    if motiveer:
        u.stap(f"Bijzondere bijstand = kosten {euro_nl(kosten)} - voorliggende voorziening {euro_nl(voorliggend)} - "
               f"draagkracht {euro_nl(draagkracht)} - drempelbedrag {euro_nl(drempel)} = {euro_nl(bijstand)}"
               + (" (niet minder dan nul)." if na_draagkracht - drempel < 0 else "."), ART35)
    if uitkomst_bb(bijstand) == "afgewezen":
        if not motiveer:
            pass
        elif na_draagkracht <= 0:
            u.stap(f"Wat van de kosten overblijft na de voorliggende voorziening ({euro_nl(kosten - voorliggend)}) kan worden "
                   f"voldaan uit de draagkracht ({euro_nl(draagkracht)}). De aanvraag wordt afgewezen.", ART35)
        else:
            u.stap(f"De kosten die na aftrek van de draagkracht overblijven ({euro_nl(cent(na_draagkracht))}) vallen "
                   f"binnen het drempelbedrag van {euro_nl(drempel)}. De aanvraag wordt afgewezen.",
                   wd.grondslag, u.bron_van(wd.naam))
        return u.besluit("afgewezen")
    vorm, wv = keuze(u, ks, "vorm")
    if not motiveer:
        pass
    elif vorm == "lening":
        u.stap(f"De bijzondere bijstand voor '{ks.naam}' wordt verleend als geldlening.", wv.grondslag, wv.bron)
    else:
        u.stap(f"De bijzondere bijstand voor '{ks.naam}' wordt om niet verleend.", wv.grondslag, wv.bron)
    return u.besluit("toegekend", bedrag=bijstand, vorm=vorm, bedrag_per="eenmalig")


# --------------------------------------------------------------------------- invoer

def controleer_aanvragen(ctx, soorten: dict[str, Kostensoort]) -> None:
    """Alle aanvragen om bijzondere bijstand in de casus: kostensoort bekend, bedrag opgegeven.
    Gooit één ``InvoerFout`` met alle problemen."""
    fouten: list[Fout] = []
    bekend = ", ".join(soorten)
    for i, a in enumerate(ctx.casus.aanvragen):
        if a.regeling != "bijzondere_bijstand":
            continue
        if not a.kostensoort:
            fouten.append(Fout(f"aanvragen[{i}].kostensoort",
                               f"Voor bijzondere bijstand is een kostensoort verplicht; kies uit: {bekend}."))
        elif a.kostensoort not in soorten:
            from ..invoer import als_sleutel  # privacyregel: vrije tekst (naam, BSN) niet herhalen

            getoond = f" '{als_sleutel(a.kostensoort)}'" if als_sleutel(a.kostensoort) else ""
            fouten.append(Fout(f"aanvragen[{i}].kostensoort",
                               f"Onbekende kostensoort{getoond} in {ctx.beleid.gemeente.naam} op "
                               f"{datum_nl(ctx.peildatum)}; kies uit: {bekend}."))
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
        normnaam = ks.normnaam(naam)
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

def draagkracht_inkomen(u) -> Decimal:
    """Draagkracht uit inkomen over de draagkrachtperiode, met een stap per berekening."""
    ctx = u.ctx
    h = ctx.huishouden
    wk = u.waarde_record(N + "kostendelersnorm_toepassen")
    kdn = wk.waarde
    minimum = ctx.beleid.waarde("kostendelersnorm.minimumleeftijd")
    basis = 2 if h.soort == "gehuwden" else 1
    if u.motiveer and minimum is not None and h.aantal_kostendelers(minimum.waarde) > basis:
        if kdn:
            u.stap("Er wonen kostendelers in de woning; de draagkracht wordt berekend met de kostendelersnorm.",
                   wk.grondslag, u.bron_van(wk.naam))
        else:
            u.stap("Er wonen kostendelers in de woning, maar de draagkracht wordt berekend met de norm zonder "
                   "kostendelersnorm.", wk.grondslag, u.bron_van(wk.naam))
    norm = toepasselijke_norm(u, kdn)

    wv = u.waarde_record(N + "draagkracht.vrije_voet")
    voet = grensbedrag(norm, wv.waarde)
    motiveer = u.motiveer
    if motiveer:
        u.stap(f"De draagkrachtvrije voet is {procent_nl(wv.waarde)} van {euro_nl(norm)} = {euro_nl(voet)} per maand.",
               wv.grondslag, u.bron_van(wv.naam))

    inkomen = ctx.casus.inkomen.netto_per_maand
    boven = boven_voet(inkomen, voet)
    if motiveer:
        u.stap(f"Het netto inkomen is {euro_nl(inkomen)} per maand; het inkomen boven de draagkrachtvrije voet is "
               f"{euro_nl(boven)} per maand.", ART35)

    ws = ctx.beleid.waarde(N + "draagkracht.staffel")
    if ws is not None:
        u.gebruik(ws)
        per_maand, uitleg = _staffel(norm, voet, inkomen, ws.waarde)
        if motiveer:
            u.stap(f"De draagkracht volgens de schijven is {uitleg} = {euro_nl(per_maand)} per maand.",
                   ws.grondslag, u.bron_van(ws.naam))
    else:
        wp = u.waarde_record(N + "draagkracht.percentage")
        per_maand = draagkracht_per_maand(wp.waarde, boven)
        if motiveer:
            u.stap(f"De draagkracht is {procent_nl(wp.waarde)} van {euro_nl(boven)} = {euro_nl(per_maand)} per maand.",
                   wp.grondslag, u.bron_van(wp.naam))

    wper = u.waarde_record(N + "draagkracht.periode")
    per_periode = over_periode(per_maand, wper.waarde)
    if motiveer:
        u.stap(f"Over de draagkrachtperiode van {wper.waarde} maanden is de draagkracht {wper.waarde} x "
               f"{euro_nl(per_maand)} = {euro_nl(per_periode)}.", wper.grondslag, u.bron_van(wper.naam))
    return per_periode


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


def draagkracht_vermogen(u) -> Decimal:
    """Het deel van het vermogen boven de vermogensgrens dat als draagkracht telt. Met overwaarde van
    de eigen woning bepaalt de open norm ``draagkracht.woningvrijlating`` of de vrijlating van art. 34
    lid 2 onder d Pw geldt (art. 35 lid 1 Pw: art. 34 lid 2 is niet van toepassing)."""
    keuze = None
    if u.ctx.casus.vermogen.eigen_woning_overwaarde > NUL:
        keuze = u.waarde_record(N + "draagkracht.woningvrijlating")
    ver = vermogen(u, keuze)
    grens, naam = vermogensgrens(u)
    wg = u.ctx.beleid.waarde(naam)
    wf = u.waarde_record(N + "draagkracht.vermogen_fractie")
    boven, deel = vermogensdeel(ver, grens, wf.waarde)
    if not u.motiveer:
        return deel
    wie = "een gezin of alleenstaande ouder" if naam.endswith("gezin") else "een alleenstaande"
    if boven == NUL:
        u.stap(f"Het vermogen {vermogen_omschrijving(u)} is {euro_nl(ver)}; de vermogensgrens voor {wie} is "
               f"{euro_nl(grens)}. Het vermogen ligt niet boven de grens en telt niet mee in de draagkracht.",
               wg.grondslag, "kern")
    else:
        u.stap(f"Het vermogen {vermogen_omschrijving(u)} is {euro_nl(ver)}; de vermogensgrens voor {wie} is "
               f"{euro_nl(grens)}. Het vermogen boven de grens is {euro_nl(boven)}; daarvan telt "
               f"{procent_nl(wf.waarde)} = {euro_nl(deel)} mee in de draagkracht.",
               wf.grondslag, u.bron_van(wf.naam))
    return deel
