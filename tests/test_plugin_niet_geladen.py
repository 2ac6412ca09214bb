"""Een plugin die niet laadt, is nooit stil (issue 13, punt 11).

Eerder zei ``beoordeel`` met een kapotte plugin voor GM0396 alleen "Onbekende gemeente
'GM0396'", en toonden ``vergelijk``, ``batch`` en ``harmonisatie`` zes gemeenten zonder een
woord. Nu noemt elke opdracht de plugins die niet laadden (een regel op standaardfout, en in
``--json`` het veld ``waarschuwingen``), en zegt "onbekende gemeente" dat een plugin met die
code er wel is maar niet laadde, en waarom.
"""

from __future__ import annotations

import json

import pytest

from sora_core import hookimpl, plugins
from sora_core.cli import sora
from sora_core.fouten import InvoerFout
from sora_core.plugins import INGEBOUWD, bouw_register

from conftest import ROOT, casus


class Heemskerk:  # laadt zijn identiteit, maar zijn beleid faalt
    @hookimpl
    def sora_gemeente(self):
        return {"naam": "Heemskerk", "cbs_code": "GM0396", "versie": "0.1.0"}

    @hookimpl
    def sora_beleid(self):
        raise RuntimeError("beleid.toml kwijt")


def _kapotte_import():
    raise ImportError("geen module sora_kapot")


@pytest.fixture
def kapot_register(monkeypatch):
    reg = bouw_register([("heemskerk", Heemskerk), ("kapot", _kapotte_import)]
                        + [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()])
    assert set(reg.fouten) == {"heemskerk", "kapot"} and len(reg.plugins) == 6
    monkeypatch.setattr(plugins, "_REGISTER", reg)
    return reg


def test_onbekende_gemeente_zegt_dat_haar_plugin_niet_laadde(kapot_register):
    with pytest.raises(InvoerFout) as e:
        kapot_register.zoek("GM0396")
    (f,) = e.value.fouten()
    assert f.veld == "gemeente"
    assert "plugin 'heemskerk' heeft die CBS-code maar kon niet worden geladen" in f.melding
    assert "RuntimeError: beleid.toml kwijt" in f.melding
    with pytest.raises(InvoerFout) as e:  # een code die niemand claimt: de plugins die niet laadden worden genoemd
        kapot_register.zoek("GM0999")
    assert "Niet geladen (misschien hoort de gemeente daarbij): 'heemskerk'" in str(e.value) and "'kapot'" in str(e.value)


def test_beoordeel_noemt_de_plugin(kapot_register, runner, tmp_path):
    pad = tmp_path / "c.json"
    pad.write_text(json.dumps(casus(gemeente="GM0396")), encoding="utf-8")
    r = runner.invoke(sora, ["beoordeel", str(pad)])
    assert r.exit_code == 2
    assert "plugin 'heemskerk' heeft die CBS-code maar kon niet worden geladen" in r.stderr
    assert "Let op: plugin 'kapot' is niet geladen: kan niet worden geïmporteerd" in r.stderr
    # ook een gewone beslissing voor een andere gemeente noemt ze, op standaardfout
    pad.write_text(json.dumps(casus()), encoding="utf-8")
    r = runner.invoke(sora, ["beoordeel", str(pad), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["contract"] == "sora-besluit/1"
    assert "Let op: plugin 'heemskerk' (GM0396) is niet geladen" in r.stderr


@pytest.mark.parametrize("args", [
    ["vergelijk", str(ROOT / "voorbeelden" / "gezin-vergelijk.toml"), "--peildatum", "2025-09-01"],
    ["harmonisatie", "--peildatum", "2025-09-01"],
    ["regelingen", "--peildatum", "2025-09-01"],
])
def test_analyses_noemen_de_plugin(kapot_register, runner, args):
    r = runner.invoke(sora, args)
    assert r.exit_code == 0, r.output
    assert "Let op: plugin 'heemskerk' (GM0396) is niet geladen" in r.stderr
    r = runner.invoke(sora, [*args, "--json"])
    assert r.exit_code == 0, r.output
    w = json.loads(r.stdout)["waarschuwingen"]
    assert any("plugin 'heemskerk' (GM0396) is niet geladen" in x for x in w)
    assert any("plugin 'kapot' is niet geladen" in x for x in w)


def test_batch_noemt_de_plugin(kapot_register, runner, tmp_path):
    pad = tmp_path / "in.jsonl"
    pad.write_text(json.dumps(casus()) + "\n", encoding="utf-8")
    r = runner.invoke(sora, ["batch", str(pad), "--uit", str(tmp_path / "uit.jsonl"), "--json", "--processen", "1"])
    assert r.exit_code == 0, r.output
    assert any("plugin 'heemskerk'" in x for x in json.loads(r.stdout)["waarschuwingen"])
    assert "Let op: plugin 'heemskerk'" in r.stderr


def test_zonder_kapotte_plugin_geen_waarschuwing(runner):
    r = runner.invoke(sora, ["harmonisatie", "--peildatum", "2025-09-01", "--json"])
    assert r.exit_code == 0 and "plugin" not in r.stderr
    assert not any("plugin" in x for x in json.loads(r.stdout)["waarschuwingen"])
