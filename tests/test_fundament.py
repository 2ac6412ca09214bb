"""Het fundament (issue 2): gemeenten, beslissen, foutafhandeling, open normen en plugins."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal

import jsonschema
import pytest

from sora_core import beoordeel, besluit_dict, laad_casus, naar_json
from sora_core.beleid import los_op
from sora_core.cli import sora
from sora_core.fouten import BeleidFout, InvoerFout, PluginFout
from sora_core.plugins import INGEBOUWD, bouw_register, laad_plugin, register

from conftest import ROOT, casus, schema

VOORBEELD = ROOT / "voorbeelden" / "alleenstaande-iit.toml"

#: uit de opdracht (issue 2) en domein.md
CBS = {
    "alkmaar": ("GM0361", "Alkmaar"),
    "bergen": ("GM0373", "Bergen (NH)"),
    "castricum": ("GM0383", "Castricum"),
    "dijk_en_waard": ("GM1980", "Dijk en Waard"),
    "heiloo": ("GM0399", "Heiloo"),
    "uitgeest": ("GM0450", "Uitgeest"),
}


# --------------------------------------------------------------------------- gemeenten

def test_gemeenten_json_noemt_alle_zes_met_juiste_cbs_code(runner, zes_gemeenten):
    r = runner.invoke(sora, ["gemeenten", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    gevonden = {g["plugin"]: (g["cbs_code"], g["naam"]) for g in doc["gemeenten"]}
    assert gevonden == CBS
    assert doc["plugin_fouten"] == []
    dew = next(g for g in doc["gemeenten"] if g["plugin"] == "dijk_en_waard")
    assert dew["geldig_vanaf"] == "2022-01-01"


def test_gemeenten_leesbare_tabel(runner):
    r = runner.invoke(sora, ["gemeenten"])
    assert r.exit_code == 0
    for code, naam in CBS.values():
        assert code in r.output and naam in r.output


# --------------------------------------------------------------------------- beslissen

def test_inkomenstoeslag_alleenstaande_handberekend():
    # Alleenstaande, 45 jaar, peildatum 1-9-2025: norm art. 21a Pw per 1-7-2025 = 1369,06.
    # Inkomensgrens 120% x 1369,06 = 1642,872 -> afgerond 1642,87. Inkomen 1450,00 <= grens.
    # Laag sinds 1-1-2021: 36 maanden vol op 1-1-2024 <= 1-9-2025. Vermogen 2500 <= 7770 (2025).
    # Bedrag alleenstaande (Zaffier): 479,00 per jaar.
    b = beoordeel(casus())
    [x] = b.beslissingen
    assert (x.uitkomst, x.bedrag, x.bedrag_per, x.vorm) == ("toegekend", Decimal("479.00"), "per_jaar", "om_niet")
    teksten = " ".join(m.tekst for m in x.motivering)
    assert "€ 1.642,87" in teksten and "€ 1.369,06" in teksten
    waarden = {w.naam: w for w in x.gebruikte_waarden}
    assert waarden["bijstandsnorm.alleenstaande"].waarde == "1369.06"
    assert waarden["bijstandsnorm.alleenstaande"].geldig_vanaf == date(2025, 7, 1)
    assert waarden["individuele_inkomenstoeslag.inkomensgrens"].bron == "kern"
    assert all(w.grondslag for w in x.gebruikte_waarden)
    assert all(m.grondslag and m.bron for m in x.motivering)


def test_inkomenstoeslag_kostendeler_handberekend():
    # Alleenstaande 45 met een medebewoner van 30 (>= 27: kostendeler), A = 2, 1-9-2025.
    # B = gehuwdennorm 1955,80. Norm = ((40% + 2 x 30%) / 2) x 1955,80 = 0,5 x 1955,80 = 977,90.
    # Grens 120% x 977,90 = 1173,48. Inkomen 1173,48 voldoet precies; 1173,49 niet.
    c = casus(medebewoners=[{"geboortedatum": "1995-01-01"}])
    c["inkomen"]["netto_per_maand"] = "1173.48"
    assert beoordeel(c).beslissingen[0].uitkomst == "toegekend"
    c["inkomen"]["netto_per_maand"] = "1173.49"
    x = beoordeel(c).beslissingen[0]
    assert x.uitkomst == "afgewezen"
    assert any("€ 977,90" in m.tekst and "art. 22a" in m.grondslag for m in x.motivering)


def test_medebewoner_van_26_is_geen_kostendeler():
    # Sinds 1-1-2023 telt een medebewoner pas vanaf 27 jaar (art. 19a lid 1 Pw). Geboren 1999-09-02
    # is op 1-9-2025 nog 25: de norm blijft 1369,06 en inkomen 1450 <= 1642,87 voldoet.
    c = casus(medebewoners=[{"geboortedatum": "1999-09-02"}])
    assert beoordeel(c).beslissingen[0].uitkomst == "toegekend"


def test_aow_datum_handberekend():
    from sora_core.huishouden import aow_datum

    # Geboren 15-1-1957: AOW-leeftijd 2023 = 66 jaar 10 maanden -> 15-11-2023 (valt in 2023).
    assert aow_datum(date(1957, 1, 15)) == (date(2023, 11, 15), True)
    # Geboren 1-5-1958: 2024 (67) geeft 1-5-2025, niet in 2024; 2025 (67) geeft 1-5-2025: raak.
    assert aow_datum(date(1958, 5, 1))[0] == date(2025, 5, 1)


def test_zonder_aanvragen_alle_regelingen():
    c = casus()
    del c["aanvragen"]
    b = beoordeel(c)
    regelingen = [x.regeling for x in b.beslissingen]
    assert "individuele_inkomenstoeslag" in regelingen
    assert "alkmaar.alkmaarpas" in regelingen
    assert "bergen.jeugdfonds_sport_cultuur" not in regelingen  # alleen eigen gemeente
    assert {x.pakket for x in b.beslissingen if x.regeling.startswith("alkmaar.")} == {"plus"}


def test_besluit_json_deterministisch_en_volgens_schema(runner):
    a = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--json"])
    b = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--json"])
    assert a.exit_code == 0, a.output
    assert a.output == b.output
    doc = json.loads(a.output)
    jsonschema.validate(doc, schema("besluit"))
    assert doc["ontvangstbewijs"]["beleid_vingerafdruk"].startswith("sha256:")


def test_besluit_byte_voor_byte_in_apart_proces():
    """Twee losse processen (andere hash-seed) geven exact dezelfde bytes."""
    uit = []
    for seed in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "sora_core.cli", "beoordeel", str(VOORBEELD), "--json"],
                           capture_output=True, env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=ROOT)
        assert r.returncode == 0, r.stderr.decode()
        uit.append(r.stdout)
    assert uit[0] == uit[1]


@pytest.mark.parametrize("pad", sorted([*(ROOT / "voorbeelden").glob("*.toml"), *(ROOT / "voorbeelden").glob("*.json")]),
                         ids=lambda p: p.name)
def test_alle_voorbeelden_geldig(pad):
    c = laad_casus(pad)
    jsonschema.validate(json.loads(json.dumps(_als_json(pad))), schema("casus"))
    doc = json.loads(naar_json(besluit_dict(beoordeel(c))))
    jsonschema.validate(doc, schema("besluit"))


def _als_json(pad):
    import tomllib

    if pad.suffix == ".json":
        return json.loads(pad.read_text(encoding="utf-8"))
    return json.loads(json.dumps(tomllib.loads(pad.read_text(encoding="utf-8")), default=str))


def test_json_en_toml_geven_zelfde_besluit(tmp_path, runner):
    j = tmp_path / "c.json"
    j.write_text(json.dumps(_als_json(VOORBEELD)), encoding="utf-8")
    a = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--json"]).output
    b = runner.invoke(sora, ["beoordeel", str(j), "--json"]).output
    c = runner.invoke(sora, ["beoordeel", "-", "--json"], input=j.read_text()).output
    assert a == b == c


def test_json_getal_wordt_exact_gelezen():
    c = casus()
    c["inkomen"]["netto_per_maand"] = 1642.87  # als JSON-getal: exact, geen float-afronding
    doc = json.loads(json.dumps(c))
    from sora_core.invoer import lees_document, casus_uit_dict

    ca = casus_uit_dict(lees_document(json.dumps(doc).encode()))
    assert ca.inkomen.netto_per_maand == Decimal("1642.87")
    assert beoordeel(ca).beslissingen[0].uitkomst == "toegekend"


def test_tekstuitvoer_toont_motivering_met_grondslag_en_bron(runner):
    r = runner.invoke(sora, ["beoordeel", str(VOORBEELD)])
    assert r.exit_code == 0
    assert "Individuele inkomenstoeslag [basispakket]: TOEGEKEND, € 479,00 per jaar" in r.output
    assert "grondslag: art. 21 onder a Participatiewet; bron: kern" in r.output


# --------------------------------------------------------------------------- foutafhandeling

def _fout_json(runner, args, invoer=None):
    r = runner.invoke(sora, args + ["--json"], input=invoer)
    assert r.exit_code == 2, r.output
    doc = json.loads(r.output)
    jsonschema.validate(doc, schema("fout"))
    return {f["veld"]: f["melding"] for f in doc["fouten"]}


def test_dijk_en_waard_voor_2022_geweigerd(runner):
    fouten = _fout_json(runner, ["beoordeel", str(VOORBEELD), "--gemeente", "GM1980", "--peildatum", "2021-06-01"])
    assert "bestaat pas vanaf 1 januari 2022" in fouten["peildatum"]
    r = runner.invoke(sora, ["beoordeel", str(VOORBEELD), "--gemeente", "dijk_en_waard", "--peildatum", "2021-06-01"])
    assert r.exit_code == 2 and "Dijk en Waard" in r.output and "Traceback" not in r.output
    # op 1 januari 2022 bestaat de gemeente wel (geen weigering om die reden)
    b = beoordeel(casus(gemeente="GM1980", peildatum="2022-01-01"))
    assert b.gemeente.cbs_code == "GM1980"


def test_voorbereiding_per_dag_weigert_elke_keer_en_volgt_het_register():
    """``beslisser._voorbereid`` onthoudt gemeente, beleid en catalogus per (gemeente, peildatum). Een dag
    waarop de gemeente niet bestaat blijft geweigerd, ook na een besluit op een dag waarop ze wel bestaat;
    een ander register krijgt zijn eigen antwoord, ook als het standaardregister die dag al kent."""
    from sora_core.plugins import _kandidaten

    assert beoordeel(casus(gemeente="GM1980", peildatum="2022-01-01")).gemeente.naam == "Dijk en Waard"
    for _ in range(2):
        with pytest.raises(InvoerFout) as e:
            beoordeel(casus(gemeente="GM1980", peildatum="2021-06-01"))
        assert "bestaat pas vanaf 1 januari 2022" in e.value.fouten()[0].melding
    assert beoordeel(casus(gemeente="heiloo", peildatum="2025-03-01")).gemeente.cbs_code == "GM0399"
    zonder_heiloo = bouw_register([(n, laad) for n, laad in _kandidaten() if n != "heiloo"])
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(gemeente="heiloo", peildatum="2025-03-01"), reg=zonder_heiloo)
    assert e.value.fouten()[0].veld == "gemeente"
    # en daarna weer het standaardregister: Heiloo zoals eerst
    assert beoordeel(casus(gemeente="heiloo", peildatum="2025-03-01")).gemeente.cbs_code == "GM0399"


def test_onbekend_veld_negatief_bedrag_onmogelijke_datum_alle_gemeld(runner):
    c = casus(foo=1)
    c["inkomen"]["netto_per_maand"] = "-5"
    c["aanvrager"]["geboortedatum"] = "1980-02-30"
    fouten = _fout_json(runner, ["beoordeel", "-"], json.dumps(c))
    assert fouten["foo"] == "Onbekend veld 'foo'."
    assert fouten["inkomen.netto_per_maand"] == "Bedrag mag niet negatief zijn: '-5'."
    assert "Ongeldige datum" in fouten["aanvrager.geboortedatum"]


def test_onmogelijke_datum_in_toml_noemt_veld(tmp_path, runner):
    p = tmp_path / "c.toml"
    p.write_text('gemeente = "GM0361"\npeildatum = 2025-09-01\n[aanvrager]\ngeboortedatum = 1980-02-30\n'
                 '[inkomen]\nnetto_per_maand = "1.00"\n')
    fouten = _fout_json(runner, ["beoordeel", str(p)])
    # privacyregel (issue 8): het veld wordt genoemd, de geboortedatum zelf niet herhaald
    assert "Ongeldige datum" in fouten["aanvrager.geboortedatum"]
    assert "1980-02-30" not in fouten["aanvrager.geboortedatum"]


def test_fout_zonder_json_is_nederlands_op_stderr_zonder_traceback():
    r = subprocess.run([sys.executable, "-m", "sora_core.cli", "beoordeel", "-"], input=b'{"gemeente": 5}',
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "gemeente: Verwacht tekst" in err and "peildatum: Verplicht veld ontbreekt." in err
    assert "Traceback" not in err and r.stdout == b""


@pytest.mark.parametrize("invoer,veld", [
    ({"aanvragen": [{"regeling": "individuele_inkomenstoeslag", "bedrag": "1.005"}]}, "aanvragen[0].bedrag"),
    ({"kinderen": [{"geboortedatum": "2030-01-01"}]}, "kinderen[0].geboortedatum"),
    ({"woning": {"soort": "kasteel"}}, "woning.soort"),
    ({"aanvragen": [{"regeling": "bestaat_niet"}]}, "aanvragen[0].regeling"),
    ({"gemeente": "GM9999"}, "gemeente"),
    ({"peildatum": "1850-01-01"}, "peildatum"),
    ({"aanvrager": {"geboortedatum": "1980-01-01", "student": "ja"}}, "aanvrager.student"),
])
def test_fouten_noemen_het_veld(invoer, veld):
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(**invoer))
    assert veld in [f.veld for f in e.value.fouten()]


def test_ongeldige_utf8_en_te_groot(runner):
    from sora_core.invoer import MAX_GROOTTE, lees_document

    with pytest.raises(InvoerFout, match="UTF-8"):
        lees_document(b"\xff\xfe{}")
    with pytest.raises(InvoerFout, match="groter dan"):
        lees_document(b" " * (MAX_GROOTTE + 1))
    with pytest.raises(InvoerFout, match="te diep genest"):
        lees_document(b"[" * 100_000)


# --------------------------------------------------------------------------- open normen en plugins

def test_plugin_vult_open_norm_en_record_noemt_plugin(maak_plugin):
    naam, obj = maak_plugin("proefstad", """
        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        waarde = "1.30"
        geldig_vanaf = 2025-01-01
        grondslag = "Verordening individuele inkomenstoeslag Proefstad 2025, art. 2"
    """)
    reg = bouw_register([(naam, lambda: obj)] + [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()])
    # inkomen 1700: boven 120% (1642,87), onder 130% van 1369,06 = 1779,778 -> 1779,78
    c = casus(gemeente="proefstad")
    c["inkomen"]["netto_per_maand"] = "1700.00"
    eigen = beoordeel(c, reg=reg).beslissingen[0]
    buur = beoordeel(dict(c, gemeente="GM0361"), reg=reg).beslissingen[0]
    assert (eigen.uitkomst, buur.uitkomst) == ("toegekend", "afgewezen")
    w = {x.naam: x for x in eigen.gebruikte_waarden}["individuele_inkomenstoeslag.inkomensgrens"]
    assert (w.bron, w.waarde, w.grondslag) == ("proefstad", "1.30", "Verordening individuele inkomenstoeslag Proefstad 2025, art. 2")
    assert any(m.bron == "proefstad" and "€ 1.779,78" in m.tekst for m in eigen.motivering)
    # voor 2025 geldt de plugwaarde niet: terug naar de kern
    assert los_op(reg.zoek("proefstad"), date(2024, 12, 31)).waarde("individuele_inkomenstoeslag.inkomensgrens").bron == "kern"


def test_plugin_kan_geharmoniseerde_parameter_niet_vervangen(maak_plugin):
    naam, obj = maak_plugin("stiekem", """
        [[norm]]
        naam = "bijstandsnorm.alleenstaande"
        waarde = "2000.00"
        geldig_vanaf = 2025-01-01
        grondslag = "eigen besluit"
    """)
    with pytest.raises(BeleidFout, match="geen open norm"):
        laad_plugin(naam, obj)
    reg = bouw_register([(naam, lambda: obj), ("alkmaar", lambda: __import__("sora_alkmaar"))])
    assert "stiekem" in reg.fouten and "alkmaar" in reg.plugins  # de rest werkt door
    with pytest.raises(PluginFout, match="stiekem"):
        beoordeel(casus(gemeente="stiekem"), reg=reg)


@pytest.mark.parametrize("toml,fout", [
    ('[[norm]]\nnaam = "bestaat.niet"\nwaarde = "1"\ngeldig_vanaf = 2025-01-01\ngrondslag = "x"\n', "onbekende open norm"),
    ('[[norm]]\nnaam = "individuele_inkomenstoeslag.inkomensgrens"\nwaarde = "9.00"\ngeldig_vanaf = 2025-01-01\ngrondslag = "x"\n', "boven het maximum"),
    ('[[norm]]\nnaam = "individuele_inkomenstoeslag.inkomensgrens"\nwaarde = "1.10"\ngeldig_vanaf = 2025-01-01\n', "grondslag"),
    ('[[norm]]\nnaam = "individuele_inkomenstoeslag.referteperiode"\nwaarde = 24\ngeldig_vanaf = 2025-01-01\ngeldig_tot = 2025-12-31\ngrondslag = "x"\n'
     '[[norm]]\nnaam = "individuele_inkomenstoeslag.referteperiode"\nwaarde = 30\ngeldig_vanaf = 2025-06-01\ngrondslag = "x"\n', "overlapt"),
    ('[onbekend]\nx = 1\n', "onbekende tabel of sleutel 'onbekend'"),
])
def test_ongeldig_pluginbeleid_wordt_gemeld_met_pluginnaam(maak_plugin, toml, fout):
    naam, obj = maak_plugin("fouthuizen", toml)
    with pytest.raises(BeleidFout, match=fout) as e:
        laad_plugin(naam, obj)
    assert "fouthuizen" in str(e.value)


def test_verkeerd_gespelde_hook_faalt_luid():
    from sora_core import hookimpl

    class Typo:
        @hookimpl
        def sora_gemeentee(self):
            return {}

    with pytest.raises(PluginFout, match="typo"):
        laad_plugin("typo", Typo())


def test_hookfout_van_pluggy_wordt_nederlands_en_op_een_regel():
    from sora_core import hookimpl

    class Typo:
        @hookimpl
        def sora_gemeentee(self):
            return {}

    class TeveelArgumenten:
        @hookimpl
        def sora_gemeente(self, extra):
            return {}

    with pytest.raises(PluginFout) as e:
        laad_plugin("typo", Typo())
    assert str(e.value) == ("Plugin 'typo': onbekende hook 'sora_gemeentee'; bekende hooks: sora_beleid, "
                            "sora_gemeente, sora_regels (zie docs/hooks.md)")
    with pytest.raises(PluginFout) as e:
        laad_plugin("argumenten", TeveelArgumenten())
    assert str(e.value) == ("Plugin 'argumenten': hook sora_gemeente heeft argumenten die de hookspec niet kent: "
                            "'extra' (zie docs/hooks.md)")


def test_plugin_die_faalt_neemt_anderen_niet_mee():
    from sora_core import hookimpl

    class Kapot:
        @hookimpl
        def sora_gemeente(self):
            raise RuntimeError("oeps")

        @hookimpl
        def sora_beleid(self):
            return []

    reg = bouw_register([("kapot", Kapot)] + [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()])
    assert "oeps" in str(reg.fouten["kapot"]) and "kapot" in str(reg.fouten["kapot"])
    assert len(reg.plugins) == 6
    assert beoordeel(casus(), reg=reg).beslissingen[0].uitkomst == "toegekend"


def test_registratievolgorde_verandert_niets():
    kandidaten = [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()]
    uitkomsten = set()
    for seed in range(4):
        k = list(kandidaten)
        random.Random(seed).shuffle(k)
        reg = bouw_register(k)
        uitkomsten.add(tuple(naar_json(besluit_dict(beoordeel(casus(gemeente=g), reg=reg))) for g in CBS))
    assert len(uitkomsten) == 1


def test_beleid_wordt_gecachet_en_vingerafdruk_volgt_beleid(maak_plugin):
    p = register().zoek("alkmaar")
    assert los_op(p, date(2025, 9, 1)) is los_op(p, date(2025, 9, 1))
    # andere gemeente of ander beleid: andere vingerafdruk
    assert los_op(p, date(2025, 9, 1)).vingerafdruk != los_op(register().zoek("bergen"), date(2025, 9, 1)).vingerafdruk
    a = laad_plugin(*maak_plugin("v1", '[[norm]]\nnaam = "individuele_inkomenstoeslag.referteperiode"\nwaarde = 24\n'
                                       'geldig_vanaf = 2025-01-01\ngrondslag = "x"\n'))
    b = laad_plugin(*maak_plugin("v1", '[[norm]]\nnaam = "individuele_inkomenstoeslag.referteperiode"\nwaarde = 30\n'
                                       'geldig_vanaf = 2025-01-01\ngrondslag = "x"\n'))
    assert los_op(a, date(2025, 9, 1)).vingerafdruk != los_op(b, date(2025, 9, 1)).vingerafdruk


def test_onbekend_bedrag_wordt_doorverwezen_niet_gegokt():
    # De bijstandsnormen staan in de kern van 2023 tot en met 2026; die van 1 januari 2027 zijn
    # nog niet gepubliceerd (domein.md: "not published").
    x = beoordeel(casus(peildatum="2027-02-01")).beslissingen[0]
    assert x.uitkomst == "doorverwezen" and x.bedrag is None
    assert any("bijstandsnorm.alleenstaande" in m.tekst for m in x.motivering)


def test_ontvangstbewijs_versies():
    b = beoordeel(casus())
    import sora_alkmaar
    import sora_core

    assert b.ontvangstbewijs.toolkit_versie == sora_core.__version__
    assert b.ontvangstbewijs.plugin_versie == sora_alkmaar.__version__ == b.gemeente.plugin_versie


def test_casusschema_en_invoer_kennen_dezelfde_velden():
    """Het gepubliceerde schema en de lezer mogen niet uit elkaar lopen, op elk niveau."""
    from sora_core import invoer

    s = schema("casus")
    assert set(s["properties"]) == set(invoer._CASUS_VELDEN)
    assert set(s["required"]) == {k for k, (_, verplicht) in invoer._CASUS_VELDEN.items() if verplicht}
    p = s["properties"]
    paren = {
        "aanvrager": (p["aanvrager"], invoer._AANVRAGER_VELDEN),
        "partner": (p["partner"], invoer._PARTNER_VELDEN),
        "kinderen": (p["kinderen"]["items"], invoer._PERSOON_VELDEN),
        "medebewoners": (p["medebewoners"]["items"], invoer._PERSOON_VELDEN),
    }
    for naam, (deel, velden) in paren.items():
        assert set(deel["properties"]) == set(velden), naam
    # de overige objecten: de lezer kent precies de velden die het schema noemt (de veldenlijst
    # hangt aan de lezer, voor de snelle lezer; zie invoer._object_lezer)
    for naam in ("woning", "inkomen", "vermogen", "schuldhulp"):
        assert set(p[naam]["properties"]) == set(getattr(invoer, f"_{naam}").velden), naam
    assert set(p["aanvragen"]["items"]["properties"]) == set(invoer._aanvraag.velden)


# --------------------------------------------------------------------------- Python-regels en entry points

def test_plugin_registreert_python_regel_voor_eigen_pluspakket(maak_plugin):
    from sora_core import hookimpl
    from sora_core.geld import cent

    naam, obj = maak_plugin("rekenstad", "")

    def beoordeel_bonus(u, aanvraag):
        # een lokale regel die data niet kan zeggen: 10% van de norm, eenmalig
        from sora_core.huishouden import toepasselijke_norm

        norm = toepasselijke_norm(u, False)
        u.stap("Rekenstad-bonus: 10% van de norm.", "Verordening Rekenstad 2025, art. 1", "rekenstad")
        return u.besluit("toegekend", bedrag=cent(norm / 10), vorm="om_niet", bedrag_per="eenmalig")

    class MetRegel(type(obj)):
        @hookimpl
        def sora_regels(self, registreer):
            registreer.regeling("rekenstad.bonus", beoordeel_bonus, naam="Rekenstad-bonus",
                                grondslag="Verordening Rekenstad 2025, art. 1")

    obj.__class__ = MetRegel
    reg = bouw_register([(naam, lambda: obj)])
    b = beoordeel(casus(gemeente="rekenstad", aanvragen=[{"regeling": "rekenstad.bonus"}]), reg=reg)
    [x] = b.beslissingen
    # 10% van 1369,06 = 136,906 -> 136,91
    assert (x.pakket, x.uitkomst, x.bedrag) == ("plus", "toegekend", Decimal("136.91"))
    # de laatste stap is de bezwaartermijn van de kern (alle regelingen); daarvoor die van de plugin
    assert [m.bron for m in x.motivering][-2:] == ["rekenstad", "kern"]
    assert x.motivering[-2].tekst == "Rekenstad-bonus: 10% van de norm."


def test_python_regel_kan_geen_kernregeling_vervangen(maak_plugin):
    from sora_core import hookimpl

    naam, obj = maak_plugin("kaper", "")

    class Kaper(type(obj)):
        @hookimpl
        def sora_regels(self, registreer):
            registreer.regeling("individuele_inkomenstoeslag", lambda u, a: None, naam="x", grondslag="y")

    obj.__class__ = Kaper
    reg = bouw_register([(naam, lambda: obj)])
    assert "moet beginnen met 'kaper.'" in str(reg.fouten["kaper"])


def test_plugins_van_buiten_via_entry_points(monkeypatch, maak_plugin):
    """Een plugin van buiten de regio komt binnen via de entry-pointgroep 'sora'; een entry
    point met de naam van een ingebouwde plugin wordt niet dubbel geladen."""
    import importlib.metadata as md
    from sora_core import plugins

    naam, obj = maak_plugin("buitenstad", "", cbs="GM9002")

    class EP:
        def __init__(self, name, value):
            self.name, self.value = name, value

        def load(self):
            return value_map[self.name]()

    value_map = {"buitenstad": lambda: obj, "alkmaar": lambda: (_ for _ in ()).throw(AssertionError("dubbel"))}
    monkeypatch.setattr(md, "entry_points", lambda group: [EP("alkmaar", "x"), EP("buitenstad", "y")] if group == "sora" else [])
    monkeypatch.delenv("SORA_ALLEEN_INGEBOUWD", raising=False)
    reg = bouw_register(plugins._kandidaten())
    assert set(reg.plugins) == set(INGEBOUWD) | {"buitenstad"}
    assert reg.zoek("GM9002").naam == "buitenstad"


def test_wat_als_zet_open_norm_voor_een_run():
    p = register().zoek("alkmaar")
    peil = date(2025, 9, 1)
    b = los_op(p, peil, (("individuele_inkomenstoeslag.referteperiode", "24"),
                         ("individuele_inkomenstoeslag.kostendelersnorm_toepassen", "nee"),
                         ("individuele_inkomenstoeslag.inkomensgrens", "1.30")))
    assert b.waarde("individuele_inkomenstoeslag.referteperiode").waarde == 24
    assert b.waarde("individuele_inkomenstoeslag.kostendelersnorm_toepassen").waarde is False
    assert b.waarde("individuele_inkomenstoeslag.inkomensgrens").bron == "wat-als"
    assert b.vingerafdruk != los_op(p, peil).vingerafdruk
    with pytest.raises(BeleidFout, match="alleen een open norm"):
        los_op(p, peil, (("bijstandsnorm.alleenstaande", "2000.00"),))
    with pytest.raises(BeleidFout, match="geheel getal"):
        los_op(p, peil, (("individuele_inkomenstoeslag.referteperiode", "drie"),))
    # inkomen 1700 (boven 120%, onder 130% = 1779,78): met wat-als toegekend
    c = casus()
    c["inkomen"]["netto_per_maand"] = "1700.00"
    assert beoordeel(c).beslissingen[0].uitkomst == "afgewezen"
    assert beoordeel(c, zet=(("individuele_inkomenstoeslag.inkomensgrens", "1.30"),)).beslissingen[0].uitkomst == "toegekend"


def test_korte_uitvoer_noemt_de_echte_reden(runner, tmp_path):
    p = tmp_path / "c.json"
    c = casus()
    c["inkomen"]["netto_per_maand"] = "1700.00"  # boven 120% = 1642,87
    p.write_text(json.dumps(c))
    r = runner.invoke(sora, ["beoordeel", str(p), "--kort"])
    assert "reden: De aanvraag wordt afgewezen: inkomen boven de grens." in r.output


def test_waarschuwing_alleen_voor_gebruikte_te_bevestigen_normen():
    # De plugins laten de normen van de bijzondere bijstand 'nog te bevestigen'; een besluit over
    # alleen de inkomenstoeslag gebruikt die niet en waarschuwt er dus niet voor.
    assert beoordeel(casus()).waarschuwingen == ()
    bb = beoordeel(casus(aanvragen=[{"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering",
                                     "bedrag": "1250.00"}]))
    assert len(bb.waarschuwingen) == 1 and "bijzondere_bijstand.draagkracht" in bb.waarschuwingen[0]


def test_overwaarde_eigen_woning_telt_boven_de_vrijlating():
    # 2025: vrijlating woninggebonden vermogen 65.500 (art. 34 lid 2 onder d Pw).
    # Overwaarde 70.000: 70.000 - 65.500 = 4.500 telt mee; met 2.500 spaargeld = 7.000 <= 7.770: binnen.
    c = casus(vermogen={"bezittingen": "2500.00", "eigen_woning_overwaarde": "70000.00"})
    x = beoordeel(c).beslissingen[0]
    assert x.uitkomst == "toegekend"
    assert any("€ 4.500,00 mee" in m.tekst and "art. 34 lid 2 onder d" in m.grondslag for m in x.motivering)
    # overwaarde 71.000: 5.500 + 2.500 = 8.000 > 7.770: boven de grens
    c["vermogen"]["eigen_woning_overwaarde"] = "71000.00"
    assert beoordeel(c).beslissingen[0].uitkomst == "afgewezen"
    # zonder overwaarde wordt de vrijlating niet eens opgevraagd
    assert "vermogen.woninggebonden_vrijlating" not in {w.naam for w in beoordeel(casus()).beslissingen[0].gebruikte_waarden}


def test_bezwaartermijn_ook_bij_zelfgebouwde_beslissing(maak_plugin):
    """Een Python-regel die zelf een Beslissing bouwt (niet via Uitleg.besluit) krijgt de
    bezwaartermijn er alsnog bij: 1-9-2025 + 42 dagen = maandag 13-10-2025 (werkdag)."""
    from sora_core import hookimpl
    from sora_core.model import Beslissing, Motivering

    naam, obj = maak_plugin("zelfbouw", "")

    def regel(u, aanvraag):
        return Beslissing(regeling="zelfbouw.x", naam="X", pakket="plus", uitkomst="afgewezen", bedrag=None, vorm=None,
                          motivering=(Motivering("Niet voldaan.", "Verordening Zelfbouw, art. 1", "zelfbouw"),),
                          gebruikte_waarden=())

    class Z(type(obj)):
        @hookimpl
        def sora_regels(self, registreer):
            registreer.regeling("zelfbouw.x", regel, naam="X", grondslag="Verordening Zelfbouw, art. 1")

    obj.__class__ = Z
    reg = bouw_register([(naam, lambda: obj)])
    [x] = beoordeel(casus(gemeente="zelfbouw", aanvragen=[{"regeling": "zelfbouw.x"}]), reg=reg).beslissingen
    assert x.bezwaar_uiterlijk == date(2025, 10, 13)
    assert x.reden.tekst == "Niet voldaan." and x.motivering[-1].bijzaak
    # via Uitleg.besluit komt de stap er precies één keer in
    y = beoordeel(casus()).beslissingen[0]
    assert sum("bezwaar" in m.tekst for m in y.motivering) == 1


def test_schulden_gaan_ook_van_de_overwaarde_af():
    # Review (art. 34 lid 1 Pw): vermogen = bezittingen min ALLE schulden; de overwaarde van de
    # woning is een bezitting, daarna blijft het woninggebonden deel tot de vrijlating (2025:
    # 65.500, lid 2 onder d) buiten beschouwing.
    # Bezittingen 0, schulden 5.000, overwaarde 75.500:
    #   0 + 75.500 - 5.000 - 65.500 = 5.000 <= 7.770 (grens alleenstaande 2025): binnen de grens.
    # (Vroeger: max(0, 0 - 5.000) + (75.500 - 65.500) = 10.000 > 7.770: ten onrechte erboven.)
    c = casus(vermogen={"bezittingen": "0.00", "schulden": "5000.00", "eigen_woning_overwaarde": "75500.00"})
    x = beoordeel(c).beslissingen[0]
    assert x.uitkomst == "toegekend"
    assert any("= € 5.000,00" in m.tekst for m in x.motivering)
    # schulden 2.229,99: 75.500 - 2.229,99 - 65.500 = 7.770,01 > 7.770: net boven de grens
    c["vermogen"]["schulden"] = "2229.99"
    assert beoordeel(c).beslissingen[0].uitkomst == "afgewezen"
    # schulden 2.230: precies 7.770,00: op de grens is binnen
    c["vermogen"]["schulden"] = "2230.00"
    assert beoordeel(c).beslissingen[0].uitkomst == "toegekend"
    # schulden groter dan alles: vermogen 0 (niet negatief)
    c["vermogen"]["schulden"] = "90000.00"
    assert beoordeel(c).beslissingen[0].uitkomst == "toegekend"


def test_termijn_einde_op_de_laatste_dag_van_een_korte_maand():
    from sora_core.geld import plus_jaren_maanden, termijn_einde

    # Verordening 1182/71 art. 3 lid 2 onder c: zonder gelijke dagnummer de laatste dag van de maand
    assert termijn_einde(date(2025, 8, 31), 0, 6) == date(2026, 2, 28)
    assert termijn_einde(date(2020, 2, 29), 0, 36) == date(2023, 2, 28)
    assert termijn_einde(date(2024, 1, 31), 0, 1) == date(2024, 2, 29)  # schrikkeljaar
    assert termijn_einde(date(2025, 1, 15), 1) == date(2026, 1, 15)
    # leeftijden blijven de verjaardagsregel volgen: geboren 29-2 is in 2023 op 1-3 jarig
    assert plus_jaren_maanden(date(2020, 2, 29), 3) == date(2023, 3, 1)



def test_termijn_einde_elke_dag_tegen_de_kalender():
    """Elke begindag van 2023 tot en met 2024 (met een schrikkeljaar) plus 0 tot 40 maanden en 0 of
    1 jaar: dezelfde dagnummer, of de laatste dag van de doelmaand (``calendar.monthrange``, een
    onafhankelijke bron voor de lengte van een maand)."""
    import calendar

    from sora_core.geld import termijn_einde

    d = date(2023, 1, 1)
    while d <= date(2024, 12, 31):
        for jaren in (0, 1):
            for maanden in range(41):
                totaal = d.month - 1 + maanden
                jaar, maand = d.year + jaren + totaal // 12, totaal % 12 + 1
                assert termijn_einde(d, jaren, maanden) == date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))
        d += timedelta(days=1)

def test_referteperiode_vanaf_29_februari():
    # laag sinds 29-2-2020, 36 maanden: vol op 28-2-2023 (laatste dag van februari 2023).
    # Peildatum 28-2-2023: norm 1-1-2023 alleenstaande 1195,66; 120% = 1434,792 -> 1434,79; inkomen 1000.
    c = casus(peildatum="2023-02-28")
    c["inkomen"] = {"netto_per_maand": "1000.00", "laag_sinds": "2020-02-29"}
    assert beoordeel(c).beslissingen[0].uitkomst == "toegekend"
    c["peildatum"] = "2023-02-27"
    assert beoordeel(c).beslissingen[0].uitkomst == "afgewezen"


def test_inkomenstoeslag_zonder_laag_sinds_wordt_nagevraagd_niet_afgewezen():
    c = casus()
    del c["inkomen"]["laag_sinds"]
    x = beoordeel(c).beslissingen[0]
    assert x.uitkomst == "doorverwezen" and x.bezwaar_uiterlijk is None
    assert "art. 4:5" in x.reden.grondslag
    # faalt een andere voorwaarde, dan volgt wel een afwijzing (met die reden)
    c["inkomen"]["netto_per_maand"] = "1700.00"  # boven 1642,87
    x = beoordeel(c).beslissingen[0]
    assert x.uitkomst == "afgewezen" and "inkomen boven de grens" in x.reden.tekst


def test_aow_datum_voor_2015():
    from sora_core.huishouden import aow_datum

    # Geboren 15-10-1949: AOW-leeftijd 2014 = 65 jaar 2 maanden -> 15-12-2014 (art. 7a AOW)
    assert aow_datum(date(1949, 10, 15)) == (date(2014, 12, 15), True)


def test_aow_datum_volgt_de_regel_voor_elke_geboortedatum():
    """aow_datum rekent alleen de tabeljaren uit waarin de datum kan vallen; dat geeft voor elke
    geboortedatum van 1940 tot en met 1975 hetzelfde als de regel zelf: het eerste jaar J van de
    tabel waarin geboortedatum + AOW-leeftijd(J) in J valt. Met de hand nagerekend: geboren
    31-10-1960 valt 67 jaar (2027) op 31-10-2027, in 2027."""
    from sora_core.geld import plus_jaren_maanden
    from sora_core.huishouden import _aow_tabel, aow_datum

    def regel(g):
        for jaar, (j, m, bevestigd) in sorted(_aow_tabel().items()):
            d = plus_jaren_maanden(g, j, m)
            if d.year == jaar:
                return d, bevestigd
        return None

    d = date(1940, 1, 1)
    while d <= date(1975, 12, 31):
        assert aow_datum.__wrapped__(d) == regel(d), d
        d += timedelta(days=1)
    assert aow_datum(date(1960, 10, 31)) == (date(2027, 10, 31), False)


def test_elk_kernbestand_wordt_maar_een_keer_geparsed():
    # In een vers proces: open normen (kern_definities), de kostensoortencatalogus en de
    # AOW-tabel lezen samen vier kernbestanden; bijzondere_bijstand.toml heeft twee lezers en
    # mag toch maar één keer door de TOML-lezer (laad_toml: parsen, of uit de TOML-cache).
    code = (
        "import collections\n"
        "from sora_core import parameters\n"
        "geteld = collections.Counter()\n"
        "echt = parameters.laad_toml\n"
        "def laad_toml(pad, bron):\n"
        "    geteld[pad.name] += 1\n"
        "    return echt(pad, bron)\n"
        "parameters.laad_toml = laad_toml\n"
        "from sora_core.regels.kostensoorten import kern_kostensoorten\n"
        "from sora_core.huishouden import aow_datum\n"
        "import datetime\n"
        "parameters.kern_definities(); kern_kostensoorten(); aow_datum(datetime.date(1960, 1, 1))\n"
        "import json; print(json.dumps(geteld))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    geteld = json.loads(uit)
    assert geteld["bijzondere_bijstand.toml"] == 1
    assert geteld["aow.toml"] == 1
    assert set(geteld.values()) == {1}


def test_onbekende_regeling_of_gemeente_noemt_alleen_een_sleutelachtige_invoer():
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(aanvragen=[{"regeling": "inkomenstoeslag"}, {"regeling": "Jan Jansen 123456782"}]))
    f = e.value.fouten()
    assert [x.veld for x in f] == ["aanvragen[0].regeling", "aanvragen[1].regeling"]
    assert f[0].melding.startswith("Onbekende regeling 'inkomenstoeslag' in Alkmaar op 1 september 2025; bekend: ")
    assert f[1].melding.startswith("Onbekende regeling in Alkmaar op 1 september 2025; bekend: ")
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(gemeente="GM0000"))
    assert e.value.fouten()[0].melding.startswith("Onbekende gemeente 'GM0000'. Geïnstalleerd: GM0361 (alkmaar)")
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(gemeente="Jan Jansen"))
    assert e.value.fouten()[0].melding.startswith("Onbekende gemeente. Geïnstalleerd: ")


def test_let_op_stap_volgt_bevestigd_en_niet_de_tekst_van_de_grondslag():
    from sora_core.beleid import los_op
    from sora_core.parameters import Waarde
    from sora_core.regels.registratie import basispakket
    from sora_core.uitleg import Context, Uitleg
    from sora_core.invoer import casus_uit_dict

    c = casus_uit_dict(casus())
    beleid = los_op(register().zoek("alkmaar"), c.peildatum)
    u = Uitleg(Context(c, beleid), basispakket()["individuele_inkomenstoeslag"])
    # bevestigd, maar de grondslag noemt toevallig "nog te bevestigen": geen waarschuwing
    u.gebruik(Waarde(naam="proef.a", waarde="1", geldig_vanaf=date(2025, 1, 1), geldig_tot=None, bron="alkmaar",
                     grondslag="Beleidsregels Alkmaar (nog te bevestigen)"))
    assert not any(m.tekst.startswith("Let op") for m in u.besluit("afgewezen").motivering)
    # niet bevestigd: wel, met de naam
    u.gebruik(Waarde(naam="proef.b", waarde="2", geldig_vanaf=date(2025, 1, 1), geldig_tot=None, bron="alkmaar",
                     grondslag="Verordening", bevestigd=False))
    let_op = [m.tekst for m in u.besluit("afgewezen").motivering if m.tekst.startswith("Let op")]
    assert len(let_op) == 1 and "bevestigd: proef.b." in let_op[0] and "proef.a" not in let_op[0]


def _proefwaarde(naam: str, bevestigd: bool = True):
    from sora_core.parameters import Waarde

    return Waarde(naam=naam, waarde="1", geldig_vanaf=date(2025, 1, 1), geldig_tot=None, bron="kern",
                  grondslag="proef", bevestigd=bevestigd)


def test_gebruikte_waarden_in_de_boom_gelijk_aan_zonder_boom_en_gedeeld():
    """De gebruikte waarden van een beslissing (uitleg.Pad): in volgorde van eerste gebruik, een tweede
    gebruik van dezelfde naam telt niet, een waarde die niet van het beleid is (zoals de AOW-datum)
    staat op haar plek. Met en zonder de gedeelde boom hetzelfde; dezelfde rij waarden van het beleid
    is voor twee beslissingen hetzelfde tuple."""
    from sora_core.regels.registratie import basispakket
    from sora_core.uitleg import Context, Uitleg
    from sora_core.invoer import casus_uit_dict

    c = casus_uit_dict(casus())
    ctx = Context(c, los_op(register().zoek("alkmaar"), c.peildatum))
    regeling = basispakket()["individuele_inkomenstoeslag"]
    eigen = _proefwaarde("proef.aow_datum", bevestigd=False)

    def beslis(zonder_boom: bool, met_eigen: bool):
        u = Uitleg(ctx, regeling)
        if zonder_boom:
            u._zonder_boom()
        u.waarde_record("individuele_inkomenstoeslag.referteperiode")
        u.waarde_record("bijstandsnorm.alleenstaande")
        if met_eigen:
            u.gebruik(eigen)
        u.waarde_record("individuele_inkomenstoeslag.referteperiode")  # tweede keer: telt niet
        u.gebruik(ctx.beleid.waarde("vermogensgrens.alleenstaande"))
        u.gebruik(ctx.beleid.waarde("bijstandsnorm.alleenstaande"), "proef.andere_naam")  # eigen naam in de rij
        u.waarde_record("individuele_inkomenstoeslag.inkomensgrens")
        return u.besluit("afgewezen")

    verwacht = ["individuele_inkomenstoeslag.referteperiode", "bijstandsnorm.alleenstaande",
                "vermogensgrens.alleenstaande", "proef.andere_naam", "individuele_inkomenstoeslag.inkomensgrens"]
    for met_eigen in (False, True):
        boom, zonder = beslis(False, met_eigen), beslis(True, met_eigen)
        namen = [w.naam for w in boom.gebruikte_waarden]
        assert namen == (verwacht[:2] + ["proef.aow_datum"] + verwacht[2:] if met_eigen else verwacht)
        assert boom == zonder  # ook de motivering, met of zonder de stap "Let op"
        assert [m.tekst for m in boom.motivering if m.tekst.startswith("Let op")] == (
            ["Let op: deze beslissing gebruikt waarden die nog niet tegen de officiële bron zijn bevestigd: "
             "proef.aow_datum. Controleer ze voordat de beschikking uitgaat."] if met_eigen else [])
    assert beslis(False, False).gebruikte_waarden is beslis(False, False).gebruikte_waarden
    assert beslis(True, False).gebruikte_waarden is not beslis(True, False).gebruikte_waarden

    # een waarde van het beleid die nog niet bevestigd is: in de boom net als zonder boom in "Let op"
    import attrs

    beleid = attrs.evolve(ctx.beleid, waarden={**ctx.beleid.waarden,
                                               "proef.onbevestigd": _proefwaarde("proef.onbevestigd", False)})
    ctx2 = Context(c, beleid)
    for zonder_boom in (False, True):
        u = Uitleg(ctx2, regeling)
        if zonder_boom:
            u._zonder_boom()
        u.waarde_record("bijstandsnorm.alleenstaande")
        u.waarde_record("proef.onbevestigd")
        b = u.besluit("afgewezen")
        assert [w.naam for w in b.gebruikte_waarden] == ["bijstandsnorm.alleenstaande", "proef.onbevestigd"]
        assert b.gebruikte_waarden[1].grondslag == "proef (waarde nog te bevestigen)"
        assert [m.tekst for m in b.motivering if m.tekst.startswith("Let op")] == [
            "Let op: deze beslissing gebruikt waarden die nog niet tegen de officiële bron zijn bevestigd: "
            "proef.onbevestigd. Controleer ze voordat de beschikking uitgaat."]


def test_elke_boom_hoort_bij_de_waarden_van_zijn_beleid():
    """``Uitleg.waarde_record`` neemt een naam die vanuit een knoop al eens is opgevraagd uit de boom, zonder
    opnieuw in het beleid te kijken: de boom hoort bij de waarden van één opgelost beleid (``uitleg.wortel``).
    Twee beleiden met dezelfde ``te_bevestigen`` maar een andere norm, om en om: elk zijn eigen norm en
    gebruikte waarde, ook nadat de andere dezelfde namen al in zijn boom zette."""
    import attrs

    from sora_core.invoer import casus_uit_dict
    from sora_core.parameters import Waarde
    from sora_core.regels.registratie import basispakket
    from sora_core.uitleg import Context, Uitleg

    c = casus_uit_dict(casus())
    beleid = los_op(register().zoek("alkmaar"), c.peildatum)
    echt = beleid.waarden["bijstandsnorm.alleenstaande"]
    ander = Waarde(naam=echt.naam, waarde=Decimal("1000.00"), geldig_vanaf=echt.geldig_vanaf, geldig_tot=echt.geldig_tot,
                   bron="kern", grondslag=echt.grondslag)
    beleid2 = attrs.evolve(beleid, waarden={**beleid.waarden, echt.naam: ander})
    assert beleid2.te_bevestigen is beleid.te_bevestigen and beleid2.waarden is not beleid.waarden
    regeling = basispakket()["individuele_inkomenstoeslag"]
    for _ in range(3):
        for b, verwacht in ((beleid, echt.waarde), (beleid2, Decimal("1000.00"))):
            u = Uitleg(Context(c, b), regeling)
            u.waarde_record("individuele_inkomenstoeslag.referteperiode")
            assert u.waarde_record(echt.naam).waarde == verwacht
            gw = u.besluit("afgewezen").gebruikte_waarden
            assert [w.naam for w in gw] == ["individuele_inkomenstoeslag.referteperiode", echt.naam]
            assert gw[1].waarde == str(verwacht)


def test_waarschuwing_uit_de_boom_gelijk_aan_die_uit_de_waarden_zelf():
    """De open normen van een besluit (beslisser._waarschuwingen) komen voor een rij uit de gedeelde boom
    uit de knoop; voor een rij die een regel zelf samenstelde uit de namen. Hetzelfde antwoord."""
    import attrs

    from sora_core.beslisser import _waarschuwingen

    c = casus(aanvragen=[{"regeling": "individuele_inkomenstoeslag"},
                         {"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering", "bedrag": "1250.00"}])
    b = beoordeel(c)
    beleid = los_op(register().zoek("alkmaar"), date(2025, 9, 1))
    assert len(b.waarschuwingen) == 1 and "bijzondere_bijstand.draagkracht" in b.waarschuwingen[0]
    # dezelfde waarden in een eigen tuple (niet uit de boom): dezelfde waarschuwing
    eigen = [attrs.evolve(x, gebruikte_waarden=tuple(list(x.gebruikte_waarden))) for x in b.beslissingen]
    assert all(e.gebruikte_waarden is not x.gebruikte_waarden for e, x in zip(eigen, b.beslissingen))
    assert _waarschuwingen(beleid, eigen) == b.waarschuwingen
    assert _waarschuwingen(beleid, [b.beslissingen[0], eigen[1]]) == b.waarschuwingen
    # alleen de inkomenstoeslag gebruikt geen open norm die nog te bevestigen is
    assert _waarschuwingen(beleid, eigen[:1]) == _waarschuwingen(beleid, b.beslissingen[:1]) == ()


def test_begrensde_boom_geeft_dezelfde_besluiten(monkeypatch):
    """Met een boom van een paar knopen (steeds een nieuwe) zijn de besluiten byte voor byte dezelfde."""
    from sora_core import model, uitleg
    from sora_core.uitvoer import besluit_json

    gevallen = [casus(inkomen={"netto_per_maand": f"{1100 + 37 * i}.{i:02d}", "laag_sinds": "2021-01-01"},
                      aanvrager={"geboortedatum": f"{1950 + 3 * i}-05-01"},
                      aanvragen=[{"regeling": "individuele_inkomenstoeslag"},
                                 {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten",
                                  "bedrag": f"{200 + 50 * i}.00"}])
                for i in range(20)]
    gewoon = [besluit_json(beoordeel(g)) for g in gevallen]
    monkeypatch.setattr(uitleg, "_MAX_KNOPEN", 3)
    uitleg._WORTELS.clear()
    model.GEDEELDE_WAARDEN.clear()
    assert [besluit_json(beoordeel(g)) for g in gevallen] == gewoon
    assert len(model.GEDEELDE_WAARDEN) <= 3 and len(uitleg._WORTELS) <= 1


@pytest.mark.parametrize("opdracht", [["beoordeel", "-"], ["beoordeel", "-", "--zgw", "--rsin", "002564440",
                                                           "--besluittype", "https://example.org/bt/1"],
                                      ["vergelijk", "-"]])
def test_standaardinvoer_boven_de_grens_wordt_geweigerd(runner, opdracht):
    # 1.000.001 bytes: één meer dan invoer.MAX_GROOTTE
    r = runner.invoke(sora, opdracht, input=" " * 1_000_001)
    assert r.exit_code == 2
    assert "Invoer is groter dan 1000000 bytes." in r.output


def test_norm_zonder_waarde_maar_met_periode_is_een_fout(maak_plugin):
    # Zo'n [[norm]] is bijna altijd een vergeten waarde; de lader en 'sora plugin controleer' zijn het eens.
    naam, obj = maak_plugin("vergeten", '[[norm]]\nnaam = "individuele_inkomenstoeslag.inkomensgrens"\n'
                                        'geldig_vanaf = 2025-01-01\ngrondslag = "Verordening Vergeten 2025"\n')
    with pytest.raises(BeleidFout, match="'waarde' ontbreekt maar geldig_vanaf"):
        laad_plugin(naam, obj)


def test_besluitdatum_op_de_opdrachtregel_zet_de_bezwaartermijn(runner, tmp_path):
    # Bekendmaking vr 14-11-2025 + 42 dagen = vr 26-12-2025 (tweede Kerstdag), za 27, zo 28 -> ma 29-12-2025
    p = tmp_path / "c.json"
    p.write_text(json.dumps(casus()))
    r = runner.invoke(sora, ["beoordeel", str(p), "--besluitdatum", "2025-11-14", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["beslissingen"][0]["bezwaar_uiterlijk"] == "2025-12-29"
    r = runner.invoke(sora, ["beoordeel", str(p), "--rsin", "002564440"])
    assert r.exit_code == 2 and "--rsin hoort bij --zgw" in r.output


def test_bedragnotatie_tabel_en_motivering_delen_een_regel():
    from sora_core.analyse.tabel import bedrag_kort
    from sora_core.geld import euro_nl

    # 1.345,50 met punt per duizend en komma voor de centen; -0,004 rondt af op 0,00 zonder minteken
    assert bedrag_kort(Decimal("1345.5")) == "1.345,50" and euro_nl(Decimal("1345.5")) == "€ 1.345,50"
    assert bedrag_kort(Decimal("-1234567.891")) == "-1.234.567,89"
    assert euro_nl(Decimal("-1234567.891")) == "-€ 1.234.567,89"
    assert bedrag_kort(Decimal("-0.004")) == "0,00" and euro_nl(Decimal("-0.004")) == "€ 0,00"
    assert bedrag_kort(None) == "-"
