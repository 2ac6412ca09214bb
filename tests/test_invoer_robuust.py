"""Invoer die geen casus is, en dubbele aanvragen (issues 4 en 10)."""

from __future__ import annotations

import json

import pytest

from conftest import casus
from sora_core import beoordeel
from sora_core.fouten import InvoerFout


# --------------------------------------------------------------------------- issue 10: geen casus

@pytest.mark.parametrize("geen_casus", [[], None, "casus", 42, 1.5, True, b"{}", ("a",), {1, 2}, [casus()]])
def test_beoordeel_met_iets_anders_dan_een_casus_geeft_invoerfout(geen_casus):
    with pytest.raises(InvoerFout) as e:
        beoordeel(geen_casus)
    melding = str(e.value)
    assert "casus" in melding.lower()
    for engels in ("AttributeError", "NoneType", "has no attribute", "list"):
        assert engels not in melding
    json.dumps(e.value.als_dict(), ensure_ascii=False)


# --------------------------------------------------------------------------- issue 4: dubbele aanvragen

IIT = {"regeling": "individuele_inkomenstoeslag"}
BB = {"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering", "bedrag": "1250.00",
      "omschrijving": "Kosten beschermingsbewind Jan Jansen", "kostendatum": "2025-08-01"}


def _fouten(aanvragen, **over):
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(aanvragen=aanvragen, **over))
    return e.value.fouten()


def test_dezelfde_toeslag_drie_keer_is_een_invoerfout_die_de_herhaling_noemt():
    fouten = _fouten([IIT, IIT, IIT])
    assert [f.veld for f in fouten] == ["aanvragen[1].regeling", "aanvragen[2].regeling"]
    assert "aanvragen[0]" in fouten[0].melding and "individuele_inkomenstoeslag" in fouten[0].melding


def test_herhaalde_regeling_tussen_andere_aanvragen_en_uit_het_pluspakket():
    # Alkmaar heeft een pluspakket; elke regeling behalve bijzondere bijstand telt
    from sora_core.beslisser import catalogus
    from sora_core.beleid import los_op
    from sora_core.plugins import register
    from datetime import date

    plus = next(r.sleutel for r in catalogus(los_op(register().zoek("alkmaar"), date(2025, 9, 1))).values()
                if r.pakket != "basis")
    fouten = _fouten([{"regeling": plus}, IIT, BB, {"regeling": plus}])
    assert [f.veld for f in fouten] == ["aanvragen[3].regeling"]
    assert plus in fouten[0].melding


def test_bijzondere_bijstand_voor_verschillende_kosten_mag_vaker():
    ander = {**BB, "bedrag": "300.00", "omschrijving": "Bewind, tweede halfjaar"}
    b = beoordeel(casus(gemeente="GM0373", aanvraagdatum="2025-08-20", aanvragen=[BB, ander, IIT]))
    assert [x.regeling for x in b.beslissingen] == ["bijzondere_bijstand", "bijzondere_bijstand",
                                                     "individuele_inkomenstoeslag"]


def test_twee_keer_dezelfde_kostenpost_bijzondere_bijstand_is_een_fout_zonder_omschrijving_te_noemen():
    fouten = _fouten([BB, IIT, dict(BB)], gemeente="GM0373", aanvraagdatum="2025-08-20")
    assert [f.veld for f in fouten] == ["aanvragen[2]"]
    assert "aanvragen[0]" in fouten[0].melding
    assert "Jan Jansen" not in fouten[0].melding  # privacy: geen vrije tekst


def test_dubbele_aanvraag_in_de_cli_exitcode_2(runner, tmp_path):
    from sora_core.cli import sora

    pad = tmp_path / "c.json"
    pad.write_text(json.dumps(casus(aanvragen=[IIT, IIT, IIT])), encoding="utf-8")
    r = runner.invoke(sora, ["beoordeel", str(pad)])
    assert r.exit_code == 2 and "aanvragen[1].regeling" in r.stderr and "Samen" not in r.output
