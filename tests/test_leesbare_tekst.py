"""Leesbare terminaluitvoer (issue 15, punt 3): datums in lopende tekst als "1 september 2025",
de grondslagregel na stap 10 uitgelijnd, geen bezwaar onder een "niet van toepassing" waar niemand
om vroeg, ``vergelijk`` vóór het bestaan van een gemeente, elke gemeente zichtbaar in de grafiek en
de "Let op"-regels binnen 100 kolommen."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from sora_core.cli import sora

from conftest import ROOT

ISO = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
VOORBEELDEN = ROOT / "voorbeelden"


def run(*args) -> str:
    r = CliRunner().invoke(sora, [str(a) for a in args], catch_exceptions=False)
    return r.output


# ---------------------------------------------------------------- a. datums in tekst

@pytest.mark.parametrize("args", [
    ("regelingen",), ("regelingen", "--peildatum", "2021-06-01"), ("minima-effect", "--peildatum", "2021-06-01"),
    ("landelijk", "--peildatum", "2026-12-01"), ("gemeenten",), ("actualiteit", "--peildatum", "2026-12-01"),
    ("harmonisatie", "--peildatum", "2021-06-01"), ("normen", "--peildatum", "2021-06-01"),
    ("vergelijk", VOORBEELDEN / "gezin-vergelijk.toml", "--peildatum", "2021-06-01"),
])
def test_tekstuitvoer_noemt_geen_iso_datum(zes_gemeenten, args):
    tekst = run(*args)
    assert not ISO.search(tekst), ISO.search(tekst).group(0)


def test_meldingen_noemen_de_datum_zoals_een_mens():
    from datetime import date

    from sora_core.beslisser import beoordeel
    from sora_core.fouten import InvoerFout

    from conftest import casus

    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(aanvragen=[{"regeling": "inkomenstoeslag"}]))
    assert "in Alkmaar op 1 september 2025; bekend:" in e.value.fouten()[0].melding
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(gemeente="GM1980", peildatum="2021-06-01"))
    assert "bestaat pas vanaf 1 januari 2022; op peildatum 1 juni 2021" in e.value.fouten()[0].melding
    assert date(2025, 9, 1).isoformat() == "2025-09-01"  # het JSON-veld zelf blijft ISO


def test_json_blijft_iso(zes_gemeenten):
    doc = json.loads(run("regelingen", "--peildatum", "2025-09-01", "--json"))
    assert doc["peildatum"] == "2025-09-01"
    assert all(ISO.fullmatch(r["geldig_vanaf"]) for g in doc["gemeenten"] for r in g["pluspakket"])


# ---------------------------------------------------------------- b. grondslag na stap 10

def test_grondslag_uitgelijnd_na_stap_10():
    regels = run("beoordeel", VOORBEELDEN / "bijzondere-bijstand-heiloo-draagkracht.toml").splitlines()
    stappen = [i for i, r in enumerate(regels) if re.match(r"  \d+\. ", r)]
    assert any(regels[i].startswith("  10. ") for i in stappen)
    for i in stappen:
        inspringing = len(re.match(r"  \d+\. ", regels[i]).group(0))
        assert regels[i + 1].startswith(" " * inspringing + "grondslag: "), (regels[i], regels[i + 1])
