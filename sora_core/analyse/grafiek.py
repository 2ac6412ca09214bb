"""Plaatjes met matplotlib (optioneel: ``pip install 'sora-core[grafiek]'``).

Bedragen gaan pas hier, voor het tekenen, van ``Decimal`` naar float: alleen de
weergave, nooit een berekening.
"""

from __future__ import annotations

from decimal import Decimal

INSTALLEER = "pip install 'sora-core[grafiek]'"


class GeenMatplotlib(Exception):
    pass


def pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise GeenMatplotlib(
            "Voor --grafiek is matplotlib nodig en dat is niet geïnstalleerd. Installeer het met:\n"
            f"  {INSTALLEER}\n(of in een ontwikkelomgeving: pip install matplotlib)") from None
    return plt


def controleer_pad(pad: str) -> None:
    if not pad.lower().endswith((".svg", ".png")):
        from ..fouten import Fout, InvoerFout

        raise InvoerFout([Fout("--grafiek", f"'{pad}': kies een bestandsnaam op .svg of .png.")])


#: de markering van ``rapport.STIJLEN`` in matplotlib
_MARKERS = {"cirkel": "o", "vierkant": "s", "driehoek": "^", "ruit": "D", "kruis": "x", "plus": "+"}


def stijl(k: int) -> dict:
    """Kleur, streep en markering van lijn ``k``: dezelfde als in het HTML-rapport (``rapport.STIJLEN``)."""
    from .rapport import STIJLEN

    kleur, streep, marker = STIJLEN[k % len(STIJLEN)]
    uit = {"color": kleur, "marker": _MARKERS[marker]}
    if streep:
        uit["dashes"] = tuple(float(x) for x in streep.split())
    return uit


def minima_effect(doc: dict, pad: str) -> None:
    """Per modelhuishouden een paneel. Gemeenten met precies dezelfde curve delen één lijn en het
    bijschrift (de legenda van het paneel) noemt ze samen (``rapport.groepen``, zoals in het
    HTML-rapport); elke lijn heeft eigen kleur, streep, dikte en markering, zodat geen gemeente
    achter een andere verdwijnt."""
    from ..geld import datum_nl
    from .rapport import groepen

    plt = pyplot()
    gemeenten = [g for g in doc["gemeenten"] if g["bestaat"]]
    huishoudens = gemeenten[0]["huishoudens"] if gemeenten else []
    if not huishoudens or any(h["norm_per_maand"] is None for g in gemeenten for h in g["huishoudens"]):
        from ..fouten import SoraFout

        raise SoraFout("Geen grafiek: op deze peildatum is niet voor elk huishouden een bijstandsnorm bekend.")
    n = len(huishoudens)
    kolommen = 3 if n > 4 else max(n, 1)
    rijen = (n + kolommen - 1) // kolommen
    fig, assen = plt.subplots(rijen, kolommen, figsize=(5.2 * kolommen, 4.9 * rijen), squeeze=False)
    for i, h in enumerate(huishoudens):
        ax = assen[i // kolommen][i % kolommen]
        lijnen = groepen([(g["naam"], g["huishoudens"][i]["punten"]) for g in gemeenten])
        for k, (namen, punten) in enumerate(lijnen):
            x = [p["percentage"] for p in punten]
            y = [float(Decimal(p["totaal"])) for p in punten]
            # steps-pre: de waarde bij p geldt voor inkomens boven het vorige punt tot en met p
            # (grenzen zijn "ten hoogste"); de eerste lijn is het dikst, zodat een gestreepte
            # lijn die er op een stuk mee samenvalt er zichtbaar bovenop ligt
            ax.plot(x, y, drawstyle="steps-pre", label=", ".join(namen), zorder=2 + k,
                    linewidth=1.4 + 1.6 * (len(lijnen) - 1 - k), markersize=5, **stijl(k))
        ax.set_title(h["omschrijving"], fontsize=10)
        ax.set_xlabel("inkomen (% van de norm)")
        ax.set_ylabel("ondersteuning per jaar (€)")
        hoogste = max((float(Decimal(p["totaal"])) for _, pts in lijnen for p in pts), default=0.0)
        top = max(hoogste * 1.08, 100)  # ook een paneel zonder ondersteuning krijgt een euro-as
        ax.set_ylim(-0.04 * top, top)  # een lijn op € 0 ligt net boven de as, niet erachter
        ax.set_xticks(doc["percentages"], [f"{p}%" for p in doc["percentages"]])
        ax.tick_params(labelbottom=True)
        ax.grid(True, alpha=0.3)
        # het bijschrift onder het paneel, niet over de lijnen: één regel per lijn, met alle
        # gemeenten die die lijn delen
        ax.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1, frameon=False,
                  title="zelfde lijn = zelfde bedragen" if len(lijnen) < len(gemeenten) else None, title_fontsize=7.5)
    for j in range(n, rijen * kolommen):
        assen[j // kolommen][j % kolommen].axis("off")
    fig.suptitle(f"Minima-effect op {datum_nl(doc['peildatum'])}: ondersteuning per jaar naar inkomen (armoedeval)")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    fig.savefig(pad, dpi=110)
    plt.close(fig)


def harmonisatie(doc: dict, pad: str) -> None:
    """Beide maten per gemeente als bereik (onder- tot bovengrens) met de doellijnen; een maat
    zonder grens loopt door tot de rand (0 of 100%) en is gearceerd."""
    plt = pyplot()
    gemeenten = [g for g in doc["gemeenten"] if g["bestaat"]]
    namen = [g["naam"] for g in gemeenten]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4))

    def bereik(ax, lo, hi, kleur):
        for i, (a, b) in enumerate(zip(lo, hi)):
            open_ = a is None or b is None
            a = 0.0 if a is None else float(Decimal(a)) * 100
            b = 100.0 if b is None else float(Decimal(b)) * 100
            ax.bar(i, max(b - a, 0.6), bottom=a - (0.3 if b == a else 0), color=kleur, alpha=0.5 if open_ else 0.9,
                   hatch="//" if open_ else None, edgecolor=kleur)
        ax.set_xticks(range(len(namen)), namen, rotation=30)

    bereik(a1, [g["normen"]["ondergrens"] for g in gemeenten], [g["normen"]["bovengrens"] for g in gemeenten], "#2b7bba")
    a1.axhline(90, color="red", linestyle="--", label="doel ten minste 90%")
    a1.set_ylim(0, 100)
    a1.set_title("Open normen op de regionale standaard (%)")
    a1.legend()
    bereik(a2, [g["waarde"]["ondergrens"] for g in gemeenten], [g["waarde"]["bovengrens"] for g in gemeenten], "#e08a1e")
    a2.axhline(10, color="red", linestyle="--", label="doel hoogstens 10%")
    a2.set_ylim(0, 100)
    a2.set_title("Lokaal aandeel van de ondersteuning (%)")
    a2.legend()
    from datetime import date

    from ..geld import datum_nl

    fig.suptitle(f"Harmonisatie op {datum_nl(date.fromisoformat(doc['peildatum']))}: bereik van onder- tot "
                 "bovengrens (gearceerd: niet te begrenzen)")
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)
