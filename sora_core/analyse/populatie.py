"""Een synthetische populatie: reproduceerbare casussen (JSON Lines) voor demo's en benchmarks.

Dezelfde ``--seed``, ``--aantal`` en ``--peildatum`` geven byte voor byte dezelfde uitvoer
(``random.Random(seed)``, vaste volgorde van trekkingen). Er zit geen persoonsgegeven in:
alles is getrokken. Elke regel is een geldige casus volgens het contract.

Aannamen (verdelingen; bedoeld als realistisch voor een minimapopulatie, niet als statistiek
van de regio):

* gemeente: naar inwonertal bij benadering (Alkmaar 111, Dijk en Waard 90, Castricum 36,
  Bergen (NH) 30, Heiloo 24, Uitgeest 14 duizend; afgeronde aanname, geen bron-gecontroleerd
  cijfer); Dijk en Waard alleen vanaf 1-1-2022;
* huishouden: alleenstaande 40%, alleenstaande ouder 15%, paar zonder kinderen 10%, paar met
  kinderen 15%, alleenstaande met AOW 13%, paar met AOW 7%;
* leeftijd aanvrager 21-64 (met kinderen 25-55), AOW-huishoudens 68-75 (beiden; alleen
  geboortedata waarvoor de AOW-tabel van de kern, die bij 2015 begint, de AOW-datum kent);
  partner onder de AOW-leeftijd tot vijf jaar jonger of ouder; 1, 2 of 3 kinderen (45/40/15%) van 0-17 jaar, ouder minstens 18 jaar ouder;
  5% van de alleenstaanden onder de AOW-leeftijd heeft een medebewoner van 27-60 (kostendeler);
* arbeidsvermogen volledig 90%, beperkt 7%, geen 3%; student 2% (alleen 21-30 jaar);
* woning: huur 85%, koop 8%, inwonend 7%;
* netto inkomen per maand als deel van de landelijke bijstandsnorm van het huishouden op de
  peildatum: 35% rond 100% (98-102%), 65% gelijk verdeeld over 100-160%;
* inkomen laag sinds: 65% 3-10 jaar voor de peildatum, 35% 0-3 jaar; uitzicht op
  verbetering 10%;
* bezittingen: 80% 0-3.000, 15% 3.000-15.000, 5% 15.000-40.000 euro; schulden: 30% 0-10.000.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterator

from ..geld import cent, datum_nl

STANDAARD_PEILDATUM = date(2025, 9, 1)

#: CBS-code, gewicht (duizenden inwoners, afgerond; aanname), bestaat vanaf
GEMEENTEN = (
    ("GM0361", 111, None),   # Alkmaar
    ("GM0373", 30, None),    # Bergen (NH)
    ("GM0383", 36, None),    # Castricum
    ("GM1980", 90, date(2022, 1, 1)),  # Dijk en Waard
    ("GM0399", 24, None),    # Heiloo
    ("GM0450", 14, None),    # Uitgeest
)
SOORTEN = (("alleenstaande", 40), ("alleenstaande_ouder", 15), ("paar", 10), ("paar_kinderen", 15),
           ("aow_alleenstaande", 13), ("aow_paar", 7))


def _normen(peildatum: date) -> dict[str, Decimal]:
    from ..fouten import Fout, InvoerFout
    from ..parameters import kern_definities

    defs = kern_definities()
    uit = {}
    for naam in ("bijstandsnorm.alleenstaande", "bijstandsnorm.gehuwden", "bijstandsnorm.alleenstaande_aow",
                 "bijstandsnorm.gehuwden_aow"):
        w = defs[naam].waarde_op(peildatum) if naam in defs else None
        if w is None:
            raise InvoerFout([Fout("--peildatum", f"Voor {datum_nl(peildatum)} is geen bijstandsnorm ({naam}) bekend; "
                                                  "kies een peildatum waarvoor de normen vastliggen.")])
        uit[naam] = w.waarde
    return uit


def _geboren(rng: random.Random, peildatum: date, leeftijd: int) -> str:
    # leeftijd hele jaren op de peildatum: geboren tussen (leeftijd+1) jaar en leeftijd jaar geleden
    jaar_terug = date(peildatum.year - leeftijd, peildatum.month, min(peildatum.day, 28))
    return (jaar_terug - timedelta(days=rng.randint(1, 364))).isoformat()


def _aow_geboren(rng: random.Random, peildatum: date) -> str:
    """Iemand die op de peildatum de AOW-leeftijd heeft (68-75 jaar) en voor wie de AOW-tabel
    van de kern de AOW-datum kent (die tabel begint bij 2015); anders opnieuw trekken."""
    from ..huishouden import aow_datum

    for _ in range(50):
        d = _geboren(rng, peildatum, rng.randint(68, 75))
        r = aow_datum(date.fromisoformat(d))
        if r is not None and r[0] <= peildatum:
            return d
    raise ValueError("geen geboortedatum met bekende AOW-leeftijd te vinden voor deze peildatum")


def _kies(rng: random.Random, opties) -> str:
    return rng.choices([o[0] for o in opties], weights=[o[1] for o in opties])[0]


def casussen(aantal: int, seed: int, peildatum: date = STANDAARD_PEILDATUM) -> Iterator[dict]:
    normen = _normen(peildatum)
    rng = random.Random(seed)
    gemeenten = [(c, w) for c, w, vanaf in GEMEENTEN if vanaf is None or peildatum >= vanaf]
    for _ in range(aantal):
        gemeente = _kies(rng, gemeenten)
        soort = _kies(rng, SOORTEN)
        aow = soort.startswith("aow")
        paar = soort in ("paar", "paar_kinderen", "aow_paar")
        kinderen_n = 0
        if soort in ("alleenstaande_ouder", "paar_kinderen"):
            kinderen_n = _kies(rng, ((1, 45), (2, 40), (3, 15)))
        if aow:
            leeftijd = 0  # zie _aow_geboren
        elif kinderen_n:
            leeftijd = rng.randint(25, 55)
        else:
            leeftijd = rng.randint(21, 64)
        aanvrager = {"geboortedatum": _aow_geboren(rng, peildatum) if aow else _geboren(rng, peildatum, leeftijd)}
        if not aow and leeftijd <= 30 and rng.random() < 0.02:
            aanvrager["student"] = True
        aanvrager["arbeidsvermogen"] = _kies(rng, (("volledig", 90), ("beperkt", 7), ("geen", 3)))
        c: dict = {"gemeente": gemeente, "peildatum": peildatum.isoformat(), "aanvrager": aanvrager}
        if paar:
            if aow:
                c["partner"] = {"geboortedatum": _aow_geboren(rng, peildatum)}
            else:
                lp = min(max(leeftijd + rng.randint(-5, 5), 21), 64)
                c["partner"] = {"geboortedatum": _geboren(rng, peildatum, lp)}
        if kinderen_n:
            c["kinderen"] = [{"geboortedatum": _geboren(rng, peildatum, rng.randint(0, min(17, leeftijd - 18)))}
                             for _ in range(kinderen_n)]
        if soort == "alleenstaande" and rng.random() < 0.05:
            c["medebewoners"] = [{"geboortedatum": _geboren(rng, peildatum, rng.randint(27, 60))}]
        c["woning"] = {"soort": _kies(rng, (("huur", 85), ("koop", 8), ("inwonend", 7)))}
        naam = "bijstandsnorm." + ("gehuwden" if paar else "alleenstaande") + ("_aow" if aow else "")
        if rng.random() < 0.35:
            fractie = Decimal(rng.randint(980, 1020)) / 1000
        else:
            fractie = Decimal(rng.randint(1000, 1600)) / 1000
        laag_jaren = rng.randint(3, 10) if rng.random() < 0.65 else rng.randint(0, 2)
        laag_sinds = date(peildatum.year - laag_jaren, rng.randint(1, 12), 1)
        if laag_sinds > peildatum:
            laag_sinds = date(peildatum.year, 1, 1)
        c["inkomen"] = {"netto_per_maand": str(cent(normen[naam] * fractie)), "laag_sinds": laag_sinds.isoformat(),
                        "uitzicht_op_verbetering": rng.random() < 0.10}
        r = rng.random()
        bezit = rng.randint(0, 3000) if r < 0.80 else rng.randint(3000, 15000) if r < 0.95 else rng.randint(15000, 40000)
        schuld = rng.randint(0, 10000) if rng.random() < 0.30 else 0
        c["vermogen"] = {"bezittingen": f"{bezit}.00", "schulden": f"{schuld}.00"}
        yield c


def regels(aantal: int, seed: int, peildatum: date = STANDAARD_PEILDATUM) -> Iterator[str]:
    for c in casussen(aantal, seed, peildatum):
        yield json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n"
