"""Eén zelfstandig HTML-rapport voor de raad of een stuurgroep (``sora rapport``).

Alles in één bestand: geen externe bronnen (geen stylesheets, lettertypen, plaatjes of scripts
van buiten), geen JavaScript. De grafieken zijn inline SVG die de toolkit zelf tekent (geen
matplotlib nodig). Leesbaar op A4 (``@media print``, ``@page``).

Inhoud, elk onderdeel met zijn peildatum en grondslag, en alles uit de analysefuncties zelf
(geen eigen berekeningen):

1. actualiteit van de gegevens (``actualiteit.actualiteit``);
2. de modelhuishoudens in de zes gemeenten naast elkaar (``minima_effect`` op 100%);
3. het harmonisatiebeeld (``harmonisatie.harmonisatie``), met grenzen en oordeel;
4. de minima-effectcurven (armoedeval) per modelhuishouden, met de effectieve marginale druk;
5. de open normen waarin gemeenten verschillen (``normen.normen``);
6. elke waarde die nog niet bevestigd is (kern en gemeenten).

**Effectieve marginale druk** tussen twee inkomenspunten: het deel van het extra inkomen dat
verloren gaat doordat ondersteuning vervalt = (ondersteuning vóór - ondersteuning na) /
(extra inkomen per jaar). 100% of meer: meer verdienen levert per saldo niets of minder op.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Optional

from ..geld import bedrag_nl, datum_nl, procent_nl

#: kleur, streep en markering per gemeente (op volgorde); kleurenblind-vriendelijk (Okabe-Ito)
STIJLEN = (
    ("#0072B2", "", "cirkel"), ("#D55E00", "6 3", "vierkant"), ("#009E73", "2 2", "driehoek"),
    ("#CC79A7", "8 3 2 3", "ruit"), ("#E69F00", "4 4", "kruis"), ("#56B4E9", "1 3", "plus"),
)


def e(x) -> str:
    return html.escape(str(x), quote=True)


def _nl(iso: Optional[str]) -> str:
    return datum_nl(date.fromisoformat(iso)) if iso else ""


def marginale_druk(a: dict, b: dict) -> Optional[Decimal]:
    """Effectieve marginale druk tussen twee punten van minima-effect (fractie, 4 decimalen)."""
    extra = (Decimal(b["inkomen_per_maand"]) - Decimal(a["inkomen_per_maand"])) * 12
    if extra <= 0:
        return None
    return ((Decimal(a["totaal"]) - Decimal(b["totaal"])) / extra).quantize(Decimal("0.0001"))


def _onbekend_in(pt: dict) -> int:
    return sum(1 for r in pt["regelingen"] if r["zonder_bedrag"]) + len(pt["doorverwezen"])


# --------------------------------------------------------------------------- grafiek (SVG)

def _marker(soort: str, x: float, y: float, kleur: str) -> str:
    r = 3.2
    if soort == "cirkel":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{kleur}"/>'
    if soort == "vierkant":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{kleur}"/>'
    if soort == "driehoek":
        return f'<path d="M{x:.1f},{y - r - 0.8:.1f} L{x + r:.1f},{y + r:.1f} L{x - r:.1f},{y + r:.1f} Z" fill="{kleur}"/>'
    if soort == "ruit":
        return f'<path d="M{x:.1f},{y - r - 0.5:.1f} L{x + r:.1f},{y:.1f} L{x:.1f},{y + r + 0.5:.1f} L{x - r:.1f},{y:.1f} Z" fill="{kleur}"/>'
    if soort == "kruis":
        return (f'<path d="M{x - r:.1f},{y - r:.1f} L{x + r:.1f},{y + r:.1f} M{x - r:.1f},{y + r:.1f} L{x + r:.1f},{y - r:.1f}" '
                f'stroke="{kleur}" stroke-width="1.8"/>')
    return (f'<path d="M{x - r - 0.5:.1f},{y:.1f} L{x + r + 0.5:.1f},{y:.1f} M{x:.1f},{y - r - 0.5:.1f} L{x:.1f},{y + r + 0.5:.1f}" '
            f'stroke="{kleur}" stroke-width="1.8"/>')


def _schaal_max(m: Decimal) -> int:
    """Een ronde bovenkant voor de y-as (ten minste 100)."""
    m = max(int(m), 1)
    for stap in (100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if m <= stap * 5:
            return ((m + stap - 1) // stap) * stap or stap
    return ((m + 9999) // 10000) * 10000


def groepen(series: list[tuple[str, list[dict]]]) -> list[tuple[list[str], list[dict]]]:
    """Gemeenten met precies dezelfde curve (zelfde totalen op elk punt) op één lijn, in volgorde."""
    uit: list[tuple[list[str], list[dict]]] = []
    for naam, pts in series:
        sleutel = [p["totaal"] for p in pts]
        for namen, q in uit:
            if [p["totaal"] for p in q] == sleutel:
                namen.append(naam)
                break
        else:
            uit.append(([naam], pts))
    return uit


def curve_svg(huishouden: str, series: list[tuple[str, list[dict]]], percentages: list[int]) -> str:
    """Ondersteuning per jaar tegen het inkomen (% van de norm) voor één huishouden. De waarde bij
    een percentage geldt voor inkomens boven het vorige punt tot en met dat punt (trap).
    Gemeenten met dezelfde curve delen één lijn (``groepen``), zodat er nooit een lijn achter een
    andere verdwijnt; elke lijn heeft eigen kleur, streep en markering, en lijnen die op een stuk
    samenvallen zijn beide te zien (een dikkere lijn onder een gestreepte)."""
    b, h = 340, 200
    links, rechts, boven, onder = 52, 20, 16, 34
    pw, ph = b - links - rechts, h - boven - onder
    top = _schaal_max(max((Decimal(p["totaal"]) for _, pts in series for p in pts), default=Decimal(0)))
    lo, hi = percentages[0], percentages[-1]

    def x(p: float) -> float:
        return links + (p - lo) / (hi - lo) * pw if hi > lo else links + pw / 2

    def y(v: Decimal) -> float:
        return boven + ph - float(v) / top * ph

    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {b} {h}" role="img" class="curve" '
           f'aria-label="{e(huishouden)}: ondersteuning per jaar naar inkomen">']
    for i in range(6):  # rasterlijnen en y-as
        v = Decimal(top) * i / 5
        yy = y(v)
        uit.append(f'<line x1="{links}" y1="{yy:.1f}" x2="{b - rechts}" y2="{yy:.1f}" stroke="#ddd" stroke-width="0.6"/>')
        uit.append(f'<text x="{links - 4}" y="{yy + 3:.1f}" text-anchor="end" font-size="9">{e(bedrag_nl(v)[:-3])}</text>')
    for p in percentages:
        uit.append(f'<line x1="{x(p):.1f}" y1="{boven + ph}" x2="{x(p):.1f}" y2="{boven + ph + 3}" stroke="#333"/>')
        uit.append(f'<text x="{x(p):.1f}" y="{boven + ph + 13}" text-anchor="middle" font-size="9">{p}%</text>')
    uit.append(f'<line x1="{links}" y1="{boven + ph}" x2="{b - rechts}" y2="{boven + ph}" stroke="#333" stroke-width="0.8"/>')
    uit.append(f'<text x="{links + pw / 2:.1f}" y="{h - 4}" text-anchor="middle" font-size="9">'
               'inkomen (% van de bijstandsnorm)</text>')
    uit.append(f'<text x="10" y="{boven + ph / 2:.1f}" font-size="9" text-anchor="middle" '
               f'transform="rotate(-90 10 {boven + ph / 2:.1f})">€ per jaar</text>')
    lijnen = groepen(series)
    aantal = len(lijnen)
    for k, (groep, pts) in enumerate(lijnen):
        naam = ", ".join(groep)
        kleur, streep, marker = STIJLEN[k % len(STIJLEN)]
        d = 0.0  # geen verschuiving: de waarden blijven eerlijk; samenvallende stukken tonen beide strepen
        coords = [(x(p["percentage"]), y(Decimal(p["totaal"])) + d) for p in pts]
        pad = [f"M{coords[0][0]:.1f},{coords[0][1]:.1f}"]
        for (x0, _), (x1, y1) in zip(coords, coords[1:]):
            pad.append(f"L{x0:.1f},{y1:.1f} L{x1:.1f},{y1:.1f}")
        waarden = " ".join(p["totaal"] for p in pts)
        uit.append(f'<path class="lijn" data-gemeente="{e(naam)}" data-waarden="{waarden}" d="{" ".join(pad)}" '
                   f'fill="none" stroke="{kleur}" stroke-width="{1.6 + 1.4 * (aantal - 1 - k):.1f}"' + (f' stroke-dasharray="{streep}"' if streep else "")
                   + "/>")
        uit += [_marker(marker, cx, cy, kleur) for cx, cy in coords]
    uit.append("</svg>")
    return "\n".join(uit)


def legenda(namen: list[str]) -> str:
    """De lijnen van één grafiek (``namen``: per lijn de gemeenten)."""
    delen = []
    for k, naam in enumerate(namen):
        kleur, streep, marker = STIJLEN[k % len(STIJLEN)]
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 34 10" width="34" height="10" aria-hidden="true">'
               f'<line x1="1" y1="5" x2="33" y2="5" stroke="{kleur}" stroke-width="1.6"'
               + (f' stroke-dasharray="{streep}"' if streep else "") + f'/>{_marker(marker, 17, 5, kleur)}</svg>')
        delen.append(f'<span class="leg">{svg} {e(naam)}</span>')
    return " ".join(delen)


# --------------------------------------------------------------------------- het rapport

CSS = """
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt;
       line-height: 1.35; color: #111; margin: 0 auto; max-width: 190mm; padding: 6mm; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; }
h2 { font-size: 13pt; margin: 7mm 0 2mm 0; border-bottom: 1.5px solid #444; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm 0; }
p { margin: 1mm 0 2mm 0; }
table.onbevestigd { table-layout: fixed; }
table.onbevestigd td { overflow-wrap: anywhere; }
table.normen th { width: 32%; font-weight: normal; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm 0; font-size: 8.5pt; table-layout: auto; }
th, td { border: 0.6px solid #999; padding: 1mm 1.3mm; vertical-align: top; text-align: left;
         overflow-wrap: break-word; hyphens: manual; }
th { background: #eee; }
td.getal { text-align: right; white-space: nowrap; }
.bron { font-size: 8pt; color: #333; }
.let-op { border-left: 3px solid #b00; padding-left: 2mm; }
.grafieken { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 5mm; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 8pt; margin-top: 0.5mm; }
svg.curve { width: 100%; height: auto; display: block; font-family: inherit; }
.legenda { font-size: 8.5pt; }
.leg { white-space: nowrap; margin-right: 3mm; display: inline-block; }
.hoog { font-weight: bold; color: #a00; }
@media print {
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, figure, .blok { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def gegevens(peildatum: date, reg=None) -> dict:
    """Alle analyses die het rapport toont (ook voor de tests)."""
    from ..plugins import register
    from .actualiteit import actualiteit
    from .harmonisatie import harmonisatie
    from .minima_effect import minima_effect
    from .normen import normen
    from .regelingen import catalogus

    reg = reg or register()
    return {"peildatum": peildatum, "actualiteit": actualiteit(peildatum, reg=reg),
            "minima_effect": minima_effect(peildatum, reg=reg), "harmonisatie": harmonisatie(peildatum, reg=reg),
            "normen": normen(peildatum, reg=reg), "catalogus": catalogus(peildatum, reg=reg)}


def verschillende_normen(doc: dict) -> list[dict]:
    """De open normen waarin de bestaande gemeenten niet allemaal dezelfde waarde hebben."""
    bestaand = [g["plugin"] for g in doc["gemeenten"] if g["bestaat"]]
    return [r for r in doc["normen"] if len({r["per_gemeente"][p]["waarde"] for p in bestaand}) > 1]


def onbevestigd(gg: dict) -> list[dict]:
    """Elke waarde die op de peildatum geldt en nog niet bevestigd is: kern (bevestigd = false),
    gemeenten (eigen waarde met bevestigd = false, of een norm die de gemeente nog moet bevestigen)
    en pluspakketregelingen met bevestigd = false."""
    pd = gg["peildatum"]
    uit = []

    def geldt(w) -> bool:
        return date.fromisoformat(w["geldig_vanaf"]) <= pd and (w["geldig_tot"] is None or pd <= date.fromisoformat(w["geldig_tot"]))

    for x in gg["actualiteit"]["kern"]:
        for w in x["onbevestigd"]:
            if geldt(w):
                uit.append({"wie": "kern (regio)", "naam": x["naam"], "omschrijving": x["omschrijving"],
                            "waarde": w["waarde"], "bron": w["bron"], "grondslag": x["grondslag"]})
    namen = {g["plugin"]: g["naam"] for g in gg["normen"]["gemeenten"]}
    for r in gg["normen"]["normen"]:
        for p, c in r["per_gemeente"].items():
            if c.get("bron") == p and c.get("bevestigd") is False:
                uit.append({"wie": namen[p], "naam": r["naam"], "omschrijving": r["omschrijving"], "waarde": c["waarde"],
                            "bron": c.get("document") or c.get("grondslag") or "", "grondslag": c.get("grondslag") or ""})
            elif c.get("te_bevestigen"):
                uit.append({"wie": namen[p], "naam": r["naam"], "omschrijving": r["omschrijving"],
                            "waarde": (c["waarde"] or "—") + " (volgt de standaard; nog te bevestigen door de gemeente)",
                            "bron": "beleid.toml: [[norm]] zonder waarde", "grondslag": r["grondslag"]})
    for g in gg["catalogus"]["gemeenten"]:
        for r in g["pluspakket"]:
            if not r["bevestigd"]:
                uit.append({"wie": g["naam"], "naam": r["sleutel"], "omschrijving": r["naam"],
                            "waarde": r["bedrag_tekst"] or "geen bedrag", "bron": r["document"], "grondslag": r["grondslag"]})
    return uit


def html_rapport(gg: dict, gemaakt: Optional[date] = None) -> str:
    from .. import __version__
    from .harmonisatie import bereik_lokaal, bereik_normen

    pd = gg["peildatum"]
    peil = datum_nl(pd)
    me, hm, nm, act, cat = gg["minima_effect"], gg["harmonisatie"], gg["normen"], gg["actualiteit"], gg["catalogus"]
    gemeenten = [g for g in me["gemeenten"] if g["bestaat"]]
    namen = [g["naam"] for g in gemeenten]
    basis_grond = "; ".join(f"{r['naam']}: {r['grondslag']}" for r in cat["basispakket"])
    u: list[str] = []
    w = u.append
    w("<!DOCTYPE html>")
    w('<html lang="nl"><head><meta charset="utf-8">')
    w(f"<title>Minimabeleid regio Alkmaar: rapport op {e(peil)}</title>")
    w(f"<style>{CSS}</style></head><body>")
    w(f"<h1>Minimabeleid in de regio Alkmaar op {e(peil)}</h1>")
    w(f'<p>Rapport van de SORA-toolkit {e(__version__)} voor raad en stuurgroep: dezelfde huishoudens in '
      f'{len(namen)} gemeenten ({e(", ".join(namen))}), het harmonisatiebeeld (doel 90% geharmoniseerd, 10% lokaal), '
      f'de armoedeval, de open normen waarin gemeenten verschillen en elke waarde die nog niet bevestigd is. '
      f'Alle cijfers gelden op de peildatum {e(peil)}'
      + (f"; gemaakt op {e(datum_nl(gemaakt))}" if gemaakt else "") + ".</p>")

    # 1. actualiteit
    w('<h2 id="actualiteit">1. Actualiteit van de gegevens</h2>')
    if act["volledig_gedekt"]:
        t = f"Op {peil} heeft elke parameter en open norm met waarden een waarde."
    else:
        t = f"Op {peil} ontbreken waarden ({len(act['niet_gedekt'])} in de kern); beslissingen die ze nodig hebben, worden doorverwezen."
    if act["eerste_ongedekte_datum"] and act["kern_gedekt"]:
        from .actualiteit import kern_dekking

        later = kern_dekking().niet_gedekt(date.fromisoformat(act["eerste_ongedekte_datum"]))
        t += (f" De kern is gedekt tot en met {_nl(act['gedekt_tot_en_met'])}; vanaf {_nl(act['eerste_ongedekte_datum'])} "
              f"ontbreken {len(later)} waarden, onder meer: " + "; ".join(x["omschrijving"].rstrip(".") for x in later[:3])
              + ". Vanaf die dag verwijzen beslissingen die ze nodig hebben door.")
    w(f'<p class="{"" if act["volledig_gedekt"] else "let-op"}">{e(t)}</p>')
    for x in me.get("waarschuwingen", []):
        w(f'<p class="let-op">{e(x)}</p>')
    if act["niet_gedekt"]:
        w("<table><tr><th>waarde</th><th>laatst gedekt</th><th>grondslag</th></tr>")
        for n in act["niet_gedekt"]:
            w(f"<tr><td>{e(n['omschrijving'])}</td><td>{e(_nl(n['laatst_gedekt']))}</td><td>{e(n['grondslag'])}</td></tr>")
        w("</table>")
    w(f'<p class="bron">Bron: <code>sora actualiteit --peildatum {pd.isoformat()}</code>.</p>')

    # 2. modelhuishoudens naast elkaar
    w('<h2 id="vergelijking">2. Dezelfde huishoudens in elke gemeente</h2>')
    w("<p>Ondersteuning per jaar voor acht modelhuishoudens met een inkomen op 100% van hun bijstandsnorm "
      "(per maand x 12, per jaar x 1, eenmalig x 1). Een + met een getal: zoveel regelingen zijn toegekend zonder "
      "bedrag of doorverwezen en tellen <em>niet</em> mee: het bedrag is dan een ondergrens.</p>")
    w('<table class="vergelijking"><tr><th>huishouden</th><th>norm per maand</th>'
      + "".join(f"<th>{e(n)}</th>" for n in namen) + "</tr>")
    for i, h0 in enumerate(gemeenten[0]["huishoudens"] if gemeenten else []):
        cellen = []
        for g in gemeenten:
            h = g["huishoudens"][i]
            if not h["punten"]:
                cellen.append('<td class="getal">?</td>')
                continue
            pt = h["punten"][0]
            onb = _onbekend_in(pt)
            cellen.append(f'<td class="getal" data-totaal="{pt["totaal"]}">{e(bedrag_nl(Decimal(pt["totaal"])))}'
                          + (f" + {onb} ?" if onb else "") + "</td>")
        norm = h0["norm_per_maand"]
        w(f"<tr><td>{e(h0['omschrijving'])}</td><td class=\"getal\">{e(bedrag_nl(Decimal(norm))) if norm else '?'}</td>"
          + "".join(cellen) + "</tr>")
    w("</table>")
    w(f'<p class="bron">Peildatum {e(peil)}. Grondslag basispakket: {e(basis_grond)}; pluspakket: het beleid van '
      f'elke gemeente (zie <code>sora regelingen</code>). Bron: <code>sora minima-effect --peildatum {pd.isoformat()}</code>.</p>')

    # 3. harmonisatie
    w('<h2 id="harmonisatie">3. Harmonisatie: 90% geharmoniseerd, 10% lokaal</h2>')
    w('<table class="harmonisatie"><tr><th>gemeente</th><th>open normen op de standaard</th><th>regelingen zonder bedrag</th>'
      "<th>lokaal aandeel</th><th>oordeel</th></tr>")
    for g in hm["gemeenten"]:
        if not g["bestaat"]:
            w(f'<tr data-plugin="{e(g["plugin"])}"><td>{e(g["naam"])}</td><td colspan="4">{e(g["oordeel"]["tekst"])}</td></tr>')
            continue
        wa = g["waarde"]
        w(f'<tr data-plugin="{e(g["plugin"])}"><td>{e(g["naam"])}</td><td class="getal">{e(bereik_normen(g["normen"]))}</td>'
          f'<td class="getal">{wa["zonder_bedrag"]} van {wa["aantal"]}</td><td class="getal">{e(bereik_lokaal(wa))}</td>'
          f'<td>{e(g["oordeel"]["tekst"])}</td></tr>')
    w("</table>")
    w(f'<p class="bron">Zo is gemeten: {e(hm["uitleg"])} Peildatum {e(peil)}. Grondslag van het doel: regionale '
      f'afspraak "90% harmonisatie / 10% lokale invulling"; de open normen en hun grondslag: <code>sora normen</code>. '
      f'Bron: <code>sora harmonisatie --peildatum {pd.isoformat()}</code>.</p>')

    # 4. minima-effect
    w('<h2 id="armoedeval">4. Armoedeval: ondersteuning naar inkomen</h2>')
    w("<p>Per modelhuishouden de ondersteuning per jaar bij een inkomen van "
      + e(", ".join(f"{p}%" for p in me["percentages"]))
      + " van de bijstandsnorm. De waarde bij een percentage geldt voor inkomens boven het vorige punt tot en met dat "
        "punt. Gemeenten met precies dezelfde curve delen één lijn (het bijschrift noemt ze); verschillende lijnen "
        "hebben elk een eigen kleur, streep, dikte en markering: waar twee lijnen samenvallen, zijn beide te zien. "
        "Regelingen zonder bedrag tellen niet mee: het bijschrift zegt hoeveel dat er op 100% zijn.</p>")
    w('<div class="grafieken">')
    for i, h0 in enumerate(gemeenten[0]["huishoudens"] if gemeenten else []):
        series = [(g["naam"], g["huishoudens"][i]["punten"]) for g in gemeenten if g["huishoudens"][i]["punten"]]
        if not series:
            w(f"<figure><p>{e(h0['omschrijving'])}: geen bijstandsnorm bekend op {e(peil)}.</p></figure>")
            continue
        lijnen = [", ".join(gr) for gr, _ in groepen(series)]
        onb = sorted({_onbekend_in(g["huishoudens"][i]["punten"][0]) for g in gemeenten if g["huishoudens"][i]["punten"]})
        aantal = f"{onb[0]}" if onb and onb[0] == onb[-1] else (f"{onb[0]} tot {onb[-1]}" if onb else "0")
        zonder = f" Regelingen zonder bedrag op 100% (niet in de lijn): {aantal}." if onb and onb[-1] else ""
        w(f'<figure data-huishouden="{e(h0["sleutel"])}">' + curve_svg(h0["omschrijving"], series, me["percentages"])
          + f"<figcaption><b>{e(h0['omschrijving'])}</b> (norm € {e(bedrag_nl(Decimal(h0['norm_per_maand'])))} per maand), "
            f"peildatum {e(peil)}.{e(zonder)}<br>{legenda(lijnen)}</figcaption></figure>")
    w("</div>")
    w("<h3>Effectieve marginale druk</h3>")
    w("<p>Het deel van het extra inkomen dat verloren gaat doordat ondersteuning vervalt: (ondersteuning vóór − "
      "ondersteuning na) / extra inkomen per jaar. <span class=\"hoog\">Vet</span>: 100% of meer, meer verdienen levert "
      "per saldo niets of minder op (armoedeval). Alleen stappen waar de druk in een gemeente boven 0% ligt.</p>")
    pcts = me["percentages"]
    stappen = list(zip(pcts, pcts[1:]))
    w('<table class="druk"><tr><th>huishouden</th><th>gemeente</th>'
      + "".join(f"<th>{a}% → {b}%</th>" for a, b in stappen) + "</tr>")
    rijen = 0
    for i, h0 in enumerate(gemeenten[0]["huishoudens"] if gemeenten else []):
        per_druk: dict[tuple, list[str]] = {}
        for g in gemeenten:
            pts = g["huishoudens"][i]["punten"]
            if not pts:
                continue
            druk = tuple(marginale_druk(a, b) for a, b in zip(pts, pts[1:]))
            if any(d is not None and d > 0 for d in druk):
                per_druk.setdefault(druk, []).append(g["naam"])
        for druk, wie in per_druk.items():
            rijen += 1
            cellen = []
            for d in druk:
                if d is None:
                    cellen.append('<td class="getal">?</td>')
                else:
                    klasse = "getal hoog" if d >= 1 else "getal"
                    cellen.append(f'<td class="{klasse}" data-druk="{d}">{e(procent_nl(d.quantize(Decimal("0.001"))))}</td>')
            w(f'<tr><td>{e(h0["omschrijving"])}</td><td data-gemeenten="{e("|".join(wie))}">{e(", ".join(wie))}</td>'
              + "".join(cellen) + "</tr>")
    if not rijen:
        w(f'<tr><td colspan="{2 + len(stappen)}">Nergens vervalt ondersteuning tussen deze inkomens.</td></tr>')
    w("</table>")
    w(f'<p class="bron">Peildatum {e(peil)}. Grondslag: {e(basis_grond)}; pluspakket per gemeente. Modelhuishoudens en '
      f'aannamen: docs/cli.md (sora minima-effect). Bron: <code>sora minima-effect --peildatum {pd.isoformat()}</code>.</p>')

    # 5. open normen die verschillen
    bestaand = [g for g in nm["gemeenten"] if g["bestaat"]]
    versch = verschillende_normen(nm)
    w('<h2 id="normen">5. Open normen waarin gemeenten verschillen</h2>')
    w(f"<p>{len(versch)} van de {len(nm['normen'])} open normen hebben niet in elke gemeente dezelfde waarde. "
      "* = wijkt af van de regionale standaard; ? = nog te bevestigen; — = geen waarde.</p>")
    for r in versch:
        std = r["standaard"]["waarde"] if r["standaard"] else "—"
        per_waarde: dict[str, list[str]] = {}
        for g in bestaand:
            c = r["per_gemeente"][g["plugin"]]
            t = "—" if c["waarde"] is None else c["waarde"]
            t += "" if c["op_standaard"] else " *"
            t += " ?" if c.get("te_bevestigen") or c.get("bevestigd") is False else ""
            per_waarde.setdefault(t, []).append(g["naam"])
        w(f'<div class="blok" data-norm="{e(r["naam"])}"><h3>{e(r["omschrijving"])}</h3>'
          f'<p class="bron">{e(r["naam"])}; grondslag: {e(r["grondslag"])}</p>'
          f'<table class="normen"><tr><th>regionale standaard</th><td>{e(std)}</td></tr>'
          + "".join(f"<tr><th>{e(', '.join(wie))}</th><td>{e(t)}</td></tr>" for t, wie in per_waarde.items())
          + "</table></div>")
    w(f'<p class="bron">Peildatum {e(peil)}. De grondslag van elke gemeentelijke waarde: <code>sora normen '
      f'--peildatum {pd.isoformat()}</code>.</p>')

    # 6. onbevestigde waarden
    onb = onbevestigd(gg)
    w('<h2 id="onbevestigd">6. Waarden die nog niet bevestigd zijn</h2>')
    w(f"<p>{len(onb)} waarden die op {e(peil)} gelden, zijn nog niet tegen de officiële bron bevestigd of nog niet door "
      "de gemeente vastgesteld. Beslissingen die ze gebruiken, zeggen dat in hun motivering.</p>")
    w('<table class="onbevestigd"><colgroup><col style="width:14%"><col style="width:16%"><col style="width:38%">'
      '<col style="width:32%"></colgroup><tr><th>van</th><th>waarde</th><th>wat</th><th>bron en grondslag</th></tr>')
    for x in onb:
        w(f"<tr><td>{e(x['wie'])}</td><td>{e(x['waarde'])}</td><td>{e(x['omschrijving'])}<br>"
          f'<span class="bron">{e(x["naam"])}</span></td><td class="bron">{e(x["bron"])}'
          + (f"; {e(x['grondslag'])}" if x["grondslag"] and x["grondslag"] != x["bron"] else "") + "</td></tr>")
    w("</table>")
    w(f'<p class="bron">Bron: <code>sora actualiteit --peildatum {pd.isoformat()}</code>, <code>sora normen</code> en '
      "<code>sora regelingen</code>.</p>")
    w("</body></html>")
    return "\n".join(u) + "\n"

