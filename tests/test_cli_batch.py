"""Tests van ``sora batch`` en ``sora populatie`` (issue 6, punten 6-8), met de hand
nagerekend waar dat kan (zie de normen in test_cli_analyse.py):

  alleenstaande, 2025-09-01: 120% = 1642.87, 130% = 1779.78; IIT alleenstaande 479 per jaar.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from analyse_hulp import testregister, valideer  # noqa: F401  (fixture)
from sora_core.cli import sora

PEIL = "2025-09-01"
IIT = "individuele_inkomenstoeslag"


def run(*args, input=None):
    return CliRunner().invoke(sora, list(args), input=input, catch_exceptions=False)


def casus(gemeente: str, inkomen: str, geboren: str = "1985-01-01", **extra) -> dict:
    c = {"gemeente": gemeente, "peildatum": PEIL, "aanvrager": {"geboortedatum": geboren},
         "inkomen": {"netto_per_maand": inkomen, "laag_sinds": "2015-01-01"}, "vermogen": {"bezittingen": "0.00"}}
    c.update(extra)
    return c


def jsonl(pad: Path, regels: list) -> Path:
    pad.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in regels), encoding="utf-8")
    return pad


# =========================================================================== batch: met de hand

def _invoer(tmp_path) -> Path:
    return jsonl(tmp_path / "in.jsonl", [
        casus("testb", "1600.00"),                      # 1: IIT 479 (<= 1642.87) + energie 500 eenmalig
        "",                                             # 2: leeg: overgeslagen
        "{dit is geen json",                            # 3: fout
        {**casus("testb", "1700.00"), "naam": "Jan"},   # 4: onbekend veld: fout, noemt alleen het veld
        {**casus("GM9001", "1700.00"), "id": "x5"},     # 5: testa (grens 130%): IIT 479; energie bestaat niet in A
    ])


def test_batch_met_de_hand_en_slechte_regels(testregister, tmp_path):
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(_invoer(tmp_path)), "--uit", str(uit), "--processen", "1"])
    assert r.exit_code == 1, r.output  # af, maar twee regels met een fout; het uitvoerbestand is er wel
    regels = [json.loads(x) for x in uit.read_text(encoding="utf-8").splitlines()]
    for x in regels:
        valideer(x, "sora-batch-regel")
    assert [x["regel"] for x in regels] == [1, 3, 4, 5]
    assert "fout" in regels[1] and "fout" in regels[2]
    assert regels[2]["fout"]["fouten"][0]["veld"] == "naam"
    assert regels[3]["id"] == "x5" and regels[3]["gemeente"] == "GM9001"
    assert regels[0]["totalen"] == {"per_jaar": "479.00", "eenmalig": "500.00", "lening": "0.00"}
    assert "regel 3: (document)" in r.output and "regel 4: naam" in r.output
    assert "Jan" not in r.output  # privacy: alleen regelnummer en veldnaam
    doc = json.loads(run("batch", str(_invoer(tmp_path)), "--json", "--processen", "1").output)
    valideer(doc, "sora-batch")
    assert (doc["regels"], doc["beslist"], doc["fouten"]) == (4, 2, 2)
    per = {g["plugin"]: g for g in doc["gemeenten"]}
    assert per["testb"]["totalen"] == {"per_jaar": "479.00", "eenmalig": "500.00", "lening": "0.00"}
    assert per["testa"]["totalen"]["per_jaar"] == "479.00"
    iit_b = next(x for x in per["testb"]["regelingen"] if x["regeling"] == IIT)
    assert iit_b["uitkomsten"] == {"toegekend": 1}
    assert doc["totalen"] == {"per_jaar": "958.00", "eenmalig": "500.00", "lening": "0.00"}


def test_batch_watals_met_de_hand(testregister, tmp_path):
    # testb, IIT-grens 120% -> 130%: 1600 (al toegekend) +0; 1700 (1642.87 < 1700 <= 1779.78) +479; 1800 (> 1779.78) +0
    pad = jsonl(tmp_path / "p.jsonl", [casus("testb", "1600.00"), casus("testb", "1700.00"), casus("testb", "1800.00")])
    doc = json.loads(run("batch", str(pad), "--json", "--processen", "1",
                         "--zet", "testb.individuele_inkomenstoeslag.inkomensgrens=1.30").output)
    valideer(doc, "sora-batch")
    assert doc["wat_als_verschil"] == {"per_jaar": "479.00", "eenmalig": "0.00", "lening": "0.00"}
    g = doc["gemeenten"][0]
    assert g["wat_als"]["gewijzigd"] == 1
    assert g["wat_als"]["totalen"]["per_jaar"] == "958.00"
    tekst = run("batch", str(pad), "--processen", "1", "--zet", "testb.individuele_inkomenstoeslag.inkomensgrens=1.30").output
    assert "meerkosten +479,00 per jaar" in tekst


def test_batch_csv(testregister, tmp_path):
    pad = tmp_path / "in.csv"
    pad.write_text(
        "id,gemeente,peildatum,geboortedatum,geboortedata_kinderen,netto_per_maand,laag_sinds,bezittingen,uitzicht_op_verbetering\n"
        "a1,testb,2025-09-01,1985-01-01,,1600.00,2015-01-01,0.00,nee\n"
        "a2,testa,2025-09-01,1985-01-01,2017-03-01;2011-03-01,1600.00,2015-01-01,0.00,\n"
        "a3,testa,2025-13-01,1985-01-01,,1600.00,2015-01-01,0.00,nee\n", encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pad), "--uit", str(uit), "--json", "--processen", "1"])
    assert r.exit_code == 1, r.output  # a3 heeft een fout
    doc = json.loads(r.output)
    valideer(doc, "sora-batch")
    regels = [json.loads(x) for x in uit.read_text().splitlines()]
    assert [x["regel"] for x in regels] == [2, 3, 4]   # kopregel is regel 1
    assert [x["id"] for x in regels] == ["a1", "a2", "a3"]
    assert regels[2]["fout"]["fouten"][0]["veld"] == "peildatum"
    # a2: alleenstaande ouder (testa): IIT 607 + sportpas 2 x 150 = 907 per jaar
    assert regels[1]["totalen"]["per_jaar"] == "907.00"
    assert doc["foutregels"] == [{"regel": 4, "velden": ["peildatum"]}]


def test_batch_csv_onbekende_kolom(tmp_path):
    pad = tmp_path / "in.csv"
    pad.write_text("gemeente,peildatum,geboortedatum,netto_per_maand,bsn\n", encoding="utf-8")
    r = CliRunner().invoke(sora, ["batch", str(pad)])
    assert r.exit_code == 2 and "Onbekende CSV-kolom 'bsn'" in r.output


def test_batch_parallel_gelijk_aan_serieel_en_voortgang(tmp_path):
    pop = tmp_path / "pop.jsonl"
    assert run("populatie", "--aantal", "700", "--seed", "3", "--uit", str(pop)).exit_code == 0
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    r1 = run("batch", str(pop), "--uit", str(a), "--processen", "1", "--blok", "50", "--voortgang")
    r2 = run("batch", str(pop), "--uit", str(b), "--processen", "2", "--blok", "50")
    assert r1.exit_code == 0 and r2.exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(a.read_text().splitlines()) == 700
    assert "700 casussen verwerkt" in r1.stderr


def test_korte_batch_zonder_motivering_gelijk_aan_volledige(tmp_path):
    """De korte uitvoer beslist zonder motivering (sneller); elke regel moet gelijk zijn aan wat
    uit het volledige besluit (met motivering) volgt: zelfde uitkomst, bedrag, vorm, periode."""
    pop = tmp_path / "pop.jsonl"
    assert run("populatie", "--aantal", "400", "--seed", "11", "--uit", str(pop)).exit_code == 0
    kort, vol = tmp_path / "kort.jsonl", tmp_path / "vol.jsonl"
    assert run("batch", str(pop), "--uit", str(kort), "--processen", "1").exit_code == 0
    assert run("batch", str(pop), "--uit", str(vol), "--processen", "1", "--volledig").exit_code == 0
    korte, volle = kort.read_text().splitlines(), vol.read_text().splitlines()
    assert len(korte) == len(volle) == 400
    for k, v in zip(korte, volle):
        k, v = json.loads(k), json.loads(v)
        assert k["regel"] == v["regel"]
        if "fout" in v:
            assert k["fout"] == v["fout"]
            continue
        assert all(b["motivering"] for b in v["besluit"]["beslissingen"])
        assert k["beslissingen"] == [{s: b[s] for s in ("regeling", "uitkomst", "bedrag", "bedrag_per", "vorm")}
                                     for b in v["besluit"]["beslissingen"]]


def test_batch_schrijft_niets_half_bij_een_crash(tmp_path, monkeypatch):
    from sora_core.analyse import batch as b

    pop = tmp_path / "pop.jsonl"
    run("populatie", "--aantal", "30", "--seed", "1", "--uit", str(pop))
    echt = b.verwerk_blok
    teller = {"n": 0}

    def kapot(blok):
        teller["n"] += 1
        if teller["n"] == 2:
            raise MemoryError("gesimuleerd")
        return echt(blok)

    monkeypatch.setattr(b, "verwerk_blok", kapot)
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pop), "--uit", str(uit), "--processen", "1", "--blok", "10"])
    assert r.exit_code != 0
    assert not uit.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pop.jsonl"]  # geen tijdelijk bestand achtergebleven


def test_batch_stdin_en_stdout():
    pop = run("populatie", "--aantal", "5", "--seed", "9").output
    r = CliRunner().invoke(sora, ["batch", "-", "--uit", "-", "--processen", "1"], input=pop)
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 5
    assert "Batch: 5 regels" in r.stderr


def test_batch_onleesbaar_bestand(tmp_path):
    r = CliRunner().invoke(sora, ["batch", str(tmp_path / "bestaat-niet.jsonl")])
    assert r.exit_code == 2 and "kan niet worden gelezen" in r.output


# =========================================================================== wat-als op een gegenereerde populatie

def test_watals_populatie_onafhankelijk_nagerekend(tmp_path):
    """De meerkosten van IIT-grens 120% -> 130% in Alkmaar, door batch berekend, zijn gelijk
    aan wat we krijgen door elke casus zelf twee keer te beslissen (met en zonder zet) en de
    jaarbedragen op te tellen (per_jaar x 1, per_maand x 12; eenmalig apart)."""
    from sora_core import beoordeel, casus_uit_dict

    pop = tmp_path / "pop.jsonl"
    run("populatie", "--aantal", "300", "--seed", "11", "--uit", str(pop))
    zet = "alkmaar.individuele_inkomenstoeslag.inkomensgrens=1.30"
    doc = json.loads(run("batch", str(pop), "--json", "--zet", zet, "--processen", "2", "--blok", "40").output)
    valideer(doc, "sora-batch")

    def jaar(besluit):
        pj = ee = Decimal(0)
        for b in besluit.beslissingen:
            if b.uitkomst == "toegekend" and b.bedrag is not None and b.vorm != "lening":
                if b.bedrag_per == "per_jaar":
                    pj += b.bedrag
                elif b.bedrag_per == "per_maand":
                    pj += 12 * b.bedrag
                else:
                    ee += b.bedrag
        return pj, ee

    verschil_pj = verschil_ee = Decimal(0)
    gewijzigd = 0
    for regel in pop.read_text().splitlines():
        c = casus_uit_dict(json.loads(regel))
        if c.gemeente != "GM0361":
            continue
        oud = jaar(beoordeel(c))
        nieuw = jaar(beoordeel(c, zet=(("individuele_inkomenstoeslag.inkomensgrens", "1.30"),)))
        verschil_pj += nieuw[0] - oud[0]
        verschil_ee += nieuw[1] - oud[1]
        gewijzigd += nieuw != oud
    assert verschil_pj > 0  # de populatie heeft huishoudens tussen 120% en 130%
    assert Decimal(doc["wat_als_verschil"]["per_jaar"]) == verschil_pj
    assert Decimal(doc["wat_als_verschil"]["eenmalig"]) == verschil_ee
    alk = next(g for g in doc["gemeenten"] if g["plugin"] == "alkmaar")
    assert alk["wat_als"]["gewijzigd"] >= gewijzigd
    assert all(g["wat_als"] is None for g in doc["gemeenten"] if g["plugin"] != "alkmaar")


# =========================================================================== populatie

def test_populatie_reproduceerbaar_en_geldig(tmp_path):
    from sora_core import casus_uit_dict

    a = run("populatie", "--aantal", "600", "--seed", "42").output
    b = run("populatie", "--aantal", "600", "--seed", "42").output
    c = run("populatie", "--aantal", "600", "--seed", "43").output
    assert a == b and a != c
    regels = a.splitlines()
    assert len(regels) == 600
    codes = set()
    for r in regels:
        d = json.loads(r)
        casus_uit_dict(d)  # elke regel is een geldige casus volgens het contract
        codes.add(d["gemeente"])
        assert "id" not in d and "naam" not in d["aanvrager"]
    assert codes == {"GM0361", "GM0373", "GM0383", "GM1980", "GM0399", "GM0450"}
    # allemaal te beslissen (geen interne fouten, geen onbekende AOW-leeftijd)
    pad = tmp_path / "p.jsonl"
    pad.write_text(a, encoding="utf-8")
    doc = json.loads(run("batch", str(pad), "--json", "--processen", "1").output)
    assert doc["fouten"] == 0


def test_populatie_voor_2022_zonder_dijk_en_waard(tmp_path):
    # Dijk en Waard bestaat pas vanaf 1-1-2022; normen in de kern vanaf 2023: 2021 kan dus niet
    r = CliRunner().invoke(sora, ["populatie", "--aantal", "5", "--peildatum", "2021-06-01"])
    assert r.exit_code == 2 and "geen bijstandsnorm" in r.output
    uit = tmp_path / "p.jsonl"
    assert run("populatie", "--aantal", "200", "--seed", "1", "--peildatum", "2023-03-01", "--uit", str(uit)).exit_code == 0
    assert all(json.loads(r)["peildatum"] == "2023-03-01" for r in uit.read_text().splitlines())


def test_bedragen_omrekening():
    from sora_core.analyse.bedragen import jaarwaarde, splits
    from sora_core.model import Beslissing

    def b(bedrag, per, vorm="om_niet", uitkomst="toegekend"):
        return Beslissing("r", "R", "basis", uitkomst, Decimal(bedrag) if bedrag else None, vorm, (), (), per)

    assert splits(b("50.00", "per_maand")) == (Decimal("600.00"), 0, 0)      # 50 x 12
    assert splits(b("479.00", "per_jaar")) == (Decimal("479.00"), 0, 0)
    assert splits(b("1300.00", "eenmalig")) == (0, Decimal("1300.00"), 0)
    assert splits(b("800.00", "eenmalig", "lening")) == (0, 0, Decimal("800.00"))
    assert splits(b("479.00", "per_jaar", uitkomst="afgewezen")) == (0, 0, 0)
    assert jaarwaarde(b("1300.00", "eenmalig")) == Decimal("1300.00")       # eenmalig x 1 in de jaarwaarde
    assert jaarwaarde(b(None, None)) == 0                                    # toegekend zonder bedrag telt 0


def test_batch_uitvoermap_bestaat_niet(tmp_path):
    pop = tmp_path / "pop.jsonl"
    run("populatie", "--aantal", "3", "--uit", str(pop))
    r = CliRunner().invoke(sora, ["batch", str(pop), "--uit", str(tmp_path / "weg" / "uit.jsonl")])
    assert r.exit_code == 2 and "kan niet worden geschreven" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_batch_privacy_geen_ingevoerde_waarden_in_uitvoer_of_samenvatting(tmp_path):
    geheim = ("1987-02-30", "Jan Jansen", "123456782")
    ok = casus("GM0373", "1450.00")
    regels = [json.dumps({**ok, "aanvrager": {"geboortedatum": "1987-02-30"}}).encode(),
              b"\xff\xfe kapot Jan Jansen 123456782",
              json.dumps({**ok, "omschrijving": "Jan Jansen"}).encode(),
              json.dumps({"gemeente": "Jan Jansen"}).encode()]
    invoer = tmp_path / "in.jsonl"
    invoer.write_bytes(b"\n".join(regels) + b"\n")
    uit = tmp_path / "uit.jsonl"
    for extra in ([], ["--json"]):
        r = CliRunner().invoke(sora, ["batch", str(invoer), "--uit", str(uit), "--processen", "1"] + extra)
        assert r.exit_code == 1  # alle regels hebben een fout
        tekst = r.output + uit.read_text(encoding="utf-8")
        for g in geheim:
            assert g not in tekst
    velden = [{f["veld"] for f in json.loads(x)["fout"]["fouten"]} for x in uit.read_text().splitlines()]
    assert velden[:3] == [{"aanvrager.geboortedatum"}, {None}, {"omschrijving"}]
    assert {"peildatum", "aanvrager", "inkomen"} <= velden[3]


# =========================================================================== CSV: elke regel verantwoord (issue 3)

KOP = "id,gemeente,peildatum,geboortedatum,netto_per_maand,laag_sinds,omschrijving\n"


def _csv_rij(i: int, omschrijving: str = "") -> str:
    return f"c{i},GM0373,2025-09-01,1985-01-01,1450.00,2015-01-01,{omschrijving}\n"


def _verantwoord(uit: Path, regels_in_bestand: int) -> dict:
    """Elke fysieke regel na de kop staat in de uitvoer: beslist of als fout met haar regelnummer."""
    recs = [json.loads(x) for x in uit.read_text(encoding="utf-8").splitlines()]
    assert [r["regel"] for r in recs] == list(range(2, regels_in_bestand + 1))
    return {r["regel"]: r for r in recs}


def test_csv_open_aanhalingsteken_slikt_geen_casussen(tmp_path):
    rijen = [_csv_rij(i) for i in range(2, 301)]
    rijen[8] = _csv_rij(10, '"Jan Jansen')           # regel 10: aanhalingsteken niet gesloten
    rijen[48] = _csv_rij(50, 'bril"')                # regel 50: sluit het veld van regel 10 (nog een tikfout)
    pad = tmp_path / "in.csv"
    pad.write_text(KOP + "".join(rijen), encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pad), "--uit", str(uit), "--json", "--processen", "1"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert (doc["regels"], doc["fouten"]) == (299, 41)   # regel 10 tot en met 50 fout, de rest beslist
    per = _verantwoord(uit, 300)
    for nr in range(10, 51):
        melding = per[nr]["fout"]["fouten"][0]["melding"]
        assert "regel 10 tot en met regel 50" in melding, melding
    assert all("beslissingen" in per[nr] for nr in list(range(2, 10)) + list(range(51, 301)))
    assert "Jan Jansen" not in r.output + uit.read_text(encoding="utf-8")


def test_csv_open_aanhalingsteken_tot_het_einde_en_ongeldige_utf8(tmp_path):
    pad = tmp_path / "in.csv"
    pad.write_bytes((KOP + _csv_rij(2) + _csv_rij(3, "\xe9").replace("\xe9", "") + _csv_rij(4)).encode()
                    .replace(b"c3,", b"c3\xff,") + _csv_rij(5, '"open').encode() + _csv_rij(6).encode())
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pad), "--uit", str(uit), "--processen", "1"])
    assert r.exit_code == 1, r.output
    per = _verantwoord(uit, 6)
    assert "beslissingen" in per[2] and "beslissingen" in per[4]
    assert "UTF-8" in per[3]["fout"]["fouten"][0]["melding"]
    assert "fout" in per[5] and "fout" in per[6]      # het open veld loopt tot het einde van het bestand


def test_csv_met_puntkomma_krijgt_een_hint(tmp_path):
    pad = tmp_path / "in.csv"
    pad.write_text(KOP.replace(",", ";") + _csv_rij(2).replace(",", ";"), encoding="utf-8")
    r = CliRunner().invoke(sora, ["batch", str(pad)])
    assert r.exit_code == 2 and "puntkomma" in r.stderr and "Excel" in r.stderr, r.output


def test_csv_dubbele_kolom_wordt_geweigerd(tmp_path):
    pad = tmp_path / "in.csv"
    pad.write_text("gemeente,peildatum,geboortedatum,netto_per_maand,netto_per_maand\n"
                   "GM0373,2025-09-01,1985-01-01,1450.00,99999.00\n", encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pad), "--uit", str(uit)])
    assert r.exit_code == 2 and "'netto_per_maand' staat meer dan eens" in r.stderr, r.output
    assert not uit.exists()


def test_batch_exitcodes(tmp_path):
    goed = jsonl(tmp_path / "goed.jsonl", [casus("GM0373", "1450.00")])
    slecht = jsonl(tmp_path / "slecht.jsonl", [casus("GM0373", "1450.00"), "{kapot"])
    assert CliRunner().invoke(sora, ["batch", str(goed), "--processen", "1"]).exit_code == 0
    for extra in ([], ["--json"]):
        assert CliRunner().invoke(sora, ["batch", str(slecht), "--processen", "1"] + extra).exit_code == 1
    assert CliRunner().invoke(sora, ["batch", str(goed), "--processen", "0"]).exit_code == 2
