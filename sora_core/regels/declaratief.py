"""Regelingen in data: de vorm die beleidsmedewerkers zelf in TOML schrijven, en de ene
beslisfunctie die zowel het pluspakket (plugins) als de categoriale regelingen van het
basispakket (collectieve zorgverzekering, meedoenregeling, kindregeling) gebruikt.

Een regeling in ``beleid.toml`` van een plugin (zie ook ``docs/minimaregelingen.md``)::

    [[regeling]]
    sleutel = "alkmaar.alkmaarpas"          # altijd <plugin>.<naam>
    naam = "AlkmaarPas"
    omschrijving = "Pas met tegoed voor sport, cultuur en vrije tijd"
    grondslag = "Verordening AlkmaarPas voor minima (CVDR702632)"   # verplicht
    bron = "alkmaar.nl"                     # vindplaats van de bedragen
    geldig_vanaf = 2023-01-01               # verplicht
    geldig_tot = 2023-12-31                 # optioneel (tot en met): tijdelijke regelingen gaan vanzelf uit
    inkomensgrens = "1.50"                  # x de toepasselijke bijstandsnorm (0.5 tot 3)
    vermogenstoets = true                   # vermogen binnen art. 34 Pw (standaard true)
    bevestigd = true                        # false: nog te bevestigen door de gemeente
    toelichting = "..."                     # vrije tekst voor collega's (niet in de beslissing)
    voorliggend = false                     # true: voorliggende voorziening (art. 15 Pw) ...
    voorliggend_voor = ["kindregeling"]     # ... voor deze regeling(en) van het basispakket
    doorverwijzen_naar = "..."              # optioneel: de aanvraag loopt via een andere organisatie

    [regeling.doelgroep]                    # alles optioneel
    leeftijd = [18, 130]                    # leeftijd van de aanvrager, grenzen inclusief
    huishouden = ["alleenstaande", "alleenstaande_ouder", "gehuwden"]
    kinderen = true                         # alleen voor huishoudens met kinderen in kind_leeftijd
    kind_leeftijd = [4, 17]
    aow = false                             # alleen onder (false) of op (true) de AOW-leeftijd

    [regeling.bedrag]
    per = "persoon"                         # persoon | kind | huishouden
    per_jaar = "188.00"                     # of: per_maand = "..." of: eenmalig = "..."
    maximum = "600.00"                      # optioneel: maximum per huishouden (per periode)
    # of, per leeftijd verschillend (per persoon of per kind):
    # staffel = [{leeftijd = [18, 130], aow = false, bedrag = "188.00"}, {aow = true, bedrag = "302.00"}]
    # periode = "per_jaar"                  # bij een staffel: per_jaar (standaard), per_maand of eenmalig
    # of, zonder vast bedrag:
    # werkelijke_kosten = true              # de werkelijke kosten worden vergoed (met of zonder maximum)

Zonder ``[regeling.bedrag]`` wordt de regeling toegekend zonder bedrag (bijvoorbeeld een pas
waarvan het tegoed nog niet is bevestigd): de motivering zegt dat.

Het basispakket gebruikt dezelfde vorm (``Vorm``), maar met ``Open("naam")`` op de plekken
waar de regio of de gemeente kiest: die waarde wordt pas opgevraagd als de regel haar nodig
heeft, komt met herkomst in de gebruikte waarden, en ontbreekt ze, dan verwijst de regel door
met een opsomming van alles wat nog niet is vastgesteld.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

import attrs

from ..fouten import BeleidFout
from ..geld import NUL, cent, datum_nl, euro_nl, leeftijd, naar_decimal
from ..parameters import ZWEVEND_MELDING, GetalFout, lees_getal
from ..huishouden import OnbekendeAOWLeeftijd, heeft_aow_leeftijd
from ..model import PER_TEKST
from .registratie import RegelingDef
from ..uitleg import OntbrekendeWaarde
from .toetsen import binnen_grens, grensbedrag, inkomenstoets, vermogenstoets

HUISHOUDENS = ("alleenstaande", "alleenstaande_ouder", "gehuwden")
PER = ("persoon", "kind", "huishouden")
PERIODES = ("per_jaar", "per_maand", "eenmalig")
_VELDEN = {"sleutel", "naam", "omschrijving", "grondslag", "bron", "geldig_vanaf", "geldig_tot",
           "inkomensgrens", "vermogenstoets", "bevestigd", "voorliggend", "voorliggend_voor", "doelgroep",
           "bedrag", "toelichting", "doorverwijzen_naar"}
_DOELGROEP = {"leeftijd", "huishouden", "kinderen", "kind_leeftijd", "aow"}
_BEDRAG = {"per", "per_jaar", "per_maand", "eenmalig", "maximum", "staffel", "periode", "werkelijke_kosten"}
_SCHIJF = {"leeftijd", "aow", "bedrag"}
#: regelingen van het basispakket waarvoor een pluspakketregeling voorliggend kan zijn
VOORLIGGEND_VOOR = ("collectieve_zorgverzekering", "meedoenregeling", "kindregeling")


# =========================================================================== inlezen en valideren

def lees_regelingen(plugin: str, ruw: list[tuple[str, dict]], definities: Any = None) -> tuple[RegelingDef, ...]:
    """Valideer de ``[[regeling]]``-tabellen van een plugin; elke fout noemt bestand en regeling."""
    uit = []
    gezien: dict[str, list[tuple[date, Optional[date], str]]] = {}
    for plek, r in ruw:
        d = _valideer(plugin, plek, r)
        for vanaf, tot, andere in gezien.get(d.sleutel, []):
            if (d.geldig_tot is None or d.geldig_tot >= vanaf) and (tot is None or tot >= d.geldig_vanaf):
                raise BeleidFout(
                    f"{d.sleutel}: de periode vanaf {datum_nl(d.geldig_vanaf)} overlapt met een eerdere versie van deze "
                    f"regeling ({andere}); geef de eerdere versie een geldig_tot", plugin, plek)
        gezien.setdefault(d.sleutel, []).append((d.geldig_vanaf, d.geldig_tot, plek))
        uit.append(d)
    return tuple(sorted(uit, key=lambda d: (d.sleutel, d.geldig_vanaf)))


def _valideer(plugin: str, plek: str, r: Any) -> RegelingDef:
    if not isinstance(r, dict):
        raise BeleidFout("een [[regeling]] is een tabel", plugin, plek)
    label = r.get("sleutel") if isinstance(r.get("sleutel"), str) else None

    def fout(m: str) -> BeleidFout:
        return BeleidFout(f"{label}: {m}" if label else m, plugin, plek)

    vreemd = set(r) - _VELDEN
    if vreemd:
        raise fout(f"onbekende velden {sorted(vreemd)}; toegestaan: {sorted(_VELDEN)}")
    for v in ("sleutel", "naam", "grondslag", "geldig_vanaf"):
        if v not in r or r[v] in ("", None):
            raise fout(f"'{v}' ontbreekt" + (" (verordening, beleidsregel of CVDR-nummer)" if v == "grondslag" else ""))
    for v in ("sleutel", "naam", "grondslag", "omschrijving", "bron", "toelichting", "doorverwijzen_naar"):
        if v in r and (not isinstance(r[v], str) or not r[v].strip()):
            raise fout(f"'{v}' moet een niet-lege tekst zijn, kreeg {r[v]!r}")
    for v in ("vermogenstoets", "bevestigd", "voorliggend"):
        if v in r and not isinstance(r[v], bool):
            raise fout(f"'{v}' is true of false, kreeg {r[v]!r}")
    sleutel = r["sleutel"]
    naam_deel = sleutel[len(plugin) + 1:]
    if not sleutel.startswith(f"{plugin}.") or not naam_deel or not all(c.isalnum() or c == "_" for c in naam_deel):
        raise fout(f"sleutel {sleutel!r} moet de vorm '{plugin}.<naam>' hebben (naam: letters, cijfers en _)")
    from ..parameters import lees_datum

    vanaf = lees_datum(r["geldig_vanaf"], "geldig_vanaf", plek, plugin)
    tot = lees_datum(r["geldig_tot"], "geldig_tot", plek, plugin) if "geldig_tot" in r else None
    if tot is not None and tot < vanaf:
        raise fout(f"geldig_tot {tot} ligt voor geldig_vanaf {vanaf}")
    voor = r.get("voorliggend_voor")
    if r.get("voorliggend"):
        if not (isinstance(voor, list) and voor and all(v in VOORLIGGEND_VOOR for v in voor)):
            raise fout(f"voorliggend = true vraagt 'voorliggend_voor': een lijst met een of meer van {list(VOORLIGGEND_VOOR)}")
    elif voor is not None:
        raise fout("'voorliggend_voor' kan alleen met voorliggend = true")
    try:
        if "inkomensgrens" in r:
            if isinstance(r["inkomensgrens"], float):
                raise fout("inkomensgrens: " + ZWEVEND_MELDING.format(r["inkomensgrens"]))
            try:
                g = lees_getal(r["inkomensgrens"])
            except GetalFout as e:
                raise fout(f"inkomensgrens: {e}") from None
            if not (Decimal("0.5") <= g <= Decimal("3")):
                raise fout(f"inkomensgrens {g} ligt buiten 0.5 tot 3 (deel van de toepasselijke norm; 1.20 = 120%)")
        dg = r.get("doelgroep", {})
        if not isinstance(dg, dict):
            raise fout("[regeling.doelgroep] is een tabel")
        if set(dg) - _DOELGROEP:
            raise fout(f"doelgroep: onbekende velden {sorted(set(dg) - _DOELGROEP)}; toegestaan: {sorted(_DOELGROEP)}")
        for band in ("leeftijd", "kind_leeftijd"):
            if band in dg:
                _band(dg[band], fout, f"doelgroep.{band}")
        if "huishouden" in dg:
            hh = dg["huishouden"]
            if not isinstance(hh, list) or not hh:
                raise fout(f"doelgroep.huishouden is een niet-lege lijst uit {list(HUISHOUDENS)}")
            for h in hh:
                if h not in HUISHOUDENS:
                    raise fout(f"doelgroep.huishouden: {h!r} is geen van {list(HUISHOUDENS)}")
        for v in ("kinderen", "aow"):
            if v in dg and not isinstance(dg[v], bool):
                raise fout(f"doelgroep.{v} is true of false, kreeg {dg[v]!r}")
        if "kind_leeftijd" in dg and not dg.get("kinderen"):
            raise fout("doelgroep.kind_leeftijd vraagt ook kinderen = true")
        b = r.get("bedrag")
        if b is not None:
            _valideer_bedrag(b, fout)
    except ValueError as e:
        raise fout(f"geen geldig getal: {e}") from None
    definitie = _komma_naar_punt({k: r[k] for k in sorted(r)})
    return RegelingDef(
        sleutel=sleutel, naam=r["naam"], pakket="plus", bron=plugin, grondslag=r["grondslag"],
        omschrijving=r.get("omschrijving", ""), beoordeel=beoordeel_declaratief,
        geldig_vanaf=vanaf, geldig_tot=tot, definitie=definitie, plek=plek,
    )


def _komma_naar_punt(d: dict) -> dict:
    """Een decimale komma ("1,20", toegestaan zoals bij ``--zet``) wordt een punt in de definitie
    die de beslisfunctie leest. Alleen teksten met een komma veranderen."""
    def getal(x: Any) -> Any:
        return str(lees_getal(x)) if isinstance(x, str) and "," in x else x

    if "inkomensgrens" in d:
        d["inkomensgrens"] = getal(d["inkomensgrens"])
    b = d.get("bedrag")
    if isinstance(b, dict):
        b = d["bedrag"] = dict(b)
        for k in ("per_jaar", "per_maand", "eenmalig", "maximum"):
            if k in b:
                b[k] = getal(b[k])
        if isinstance(b.get("staffel"), list):
            b["staffel"] = [dict(s, bedrag=getal(s["bedrag"])) if isinstance(s, dict) and "bedrag" in s else s
                            for s in b["staffel"]]
    return d


def _valideer_bedrag(b: Any, fout) -> None:
    if not isinstance(b, dict):
        raise fout("[regeling.bedrag] is een tabel")
    if set(b) - _BEDRAG:
        raise fout(f"bedrag: onbekende velden {sorted(set(b) - _BEDRAG)}; toegestaan: {sorted(_BEDRAG)}")
    if b.get("per") not in PER:
        raise fout(f"bedrag.per moet een van {list(PER)} zijn, kreeg {b.get('per')!r}")
    soorten = [k for k in ("per_jaar", "per_maand", "eenmalig", "staffel", "werkelijke_kosten") if k in b]
    if len(soorten) != 1:
        raise fout("bedrag: geef precies één van per_jaar, per_maand, eenmalig, staffel of werkelijke_kosten"
                   + (f" (nu: {', '.join(soorten)})" if soorten else ""))
    if "periode" in b and "staffel" not in b:
        raise fout("bedrag.periode hoort alleen bij een staffel")
    if "periode" in b and b["periode"] not in PERIODES:
        raise fout(f"bedrag.periode moet een van {list(PERIODES)} zijn")
    if "werkelijke_kosten" in b and b["werkelijke_kosten"] is not True:
        raise fout("bedrag.werkelijke_kosten is true (of laat het weg)")
    if "staffel" in b:
        if b["per"] == "huishouden":
            raise fout("een staffel per leeftijd kan alleen per persoon of per kind")
        if not isinstance(b["staffel"], list) or not b["staffel"]:
            raise fout("bedrag.staffel is een niet-lege lijst van schijven")
        for i, s in enumerate(b["staffel"], 1):
            if not isinstance(s, dict) or set(s) - _SCHIJF or "bedrag" not in s or not ({"leeftijd", "aow"} & set(s)):
                raise fout(f"schijf {i} van de staffel: 'bedrag' met 'leeftijd' en/of 'aow' (en niets anders)")
            if "leeftijd" in s:
                _band(s["leeftijd"], fout, f"staffel schijf {i} leeftijd")
            if "aow" in s and not isinstance(s["aow"], bool):
                raise fout(f"staffel schijf {i}: aow is true of false")
            _bedrag(s["bedrag"], fout)
    for k in ("per_jaar", "per_maand", "eenmalig", "maximum"):
        if k in b:
            _bedrag(b[k], fout)


def _band(b: Any, fout, naam: str) -> None:
    if not (isinstance(b, list) and len(b) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in b)
            and 0 <= b[0] <= b[1] <= 130):
        raise fout(f"{naam} moet [van, tot en met] zijn in hele jaren (0 tot 130), van <= tot; kreeg {b!r}")


def _bedrag(w: Any, fout) -> Decimal:
    if isinstance(w, float):
        raise fout(f"bedrag {w!r}: " + ZWEVEND_MELDING.format(w))
    try:
        d = lees_getal(w)
    except GetalFout as e:
        raise fout(f"bedrag: {e}") from None
    if d < 0 or d != d.quantize(Decimal("0.01")):
        raise fout(f"bedrag {w!r}: niet negatief, hoogstens twee decimalen")
    return d


# =========================================================================== de vorm en het beslissen

@attrs.frozen
class Open:
    """Verwijzing naar een open norm of parameter; de waarde wordt pas opgevraagd als de
    regel haar nodig heeft (en komt dan met herkomst in de gebruikte waarden)."""

    naam: str


@attrs.frozen
class Vorm:
    """Een regeling in de declaratieve vorm, zoals de beslisfunctie haar leest. Plekken die de
    regio of gemeente invult mogen een ``Open`` zijn."""

    naam: str
    grondslag: str
    bron: str
    doelgroep: dict = attrs.Factory(dict)
    inkomensgrens: Any = None
    kostendelersnorm: Any = Open("pluspakket.kostendelersnorm_toepassen")
    vermogenstoets: Any = True
    bedrag: Optional[dict] = None
    doorverwijzen_naar: Optional[str] = None
    bevestigd: bool = True


def vorm_uit_definitie(r: RegelingDef) -> Vorm:
    d = r.definitie or {}
    return Vorm(
        naam=r.naam, grondslag=r.grondslag, bron=r.bron, doelgroep=d.get("doelgroep", {}),
        inkomensgrens=naar_decimal(d["inkomensgrens"]) if "inkomensgrens" in d else None,
        vermogenstoets=d.get("vermogenstoets", True), bedrag=d.get("bedrag"),
        doorverwijzen_naar=d.get("doorverwijzen_naar"), bevestigd=d.get("bevestigd", True),
    )


_VORMEN: dict[int, tuple[RegelingDef, Vorm]] = {}


def vorm_van(r: RegelingDef) -> Vorm:
    """De vorm van een declaratieve regeling, per regeling één keer gemaakt (een RegelingDef
    verandert niet; de cache houdt hem vast, zodat een hergebruikt id() niet misleidt)."""
    gevonden = _VORMEN.get(id(r))
    if gevonden is None or gevonden[0] is not r:
        if len(_VORMEN) >= 4096:
            _VORMEN.clear()
        gevonden = _VORMEN[id(r)] = (r, vorm_uit_definitie(r))
    return gevonden[1]


def beoordeel_declaratief(u, aanvraag) -> Any:
    """Beslis een declaratieve pluspakketregeling (zie de moduledocumentatie voor de vorm)."""
    return beslis(u, vorm_van(u.regeling), aanvraag)


class _Lezer:
    """Lost waarden van een vorm op: vaste waarden direct, ``Open`` via het beleid (met herkomst)."""

    def __init__(self, u, vorm: Vorm):
        self.u = u
        self.vorm = vorm

    def waarde(self, x: Any) -> Any:
        return self.u.waarde(x.naam) if isinstance(x, Open) else x

    def herkomst(self, x: Any) -> tuple[str, str]:
        """(grondslag, bron) voor een motiveringsstap over ``x``."""
        if isinstance(x, Open):
            w = self.u.ctx.beleid.waarde(x.naam)
            if w is not None:
                return w.grondslag, w.bron
        return self.vorm.grondslag, self.vorm.bron

    def band(self, b: Any) -> Optional[tuple[int, int]]:
        if b is None:
            return None
        return int(self.waarde(b[0])), int(self.waarde(b[1]))


def open_namen(x: Any) -> list[str]:
    """Alle ``Open``-verwijzingen in een (geneste) waarde, in volgorde, zonder dubbele."""
    uit: list[str] = []

    def loop(y: Any) -> None:
        if isinstance(y, Open):
            if y.naam not in uit:
                uit.append(y.naam)
        elif isinstance(y, dict):
            for v in y.values():
                loop(v)
        elif isinstance(y, (list, tuple)):
            for v in y:
                loop(v)

    loop(x)
    return uit


_OPEN_NAMEN: dict[int, tuple[Vorm, list[str]]] = {}


def _open_namen_van(vorm: Vorm) -> list[str]:
    """De open normen die ``beslis`` voor deze vorm vastgesteld wil zien, per vorm één keer
    uitgerekend (heet pad: een vorm verandert niet). De cache houdt de vorm zelf vast, zodat
    een id() niet door een ander object kan worden hergebruikt zolang de ingang bestaat."""
    gevonden = _OPEN_NAMEN.get(id(vorm))
    if gevonden is not None and gevonden[0] is vorm:
        return gevonden[1]
    namen = open_namen([vorm.inkomensgrens, vorm.kostendelersnorm if vorm.inkomensgrens is not None else None,
                        vorm.vermogenstoets, vorm.bedrag])
    if len(_OPEN_NAMEN) >= 4096:
        _OPEN_NAMEN.clear()
    _OPEN_NAMEN[id(vorm)] = (vorm, namen)
    return namen


def vereis_vastgesteld(u, namen: list[str], wat: str) -> None:
    """Gooi één ``OntbrekendeWaarde`` die alle open normen noemt die op de peildatum nog geen
    waarde hebben (regionaal noch van de gemeente)."""
    beleid = u.ctx.beleid
    waarden = beleid.waarden  # de namen komen uit een gevalideerde vorm: allemaal gedefinieerd
    ontbreekt = ontbrekend(waarden, namen)
    if not ontbreekt:
        return
    if not u.motiveer:  # de melding komt alleen in de motivering
        raise OntbrekendeWaarde(ontbreekt[0], u.ctx.peildatum)
    delen = [f"{beleid.definities[n].omschrijving.rstrip('.')} ({n})" for n in ontbreekt]
    raise OntbrekendeWaarde(
        ontbreekt[0], u.ctx.peildatum,
        f"Voor {wat} is op {datum_nl(u.ctx.peildatum)} nog niet vastgesteld: " + "; ".join(delen) + ". "
        f"De regio heeft hiervoor (nog) geen geharmoniseerde waarde met bron en {beleid.gemeente.naam} geen eigen keuze.")


def _aow(p, op: date) -> bool:
    try:
        return heeft_aow_leeftijd(p, op)
    except OnbekendeAOWLeeftijd as e:
        raise OntbrekendeWaarde("aow_leeftijd", op, str(e)) from None


def _in_band(leeftijd_: int, band: Optional[tuple[int, int]]) -> bool:
    return band is None or band[0] <= leeftijd_ <= band[1]


# --------------------------------------------------------------------------- de toetsen zelf
# Eén plek voor elke voorwaarde en berekening: ``beslis`` (met motivering) en ``beslis_snel`` op de
# gecompileerde vorm (het kader van de batch, regels/kader.py) roepen allebei deze functies aan.

def buiten_huishouden(soort: str, huishoudens) -> bool:
    """Het huishouden hoort niet bij ``doelgroep.huishouden`` (None: geen eis)."""
    return huishoudens is not None and soort not in huishoudens


def andere_aow(aow: bool, gewenst: Optional[bool]) -> bool:
    """``doelgroep.aow``: de aanvrager heeft (of heeft niet) de AOW-leeftijd terwijl de regeling het omgekeerde vraagt."""
    return gewenst is not None and aow != gewenst


def zonder_kinderen(vereist: Any, kinderen) -> bool:
    """``doelgroep.kinderen``: gevraagd, maar geen kinderen in de kindband."""
    return bool(vereist) and not kinderen


def ontbrekend(waarden, namen: list[str]) -> list[str]:
    """De open normen uit ``namen`` zonder waarde op de peildatum."""
    return [n for n in namen if n not in waarden]


def verdeel_kinderen(kinderen, hun_kinderen) -> tuple[list, list]:
    """Een voorliggende voorziening per kind: (kinderen in haar doelgroep, de rest)."""
    gedekt = [k for k in kinderen if k in hun_kinderen]
    return gedekt, [k for k in kinderen if k not in gedekt]


def periode_van(bd: dict) -> str:
    return next((k for k in ("per_jaar", "per_maand", "eenmalig") if k in bd), bd.get("periode", "per_jaar"))


def vast_bedrag(vast: Decimal, per: str, aantal: int) -> Decimal:
    """Een vast bedrag per huishouden, of per persoon of kind maal het aantal."""
    return vast if per == "huishouden" else vast * aantal


def in_schijf(leeftijd_: int, band: Optional[tuple[int, int]], aow_gewenst: Optional[bool], aow_van) -> bool:
    """Past iemand van ``leeftijd_`` in een schijf van de staffel? ``aow_van()`` wordt alleen gevraagd
    als de schijf een AOW-eis heeft (en de leeftijd past)."""
    return _in_band(leeftijd_, band) and (aow_gewenst is None or aow_van() == aow_gewenst)


def begrensd(totaal: Decimal, maximum: Optional[Decimal]) -> tuple[Decimal, bool]:
    """(bedrag na het maximum per huishouden, of het maximum beet)."""
    if maximum is not None and totaal > maximum:
        return maximum, True
    return totaal, False


def kinderen_in_band(ctx, band: Optional[tuple[int, int]]) -> tuple:
    """De kinderen van het huishouden (Persoon) met een leeftijd in ``band`` op de peildatum, in
    een vaste volgorde (oudste eerst): de volgorde in de casus mag de motivering niet veranderen.
    Per casus en band één keer uitgerekend (elke regeling vraagt het opnieuw)."""
    cache = ctx.per_band
    if band in cache:
        return cache[band]
    uit = cache[band] = tuple(sorted(
        (k for k in ctx.casus.kinderen if _in_band(leeftijd(k.geboortedatum, ctx.peildatum), band)),
        key=lambda k: (k.geboortedatum, k.student, k.arbeidsvermogen)))
    return uit


def in_doelgroep(u, vorm: Vorm, stappen: bool = True) -> tuple[bool, tuple]:
    """Toets de doelgroep. Geeft (past, kinderen in de kindband). Met ``stappen`` schrijft de
    toets bij een misser de reden in de motivering."""
    lz = _Lezer(u, vorm)
    ctx = u.ctx
    h = ctx.huishouden
    dg = vorm.doelgroep
    stappen = stappen and u.motiveer  # zonder motivering: geen tekst opbouwen

    def mis(tekst: str, x: Any = None) -> None:
        u.stap(tekst, *(lz.herkomst(x) if x is not None else (vorm.grondslag, vorm.bron)))

    band = lz.band(dg.get("leeftijd"))
    if not _in_band(h.leeftijd_aanvrager, band):
        if stappen:
            mis(f"{vorm.naam} is voor aanvragers van {band[0]} tot en met {band[1]} jaar; de aanvrager is "
                f"{h.leeftijd_aanvrager}.")
        return False, ()
    if "huishouden" in dg and buiten_huishouden(h.soort, dg["huishouden"]):
        if stappen:
            mis(f"{vorm.naam} is niet bedoeld voor een huishouden van {h.soort_tekst}.")
        return False, ()
    if "aow" in dg:
        aow_gewenst = lz.waarde(dg["aow"])
        if andere_aow(_aow(ctx.casus.aanvrager, ctx.peildatum), aow_gewenst):
            if stappen:
                mis(f"{vorm.naam} is alleen voor wie de AOW-leeftijd " + ("heeft" if aow_gewenst else "niet heeft")
                    + " bereikt.")
            return False, ()
    kband = lz.band(dg.get("kind_leeftijd"))
    kinderen = kinderen_in_band(ctx, kband)
    if zonder_kinderen(dg.get("kinderen"), kinderen):
        if stappen:
            tekst = f" van {kband[0]} tot en met {kband[1]} jaar" if kband else ""
            mis(f"{vorm.naam} is voor huishoudens met kinderen{tekst}; die zijn er niet.",
                (dg.get("kind_leeftijd") or [None])[0])
        return False, ()
    return True, kinderen


def beslis(u, vorm: Vorm, aanvraag=None, *, voorliggend: bool = False):
    """Beslis een regeling in de declaratieve vorm.

    Volgorde: doelgroep; (met ``voorliggend``) voorliggende voorzieningen uit het pluspakket
    van de gemeente (art. 15 Pw); zijn alle keuzes vastgesteld; inkomen; vermogen;
    doorverwijzing; bedrag."""
    ctx = u.ctx
    lz = _Lezer(u, vorm)
    g, b = vorm.grondslag, vorm.bron

    past, kinderen = in_doelgroep(u, vorm)
    if not past:
        return u.besluit("niet_van_toepassing")

    if voorliggend:
        kinderen, uit = _voorliggende_voorzieningen(u, vorm, kinderen)
        if uit is not None:
            return uit

    vereis_vastgesteld(u, _open_namen_van(vorm), f"de {vorm.naam.lower()}" if vorm.bron == "kern" else vorm.naam)

    redenen = []
    if vorm.inkomensgrens is not None:
        grens = lz.waarde(vorm.inkomensgrens)
        kdn = lz.waarde(vorm.kostendelersnorm)
        gr, br = lz.herkomst(vorm.inkomensgrens)
        voldoet, _ = inkomenstoets(u, grens, kdn, grondslag=gr, bron=br)
        if not voldoet:
            redenen.append("inkomen boven de grens")
    toets_vermogen = lz.waarde(vorm.vermogenstoets)
    if toets_vermogen:
        if not vermogenstoets(u):
            redenen.append("vermogen boven de grens")
    elif u.motiveer and (isinstance(vorm.vermogenstoets, Open) or vorm.bron != "kern"):
        u.stap(f"Voor {vorm.naam} geldt geen vermogenstoets.", *lz.herkomst(vorm.vermogenstoets))
    if redenen:
        u.stap("Afgewezen: " + "; ".join(redenen) + ".", g, b)
        return u.besluit("afgewezen")

    bd = vorm.bedrag
    if vorm.doorverwijzen_naar:
        tekst = (f"Het huishouden valt in de doelgroep van {vorm.naam}. De aanvraag loopt via "
                 f"{vorm.doorverwijzen_naar}; daarheen wordt doorverwezen.")
        if bd is not None and bd.get("werkelijke_kosten"):
            tekst += " " + _werkelijke_kosten_tekst(vorm, bd)
        u.stap(tekst, g, b)
        return u.besluit("doorverwezen")
    if bd is None:
        u.stap(f"Aan de voorwaarden van {vorm.naam} is voldaan. De hoogte van het tegoed is in de gegevens van de gemeente "
               "nog niet bevestigd; de toekenning noemt daarom geen bedrag.", g, b)
        return u.besluit("toegekend")
    if bd.get("werkelijke_kosten"):
        return _werkelijke_kosten(u, vorm, bd, aanvraag)

    periode = periode_van(bd)
    totaal, uitleg, herkomst = _bedrag_berekenen(lz, ctx, bd, kinderen)
    if "maximum" in bd:
        maximum = naar_decimal(lz.waarde(bd["maximum"]))
        totaal, beet = begrensd(totaal, maximum)
        if beet:
            uitleg += f"; begrensd op het maximum van {euro_nl(maximum)} per huishouden"
    totaal = cent(totaal)
    if totaal == NUL:
        u.stap(f"{vorm.naam}: geen personen in de doelgroep van het bedrag ({uitleg}).", *herkomst)
        return u.besluit("niet_van_toepassing")
    tekst = f"Aan de voorwaarden van {vorm.naam} is voldaan: {uitleg} = {euro_nl(totaal)}{PER_TEKST[periode]}."
    if not vorm.bevestigd:
        tekst += " Dit bedrag is nog te bevestigen door de gemeente."
    u.stap(tekst, *herkomst)
    return u.besluit("toegekend", bedrag=totaal, vorm="om_niet", bedrag_per=periode)


def _werkelijke_kosten_tekst(vorm: Vorm, bd: dict) -> str:
    wie = {"kind": "per kind", "persoon": "per persoon", "huishouden": "per huishouden"}[bd["per"]]
    if "maximum" in bd:
        return f"{vorm.naam} vergoedt de werkelijke kosten tot ten hoogste {euro_nl(naar_decimal(bd['maximum']))}."
    return f"{vorm.naam} vergoedt de werkelijke kosten volledig; er geldt geen maximum {wie}."


def _werkelijke_kosten(u, vorm: Vorm, bd: dict, aanvraag):
    g, b = vorm.grondslag, vorm.bron
    tekst = f"Aan de voorwaarden van {vorm.naam} is voldaan. " + _werkelijke_kosten_tekst(vorm, bd)
    if aanvraag is None or aanvraag.bedrag is None:
        u.stap(tekst + " Het bedrag volgt uit de kosten die bij de aanvraag worden opgegeven.", g, b)
        return u.besluit("toegekend")
    bedrag = max(NUL, aanvraag.bedrag - aanvraag.voorliggend)
    tekst += f" Opgegeven kosten {euro_nl(aanvraag.bedrag)}"
    if aanvraag.voorliggend:
        tekst += f", min {euro_nl(aanvraag.voorliggend)} uit een voorliggende voorziening"
    if "maximum" in bd and bedrag > naar_decimal(bd["maximum"]):
        bedrag = naar_decimal(bd["maximum"])
        tekst += ", begrensd op het maximum"
    u.stap(tekst + f": vergoed {euro_nl(cent(bedrag))}.", g, b)
    return u.besluit("toegekend", bedrag=cent(bedrag), vorm="om_niet", bedrag_per="eenmalig")


def _bedrag_berekenen(lz: _Lezer, ctx, bd: dict, kinderen: list) -> tuple[Decimal, str, tuple[str, str]]:
    per = bd["per"]
    if "staffel" not in bd:
        x = next(bd[k] for k in ("per_jaar", "per_maand", "eenmalig") if k in bd)
        vast = naar_decimal(lz.waarde(x))
        herkomst = lz.herkomst(x)
        if per == "huishouden":
            return vast_bedrag(vast, per, 1), f"{euro_nl(vast)} per huishouden", herkomst
        personen = kinderen if per == "kind" else _personen(ctx)
        n = len(personen)
        return vast_bedrag(vast, per, n), f"{n} x {euro_nl(vast)} per {per}", herkomst
    personen = kinderen if per == "kind" else _personen(ctx)
    totaal = NUL
    delen = []
    herkomst = None
    for p in sorted(personen, key=lambda p: (p.geboortedatum, p.student, p.arbeidsvermogen)):
        a = leeftijd(p.geboortedatum, ctx.peildatum)
        for s in bd["staffel"]:
            if in_schijf(a, lz.band(s.get("leeftijd")), s.get("aow"), lambda p=p: _aow(p, ctx.peildatum)):
                bedrag = naar_decimal(lz.waarde(s["bedrag"]))
                herkomst = herkomst or lz.herkomst(s["bedrag"])
                totaal += bedrag
                delen.append(f"{euro_nl(bedrag)} ({per} van {a})")
                break
    return totaal, (" + ".join(delen) if delen else "niemand in een leeftijdsschijf"), herkomst or lz.herkomst(None)


def _personen(ctx) -> list:
    c = ctx.casus
    return [c.aanvrager] + ([c.partner] if c.partner else []) + list(c.kinderen)


def per_kind(vorm: Vorm) -> bool:
    return vorm.bedrag is not None and vorm.bedrag.get("per") == "kind"


def is_voorliggend_voor(r: RegelingDef, sleutel: str) -> bool:
    """Is pluspakketregeling ``r`` een voorliggende voorziening voor regeling ``sleutel``?"""
    d = r.definitie or {}
    return bool(d.get("voorliggend")) and sleutel in d.get("voorliggend_voor", [])


def _voorliggende_voorzieningen(u, vorm: Vorm, kinderen: list):
    """Art. 15 lid 1 Pw: geen recht voor zover een voorliggende voorziening toereikend en
    passend is. Pluspakketregelingen van de gemeente met ``voorliggend_voor`` deze regeling
    gaan voor: per kind de kinderen in hun doelgroep, anders het hele huishouden. Geeft
    (overgebleven kinderen, beslissing of None)."""
    sleutel = u.regeling.sleutel
    for r in sorted(u.ctx.beleid.pluspakket, key=lambda r: r.sleutel):
        if not is_voorliggend_voor(r, sleutel):
            continue
        v = vorm_van(r)
        past, hun_kinderen = in_doelgroep(u, v, stappen=False)
        if not past:
            continue
        via = f" De aanvraag loopt via {v.doorverwijzen_naar}." if v.doorverwijzen_naar else ""
        if per_kind(vorm):
            gedekt, rest = verdeel_kinderen(kinderen, hun_kinderen)
            if not gedekt:
                continue
            leeftijden = ", ".join(str(leeftijd(k.geboortedatum, u.ctx.peildatum)) for k in gedekt)
            u.stap(f"Voor {len(gedekt)} kind(eren) (leeftijd {leeftijden}) is {r.naam} van de gemeente een voorliggende "
                   f"voorziening: die gaat voor op de {vorm.naam.lower()} (art. 15 lid 1 Participatiewet).{via}",
                   r.grondslag, r.bron)
            if not rest:
                return [], u.besluit("doorverwezen")
            kinderen = rest
        else:
            u.stap(f"{r.naam} van de gemeente is een voorliggende voorziening: die gaat voor op de {vorm.naam.lower()} "
                   f"(art. 15 lid 1 Participatiewet).{via}", r.grondslag, r.bron)
            return kinderen, u.besluit("doorverwezen")
    return kinderen, None


# =========================================================================== gecompileerd (het kader van de batch)

class NietGedekt(Exception):
    """De vorm laat zich niet compileren (een open waarde in de doelgroep ontbreekt, ...): de volledige beslisser."""


class Gecompileerd:
    """Een vorm met de waarden van één opgelost beleid ingevuld, één keer per beleid gemaakt
    (``compileer``): banden als gehele getallen, de inkomensgrens per (huishoudsoort, AOW) in
    centen via ``toetsen.grensbedrag``, of alle open normen zijn vastgesteld, het bedrag als
    Decimal. ``beslis_snel`` beslist erop zonder motivering, met dezelfde toetsen als ``beslis``."""

    __slots__ = ("leeftijd", "huishoudens", "aow", "kinderen", "kind_band", "per_kind", "voorliggend", "vastgesteld",
                 "grens", "vermogenstoets", "doorverwijzen", "bedrag", "per", "periode", "vast", "schijven", "maximum")


def _opgelost(beleid, x: Any) -> Any:
    if isinstance(x, Open):
        w = beleid.waarde(x.naam)
        if w is None:
            raise NietGedekt(x.naam)
        return w.waarde
    return x


def _band_opgelost(beleid, b: Any) -> Optional[tuple[int, int]]:
    return None if b is None else (int(_opgelost(beleid, b[0])), int(_opgelost(beleid, b[1])))


def compileer(vorm: Vorm, beleid, normen: dict, voorliggend: tuple = ()) -> Gecompileerd:
    """Compileer ``vorm`` voor ``beleid``; ``normen``: (huishoudsoort, AOW) -> bijstandsnorm per maand;
    ``voorliggend``: de gecompileerde voorliggende voorzieningen (al in de volgorde van ``beslis``).
    Gooit ``NietGedekt`` als de snelle baan deze vorm niet kan beslissen."""
    c = Gecompileerd()
    dg = vorm.doelgroep
    c.leeftijd = _band_opgelost(beleid, dg.get("leeftijd"))
    c.huishoudens = tuple(dg["huishouden"]) if "huishouden" in dg else None
    c.aow = _opgelost(beleid, dg["aow"]) if "aow" in dg else None
    c.kinderen = dg.get("kinderen")
    c.kind_band = _band_opgelost(beleid, dg.get("kind_leeftijd"))
    c.per_kind = per_kind(vorm)
    c.voorliggend = voorliggend
    c.vastgesteld = not ontbrekend(beleid.waarden, _open_namen_van(vorm))
    c.grens = c.vermogenstoets = c.doorverwijzen = c.bedrag = c.per = c.periode = c.vast = c.schijven = c.maximum = None
    if not c.vastgesteld:
        return c  # beslis verwijst door (na doelgroep en voorliggende voorzieningen)
    if vorm.inkomensgrens is not None:
        fractie = _opgelost(beleid, vorm.inkomensgrens)
        _opgelost(beleid, vorm.kostendelersnorm)  # zonder kostendelers (de wacht van het kader) dezelfde norm
        c.grens = {k: grensbedrag(n, fractie) for k, n in normen.items()}
    c.vermogenstoets = bool(_opgelost(beleid, vorm.vermogenstoets))
    c.doorverwijzen = bool(vorm.doorverwijzen_naar)
    bd = vorm.bedrag
    if bd is None:
        c.bedrag = "geen"
        return c
    if bd.get("werkelijke_kosten"):
        c.bedrag = "werkelijke_kosten"
        return c
    c.per = bd["per"]
    c.periode = periode_van(bd)
    if "maximum" in bd:
        c.maximum = naar_decimal(_opgelost(beleid, bd["maximum"]))
    if "staffel" in bd:
        c.bedrag = "staffel"
        c.schijven = tuple((_band_opgelost(beleid, s.get("leeftijd")), s.get("aow"), naar_decimal(_opgelost(beleid, s["bedrag"])))
                           for s in bd["staffel"])
    else:
        c.bedrag = "vast"
        c.vast = naar_decimal(_opgelost(beleid, next(bd[k] for k in ("per_jaar", "per_maand", "eenmalig") if k in bd)))
    return c


def _doelgroep_snel(c: Gecompileerd, h) -> tuple[bool, tuple]:
    """``in_doelgroep`` op de gecompileerde vorm; ``h``: de feiten van het kader (``kader.Huishoudfeiten``)."""
    if not _in_band(h.leeftijd_aanvrager, c.leeftijd):
        return False, ()
    if buiten_huishouden(h.soort, c.huishoudens):
        return False, ()
    if andere_aow(h.aow_aanvrager, c.aow):
        return False, ()
    kinderen = h.kinderen_in_band(c.kind_band)
    if zonder_kinderen(c.kinderen, kinderen):
        return False, ()
    return True, kinderen


def beslis_snel(c: Gecompileerd, h) -> tuple[str, Optional[Decimal], Optional[str]]:
    """``beslis`` zonder motivering en zonder aanvraag op de gecompileerde vorm, in dezelfde volgorde
    en met dezelfde toetsen: (uitkomst, bedrag, bedrag_per). ``h``: de feiten van het kader
    (leeftijd, huishoudsoort, AOW, kinderen (geboortedatum, leeftijd, AOW), netto inkomen, vermogen)."""
    past, kinderen = _doelgroep_snel(c, h)
    if not past:
        return "niet_van_toepassing", None, None
    for v in c.voorliggend:  # _voorliggende_voorzieningen
        past, hun_kinderen = _doelgroep_snel(v, h)
        if not past:
            continue
        if c.per_kind:
            gedekt, rest = verdeel_kinderen(kinderen, hun_kinderen)
            if not gedekt:
                continue
            if not rest:
                return "doorverwezen", None, None
            kinderen = rest
        else:
            return "doorverwezen", None, None
    if not c.vastgesteld:
        return "doorverwezen", None, None
    afwijzen = False
    if c.grens is not None and not binnen_grens(h.netto, c.grens[(h.soort, h.aow)]):
        afwijzen = True
    if c.vermogenstoets and not binnen_grens(h.vermogen, h.vermogensgrens):
        afwijzen = True
    if afwijzen:
        return "afgewezen", None, None
    if c.doorverwijzen:
        return "doorverwezen", None, None
    if c.bedrag == "geen" or c.bedrag == "werkelijke_kosten":  # zonder aanvraag: geen bedrag
        return "toegekend", None, None
    personen = kinderen if c.per == "kind" else h.personen
    if c.bedrag == "vast":
        totaal = vast_bedrag(c.vast, c.per, len(personen))
    else:
        totaal = NUL
        for _, a, aow in personen:
            for band, aow_gewenst, bedrag in c.schijven:
                if in_schijf(a, band, aow_gewenst, lambda aow=aow: aow):
                    totaal += bedrag
                    break
    if c.maximum is not None:
        totaal, _ = begrensd(totaal, c.maximum)
    totaal = cent(totaal)
    if totaal == NUL:
        return "niet_van_toepassing", None, None
    return "toegekend", totaal, c.periode
