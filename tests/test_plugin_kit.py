"""sora plugin nieuw / sora plugin controleer: een plugin maken en toetsen zonder casus."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sora_core.cli import sora
from sora_core.controle import TomlKaart, controleer_alle, controleer_beleid, controleer_pad
from sora_core.nieuw import maak_plugin, toml_waarde
from sora_core.parameters import Definitie, Schijf, kern_definities, lees_waarde
from sora_core.pluginmap import entry_points_van, laad_uit_project
from sora_core.plugins import laad_plugin
from sora_core.scenario import lees_scenario, voer_uit

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef]


# --------------------------------------------------------------------------- sora plugin nieuw

@pytest.fixture
def nieuwe_plugin(tmp_path) -> Path:
    return maak_plugin("proefstad", "GM9990", tmp_path, gemeentenaam="Proefstad", vandaag=date(2025, 9, 1))


def test_nieuw_zet_installeerbare_plugin_neer(nieuwe_plugin):
    p = nieuwe_plugin
    for bestand in ("pyproject.toml", "README.md", "sora_proefstad/__init__.py", "sora_proefstad/beleid.toml",
                    "tests/scenario_voorbeeld.toml"):
        assert (p / bestand).is_file(), bestand
    pyproject = tomllib.loads((p / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["entry-points"]["sora"] == {"proefstad": "sora_proefstad"}
    assert pyproject["project"]["name"] == "sora-proefstad"
    assert "sora-core" in pyproject["project"]["dependencies"]
    # het beleidsbestand gaat mee in het pakket
    assert pyproject["tool"]["setuptools"]["package-data"] == {"sora_proefstad": ["*.toml"]}
    assert entry_points_van(p) == {"proefstad": "sora_proefstad"}


def test_nieuwe_plugin_laadt_en_volgt_de_regio(nieuwe_plugin):
    naam, obj = laad_uit_project(nieuwe_plugin)
    p = laad_plugin(naam, obj)
    assert (p.info.naam, p.info.cbs_code, p.info.plugin_versie) == ("Proefstad", "GM9990", "0.1.0")
    assert p.normen == {} and p.te_bevestigen == {}  # alles uitgecommentarieerd: de regionale standaard
    assert p.regelingen == ()  # leeg pluspakket


def test_nieuwe_plugin_slaagt_voor_eigen_scenario_en_controle(nieuwe_plugin):
    s = lees_scenario(nieuwe_plugin / "tests" / "scenario_voorbeeld.toml")
    assert s.casus["gemeente"] == "GM9990"
    afwijkingen, besluit = voer_uit(s)
    assert afwijkingen == []
    assert besluit.gemeente.cbs_code == "GM9990"
    assert controleer_pad(nieuwe_plugin) == []


def test_beleid_is_kort_met_een_voorbeeld_van_norm_en_regeling(nieuwe_plugin):
    tekst = (nieuwe_plugin / "sora_proefstad" / "beleid.toml").read_text(encoding="utf-8")
    doc = tomllib.loads(tekst)
    assert doc.get("norm") is None and doc.get("regeling") is None  # alles is commentaar: volgt de regio
    assert len(tekst.splitlines()) <= 60  # past op twee schermen (was 1.219 regels)
    assert tekst.count("# [[norm]]") == 1 and tekst.count("# [[regeling]]") == 1
    # geen vaste parameter of andere open norm als voorbeeld; wel de opdrachten die alles noemen
    assert re.findall(r'^# naam = "([^"]+)"', tekst, re.M) == ["individuele_inkomenstoeslag.inkomensgrens", "Naam van de regeling"]
    assert "sora plugin normen proefstad" in tekst and "sora landelijk" in tekst
    assert '# sleutel = "proefstad.voorbeeld"' in tekst


def test_voorbeeldnorm_in_het_sjabloon_is_geldig(nieuwe_plugin):
    pad = nieuwe_plugin / "sora_proefstad" / "beleid.toml"
    tekst = pad.read_text(encoding="utf-8")
    regels = tekst.splitlines()
    begin = regels.index("# [[norm]]")
    blok = [r[2:] for r in regels[begin:begin + 6]]
    pad.write_text(tekst + "\n" + "\n".join(blok) + "\n", encoding="utf-8")
    assert controleer_pad(nieuwe_plugin) == []  # geen fout en geen waarschuwing
    naam, obj = laad_uit_project(nieuwe_plugin)
    w = laad_plugin(naam, obj).normen["individuele_inkomenstoeslag.inkomensgrens"][0]
    assert w.waarde == kern_definities()["individuele_inkomenstoeslag.inkomensgrens"].waarde_op(date(2025, 9, 1)).waarde


def test_plugin_normen_noemt_elke_open_norm_met_bereik_en_grondslag(nieuwe_plugin, runner):
    defs = kern_definities()
    r = runner.invoke(sora, ["plugin", "normen", str(nieuwe_plugin), "--peildatum", "2025-09-01", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["gemeente"]["cbs_code"] == "GM9990"
    per_naam = {n["naam"]: n for n in doc["open_normen"]}
    assert set(per_naam) == {n for n, d in defs.items() if d.open}
    for naam, n in per_naam.items():
        d = defs[naam]
        assert n["grondslag"] == d.grondslag
        w = d.waarde_op(date(2025, 9, 1))
        assert n["regionale_standaard"]["waarde"] == (None if w is None else json.loads(json.dumps(
            str(w.waarde) if isinstance(w.waarde, Decimal) else w.waarde, default=str))) or d.type == "staffel", naam
        assert n["gemeente"]["keuze"] == "volgt de regio"
    assert per_naam["individuele_inkomenstoeslag.inkomensgrens"]["toegestaan"] == "van 1.00 tot en met 1.50"
    # een geïnstalleerde gemeente met een eigen keuze, als tekst
    r = runner.invoke(sora, ["plugin", "normen", "alkmaar", "--peildatum", "2026-12-01"])
    assert r.exit_code == 0, r.output
    assert "voor Alkmaar (GM0361)" in r.output and "toegestaan: van 1.00 tot en met 1.50" in r.output
    assert "    Alkmaar: " in r.output
    assert runner.invoke(sora, ["plugin", "normen", "bestaatniet"]).exit_code == 2


def test_landelijk_noemt_elke_vaste_parameter_op_de_peildatum(runner):
    defs = kern_definities()
    r = runner.invoke(sora, ["landelijk", "--peildatum", "2026-12-01", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    per_naam = {p["naam"]: p for p in doc["parameters"]}
    assert set(per_naam) == {n for n, d in defs.items() if not d.open}
    for naam in ("bijstandsnorm.jongeren.alleenstaande", "kostendelersnorm.per_kostendeler", "vermogensgrens.gezin",
                 "vermogen.woninggebonden_vrijlating", "bijzondere_bijstand.drempelbedrag_maximum",
                 "giften.vrijlating_per_jaar", "individuele_studietoeslag.minimumbedrag.leeftijd_18"):
        assert naam in per_naam
    a = per_naam["bijstandsnorm.alleenstaande"]
    w = defs["bijstandsnorm.alleenstaande"].waarde_op(date(2026, 12, 1))
    assert (a["waarde"], a["geldig_vanaf"], a["geldig_tot"], a["bevestigd"], a["bron"]) == (
        str(w.waarde), w.geldig_vanaf.isoformat(), w.geldig_tot.isoformat() if w.geldig_tot else None, w.bevestigd, w.document)
    assert a["waarde"] == "1419.46" and a["grondslag"] == "art. 21 onder a Participatiewet"
    r = runner.invoke(sora, ["landelijk", "--peildatum", "2026-12-01"])
    assert "bijstandsnorm.alleenstaande: € 1.419,46" in r.output and "geldig 1 juli 2026 t/m 31 december 2026" in r.output
    # zonder peildatum: vandaag
    assert json.loads(runner.invoke(sora, ["landelijk", "--json"]).output)["peildatum"] == date.today().isoformat()
    # voor de eerste waarde: zegt dat er geen is
    oud = json.loads(runner.invoke(sora, ["landelijk", "--peildatum", "1990-01-01", "--json"]).output)
    assert all(p["waarde"] is None and p["ontbreekt"].startswith("geen waarde op 1 januari 1990") for p in oud["parameters"])


@pytest.mark.parametrize("type_, waarde, extra", [
    ("bedrag", Decimal("479.00"), {}),
    ("fractie", Decimal("1.20"), {}),
    ("geheel", 36, {}),
    ("ja_nee", False, {}),
    ("keuze", "maand", {"keuzes": ("maand", "jaar")}),
    ("tekst", 'Zaffier "regio"', {}),
    ("staffel", (Schijf(Decimal("1.00"), Decimal("0.10")), Schijf(Decimal("1.20"), Decimal("0.50"))), {}),
])
def test_toml_waarde_leest_terug_als_dezelfde_waarde(type_, waarde, extra):
    d = Definitie(naam="x.y", type=type_, open=True, grondslag="g", omschrijving="o", **extra)
    ruw = tomllib.loads(f"w = {toml_waarde(waarde)}")["w"]
    assert lees_waarde(d, ruw, "test", "test") == waarde


def test_nieuw_weigert_bestaande_map_en_ongeldige_invoer(tmp_path, runner):
    r = runner.invoke(sora, ["plugin", "nieuw", "proefstad", "--cbs", "GM9990", "--map", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "aangemaakt" in r.output
    r = runner.invoke(sora, ["plugin", "nieuw", "proefstad", "--cbs", "GM9990", "--map", str(tmp_path)])
    assert r.exit_code == 2 and "bestaat al" in r.output
    r = runner.invoke(sora, ["plugin", "nieuw", "Proef-Stad", "--cbs", "9990", "--map", str(tmp_path), "--json"])
    assert r.exit_code == 2
    fouten = json.loads(r.output)["fouten"]
    assert {f["veld"] for f in fouten} == {"NAAM", "--cbs"}  # beide problemen tegelijk
    r = runner.invoke(sora, ["plugin", "nieuw", "x2", "--cbs", "GM9990", "--map", str(tmp_path),
                             "--gemeentenaam", 'Stad "X"'])
    assert r.exit_code == 2 and "--gemeentenaam" in r.output
    # een CBS-code of naam die al in gebruik is
    r = runner.invoke(sora, ["plugin", "nieuw", "tweede_alkmaar", "--cbs", "GM0361", "--map", str(tmp_path)])
    assert r.exit_code == 2 and "CBS-code GM0361 is al in gebruik door plugin 'alkmaar'" in r.output
    assert not (tmp_path / "tweede_alkmaar").exists()
    r = runner.invoke(sora, ["plugin", "nieuw", "bergen", "--cbs", "GM9989", "--map", str(tmp_path)])
    assert r.exit_code == 2 and "al een plugin 'bergen'" in r.output


def test_nieuwe_plugin_draait_eigen_tests_met_pytest(nieuwe_plugin):
    """Zoals een beleidsmedewerker het doet: python -m pytest in de pluginmap."""
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=nieuwe_plugin,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 passed" in r.stdout


# --------------------------------------------------------------------------- sora plugin controleer

def test_alle_ingebouwde_plugins_zijn_in_orde(runner):
    uitslag = controleer_alle()
    assert uitslag and all(b == [] for b in uitslag.values()), uitslag
    r = runner.invoke(sora, ["plugin", "controleer", "--alle"])
    assert r.exit_code == 0, r.output


SLECHT_INIT = '''\
from pathlib import Path
from sora_core import hookimpl

@hookimpl
def sora_gemeente(extra):
    return {"naam": "Slecht", "cbs_code": "GM9998", "versie": "0.1"}

@hookimpl
def sora_beleidd():
    return [Path(__file__).with_name("beleid.toml")]

def sora_regels(registreer):
    pass
'''

SLECHT_BELEID = '''\
titel = "x"
onzin = 3

[[norm]]
naam = "individuele_inkomenstoeslag.inkomensgrens"
waarde = "2.50"
geldig_vanaf = 2024-01-01

[[norm]]
naam = "individuele_inkomenstoeslag.inkomensgrens"
waarde = "1.10"
geldig_vanaf = 2023-01-01
geldig_tot = 2024-06-30
grondslag = "Verordening x"

[[norm]]
naam = "individuele_inkomenstoeslag.referteperod"
waarde = 24
geldig_vanaf = 2024-01-01
grondslag = "Verordening x"

[[norm]]
naam = "bijstandsnorm.alleenstaande"
waarde = "1000.00"
geldig_vanaf = 2024-01-01
grondslag = "x"

[[norm]]
naam = "individuele_inkomenstoeslag.referteperiode"
waarde = "36"
geldig_vanaf = "2024-13-01"
grondslag = "x"

[[regeling]]
sleutel = "anders.pas"
naam = "Pas"
grondslag = "Verordening"
geldig_vanaf = 2024-01-01

[[regeling]]
sleutel = "slecht.pas"
naam = "Pas"
geldig_vanaf = 2024-01-01
  [regeling.doelgroep]
  leeftijd = [18]

[[regeling]]
sleutel = "slecht.pas2"
naam = "Pas"
grondslag = "G"
geldig_vanaf = 2024-01-01
  [regeling.doelgroep]
  huishouden = ["alleenstaand"]

[[regeling]]
sleutel = "slecht.pas2"
naam = "Pas"
grondslag = "G"
geldig_vanaf = 2024-06-01
  [regeling.bedrag]
  per = "kind"
  per_jaar = "10.001"

[[regeling]]
sleutel = "slecht.pas3"
naam = "Pas"
grondslag = "G"
geldig_vanaf = 2024-06-01
vermogenstoets = "ja"
'''


@pytest.fixture
def slechte_plugin(tmp_path) -> Path:
    p = tmp_path / "slecht"
    (p / "sora_slecht").mkdir(parents=True)
    (p / "pyproject.toml").write_text(textwrap.dedent('''\
        [project]
        name = "sora-slecht"
        version = "0.1.0"
        [project.entry-points.sora]
        slecht = "sora_slecht"
        '''), encoding="utf-8")
    (p / "sora_slecht" / "__init__.py").write_text(SLECHT_INIT, encoding="utf-8")
    (p / "sora_slecht" / "beleid.toml").write_text(SLECHT_BELEID, encoding="utf-8")
    return p


def test_controleer_verzamelt_alle_bevindingen_met_regel(slechte_plugin):
    bev = controleer_pad(slechte_plugin)
    init, beleid = "__init__.py", "beleid.toml"
    verwacht = [  # (bestand, regel, stukje melding): elke fout, niet alleen de eerste
        (init, None, "verplichte hook sora_beleid ontbreekt"),
        (init, 4, "ongeldige handtekening"),
        (init, 8, "onbekende hook 'sora_beleidd'; bedoelt u 'sora_beleid'?"),
        (init, 12, "functie sora_regels mist @hookimpl"),
        (beleid, 2, "onbekende tabel of sleutel 'onzin'"),
        (beleid, 4, "'grondslag' ontbreekt"),
        (beleid, 6, "waarde 2.50 ligt boven het maximum 1.50"),
        (beleid, 7, "overlapt met de periode vanaf 2023-01-01 tot en met 2024-06-30"),
        (beleid, 17, "bedoelt u 'individuele_inkomenstoeslag.referteperiode'?"),
        (beleid, 23, "geharmoniseerde parameter van de kern, geen open norm"),
        (beleid, 30, "verwacht een geheel getal, kreeg '36'"),
        (beleid, 31, "geldig_vanaf moet een datum zijn"),
        (beleid, 35, "moet de vorm 'slecht.<naam>' hebben"),
        (beleid, 40, "'grondslag' ontbreekt"),
        (beleid, 45, "doelgroep.leeftijd moet [van, tot"),
        (beleid, 53, "doelgroep.huishouden: 'alleenstaand' is geen van"),
        (beleid, 59, "zonder einddatum"),
        (beleid, 62, "hoogstens twee decimalen"),
        (beleid, 69, "'vermogenstoets' is true of false"),
    ]
    gevonden = [(Path(b.bestand).name, b.regel, b.melding) for b in bev if b.ernst == "fout"]
    for bestand, regel, stukje in verwacht:
        assert any(f == bestand and r == regel and stukje in m for f, r, m in gevonden), (bestand, regel, stukje, gevonden)
    assert len(gevonden) == len(verwacht)
    # en één waarschuwing: de tweede [[norm]] is in orde maar noemt geen bron
    assert [(Path(b.bestand).name, b.regel, b.melding) for b in bev if b.ernst == "waarschuwing"] == [
        (beleid, 9, "individuele_inkomenstoeslag.inkomensgrens: 'bron' ontbreekt; noem de vindplaats "
                    "(CVDR-nummer, gemeenteblad of URL).")]
    # de overlap noemt beide perioden en zegt wat te doen
    overlap = next(m for f, r, m in gevonden if r == 7)
    assert "beleid.toml:12" in overlap and "geldig_tot = 2023-12-31" in overlap


def test_controleer_cli_exitcode_en_json(slechte_plugin, runner):
    r = runner.invoke(sora, ["plugin", "controleer", str(slechte_plugin)])
    assert r.exit_code == 1
    # de plek (bestand:regel) heel aan het begin van een regel; een lange plek staat op een eigen regel
    plek = f"{slechte_plugin / 'sora_slecht' / 'beleid.toml'}:6:"
    assert any(x == plek or x.startswith(plek + " ") for x in r.output.splitlines())
    assert all(len(x) <= 100 or x.endswith(":") for x in r.output.splitlines())  # gevouwen op 100 kolommen
    r = runner.invoke(sora, ["plugin", "controleer", str(slechte_plugin), "--json"])
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert doc["in_orde"] is False and len(doc["bevindingen"]) == len(controleer_pad(slechte_plugin)) == 20
    assert set(doc["bevindingen"][0]) == {"plugin", "bestand", "regel", "sleutel", "melding", "ernst"}
    assert sorted(b["ernst"] for b in doc["bevindingen"]).count("waarschuwing") == 1
    # alleen het beleidsbestand
    r = runner.invoke(sora, ["plugin", "controleer", str(slechte_plugin / "sora_slecht" / "beleid.toml")])
    assert r.exit_code == 1 and "hook" not in r.output
    # PAD of --alle, niet beide of geen van beide
    assert runner.invoke(sora, ["plugin", "controleer"]).exit_code == 2
    assert runner.invoke(sora, ["plugin", "controleer", str(slechte_plugin), "--alle"]).exit_code == 2


def test_controleer_ingebouwde_plugin_op_pad(runner):
    root = Path(__file__).resolve().parent.parent
    r = runner.invoke(sora, ["plugin", "controleer", str(root / "plugins" / "alkmaar")])
    assert r.exit_code == 0, r.output
    assert "In orde" in r.output


def test_geldige_norm_en_regeling_geven_geen_bevinding(tmp_path):
    pad = tmp_path / "beleid.toml"
    pad.write_text(textwrap.dedent('''\
        [[norm]]
        naam = "individuele_inkomenstoeslag.referteperiode"
        waarde = 24
        geldig_vanaf = 2024-01-01
        geldig_tot = 2024-12-31
        grondslag = "Verordening individuele inkomenstoeslag Proefstad 2024, art. 3"
        bron = "CVDR123"

        [[norm]]
        naam = "individuele_inkomenstoeslag.referteperiode"
        waarde = 36
        geldig_vanaf = 2025-01-01
        grondslag = "Verordening individuele inkomenstoeslag Proefstad 2025, art. 3"
        bron = "CVDR124"

        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        grondslag = "volgt de regio; nog te bevestigen"

        [[regeling]]
        sleutel = "proef.pas"
        naam = "Pas"
        grondslag = "Verordening Pas, art. 2"
        bron = "gmb-2024-1"
        geldig_vanaf = 2024-01-01
        geldig_tot = 2024-12-31
        inkomensgrens = "1.20"
          [regeling.bedrag]
          per = "persoon"
          per_jaar = "50.00"

        [[regeling]]
        sleutel = "proef.pas"
        naam = "Pas"
        grondslag = "Verordening Pas, art. 2"
        bron = "gmb-2024-1"
        geldig_vanaf = 2025-01-01
        '''), encoding="utf-8")
    bevindingen: list = []
    controleer_beleid("proef", [pad], bevindingen)
    assert bevindingen == []


def test_toml_kaart_vindt_tabellen_en_sleutels():
    tekst = textwrap.dedent('''\
        titel = "x"
        toelichting = """
        [[norm]] in een tekst telt niet
        """
        [[norm]]
        naam = "a"
        waarde = 1
        [[regeling]]
        sleutel = "p.x"
          [regeling.doelgroep]
          leeftijd = [1, 2]
          [regeling.bedrag]
          per = "kind"
        [[norm]]
        naam = "b"
        ''')
    k = TomlKaart(tekst)
    assert k.tabel("norm", 0) == 5 and k.tabel("norm", 1) == 14 and k.tabel("norm", 2) is None
    assert k.sleutel("norm", 0, "waarde") == 7
    assert k.sleutel("regeling", 0, "doelgroep.leeftijd") == 11
    assert k.sleutel("regeling", 0, "bedrag.per") == 13
    assert k.sleutel("regeling", 0, "bedrag") == 12  # de subtabel zelf
    assert k.sleutel("norm", 1, "waarde") == 14  # ontbreekt: de regel van de tabel zelf


def test_controleer_meldt_bezette_cbs_code_en_ongeldig_scenario(tmp_path):
    p = maak_plugin("tweede_alkmaar", "GM9988", tmp_path)  # 'nieuw' weigert GM0361; zet hem er daarna in
    init = p / "sora_tweede_alkmaar" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8").replace('"GM9988"', '"GM0361"'), encoding="utf-8")
    sys.modules.pop("sora_tweede_alkmaar", None)  # 'nieuw' importeerde hem al (voor het scenario)
    (p / "tests" / "scenario_kapot.toml").write_text('[[verwacht]]\nuitkomst = "ja"\n', encoding="utf-8")
    meldingen = [b.melding for b in controleer_pad(p)]
    assert any("CBS-code GM0361 is al in gebruik door plugin 'alkmaar'" in m for m in meldingen)
    assert any("ongeldig scenario: [casus] ontbreekt" in m for m in meldingen)


def test_controleer_eigen_kostensoorten(tmp_path):
    pad = tmp_path / "beleid.toml"
    pad.write_text(textwrap.dedent('''\
        [[kostensoort]]
        sleutel = "proef.schoolkosten"
        naam = "Schoolkosten"
        omschrijving = "Kosten van een verplichte schoolreis."
        grondslag = "Testbeleidsregel bijzondere bijstand, art. 9"
        geldig_vanaf = 2025-01-01
        vorm = "om_niet"

        [[kostensoort]]
        sleutel = "proef.schoolkosten"
        naam = "Schoolkosten"
        omschrijving = "Kosten van een verplichte schoolreis."
        grondslag = "Testbeleidsregel bijzondere bijstand, art. 9"
        geldig_vanaf = 2025-06-01
        vorm = "lening"

        [[kostensoort]]
        sleutel = "proef.reis"
        naam = "Reis"
        omschrijving = "Reiskosten."
        grondslag = "Testbeleidsregel bijzondere bijstand, art. 10"
        geldig_vanaf = 2025-01-01
        '''), encoding="utf-8")
    bevindingen: list = []
    controleer_beleid("proef", [pad], bevindingen)
    gevonden = sorted((b.regel, b.melding) for b in bevindingen)
    assert len(gevonden) == 2, gevonden
    assert gevonden[0][0] == 14 and "overlapt" in gevonden[0][1] and "geldig_tot" in gevonden[0][1]
    assert gevonden[1][0] == 17 and "'vorm' ontbreekt" in gevonden[1][1]


def test_voorbeeldregeling_in_het_sjabloon_is_geldig(nieuwe_plugin):
    pad = nieuwe_plugin / "sora_proefstad" / "beleid.toml"
    tekst = pad.read_text(encoding="utf-8")
    begin = tekst.index("# [[regeling]]")
    blok = [r[2:] for r in tekst[begin:].splitlines() if r.startswith("# ")]
    pad.write_text(tekst[:begin] + "\n".join(blok) + "\n", encoding="utf-8")
    assert tomllib.loads(pad.read_text(encoding="utf-8"))["regeling"][0]["sleutel"] == "proefstad.voorbeeld"
    assert controleer_pad(nieuwe_plugin) == []


def test_controleer_meldt_norm_regeling_of_kostensoort_die_geen_lijst_van_tabellen_is(tmp_path):
    pad = tmp_path / "beleid.toml"
    pad.write_text('norm = "x"\nregeling = 3\n\n[kostensoort]\nsleutel = "proef.a"\n', encoding="utf-8")
    bevindingen: list = []
    controleer_beleid("proef", [pad], bevindingen)
    per_sleutel = {b.sleutel: (b.regel, b.melding) for b in bevindingen}
    assert per_sleutel == {
        "norm": (1, "'norm' moet een lijst van tabellen zijn: schrijf [[norm]]."),
        "regeling": (2, "'regeling' moet een lijst van tabellen zijn: schrijf [[regeling]]."),
        "kostensoort": (4, "'kostensoort' moet een lijst van tabellen zijn: schrijf [[kostensoort]]."),
    }


# --------------------------------------------------------------------------- scenario's die mensen kunnen draaien

def test_scenario_met_handberekening_beoordeel_toon_en_controle(tmp_path, runner):
    p = maak_plugin("rekendorp", "GM9987", tmp_path, vandaag=date(2026, 12, 1))
    scenario = p / "tests" / "scenario_voorbeeld.toml"
    tekst = scenario.read_text(encoding="utf-8")
    # de handberekening met de normen van vandaag
    assert "bijstandsnorm alleenstaande: € 1.419,46 per maand" in tekst
    assert "inkomensgrens 1.20 (regionale standaard) x € 1.419,46 = € 1.703,35 per maand" in tekst
    # sora beoordeel neemt het scenariobestand (zijn [casus]) direct, met de plugin uit de map
    r = runner.invoke(sora, ["beoordeel", str(scenario), "--json"])
    assert r.exit_code == 0, r.output
    besluit = json.loads(r.output)
    assert besluit["gemeente"]["cbs_code"] == "GM9987"
    iit = next(b for b in besluit["beslissingen"] if b["regeling"] == "individuele_inkomenstoeslag")
    assert iit["uitkomst"] == "toegekend"
    # --toon: besluit met motivering naast de verwachting
    r = runner.invoke(sora, ["plugin", "test", str(p), "--toon"])
    assert r.exit_code == 0, r.output
    assert "(individuele_inkomenstoeslag): toegekend € 479,00 per_jaar   [gelijk, verwacht: toegekend € 479,00]" in r.output
    assert "de inkomensgrens is 120% van € 1.419,46 = € 1.703,35" in r.output
    assert controleer_pad(p) == []
    # de gemeente verlaagt de inkomensgrens: de controle zegt dat het scenario niet meer klopt
    beleid = p / "sora_rekendorp" / "beleid.toml"
    beleid.write_text(beleid.read_text(encoding="utf-8") + textwrap.dedent('''
        [[norm]]
        naam = "individuele_inkomenstoeslag.inkomensgrens"
        waarde = "1.00"
        geldig_vanaf = 2026-01-01
        grondslag = "Verordening individuele inkomenstoeslag Rekendorp 2026, art. 2"
        bron = "CVDR999999"
        '''), encoding="utf-8")
    bev = controleer_pad(p)
    assert len(bev) == 1 and bev[0].ernst == "fout", bev
    assert "klopt niet meer: Individuele inkomenstoeslag: uitkomst: verwacht toegekend, kreeg afgewezen" in bev[0].melding
    r = runner.invoke(sora, ["plugin", "test", str(p), "--toon"])
    assert r.exit_code == 1 and "[AFWIJKING, verwacht: toegekend € 479,00]" in r.output
