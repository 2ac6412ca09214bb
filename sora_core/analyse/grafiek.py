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


def minima_effect(doc: dict, pad: str) -> None:
    plt = pyplot()
    gemeenten = [g for g in doc["gemeenten"] if g["bestaat"]]
    huishoudens = gemeenten[0]["huishoudens"] if gemeenten else []
    if not huishoudens or any(h["norm_per_maand"] is None for g in gemeenten for h in g["huishoudens"]):
        from ..fouten import SoraFout

        raise SoraFout("Geen grafiek: op deze peildatum is niet voor elk huishouden een bijstandsnorm bekend.")
    n = len(huishoudens)
    kolommen = 4 if n > 4 else max(n, 1)
    rijen = (n + kolommen - 1) // kolommen
    fig, assen = plt.subplots(rijen, kolommen, figsize=(4 * kolommen, 3.2 * rijen), sharex=True, squeeze=False)
    for i, h in enumerate(huishoudens):
        ax = assen[i // kolommen][i % kolommen]
        for k, g in enumerate(gemeenten):
            hh = g["huishoudens"][i]
            x = [p["percentage"] for p in hh["punten"]]
            y = [float(Decimal(p["totaal"])) for p in hh["punten"]]
            # steps-pre: de waarde bij p geldt voor inkomens boven het vorige punt tot en met p
            # (grenzen zijn "ten hoogste"); afnemende lijndikte houdt samenvallende lijnen zichtbaar
            ax.plot(x, y, marker="o", drawstyle="steps-pre", label=g["naam"],
                    linewidth=1.2 + 2.0 * (len(gemeenten) - 1 - k) / max(len(gemeenten) - 1, 1),
                    markersize=3 + 4 * (len(gemeenten) - 1 - k) / max(len(gemeenten) - 1, 1))
        ax.set_title(h["omschrijving"], fontsize=10)
        ax.set_xlabel("inkomen (% van de norm)")
        ax.set_ylabel("ondersteuning per jaar (€)")
        ax.grid(True, alpha=0.3)
    for j in range(n, rijen * kolommen):
        assen[j // kolommen][j % kolommen].axis("off")
    handles, labels = assen[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=min(6, len(labels) or 1))
    fig.suptitle(f"Minima-effect op {doc['peildatum']}: ondersteuning per jaar naar inkomen (armoedeval)")
    fig.tight_layout(rect=(0, 0.06, 1, 0.95))
    fig.savefig(pad)
    plt.close(fig)


def harmonisatie(doc: dict, pad: str) -> None:
    plt = pyplot()
    gemeenten = [g for g in doc["gemeenten"] if g["bestaat"]]
    namen = [g["naam"] for g in gemeenten]
    normen = [float(Decimal(g["normen"]["aandeel_op_standaard"] or 0)) * 100 for g in gemeenten]
    lokaal = [float(Decimal(g["pluspakket"]["aandeel_lokaal"] or 0)) * 100 for g in gemeenten]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4))
    a1.bar(namen, normen, color="#2b7bba")
    a1.axhline(90, color="red", linestyle="--", label="doel 90%")
    a1.set_ylim(0, 100)
    a1.set_title("Open normen op de regionale standaard (%)")
    a1.legend()
    a2.bar(namen, lokaal, color="#e08a1e")
    a2.axhline(10, color="red", linestyle="--", label="doel hoogstens 10%")
    a2.set_title("Pluspakket: aandeel van de ondersteuning (%)")
    a2.legend()
    for a in (a1, a2):
        a.tick_params(axis="x", rotation=30)
    fig.suptitle(f"Harmonisatie op {doc['peildatum']} (90% geharmoniseerd / 10% lokaal)")
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)
