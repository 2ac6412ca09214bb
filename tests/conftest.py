"""Gedeelde hulpmiddelen voor de tests: een testplugin uit een TOML-tekst, en de CLI-runner."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "sora_core" / "schemas"


def pytest_configure(config):
    """De TOML-cache (sora_core/_toml.py) van de tests in een eigen tijdelijke map, niet in de
    ~/.cache van wie de tests draait; ook voor de subprocessen van de CLI-tests."""
    config._sora_cache = tempfile.mkdtemp(prefix="sora-test-cache-")
    os.environ["XDG_CACHE_HOME"] = config._sora_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_sora_cache", ""), ignore_errors=True)


class TestPlugin:
    """Een plugin-object zoals een gemeente het schrijft, maar met zijn beleid uit een tekst."""

    def __init__(self, pad: Path, naam: str = "Testgemeente", cbs: str = "GM9001", **extra):
        self.pad = pad
        self.identiteit = {"naam": naam, "cbs_code": cbs, "versie": "9.9.9", **extra}

    from sora_core import hookimpl

    @hookimpl
    def sora_gemeente(self):
        return self.identiteit

    @hookimpl
    def sora_beleid(self):
        return [self.pad]


@pytest.fixture
def maak_plugin(tmp_path):
    """``maak_plugin(naam, toml_tekst, cbs=...)`` -> (naam, object) voor ``bouw_register``."""

    def maak(naam: str, toml: str, cbs: str = "GM9001", **extra):
        pad = tmp_path / f"{naam}.toml"
        pad.write_text(textwrap.dedent(toml), encoding="utf-8")
        return naam, TestPlugin(pad, naam=naam.capitalize(), cbs=cbs, **extra)

    return maak


def register_van_de_zes():
    """Een register met alleen de zes gemeenten van de regio (``plugins.INGEBOUWD``), los van wat
    er verder is geïnstalleerd: tests over "de zes" mogen niet breken door een zevende plugin."""
    from sora_core.plugins import INGEBOUWD, bouw_register

    return bouw_register([(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()])


@pytest.fixture
def zes_gemeenten(monkeypatch):
    """``register()`` geeft voor deze test alleen de zes gemeenten van de regio."""
    from sora_core import plugins

    reg = register_van_de_zes()
    monkeypatch.setattr(plugins, "_REGISTER", reg)
    return reg


@pytest.fixture
def runner():
    return CliRunner()


def schema(naam: str) -> dict:
    return json.loads((SCHEMAS / f"{naam}.schema.json").read_text(encoding="utf-8"))


def casus(**over) -> dict:
    """Een eenvoudige geldige casus als dict (alleenstaande, 45 jaar, Alkmaar, 1 september 2025)."""
    c = {
        "gemeente": "GM0361",
        "peildatum": "2025-09-01",
        "aanvrager": {"geboortedatum": "1980-05-01"},
        "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": "2021-01-01"},
        "vermogen": {"bezittingen": "2500.00"},
        "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}],
    }
    c.update(over)
    return c


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Waarschuw (nooit een fout) als de kern binnen 60 dagen niet meer gedekt is, of dat al niet is:
    dan moeten de waarden in sora_core/data/ worden bijgewerkt (zie 'sora actualiteit')."""
    try:
        from datetime import date

        from sora_core.analyse.actualiteit import vooruitblik

        melding = vooruitblik(date.today(), 60)
        if melding:
            terminalreporter.write_sep("-", "actualiteit van de kern", yellow=True)
            terminalreporter.write_line(melding, yellow=True)
    except Exception as e:  # noqa: BLE001 - deze waarschuwing mag de run nooit laten falen
        try:
            terminalreporter.write_line(f"(actualiteit van de kern niet te bepalen: {type(e).__name__})")
        except Exception:  # noqa: BLE001
            pass
