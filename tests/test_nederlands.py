"""Elke melding in het Nederlands (issue 13, punt 9): de JSON- en TOML-lezer, click's eigen
gebruiksfouten, ``vergelijk MAP --json``, een bedrag van 1000 cijfers en lege standaardinvoer."""

from __future__ import annotations

import json
import re

import pytest

from sora_core.cli import laad_opdrachten, sora
from sora_core.fouten import InvoerFout
from sora_core.invoer import casus_uit_dict, lees_document

from conftest import ROOT, casus

ENGELS = re.compile(r"\b(Expecting|Expected|Unterminated|Invalid|Cannot|Unclosed|Illegal|No such|Missing|Usage|Error|"
                    r"Try|Got unexpected|requires|delimiter|value|option|line|column|at end)\b")  # "document" en "argument" zijn ook Nederlands


def _melding(data: str, formaat) -> str:
    with pytest.raises(InvoerFout) as e:
        lees_document(data.encode(), formaat)
    return e.value.fouten()[0].melding


@pytest.mark.parametrize("data", ["{", '{"a"', '{"a":', '{"a": "x', '{"a": 1,}', '{"a" 1}', '{a:1}', '{"a": "\\x"}',
                                  '{"a": 1} x', '{"a": "\x01"}', "[1 2]", '{"a": tru}', '{"a": "\\u12"}'])
def test_json_syntaxfout_in_het_nederlands(data):
    m = _melding(data, "json")
    assert m.startswith("Ongeldige JSON op regel ") and not ENGELS.search(m), m


@pytest.mark.parametrize("data", ["a = ", 'a = "x', "a b", "[a", "a = 1\na = 2", "a = [1,", "a = {b=1", "a = 1 2",
                                  "= 1", "a = 'x", 'a = """x', "[[a]]\n[a]", "a = tru", "a = 0x"])
def test_toml_syntaxfout_in_het_nederlands(data):
    m = _melding(data, "toml")
    assert m.startswith("Ongeldige TOML") and not ENGELS.search(m), m
    assert "technische melding" not in m


def test_lege_invoer():
    for data, formaat in (("", None), ("", "json"), ("   \n", "toml"), ("\ufeff", None)):
        assert _melding(data, formaat) == "Lege invoer: er is geen casus ontvangen (TOML of JSON)."


def test_lege_standaardinvoer(runner):
    r = runner.invoke(sora, ["beoordeel", "-", "--json"], input="")
    assert r.exit_code == 2
    assert json.loads(r.stdout)["fouten"] == [{"veld": None, "melding": "Lege invoer: er is geen casus ontvangen (TOML of JSON)."}]


def test_bedrag_van_1000_cijfers_is_te_lang():
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(casus(inkomen={"netto_per_maand": "9" * 1000}))
    assert [(f.veld, f.melding) for f in e.value.fouten()] == [
        ("inkomen.netto_per_maand", "Bedrag is te lang (meer dan 40 tekens).")]


@pytest.mark.parametrize("args, verwacht", [
    (["beoordeel", "--foo", "x"], "Onbekende optie --foo."),
    (["beoordeel"], "Argument CASUS ontbreekt."),
    (["beoordeel", "a", "b"], "Onverwacht extra argument; zie --help."),
    (["beoordeel", "a", "--peildatum"], "Optie --peildatum vraagt een waarde."),
    (["bestaatniet"], "Onbekende opdracht bestaatniet; zie 'sora --help'."),
    (["--foo"], "Onbekende optie --foo."),
    (["populatie", "--aantal", "abc"], "Ongeldige waarde voor --aantal: verwacht een geheel getal."),
    (["populatie", "--aantal", "-5"], "Ongeldige waarde voor --aantal: buiten het toegestane bereik."),
    (["vergelijk", str(ROOT / "voorbeelden")], "Ongeldige waarde voor CASUS: het is een map."),
    (["beoordeel", "--123456782", "x"], "Onbekende optie."),
])
def test_gebruiksfouten_van_click_in_het_nederlands(runner, args, verwacht):
    r = runner.invoke(sora, args)
    assert r.exit_code == 2
    assert f"Fout: {verwacht}" in r.stderr
    for engels in ("Usage:", "Error:", "Try ", "No such", "Missing", "Invalid", "123456782"):
        assert engels not in r.stderr, r.stderr
    if args[0] == "populatie" or args[-1].startswith("--peildatum"):
        return  # populatie kent geen --json; na --peildatum zou --json de waarde zijn
    # met --json: een sora-fout/1-document op standaarduit, zoals bij beoordeel
    r = runner.invoke(sora, [*args, "--json"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc["contract"] == "sora-fout/1" and doc["fouten"][0]["melding"] in (verwacht, "Onverwacht extra argument; zie --help.")


def test_vergelijk_map_met_json_is_een_foutdocument(runner):
    r = runner.invoke(sora, ["vergelijk", str(ROOT / "voorbeelden"), "--json"])
    assert r.exit_code == 2
    assert json.loads(r.stdout) == {"contract": "sora-fout/1", "fouten": [
        {"veld": None, "melding": "Ongeldige waarde voor CASUS: het is een map."}]}


def _alle_opdrachten():
    import click

    def loop(cmd, pad):
        yield pad
        if isinstance(cmd, click.Group):
            for naam, sub in sorted(cmd.commands.items()):
                yield from loop(sub, pad + [naam])
    yield from loop(laad_opdrachten(), [])


#: wat clicks eigen hulp in het Engels zegt (koppen, vaste teksten, typenamen in de optiekolom)
HULP_ENGELS = re.compile(r"Usage:|Options:|Commands:|Arguments:|Positional arguments|Show this message|"
                         r"Show the version|\[OPTIONS\]|COMMAND \[ARGS\]|\[default:|\brequired\]|; default|"
                         r"\b(TEXT|INTEGER|FLOAT|PATH|FILENAME|DIRECTORY|BOOLEAN|CHOICE)\b")


@pytest.mark.parametrize("pad", list(_alle_opdrachten()), ids=lambda p: " ".join(["sora", *p]))
def test_hulp_van_elke_opdracht_in_het_nederlands(runner, pad):
    """Elke ``--help`` (ook van ``sora`` zelf en de groep ``plugin``) heeft Nederlandse koppen:
    "Gebruik:", "Opties:", "Opdrachten:", "Toon deze hulp en stop."; geen Engelse kop van click."""
    r = runner.invoke(sora, [*pad, "--help"], prog_name="sora")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Gebruik: {' '.join(['sora', *pad])} [OPTIES]"), r.output[:200]
    assert "\nOpties:\n" in r.output and "Toon deze hulp en stop." in r.output
    if not pad or pad == ["plugin"]:
        assert "\nOpdrachten:\n" in r.output and "OPDRACHT [ARGUMENTEN]..." in r.output
    gevonden = HULP_ENGELS.findall(r.output) and HULP_ENGELS.search(r.output).group(0)
    assert not gevonden, f"Engels in 'sora {' '.join(pad)} --help': {gevonden!r}\n{r.output}"
    te_lang = [x for x in r.output.splitlines() if len(x) > 100]  # ook de voorbeelden passen in 100 kolommen
    assert not te_lang, te_lang
