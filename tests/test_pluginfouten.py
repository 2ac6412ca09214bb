"""Pluginfouten (issue 8): een kapotte plugin wordt met naam gemeld en de andere gemeenten werken door.

Aanvulling op tests/test_fundament.py (daar: een hook die een uitzondering gooit, een verkeerd
gespelde hook, ongeldige [[norm]]-waarden, een geharmoniseerde parameter vervangen). Hier:
verkeerde teruggeeftypes van elke hook, kapotte beleidsbestanden, ongeldige [[regeling]]-tabellen,
een plugin die niet te importeren is, en Python-regels die bij het beslissen falen of iets
anders dan een Beslissing teruggeven.
"""

from __future__ import annotations

import textwrap

import pytest

from sora_core import hookimpl
from sora_core.beslisser import beoordeel
from sora_core.fouten import PluginFout, SoraFout
from sora_core.plugins import INGEBOUWD, bouw_register

from conftest import casus

CODES = ("GM0361", "GM0373", "GM0383", "GM1980", "GM0399", "GM0450")
ZES = [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()]


def _plugin(gemeente=None, beleid=None, regels=None):
    """Een pluginobject met alleen de gegeven hooks (elk een functie zonder argumenten)."""

    class P:
        pass

    p = P()
    if gemeente is not None:
        p.sora_gemeente = hookimpl(lambda: gemeente())
    if beleid is not None:
        p.sora_beleid = hookimpl(lambda: beleid())
    if regels is not None:
        p.sora_regels = hookimpl(lambda registreer: regels(registreer))
    return p


GOED = {"naam": "Kapotstad", "cbs_code": "GM9002", "versie": "1.0.0"}


def _toml(tmp_path, tekst: str, naam="beleid.toml", als_bytes: bytes | None = None):
    pad = tmp_path / naam
    if als_bytes is not None:
        pad.write_bytes(als_bytes)
    else:
        pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


def _kapot(**hooks):
    return lambda: _plugin(**hooks)


def _controleer_rest_werkt(reg, naam="kapotstad"):
    """De kapotte plugin staat met naam in de fouten; de zes gemeenten beslissen gewoon."""
    assert naam in reg.fouten, reg.fouten
    assert naam in str(reg.fouten[naam])
    assert sorted(p.info.cbs_code for p in reg.plugins.values()) == sorted(CODES)
    for code in CODES:
        assert beoordeel(casus(gemeente=code), reg=reg).beslissingen
    with pytest.raises(PluginFout, match=naam):
        beoordeel(casus(gemeente=naam), reg=reg)


def _def(tmp_path, geval):
    """Bouw de (naam, laadfunctie) van een kapotte plugin uit een gevalsbeschrijving."""
    soort, waarde = geval
    if soort == "gemeente":
        return _kapot(gemeente=lambda: waarde, beleid=lambda: [])
    if soort == "beleid":
        return _kapot(gemeente=lambda: GOED, beleid=lambda: waarde(tmp_path) if callable(waarde) else waarde)
    if soort == "import":
        def laad():
            raise waarde
        return laad
    raise AssertionError(soort)


GEVALLEN = {
    # sora_gemeente geeft het verkeerde type of ongeldige velden
    "gemeente_lijst": ("gemeente", ["Kapotstad", "GM9002"]),
    "gemeente_none": ("gemeente", None),
    "gemeente_tekst": ("gemeente", "Kapotstad"),
    "gemeente_mist_velden": ("gemeente", {"naam": "Kapotstad"}),
    "gemeente_cbs_getal": ("gemeente", dict(GOED, cbs_code=9002)),
    "gemeente_cbs_ongeldig": ("gemeente", dict(GOED, cbs_code="GM90021")),
    "gemeente_cbs_dubbel": ("gemeente", dict(GOED, cbs_code="GM0361")),
    "gemeente_datum_tekst": ("gemeente", dict(GOED, geldig_vanaf="gisteren")),
    "gemeente_datum_getal": ("gemeente", dict(GOED, geldig_tot=20250101)),
    # sora_beleid geeft geen lijst met paden, of paden naar kapotte bestanden
    "beleid_getal": ("beleid", 42),
    "beleid_dict": ("beleid", {"pad": "beleid.toml"}),
    "beleid_none_in_lijst": ("beleid", [None]),
    "beleid_getal_in_lijst": ("beleid", [3.14]),
    "beleid_tekst": ("beleid", "beleid.toml"),
    "beleid_bestaat_niet": ("beleid", ["/bestaat/niet/beleid.toml"]),
    "beleid_map": ("beleid", lambda t: [t]),
    "beleid_geen_utf8": ("beleid", lambda t: [_toml(t, "", als_bytes=b"titel = \"\xff\"\n")]),
    "beleid_syntaxfout": ("beleid", lambda t: [_toml(t, "[[norm]\nnaam = ")]),
    "beleid_norm_geen_tabel": ("beleid", lambda t: [_toml(t, "norm = [1, 2]\n")]),
    "beleid_regeling_geen_tabel": ("beleid", lambda t: [_toml(t, "regeling = [\"x\"]\n")]),
    "beleid_norm_waarde_tekst": ("beleid", lambda t: [_toml(t, """
        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        waarde = "veel"
        geldig_vanaf = 2025-01-01
        grondslag = "x"
        """)]),
    "beleid_norm_datum_tekst": ("beleid", lambda t: [_toml(t, """
        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        waarde = "1.10"
        geldig_vanaf = "ooit"
        grondslag = "x"
        """)]),
    "beleid_regeling_inkomensgrens_tekst": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "kapotstad.pas"
        naam = "Pas"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        inkomensgrens = "veel"
        """)]),
    "beleid_regeling_bedrag_negatief": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "kapotstad.pas"
        naam = "Pas"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        bedrag = { per = "huishouden", per_jaar = "-5.00" }
        """)]),
    "beleid_regeling_per_onbekend": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "kapotstad.pas"
        naam = "Pas"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        bedrag = { per = "gezin", per_jaar = "5.00" }
        """)]),
    "beleid_regeling_staffel_geen_lijst": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "kapotstad.pas"
        naam = "Pas"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        bedrag = { per = "persoon", staffel = 5 }
        """)]),
    "beleid_regeling_doelgroep_huishouden_tekst": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "kapotstad.pas"
        naam = "Pas"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        doelgroep = { huishouden = 5 }
        """)]),
    "beleid_regeling_sleutel_van_kern": ("beleid", lambda t: [_toml(t, """
        [[regeling]]
        sleutel = "individuele_inkomenstoeslag"
        naam = "Kaping"
        grondslag = "x"
        geldig_vanaf = 2023-01-01
        """)]),
    # de plugin is niet eens te importeren
    "import_syntaxfout": ("import", SyntaxError("invalid syntax")),
    "import_importfout": ("import", ImportError("geen module sora_helpers")),
    "import_runtimefout": ("import", RuntimeError("oeps bij importeren")),
}


@pytest.mark.parametrize("geval", sorted(GEVALLEN))
def test_kapotte_plugin_wordt_genoemd_en_de_rest_werkt(tmp_path, geval):
    reg = bouw_register([("kapotstad", _def(tmp_path, GEVALLEN[geval]))] + ZES)
    _controleer_rest_werkt(reg)


# --------------------------------------------------------------------------- fouten bij het beslissen

def _met_regel(beoordeel_functie):
    def regels(registreer):
        registreer.regeling("kapotstad.regel", beoordeel_functie, naam="Kapotte regel", grondslag="art. 1 Kapotverordening")
    return _kapot(gemeente=lambda: GOED, beleid=lambda: [], regels=regels)


def _gooit(u, aanvraag):
    raise ZeroDivisionError("delen door nul")


@pytest.mark.parametrize("functie", [
    _gooit,
    lambda u, aanvraag: None,                      # geeft niets terug
    lambda u, aanvraag: {"uitkomst": "toegekend"},  # een dict in plaats van een Beslissing
    lambda u, aanvraag: u.waarde("bestaat.niet"),   # vraagt een onbekende waarde op
    lambda u, aanvraag: u.besluit("misschien"),     # ongeldige uitkomst
    lambda u, aanvraag: u.besluit("toegekend", bedrag="veel"),  # bedrag geen Decimal
])
def test_regel_die_faalt_bij_beslissen_noemt_plugin_en_rest_werkt(functie):
    reg = bouw_register([("kapotstad", _met_regel(functie))] + ZES)
    assert "kapotstad" in reg.plugins
    with pytest.raises(PluginFout, match="kapotstad") as e:
        beoordeel(casus(gemeente="kapotstad", aanvragen=[]), reg=reg)
    assert "kapotstad.regel" in str(e.value)
    for code in CODES:
        assert beoordeel(casus(gemeente=code), reg=reg).beslissingen


def test_regel_met_hook_sora_regels_die_faalt():
    def regels(registreer):
        raise KeyError("kapot")

    reg = bouw_register([("kapotstad", _kapot(gemeente=lambda: GOED, beleid=lambda: [], regels=regels))] + ZES)
    _controleer_rest_werkt(reg)


def test_regel_die_kern_regeling_wil_vervangen():
    def regels(registreer):
        registreer.regeling("individuele_inkomenstoeslag", _gooit, naam="Kaping", grondslag="x")

    reg = bouw_register([("kapotstad", _kapot(gemeente=lambda: GOED, beleid=lambda: [], regels=regels))] + ZES)
    _controleer_rest_werkt(reg)


def test_alle_pluginfouten_zijn_sorafouten():
    """Elke gemelde pluginfout is een PluginFout met de naam; nooit een kale Python-fout."""
    for geval in GEVALLEN.values():
        if geval[0] == "beleid" and callable(geval[1]):
            continue  # die hebben tmp_path nodig; gedekt door de geparametriseerde test
        reg = bouw_register([("kapotstad", _def(None, geval))])
        for naam, fout in reg.fouten.items():
            assert isinstance(fout, SoraFout) and naam in str(fout)


# --------------------------------------------------------------------------- plugins van buiten (entry points)

def _distributie(tmp_path, naam: str, entry: str, module: str | None = None):
    info = tmp_path / f"{naam}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {naam}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry, encoding="utf-8")
    if module:
        (tmp_path / f"{naam}.py").write_text(module, encoding="utf-8")


def test_snelle_entry_point_scan(tmp_path, monkeypatch):
    from sora_core.plugins import _andere_entry_points

    monkeypatch.setattr("sys.path", [str(tmp_path)])
    assert not _andere_entry_points()
    _distributie(tmp_path, "sora_alkmaar_kopie", "[console_scripts]\nx = y\n\n[sora]\nalkmaar = sora_alkmaar\n")
    assert not _andere_entry_points()  # alleen een ingebouwde naam: importlib.metadata niet nodig
    _distributie(tmp_path, "proefdorp", "[sora]\nproefdorp = proefdorp\n")
    assert _andere_entry_points()
    zip_pad = tmp_path / "iets.zip"
    zip_pad.write_bytes(b"PK")
    monkeypatch.setattr("sys.path", [str(zip_pad)])
    assert _andere_entry_points()  # bij twijfel: ja


def test_plugin_van_buiten_wordt_nog_steeds_gevonden(tmp_path, monkeypatch):
    from sora_core.plugins import _kandidaten

    _distributie(tmp_path, "proefdorp", "[sora]\nproefdorp = proefdorp\n", module=textwrap.dedent("""
        from sora_core import hookimpl

        @hookimpl
        def sora_gemeente():
            return {"naam": "Proefdorp", "cbs_code": "GM9003", "versie": "1.0"}

        @hookimpl
        def sora_beleid():
            return []
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("SORA_ALLEEN_INGEBOUWD", raising=False)
    reg = bouw_register(_kandidaten())
    assert set(INGEBOUWD) | {"proefdorp"} <= set(reg.plugins)  # de zes en proefdorp (en wat er verder is geïnstalleerd)
    assert beoordeel(casus(gemeente="GM9003"), reg=reg).gemeente.naam == "Proefdorp"


# --------------------------------------------------------------------------- lader en controle zijn het eens

def _varianten(tekst: str):
    """Kapotte versies van een echt beleid.toml: een regel weg, een waarde van het verkeerde soort,
    een tabel dubbel (overlappende periode), een periode die eindigt voor ze begint."""
    import re

    regels = tekst.splitlines()
    for i, r in enumerate(regels):
        if not r.strip() or r.strip().startswith("#"):
            continue
        yield f"regel {i + 1} weg", regels[:i] + regels[i + 1:]
        m = re.match(r"^(\s*[A-Za-z_]+\s*=\s*)(.+)$", r)
        if m:
            for nieuw in ('"x"', "-1", "[]", "true"):
                yield f"regel {i + 1} = {nieuw}", regels[:i] + [m.group(1) + nieuw] + regels[i + 1:]
    koppen = [i for i, r in enumerate(regels) if r.startswith("[[")] + [len(regels)]
    for a, b in zip(koppen, koppen[1:]):
        yield f"tabel op regel {a + 1} dubbel", regels[:b] + regels[a:b] + regels[b:]
        blok = "\n".join(regels[a:b])
        if "geldig_vanaf" in blok:
            nieuw = re.sub(r"geldig_vanaf = \S+", "geldig_vanaf = 2030-01-01", blok)
            if "geldig_tot" in nieuw:
                nieuw = re.sub(r"geldig_tot = \S+", "geldig_tot = 2029-01-01", nieuw)
            yield f"tabel op regel {a + 1}: tot voor vanaf", regels[:a] + nieuw.splitlines() + regels[b:]


@pytest.mark.parametrize("naam", sorted(INGEBOUWD))
def test_lader_en_controle_zijn_het_eens_over_kapot_beleid(naam, tmp_path):
    """De lader (bij het opstarten) en ``sora plugin controleer`` toetsen hetzelfde beleid.toml op
    twee plaatsen. Voor honderden kapotte varianten van het echte bestand van elke gemeente
    moeten ze het eens zijn: de lader weigert met een ``BeleidFout`` (nooit een andere
    uitzondering) precies wanneer de controle iets meldt. Dit vond: een lijst als naam van een
    open norm liet de lader crashen (TypeError), en ``bevestigd = "nee"``, een getal als
    grondslag of toelichting werden stil geaccepteerd (bool("nee") is True)."""
    from pathlib import Path

    from sora_core.controle import controleer_beleid
    from sora_core.fouten import BeleidFout
    from sora_core.plugins import laad_plugin

    bron = Path(__import__(INGEBOUWD[naam]).__file__).with_name("beleid.toml")
    pad = tmp_path / "beleid.toml"
    p = _plugin(gemeente=lambda: {"naam": "Test", "cbs_code": "GM9990", "versie": "0.1"}, beleid=lambda: [pad])
    oneens = []
    n = 0
    for wat, regels in _varianten(bron.read_text(encoding="utf-8")):
        pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
        bevindingen: list = []
        controleer_beleid(naam, [pad], bevindingen)
        try:
            laad_plugin(naam, p)
            geweigerd = False
        except BeleidFout:
            geweigerd = True
        if geweigerd != any(b.ernst == "fout" for b in bevindingen):  # een waarschuwing weigert niet
            oneens.append((wat, geweigerd, [b.melding for b in bevindingen][:1]))
        n += 1
    assert n > 200
    assert not oneens, oneens[:10]
