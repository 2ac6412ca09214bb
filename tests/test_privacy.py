"""Privacy (issue 8): persoonsgegevens komen niet in foutmeldingen, samenvattingen of logs.

De regel (docs/betrouwbaarheid.md, "Privacyregel"):
1. Een foutmelding noemt het veld en wat er mis is, maar herhaalt nooit een geboortedatum en
   nooit ingevoerde tekst (een naam of BSN in ``omschrijving``, of tekst op een verkeerde plek).
   Bedragen en de datums van de zaak (peildatum, aanvraagdatum, ...) mogen kort terugkomen: de
   invoerder ziet dan wat er mis is, en ze wijzen niemand aan.
2. Een samenvatting (batch) of log gebruikt ``sora_core.fouten.zonder_waarden``: alleen veld en
   soort fout; alles tussen aanhalingstekens en elke datum wordt '…'.
3. De kern logt niets over een casus.
"""

from __future__ import annotations

import json
import logging
import textwrap

import pytest

from sora_core.beslisser import beoordeel
from sora_core.cli import sora
from sora_core.fouten import Fout, InvoerFout, SoraFout, zonder_waarden
from sora_core.invoer import casus_uit_dict, lees_document

from conftest import casus

NAAM = "Jan Jansen"
BSN = "123456782"
GEHEIM = (NAAM, BSN, "Jansen", "1987-03-14", "14 maart 1987", "1987-02-30", "2031-03-14", "1850-03-14")
PERSOONLIJK = f"{NAAM}, BSN {BSN}, geboren 1987-03-14"


def _geval(pad: list, waarde) -> dict:
    c = casus()
    doel = c
    for p in pad[:-1]:
        doel = doel[p]
    doel[pad[-1]] = waarde
    return c


#: plekken waar een gebruiker persoonsgegevens kan neerzetten, geldig of niet
GEVALLEN = [
    _geval(["aanvrager", "geboortedatum"], "1987-02-30"),           # onmogelijke dag
    _geval(["aanvrager", "geboortedatum"], "2031-03-14"),           # na de peildatum
    _geval(["aanvrager", "geboortedatum"], "1850-03-14"),           # buiten het bereik
    _geval(["aanvrager", "geboortedatum"], PERSOONLIJK),            # tekst in een datumveld
    _geval(["aanvrager", "student"], PERSOONLIJK),
    _geval(["aanvrager", "arbeidsvermogen"], PERSOONLIJK),
    _geval(["woning"], {"soort": PERSOONLIJK}),
    _geval(["gemeente"], PERSOONLIJK),
    _geval(["inkomen", "netto_per_maand"], PERSOONLIJK),
    _geval(["vermogen", "bezittingen"], PERSOONLIJK),
    _geval(["aanvragen"], [{"regeling": PERSOONLIJK}]),
    _geval(["aanvragen"], [{"regeling": "individuele_inkomenstoeslag", "omschrijving": PERSOONLIJK * 20}]),
    _geval(["aanvragen"], [{"regeling": "individuele_inkomenstoeslag", "bedrag": PERSOONLIJK}]),
    _geval(["aanvragen"], [{"regeling": "individuele_inkomenstoeslag", "omschrijving": 123456782}]),
    _geval(["kinderen"], [{"geboortedatum": "2031-03-14"}, {"geboortedatum": PERSOONLIJK}]),
    _geval(["partner"], PERSOONLIJK),
    _geval(["medebewoners"], PERSOONLIJK),
    _geval(["peildatum"], PERSOONLIJK),
    _geval(["aanvragen"], [{"regeling": "bijzondere_bijstand", "kostensoort": PERSOONLIJK, "bedrag": "100.00",
                            "omschrijving": PERSOONLIJK}]),
    _geval(["woning"], {"soort": "kasteel"}),  # geen persoonsgegeven: mag terugkomen (zie hieronder)
]


def _geen_geheimen(tekst: str, wat="") -> None:
    for g in GEHEIM:
        assert g not in tekst, (wat, g, tekst[:300])


@pytest.mark.parametrize("nr", range(len(GEVALLEN)))
def test_foutmelding_herhaalt_geen_persoonsgegevens(nr, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SoraFout) as e:
        beoordeel(casus_uit_dict(GEVALLEN[nr]))
    assert any(f.veld for f in e.value.fouten())  # het veld wordt wel genoemd
    _geen_geheimen(str(e.value), nr)
    _geen_geheimen(json.dumps(e.value.als_dict(), ensure_ascii=False), nr)
    _geen_geheimen(caplog.text, nr)


@pytest.mark.parametrize("nr", range(len(GEVALLEN)))
def test_cli_herhaalt_geen_persoonsgegevens(runner, nr):
    for args in (["beoordeel", "-"], ["beoordeel", "-", "--json"]):
        r = runner.invoke(sora, args, input=json.dumps(GEVALLEN[nr]))
        assert r.exit_code == 2, r.output
        _geen_geheimen(r.output, nr)


@pytest.mark.parametrize("toml", [
    """
    gemeente = "GM0361"
    peildatum = 2025-09-01
    [aanvrager]
    geboortedatum = 1987-02-30
    [inkomen]
    netto_per_maand = "1.00"
    """,
    """
    gemeente = "GM0361"
    peildatum = 2025-09-01
    [aanvrager]
    geboortedatum = 1987-03-14T10:00:00
    [inkomen]
    netto_per_maand = "1.00"
    """,
    """
    gemeente = "GM0361"
    peildatum = 2025-09-01
    [aanvrager]
    geboortedatum = 2031-03-14
    student = Jan Jansen
    [inkomen]
    netto_per_maand = "1.00"
    """,
    """
    gemeente = "GM0361"
    peildatum = 2025-09-01
    [aanvrager]
    geboortedatum = 1980-01-01
    [inkomen]
    netto_per_maand = "1.00"
    [[aanvragen]]
    regeling = "individuele_inkomenstoeslag"
    omschrijving = Jan Jansen BSN 123456782
    """,
])
def test_toml_fout_herhaalt_geen_persoonsgegevens(toml):
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(lees_document(textwrap.dedent(toml).encode(), "toml"))
    _geen_geheimen(str(e.value))
    assert all(f.veld for f in e.value.fouten())


def test_zaakdatums_en_bedragen_mogen_wel_terugkomen():
    """De andere helft van de regel: een bedrag of peildatum herhalen helpt de invoerder."""
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(_geval(["inkomen", "netto_per_maand"], "-5"))
    assert "'-5'" in str(e.value)
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(_geval(["peildatum"], "2025-02-30"))
    assert "2025-02-30" in str(e.value)


def test_tikfout_in_een_keuze_komt_wel_terug():
    """Een waarde die op een sleutel lijkt (een woord zonder spaties) helpt bij een tikfout."""
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(_geval(["woning"], {"soort": "kasteel"}))
    assert "'kasteel'" in str(e.value)
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus_uit_dict(_geval(["aanvragen"], [{"regeling": "bijzondere_bijstnd"}])))
    assert "'bijzondere_bijstnd'" in str(e.value)


def test_zonder_waarden_voor_samenvattingen():
    fouten = [
        Fout("inkomen.netto_per_maand", "Bedrag mag niet negatief zijn: '-5'."),
        Fout("peildatum", "Ongeldige datum: '2025-02-30' (verwacht JJJJ-MM-DD, een bestaande dag)."),
        Fout("aanvrager.geboortedatum", "Geboortedatum 1987-03-14 ligt na de peildatum 2025-09-01."),
        Fout("aanvragen[0].omschrijving", f'Onbekende tekst "{PERSOONLIJK}".'),
        Fout(None, "Invoer is geen geldige UTF-8-tekst (byte 3)."),
    ]
    samenvatting = zonder_waarden(fouten)
    assert [s["veld"] for s in samenvatting] == [f.veld for f in fouten]
    assert samenvatting[0]["melding"] == "Bedrag mag niet negatief zijn: '…'."
    assert samenvatting[2]["melding"] == "Geboortedatum … ligt na de peildatum …."
    assert samenvatting[4]["melding"] == fouten[4].melding
    tekst = json.dumps(samenvatting, ensure_ascii=False)
    _geen_geheimen(tekst)
    assert "2025-02-30" not in tekst and "-5" not in tekst


def test_zonder_waarden_over_alle_fuzzfouten():
    """Over veel echte fouten: de samenvatting bevat geen datum en niets tussen aanhalingstekens."""
    import random
    import re

    from test_fuzz import BASIS, muteer

    rng = random.Random(7)
    gezien = 0
    for _ in range(500):
        doc, _wat = muteer(rng, BASIS)
        try:
            beoordeel(casus_uit_dict(doc))
        except SoraFout as e:
            for s in zonder_waarden(e.fouten()):
                gezien += 1
                assert not re.search(r"\d{4}-\d{2}-\d{2}", s["melding"]), s
                assert not re.search(r"'[^'…]+'", s["melding"]), s
    assert gezien > 200


def test_kern_logt_niets_bij_beslissen(caplog):
    caplog.set_level(logging.DEBUG)
    c = casus()
    c["aanvragen"][0]["omschrijving"] = PERSOONLIJK
    c["aanvrager"]["geboortedatum"] = "1987-03-14"
    beoordeel(casus_uit_dict(c))
    assert not [r for r in caplog.records if r.name.startswith("sora")]
    _geen_geheimen(caplog.text)


def test_http_herhaalt_geen_persoonsgegevens():
    try:
        from sora_core.wsgi import maak_app
    except ImportError:
        pytest.skip("geen WSGI-applicatie op deze tak")
    from test_fuzz import _http

    app = maak_app()
    for nr, geval in enumerate(GEVALLEN):
        status, data = _http(app, "POST", "/beoordeel", json.dumps(geval).encode())
        assert status == 400, (nr, status)
        _geen_geheimen(data.decode("utf-8"), nr)
