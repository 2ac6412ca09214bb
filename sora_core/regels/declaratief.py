"""Pluspakketregelingen in data: de vorm die beleidsmedewerkers zelf in TOML schrijven.

Een regeling in ``beleid.toml`` van een plugin::

    [[regeling]]
    sleutel = "alkmaar.alkmaarpas"          # altijd <plugin>.<naam>
    naam = "AlkmaarPas"
    omschrijving = "Pas met tegoed voor sport, cultuur en vrije tijd"
    grondslag = "Verordening AlkmaarPas voor minima (CVDR702632)"
    bron = "alkmaar.nl"                     # vindplaats van de bedragen
    geldig_vanaf = 2023-01-01
    geldig_tot = 2023-12-31                 # optioneel: tijdelijke regelingen gaan vanzelf uit
    inkomensgrens = "1.50"                  # x de toepasselijke bijstandsnorm
    vermogenstoets = true                   # vermogen binnen art. 34 Pw (standaard true)
    bevestigd = true                        # false: bedragen nog te bevestigen door de gemeente
    voorliggend = false                     # true: voorliggende voorziening (art. 15 Pw) voor de kern
    doorverwijzen_naar = "..."              # optioneel: de aanvraag loopt via een andere organisatie

    [regeling.doelgroep]                    # alles optioneel
    leeftijd = [18, 66]                     # leeftijd van de aanvrager, grenzen inclusief
    huishouden = ["alleenstaande", "alleenstaande_ouder", "gehuwden"]
    kinderen = true                         # alleen voor huishoudens met kinderen in kind_leeftijd
    kind_leeftijd = [4, 17]
    aow = false                             # alleen onder (false) of op (true) de AOW-leeftijd

    [regeling.bedrag]
    per = "persoon"                         # persoon | kind | huishouden
    per_jaar = "188.00"                     # of: eenmalig = "..."
    maximum = "600.00"                      # optioneel: maximum per huishouden
    # of, per leeftijd verschillend (per persoon of per kind):
    # staffel = [{leeftijd = [18, 130], aow = false, bedrag = "188.00"}, {aow = true, bedrag = "302.00"}]
    # (een schijf past bij een leeftijdsband en/of bij wel/niet de AOW-leeftijd; de eerste die past telt)

Zonder ``[regeling.bedrag]`` wordt de regeling toegekend zonder bedrag (bijvoorbeeld een pas
waarvan het tegoed nog niet is bevestigd): de motivering zegt dat.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

from ..fouten import BeleidFout
from ..geld import NUL, cent, euro_nl, leeftijd, naar_decimal
from ..huishouden import OnbekendeAOWLeeftijd
from .registratie import RegelingDef
from .toetsen import inkomenstoets, vermogenstoets

HUISHOUDENS = ("alleenstaande", "alleenstaande_ouder", "gehuwden")
PER = ("persoon", "kind", "huishouden")
_VELDEN = {"sleutel", "naam", "omschrijving", "grondslag", "bron", "geldig_vanaf", "geldig_tot",
           "inkomensgrens", "vermogenstoets", "bevestigd", "voorliggend", "doelgroep", "bedrag", "toelichting",
           "doorverwijzen_naar"}
_DOELGROEP = {"leeftijd", "huishouden", "kinderen", "kind_leeftijd", "aow"}
_BEDRAG = {"per", "per_jaar", "eenmalig", "maximum", "staffel"}


def lees_regelingen(plugin: str, ruw: list[tuple[str, dict]], definities: Any = None) -> tuple[RegelingDef, ...]:
    """Valideer de ``[[regeling]]``-tabellen van een plugin; elke fout noemt bestand en regeling."""
    uit = []
    gezien: dict[str, list[tuple[date, Optional[date]]]] = {}
    for plek, r in ruw:
        d = _valideer(plugin, plek, r)
        for vanaf, tot in gezien.get(d.sleutel, []):
            if (d.geldig_tot is None or d.geldig_tot >= vanaf) and (tot is None or tot >= d.geldig_vanaf):
                raise BeleidFout(f"{d.sleutel}: perioden overlappen met een eerdere versie van deze regeling", plugin, plek)
        gezien.setdefault(d.sleutel, []).append((d.geldig_vanaf, d.geldig_tot))
        uit.append(d)
    return tuple(sorted(uit, key=lambda d: (d.sleutel, d.geldig_vanaf)))


def _valideer(plugin: str, plek: str, r: Any) -> RegelingDef:
    def fout(m: str) -> BeleidFout:
        return BeleidFout(m, plugin, plek)

    if not isinstance(r, dict):
        raise fout("een [[regeling]] is een tabel")
    vreemd = set(r) - _VELDEN
    if vreemd:
        raise fout(f"onbekende velden {sorted(vreemd)}")
    for v in ("sleutel", "naam", "grondslag", "geldig_vanaf"):
        if not r.get(v):
            raise fout(f"'{v}' ontbreekt")
    sleutel = r["sleutel"]
    if not isinstance(sleutel, str) or not sleutel.startswith(f"{plugin}.") or len(sleutel) <= len(plugin) + 1:
        raise fout(f"sleutel {sleutel!r} moet de vorm '{plugin}.<naam>' hebben")
    from ..parameters import lees_datum

    vanaf = lees_datum(r["geldig_vanaf"], "geldig_vanaf", plek, plugin)
    tot = lees_datum(r["geldig_tot"], "geldig_tot", plek, plugin) if "geldig_tot" in r else None
    if tot is not None and tot < vanaf:
        raise fout(f"geldig_tot {tot} ligt voor geldig_vanaf {vanaf}")
    try:
        if "inkomensgrens" in r:
            g = naar_decimal(r["inkomensgrens"])
            if not (Decimal("0.5") <= g <= Decimal("3")):
                raise fout(f"inkomensgrens {g} ligt buiten 0.5 tot 3 (deel van de norm)")
        dg = r.get("doelgroep", {})
        if not isinstance(dg, dict) or set(dg) - _DOELGROEP:
            raise fout(f"doelgroep: alleen {sorted(_DOELGROEP)}")
        for band in ("leeftijd", "kind_leeftijd"):
            if band in dg:
                _band(dg[band], fout, band)
        for h in dg.get("huishouden", []):
            if h not in HUISHOUDENS:
                raise fout(f"doelgroep.huishouden: {h!r} is geen van {HUISHOUDENS}")
        b = r.get("bedrag")
        if b is not None:
            if not isinstance(b, dict) or set(b) - _BEDRAG:
                raise fout(f"bedrag: alleen {sorted(_BEDRAG)}")
            if b.get("per") not in PER:
                raise fout(f"bedrag.per moet een van {PER} zijn")
            soorten = [k for k in ("per_jaar", "eenmalig", "staffel") if k in b]
            if "staffel" in b:
                if b["per"] == "huishouden":
                    raise fout("een staffel per leeftijd kan alleen per persoon of per kind")
                if not ("per_jaar" in b or "eenmalig" in b) and len(soorten) != 1:
                    raise fout("bedrag: geef per_jaar, eenmalig of staffel")
                for s in b["staffel"]:
                    if not isinstance(s, dict) or set(s) - {"leeftijd", "aow", "bedrag"} or not ({"leeftijd", "aow"} & set(s)):
                        raise fout("elke schijf van de staffel heeft 'bedrag' en 'leeftijd' en/of 'aow'")
                    if "leeftijd" in s:
                        _band(s["leeftijd"], fout, "staffel.leeftijd")
                    if "aow" in s and not isinstance(s["aow"], bool):
                        raise fout("staffel.aow is true of false")
                    _bedrag(s.get("bedrag"), fout)
            elif len(soorten) != 1:
                raise fout("bedrag: geef precies één van per_jaar of eenmalig")
            for k in ("per_jaar", "eenmalig", "maximum"):
                if k in b:
                    _bedrag(b[k], fout)
    except ValueError as e:
        raise fout(f"geen geldig getal: {e}") from None
    definitie = {k: r[k] for k in sorted(r)}
    return RegelingDef(
        sleutel=sleutel, naam=r["naam"], pakket="plus", bron=plugin, grondslag=r["grondslag"],
        omschrijving=r.get("omschrijving", ""), beoordeel=beoordeel_declaratief,
        geldig_vanaf=vanaf, geldig_tot=tot, definitie=definitie, plek=plek,
    )


def _band(b: Any, fout, naam: str) -> None:
    if not (isinstance(b, list) and len(b) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in b)
            and 0 <= b[0] <= b[1] <= 130):
        raise fout(f"{naam} moet [van, tot] zijn in hele jaren, van <= tot")


def _bedrag(w: Any, fout) -> Decimal:
    d = naar_decimal(w)
    if d < 0 or d != d.quantize(Decimal("0.01")):
        raise fout(f"bedrag {w!r}: niet negatief, hoogstens twee decimalen")
    return d


def _in_band(leeftijd_: int, band: Optional[list]) -> bool:
    return band is None or band[0] <= leeftijd_ <= band[1]


def _aow(p, op: date) -> bool:
    from ..huishouden import heeft_aow_leeftijd
    from ..uitleg import OntbrekendeWaarde

    try:
        return heeft_aow_leeftijd(p, op)
    except OnbekendeAOWLeeftijd as e:
        raise OntbrekendeWaarde("aow_leeftijd", op, str(e)) from None


def beoordeel_declaratief(u, aanvraag) -> Any:
    """Beslis een declaratieve pluspakketregeling (zie de moduledocumentatie voor de vorm)."""
    r = u.regeling
    d = r.definitie
    bron = r.bron
    ctx = u.ctx
    h = ctx.huishouden
    peil = ctx.peildatum
    dg = d.get("doelgroep", {})
    grondslag = r.grondslag

    # doelgroep
    if not _in_band(h.leeftijd_aanvrager, dg.get("leeftijd")):
        a, b = dg["leeftijd"]
        u.stap(f"De regeling is voor aanvragers van {a} tot en met {b} jaar; de aanvrager is {h.leeftijd_aanvrager}.",
               grondslag, bron)
        return u.besluit("niet_van_toepassing")
    if "huishouden" in dg and h.soort not in dg["huishouden"]:
        u.stap(f"De regeling is niet bedoeld voor een huishouden van {h.soort_tekst}.", grondslag, bron)
        return u.besluit("niet_van_toepassing")
    if "aow" in dg:
        try:
            aow = h.aow_aanvrager
        except OnbekendeAOWLeeftijd as e:
            from ..uitleg import OntbrekendeWaarde

            raise OntbrekendeWaarde("aow_leeftijd", peil, str(e)) from None
        if aow != dg["aow"]:
            u.stap("De regeling is alleen voor wie de AOW-leeftijd " + ("heeft" if dg["aow"] else "niet heeft") + " bereikt.",
                   grondslag, bron)
            return u.besluit("niet_van_toepassing")
    kind_band = dg.get("kind_leeftijd")
    kinderen = [a for a in h.leeftijden_kinderen if _in_band(a, kind_band)]
    if dg.get("kinderen") and not kinderen:
        band = f" van {kind_band[0]} tot en met {kind_band[1]} jaar" if kind_band else ""
        u.stap(f"De regeling is voor huishoudens met kinderen{band}; die zijn er niet.", grondslag, bron)
        return u.besluit("niet_van_toepassing")

    # inkomen en vermogen
    redenen = []
    if "inkomensgrens" in d:
        kdn = u.waarde("pluspakket.kostendelersnorm_toepassen")
        voldoet, _ = inkomenstoets(u, naar_decimal(d["inkomensgrens"]), kdn, grondslag=grondslag, bron=bron)
        if not voldoet:
            redenen.append("inkomen boven de grens")
    if d.get("vermogenstoets", True) and not vermogenstoets(u):
        redenen.append("vermogen boven de grens")
    if redenen:
        u.stap("Afgewezen: " + "; ".join(redenen) + ".", grondslag, bron)
        return u.besluit("afgewezen")

    if d.get("doorverwijzen_naar"):
        u.stap(f"Het huishouden valt in de doelgroep van {r.naam}. De aanvraag loopt via {d['doorverwijzen_naar']}; "
               "daarheen wordt doorverwezen.", grondslag, bron)
        return u.besluit("doorverwezen")
    b = d.get("bedrag")
    if b is None:
        u.stap(f"Aan de voorwaarden van {r.naam} is voldaan. De hoogte van het tegoed is in de gegevens van de gemeente "
               "nog niet bevestigd; de toekenning noemt daarom geen bedrag.", grondslag, bron)
        return u.besluit("toegekend")
    per_jaar = "eenmalig" not in b
    totaal, uitleg = _bedrag_berekenen(ctx, h, b, kinderen, kind_band)
    if "maximum" in b and totaal > naar_decimal(b["maximum"]):
        totaal = naar_decimal(b["maximum"])
        uitleg += f"; begrensd op het maximum van {euro_nl(totaal)}"
    totaal = cent(totaal)
    if totaal == NUL:
        u.stap(f"{r.naam}: geen personen in de doelgroep van het bedrag ({uitleg}).", grondslag, bron)
        return u.besluit("niet_van_toepassing")
    tekst = f"Aan de voorwaarden van {r.naam} is voldaan: {uitleg} = {euro_nl(totaal)}" + (" per jaar." if per_jaar else " eenmalig.")
    if d.get("bevestigd", True) is False:
        tekst += " Dit bedrag is nog te bevestigen door de gemeente."
    u.stap(tekst, grondslag, bron)
    return u.besluit("toegekend", bedrag=totaal, vorm="om_niet", bedrag_per="per_jaar" if per_jaar else "eenmalig")


def _bedrag_berekenen(ctx, h, b: dict, kinderen: list[int], kind_band) -> tuple[Decimal, str]:
    per = b["per"]
    vast = naar_decimal(b.get("per_jaar", b.get("eenmalig", "0")))
    if per == "huishouden":
        return vast, f"{euro_nl(vast)} per huishouden"
    c = ctx.casus
    if per == "kind":
        personen = [k for k in c.kinderen if _in_band(leeftijd(k.geboortedatum, ctx.peildatum), kind_band)]
        wie = "kind"
    else:
        personen = [c.aanvrager] + ([c.partner] if c.partner else []) + list(c.kinderen)
        wie = "persoon"
    if "staffel" not in b:
        n = len(personen)
        return vast * n, f"{n} x {euro_nl(vast)} per {wie}"
    totaal = NUL
    delen = []
    for p in sorted(personen, key=lambda p: (p.geboortedatum, p.student, p.arbeidsvermogen)):
        a = leeftijd(p.geboortedatum, ctx.peildatum)
        for s in b["staffel"]:
            if _in_band(a, s.get("leeftijd")) and ("aow" not in s or _aow(p, ctx.peildatum) == s["aow"]):
                bedrag = naar_decimal(s["bedrag"])
                totaal += bedrag
                delen.append(f"{euro_nl(bedrag)} ({wie} van {a})")
                break
    return totaal, " + ".join(delen) if delen else "niemand in een leeftijdsschijf"
