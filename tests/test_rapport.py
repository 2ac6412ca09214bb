"""sora rapport: één zelfstandig HTML-bestand. De inhoud wordt getoetst tegen de uitvoer van de
analysefuncties zelf (niet tegen overgeschreven getallen), plus een paar bedragen met de hand;
de weergave in een echte headless browser (Debian's Chromium) als die er is."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from analyse_hulp import testregister  # noqa: F401  (fixture)
from sora_core.cli import sora

PEIL = date(2025, 9, 1)


class Boom(HTMLParser):
    """Verzamelt elementen met hun attributen en tekst (genoeg voor deze toetsen)."""

    def __init__(self):
        super().__init__()
        self.elementen: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "tekst": ""}
        self.elementen.append(el)
        if tag not in ("br", "meta", "col", "line", "circle", "rect", "path"):
            self.open.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elementen.append({"tag": tag, "attrs": dict(attrs), "tekst": ""})

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for el in self.open:
            el["tekst"] += data

    def alle(self, tag, **attrs):
        return [e for e in self.elementen if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]


def _rapport(reg=None, peil=PEIL):
    from sora_core.analyse import rapport as r

    gg = r.gegevens(peil, reg=reg)
    tekst = r.html_rapport(gg)
    b = Boom()
    b.feed(tekst)
    return gg, tekst, b


def test_zelfstandig_zonder_externe_bronnen_en_zonder_script(testregister):
    _, tekst, b = _rapport()
    assert tekst.startswith("<!DOCTYPE html>") and '<html lang="nl">' in tekst
    assert not b.alle("script") and not b.alle("link") and not b.alle("img") and not b.alle("iframe")
    for el in b.elementen:
        for k in ("src", "href", "data"):
            assert k not in el["attrs"], el
    assert "@import" not in tekst and "url(" not in tekst
    assert "@media print" in tekst and "size: A4" in tekst


def test_inhoud_volgt_de_analyses(testregister):
    from sora_core.analyse.harmonisatie import bereik_lokaal, bereik_normen
    from sora_core.analyse.rapport import groepen, marginale_druk

    gg, _, b = _rapport()
    # harmonisatie: per gemeente de bereiken en het oordeel van harmonisatie()
    for g in gg["harmonisatie"]["gemeenten"]:
        rij = b.alle("tr", **{"data-plugin": g["plugin"]})[0]
        assert bereik_normen(g["normen"]) in rij["tekst"] and bereik_lokaal(g["waarde"]) in rij["tekst"]
        assert g["oordeel"]["tekst"] in rij["tekst"]
    # vergelijking: de totalen op 100% uit minima_effect, per huishouden en gemeente
    totalen = [c["attrs"]["data-totaal"] for c in b.alle("td") if "data-totaal" in c["attrs"]]
    verwacht = [g["huishoudens"][i]["punten"][0]["totaal"] for i in range(8) for g in gg["minima_effect"]["gemeenten"]]
    assert totalen == verwacht
    # grafieken: één per huishouden, elke lijn de totalen van zijn gemeenten, elke gemeente op een lijn
    figuren = b.alle("figure")
    assert len(figuren) == 8
    lijnen = [p for p in b.alle("path") if p["attrs"].get("class") == "lijn"]
    per = {(g["naam"], h["sleutel"]): " ".join(p["totaal"] for p in h["punten"])
           for g in gg["minima_effect"]["gemeenten"] for h in g["huishoudens"]}
    assert [f["attrs"]["data-huishouden"] for f in figuren] == [h["sleutel"] for h in
                                                               gg["minima_effect"]["gemeenten"][0]["huishoudens"]]
    # de lijnen in documentvolgorde: per figuur de groepen; elke gemeente precies één keer per figuur
    gezien = []
    for p in lijnen:
        for naam in p["attrs"]["data-gemeente"].split(", "):
            gezien.append(naam)
    assert sorted(gezien) == sorted(["Test A", "Test B"] * 8)
    for p in lijnen:
        naam = p["attrs"]["data-gemeente"].split(", ")[0]
        assert p["attrs"]["data-waarden"] in {v for (n, _), v in per.items() if n == naam}
    series = [(g["naam"], g["huishoudens"][1]["punten"]) for g in gg["minima_effect"]["gemeenten"]]
    assert [", ".join(n) for n, _ in groepen(series)] == ["Test A", "Test B"]  # verschillende curven
    # marginale druk, alleenstaande ouder met 1 kind in Test A (zie test_minima_effect_met_de_hand):
    # 120 -> 130%: 150 verlies / 1642.92 extra = 0.0913; 130 -> 150%: 607 / 3285.72 = 0.1847
    pts = next(h for h in gg["minima_effect"]["gemeenten"][0]["huishoudens"] if h["sleutel"] == "alleenstaande_ouder_1")["punten"]
    assert [marginale_druk(a, c) for a, c in zip(pts, pts[1:])] == [Decimal("0"), Decimal("0"), Decimal("0.0913"),
                                                                    Decimal("0.1847")]
    assert any(c["attrs"].get("data-druk") == "0.0913" for c in b.alle("td"))
    # open normen die verschillen: precies die van normen() met meer dan één waarde (hier de IIT-grens)
    assert [d["attrs"]["data-norm"] for d in b.alle("div") if "data-norm" in d["attrs"]] == [
        "individuele_inkomenstoeslag.inkomensgrens"]
    # onbevestigde waarden: Test B volgt de referteperiode, nog te bevestigen
    assert "individuele_inkomenstoeslag.referteperiode" in b.alle("table", **{"class": "onbevestigd"})[0]["tekst"]
    # elke sectie noemt de peildatum
    for h2 in b.alle("h2"):
        assert h2["tekst"]
    assert b.alle("body")[0]["tekst"].count("1 september 2025") >= 6


def test_echte_gemeenten_en_actualiteit():
    gg, tekst, b = _rapport(peil=date(2026, 12, 1))
    act = gg["actualiteit"]
    assert act["gedekt_tot_en_met"] == "2026-12-31"
    assert "De kern is gedekt tot en met 31 december 2026; vanaf 1 januari 2027" in " ".join(tekst.split())
    # Dijk en Waard en de vijf andere: zes kolommen in de vergelijking
    kop = b.alle("table", **{"class": "vergelijking"})[0]["tekst"]
    for naam in ("Alkmaar", "Bergen (NH)", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"):
        assert naam in kop
    from sora_core.analyse.rapport import onbevestigd

    assert len(b.alle("table", **{"class": "onbevestigd"})[0]["tekst"]) > 0
    assert f"{len(onbevestigd(gg))} waarden die op 1 december 2026 gelden" in tekst


def test_cli_schrijft_atomisch_en_weigert_een_map(tmp_path):
    uit = tmp_path / "rapport.html"
    r = CliRunner().invoke(sora, ["rapport", "--peildatum", "2025-09-01", "--uit", str(uit)])
    assert r.exit_code == 0, r.output
    assert uit.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(os.listdir(tmp_path)) == ["rapport.html"]  # geen tijdelijk bestand achtergebleven
    m = tmp_path / "map"
    m.mkdir()
    r = CliRunner().invoke(sora, ["rapport", "--uit", str(m)])
    assert r.exit_code == 2 and "is een map" in r.output and "Traceback" not in r.output
    assert os.listdir(m) == []
    r = CliRunner().invoke(sora, ["rapport", "--uit", str(tmp_path / "bestaat-niet" / "r.html")])
    assert r.exit_code == 2 and "kan niet worden geschreven" in r.output


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium niet gevonden: installeer het met "
                                               "'apt-get install -y chromium' om het rapport in een echte browser te tonen")
def test_rapport_in_headless_chromium(tmp_path):
    uit = tmp_path / "rapport.html"
    assert CliRunner().invoke(sora, ["rapport", "--peildatum", "2023-06-01", "--uit", str(uit)]).exit_code == 0
    png = tmp_path / "a4.png"
    pdf = tmp_path / "rapport.pdf"
    basis = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profiel'}"]
    subprocess.run(basis + [f"--screenshot={png}", "--window-size=794,1123", uit.as_uri()],
                   capture_output=True, timeout=120, check=True)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 794 and int.from_bytes(data[20:24], "big") == 1123
    # afdrukken op A4 lukt en geeft meer dan één pagina
    subprocess.run(basis + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", uit.as_uri()],
                   capture_output=True, timeout=120, check=True)
    inhoud = pdf.read_bytes()
    import re

    paginas = len(re.findall(rb"/Type\s*/Page(?!s)", inhoud))
    assert inhoud.startswith(b"%PDF") and paginas >= 3, paginas
