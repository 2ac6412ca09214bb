"""Elke hook met een echte plugin: wat de kern ermee doet (zie docs/hooks.md)."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from sora_core import hookimpl
from sora_core.beslisser import beoordeel
from sora_core.fouten import BeleidFout, InvoerFout, PluginFout
from sora_core.plugins import Register, laad_plugin

CASUS = {
    "peildatum": "2025-09-01",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": "2021-01-01"},
    "vermogen": {"bezittingen": "2500.00"},
}


class Proef:
    """Een plugin als klasse; elke test geeft zijn eigen identiteit, beleid en regels."""

    def __init__(self, beleid=None, identiteit=None, regels=None):
        self.identiteit = identiteit or {"naam": "Proefstad", "cbs_code": "GM9990", "versie": "1.2.3"}
        self.beleid = beleid or []
        self.regels = regels

    @hookimpl
    def sora_gemeente(self):
        return self.identiteit

    @hookimpl
    def sora_beleid(self):
        return self.beleid

    @hookimpl
    def sora_regels(self, registreer):
        if self.regels:
            self.regels(registreer)


def reg(p: Proef) -> Register:
    return Register(plugins={"proef": laad_plugin("proef", p)}, fouten={})


def test_hook_sora_gemeente():
    p = Proef(identiteit={"naam": "Proefstad", "cbs_code": "GM9990", "versie": "1.2.3",
                          "geldig_vanaf": date(2024, 1, 1)})
    r = reg(p)
    b = beoordeel({**CASUS, "gemeente": "GM9990"}, reg=r)
    assert (b.gemeente.naam, b.gemeente.cbs_code, b.ontvangstbewijs.plugin_versie) == ("Proefstad", "GM9990", "1.2.3")
    # buiten de geldigheid weigert de kern
    with pytest.raises(InvoerFout) as e:
        beoordeel({**CASUS, "gemeente": "GM9990", "peildatum": "2023-12-31"}, reg=r)
    assert e.value.fouten()[0].veld == "peildatum"
    with pytest.raises(PluginFout, match="ongeldige CBS-code"):
        laad_plugin("proef", Proef(identiteit={"naam": "X", "cbs_code": "9990", "versie": "1"}))


def test_hook_sora_beleid(tmp_path):
    pad = tmp_path / "beleid.toml"
    pad.write_text(textwrap.dedent('''\
        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        waarde = "1.05"
        geldig_vanaf = 2025-01-01
        grondslag = "Testverordening art. 1"
        '''), encoding="utf-8")
    # Inkomen 1.450,00; grens 1,05 x 1.369,06 = 1.437,513 -> 1.437,51: erboven, dus afgewezen
    # (met de regionale 1,20 zou het 1.642,87 zijn en toegekend).
    b = beoordeel({**CASUS, "gemeente": "GM9990", "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]},
                  reg=reg(Proef(beleid=[pad])))
    (x,) = b.beslissingen
    assert x.uitkomst == "afgewezen"
    w = {g.naam: g for g in x.gebruikte_waarden}["individuele_inkomenstoeslag.inkomensgrens"]
    assert (w.waarde, w.bron, w.grondslag) == ("1.05", "proef", "Testverordening art. 1")
    assert any("1.437,51" in m.tekst for m in x.motivering)


def test_hook_sora_regels():
    def verwijzing(u, aanvraag):
        u.stap("Het huishouden wordt verwezen.", "Testbeleidsregel art. 2", "proef")
        return u.besluit("doorverwezen")

    def regels(registreer):
        registreer.regeling("proef.verwijzing", verwijzing, naam="Verwijzing", grondslag="Testbeleidsregel art. 2",
                            geldig_vanaf=date(2025, 1, 1))

    b = beoordeel({**CASUS, "gemeente": "GM9990", "aanvragen": [{"regeling": "proef.verwijzing"}]},
                  reg=reg(Proef(regels=regels)))
    (x,) = b.beslissingen
    assert (x.regeling, x.pakket, x.uitkomst, x.bedrag) == ("proef.verwijzing", "plus", "doorverwezen", None)
    assert x.motivering[0].bron == "proef"

    def kaper(registreer):  # een plugin kan geen regeling van de kern vervangen
        registreer.regeling("individuele_inkomenstoeslag", verwijzing, naam="x", grondslag="y")

    with pytest.raises(BeleidFout, match="moet beginnen met 'proef.'"):
        laad_plugin("proef", Proef(regels=kaper))


def test_keuze_van_hooks_gelijk_aan_die_van_pluggy():
    """``plugins._Manager`` slaat in een module de namen over die zeker geen hook zijn (tekst, een pad, een
    klasse, een module): voor elke naam van elke module precies het antwoord van een gewone
    ``pluggy.PluginManager``, ook voor de vreemde gevallen hieronder."""
    import functools
    import importlib
    import os
    import types

    import pluggy

    from sora_core import hookspecs
    from sora_core.plugins import INGEBOUWD, _nieuwe_pm

    vreemd = types.ModuleType("sora_vreemd")

    class Klasse:
        @hookimpl
        def sora_gemeente(self):
            return {}

    def markeer(f):
        return hookimpl(f)

    vreemd.__dict__.update({
        "gewoon": markeer(lambda: 1),                                   # functie met het merk, andere naam
        "__sora_gemeente__": markeer(lambda: 2),                        # zelfs een dunder-naam
        "sora_beleid": markeer(lambda: []),
        "statisch": markeer(staticmethod(lambda: 3)),
        "klassemethode": classmethod(markeer(lambda cls: 4)),
        "gebonden": markeer(lambda self: 5).__get__(object()),
        "zonder_merk": lambda: 6,
        "ingebouwd": os.getpid,
        "partieel": functools.partial(print, 1),
        "Klasse": Klasse,
        "instantie": Klasse(),
        "module": os,
        "tekst": "sora_gemeente",
        "geen": None,
    })
    modules = [vreemd, hookspecs] + [importlib.import_module(m) for m in INGEBOUWD.values()]
    snel, gewoon = _nieuwe_pm(), pluggy.PluginManager(hookspecs.PROJECT)
    assert type(snel) is not pluggy.PluginManager  # anders toetst dit niets
    gevonden = set()
    for m in modules:
        for naam in dir(m):
            assert snel.parse_hookimpl_opts(m, naam) == gewoon.parse_hookimpl_opts(m, naam), (m.__name__, naam)
            assert snel.parse_hookspec_opts(m, naam) == gewoon.parse_hookspec_opts(m, naam), (m.__name__, naam)
            if gewoon.parse_hookimpl_opts(m, naam) is not None:
                gevonden.add((m.__name__, naam))
    # de vreemde module heeft echt hooks onder vreemde namen (de toets hierboven ziet ze dus)
    assert {("sora_vreemd", n) for n in ("gewoon", "__sora_gemeente__", "sora_beleid", "statisch", "gebonden")} <= gevonden
