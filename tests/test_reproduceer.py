"""sora reproduceer: een besluit opnieuw nemen en toetsen, byte voor byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sora_core.cli import sora
from sora_core.reproduceer import reproduceer

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "voorbeelden" / "alleenstaande-iit.toml"  # gemeente GM0361, peildatum 2025-09-01


@pytest.fixture
def besluit(runner, tmp_path) -> Path:
    r = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--json"])
    assert r.exit_code == 0, r.output
    pad = tmp_path / "besluit.json"
    pad.write_bytes(r.output.encode("utf-8"))
    return pad


def test_gereproduceerd(runner, besluit):
    r = runner.invoke(sora, ["reproduceer", str(besluit), str(VOORBEELD)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Het besluit is gereproduceerd")
    for onderdeel in ("toolkitversie", "pluginversie", "beleid_vingerafdruk", "besluit (byte voor byte)"):
        assert f"[gelijk]    {onderdeel}" in r.output


def test_andere_gemeente_en_peildatum_komen_uit_het_besluit(runner, tmp_path):
    r = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--json", "--gemeente", "GM0373", "--peildatum", "2025-03-01"])
    pad = tmp_path / "b.json"
    pad.write_bytes(r.output.encode("utf-8"))
    r = runner.invoke(sora, ["reproduceer", str(pad), str(VOORBEELD), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["gelijk"] is True


def test_gewijzigd_bedrag_wordt_gevonden(runner, besluit):
    doc = json.loads(besluit.read_text(encoding="utf-8"))
    doc["beslissingen"][0]["bedrag"] = "480.00"
    besluit.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    r = runner.invoke(sora, ["reproduceer", str(besluit), str(VOORBEELD)])
    assert r.exit_code == 1
    assert "NIET gereproduceerd" in r.output
    assert '[VERSCHILT] besluit (byte voor byte)' in r.output
    assert 'beslissingen[0].bedrag: toen "480.00", nu "479.00"' in r.output
    assert "[gelijk]    beleid_vingerafdruk" in r.output


def test_ander_beleid_of_andere_versie(runner, besluit):
    doc = json.loads(besluit.read_text(encoding="utf-8"))
    doc["ontvangstbewijs"]["beleid_vingerafdruk"] = "sha256:" + "0" * 64
    doc["ontvangstbewijs"]["plugin_versie"] = "0.0.9"
    besluit.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    r = runner.invoke(sora, ["reproduceer", str(besluit), str(VOORBEELD), "--json"])
    assert r.exit_code == 1
    uit = json.loads(r.output)
    status = {c["onderdeel"]: c["gelijk"] for c in uit["controles"]}
    assert status == {"toolkitversie": True, "pluginversie": False, "beleid_vingerafdruk": False,
                      "besluit (byte voor byte)": False}
    r = runner.invoke(sora, ["reproduceer", str(besluit), str(VOORBEELD)])
    assert "installeer de versies uit het ontvangstbewijs" in r.output


def test_alleen_opmaak_anders_is_niet_byte_gelijk(besluit):
    from sora_core.invoer import laad_casus

    doc = json.loads(besluit.read_text(encoding="utf-8"))
    anders = (json.dumps(doc, ensure_ascii=False, indent=4) + "\n").encode("utf-8")
    r = reproduceer(anders, laad_casus(VOORBEELD))
    assert not r.gelijk
    assert r.verschillen == ("inhoud gelijk, maar de opmaak (spaties, volgorde of regeleinde) wijkt af",)


def test_geen_besluit(runner, tmp_path):
    pad = tmp_path / "x.json"
    pad.write_text('{"contract": "sora-fout/1", "fouten": []}', encoding="utf-8")
    r = runner.invoke(sora, ["reproduceer", str(pad), str(VOORBEELD)])
    assert r.exit_code == 2 and "geen SORA-besluit" in r.output
    pad.write_text("{kapot", encoding="utf-8")
    assert runner.invoke(sora, ["reproduceer", str(pad), str(VOORBEELD)]).exit_code == 2
