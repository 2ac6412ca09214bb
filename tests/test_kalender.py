"""Tests voor sora_core.kalender.

Alle verwachte datums zijn met de hand uitgerekend; de redenering staat erbij. Elke weekdag in
de commentaren is vooraf gecontroleerd met
``python3 -c "import datetime; print(datetime.date(J, M, D).strftime('%A'))"``.
"""

from __future__ import annotations

from datetime import date

import pytest

from sora_core import kalender as k
from sora_core.kalender import Feestdag, OvergeslagenDag, Termijn

D = date


def _data(termijn: Termijn) -> list[date]:
    return [o.datum for o in termijn.overgeslagen]


def _feestdag(jaar: int, naam_begint_met: str) -> list[date]:
    dagen = k.algemeen_erkende_feestdagen(jaar)
    return [f.datum for f in dagen if f.naam.startswith(naam_begint_met)]


# --------------------------------------------------------------------------- Pasen


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (2000, D(2000, 4, 23)),
        (2008, D(2008, 3, 23)),  # vroeg Pasen
        (2016, D(2016, 3, 27)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),  # laatst mogelijke datum (25 april)
        (2285, D(2285, 3, 22)),  # vroegst mogelijke datum (22 maart)
    ],
)
def test_pasen_bekende_datums(jaar: int, verwacht: date) -> None:
    assert k.pasen(jaar) == verwacht
    assert verwacht.weekday() == 6  # Pasen valt altijd op zondag


def test_feestdagen_2025_volledig() -> None:
    # Pasen 2025 = zondag 20 april. Goede Vrijdag = vrijdag 18 april; tweede Paasdag = maandag
    # 21 april; Hemelvaartsdag = Pasen + 39 = donderdag 29 mei; tweede Pinksterdag = Pasen + 50
    # = maandag 9 juni. 27 april 2025 is een zondag, dus Koningsdag = zaterdag 26 april.
    # Gelijkgesteld (besluit 2023-2025): vrijdag 30 mei 2025.
    assert [f.datum for f in k.algemeen_erkende_feestdagen(2025)] == [
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 4, 26),
        D(2025, 5, 5),
        D(2025, 5, 29),
        D(2025, 5, 30),
        D(2025, 6, 9),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ]


def test_feestdagen_zijn_gecachet() -> None:
    assert k.algemeen_erkende_feestdagen(2026) is k.algemeen_erkende_feestdagen(2026)


@pytest.mark.parametrize("jaar", range(2014, 2041))
def test_elke_feestdag_heeft_grondslag_en_is_gesorteerd(jaar: int) -> None:
    dagen = k.algemeen_erkende_feestdagen(jaar)
    assert all(isinstance(f, Feestdag) and f.grondslag.strip() and f.naam.strip() for f in dagen)
    assert all(f.grondslag.startswith("art. 3 lid") for f in dagen)
    assert [f.datum for f in dagen] == sorted(f.datum for f in dagen)
    assert all(f.datum.year == jaar for f in dagen)


def test_grondslagen_per_soort() -> None:
    per_naam = {f.naam: f for f in k.algemeen_erkende_feestdagen(2025)}
    assert per_naam["Goede Vrijdag"].grondslag == "art. 3 lid 2 Algemene termijnenwet"
    assert per_naam["Nieuwjaarsdag"].grondslag == "art. 3 lid 1 Algemene termijnenwet"
    gelijk = [f for f in k.algemeen_erkende_feestdagen(2025) if f.datum == D(2025, 5, 30)]
    assert len(gelijk) == 1
    assert gelijk[0].grondslag == (
        "art. 3 lid 3 Algemene termijnenwet; Besluit gelijkstelling van 28 april 2023, "
        "19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende "
        "feestdag"
    )


def test_jaren_voor_2014_niet_ondersteund() -> None:
    with pytest.raises(ValueError):
        k.algemeen_erkende_feestdagen(2013)


# --------------------------------------------------------------------------- Koningsdag


def test_koningsdag_op_zaterdag_26_april_als_27_april_zondag_is() -> None:
    # 27 april 2025 = zondag -> Koningsdag zaterdag 26 april 2025.
    assert _feestdag(2025, "Koningsdag") == [D(2025, 4, 26)]
    # 27 april 2031 = zondag -> zaterdag 26 april 2031; idem 2036 (27 april 2036 = zondag).
    assert _feestdag(2031, "Koningsdag") == [D(2031, 4, 26)]
    assert _feestdag(2036, "Koningsdag") == [D(2036, 4, 26)]
    # Gewoon jaar: 27 april 2026 = maandag -> Koningsdag op 27 april.
    assert _feestdag(2026, "Koningsdag") == [D(2026, 4, 27)]


def test_werkdagen_over_koningsdag_op_maandag_2026() -> None:
    # Start vrijdag 24 april 2026. Za 25 (zaterdag), zo 26 (zondag), ma 27 (Koningsdag) tellen
    # niet. Di 28 = 1, wo 29 = 2, do 30 april = 3.
    t = k.na_werkdagen(D(2026, 4, 24), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2026, 4, 30)
    assert t.overgeslagen == (
        OvergeslagenDag(D(2026, 4, 25), "zaterdag"),
        OvergeslagenDag(D(2026, 4, 26), "zondag"),
        OvergeslagenDag(D(2026, 4, 27), "Koningsdag"),
    )


def test_koningsdag_op_zaterdag_verlengt_naar_maandag() -> None:
    # Een termijn die op zaterdag 26 april 2025 (Koningsdag) eindigt: zo 27 april is zondag,
    # ma 28 april 2025 is de eerstvolgende werkdag (Atw art. 1 lid 1).
    einde, overgeslagen = k.verleng_atw(D(2025, 4, 26))
    assert einde == D(2025, 4, 28)
    assert overgeslagen == (
        OvergeslagenDag(D(2025, 4, 26), "zaterdag en Koningsdag"),
        OvergeslagenDag(D(2025, 4, 27), "zondag"),
    )


# --------------------------------------------------------------------------- Pasen en Goede Vrijdag


def test_drie_werkdagen_vanaf_donderdag_voor_pasen_2025() -> None:
    # Melding donderdag 17 april 2025 (Pasen = zondag 20 april 2025).
    # vr 18 = Goede Vrijdag, za 19 = zaterdag, zo 20 = zondag (eerste Paasdag is geen Atw-dag,
    # maar wel zondag), ma 21 = tweede Paasdag. Werkdagen: di 22 = 1, wo 23 = 2, do 24 = 3.
    t = k.wgs_eerste_gesprek(D(2025, 4, 17), bedreigend=True)
    assert t.einddatum == D(2025, 4, 24)
    assert t.begindatum == D(2025, 4, 17)
    assert t.overgeslagen == (
        OvergeslagenDag(D(2025, 4, 18), "Goede Vrijdag"),
        OvergeslagenDag(D(2025, 4, 19), "zaterdag"),
        OvergeslagenDag(D(2025, 4, 20), "zondag"),
        OvergeslagenDag(D(2025, 4, 21), "tweede Paasdag"),
    )
    assert t.grondslag == "art. 4 lid 2 Wet gemeentelijke schuldhulpverlening"
    assert t.waarschuwingen == ()


def test_kalendertermijn_van_drie_dagen_rond_pasen_atw_artikel_2() -> None:
    # Start donderdag 17 april 2025, 3 kalenderdagen -> naïef zondag 20 april.
    # Atw art. 1: zo 20 -> ma 21 (tweede Paasdag) -> di 22 april.
    # Atw art. 2: in vr 18 .. di 22 zit maar één werkdag (di 22): vr 18 Goede Vrijdag, za 19,
    # zo 20, ma 21 tweede Paasdag. Dus verlengd tot de volgende werkdag: wo 23 april 2025.
    t = k.termijn_na(
        D(2025, 4, 17), 3, omschrijving="test", grondslag="lokale norm (naar analogie)"
    )
    assert t.einddatum == D(2025, 4, 23)
    assert _data(t) == [D(2025, 4, 20), D(2025, 4, 21)]
    assert t.grondslag == (
        "lokale norm (naar analogie); art. 1 Algemene termijnenwet; art. 2 Algemene termijnenwet"
    )


def test_voorbeeld_bedenktijd_december_2017_uit_staatsrechtpraktijk() -> None:
    # Gepubliceerd voorbeeld (staatsrechtpraktijk.nl): koopakte dinsdag 19 december 2017 ->
    # drie dagen bedenktijd tot en met vrijdag 22 december; koopakte woensdag 20 december ->
    # naïef zaterdag 23 december, verlengd over zo 24, ma 25 (eerste Kerstdag), di 26 (tweede
    # Kerstdag) tot en met woensdag 27 december 2017. (2017 valt onder het besluit 2017-2019.)
    t1 = k.termijn_na(D(2017, 12, 19), 3, omschrijving="bedenktijd", grondslag="art. 7:2 BW")
    assert t1.einddatum == D(2017, 12, 22)
    assert t1.overgeslagen == ()
    t2 = k.termijn_na(D(2017, 12, 20), 3, omschrijving="bedenktijd", grondslag="art. 7:2 BW")
    assert t2.einddatum == D(2017, 12, 27)
    assert _data(t2) == [D(2017, 12, 23), D(2017, 12, 24), D(2017, 12, 25), D(2017, 12, 26)]
    assert t2.waarschuwingen == ()


# --------------------------------------------------------------------------- 5 mei


def test_vijf_mei_elk_jaar_feestdag() -> None:
    # De Atw noemt "de vijfde mei" zonder lustrumvoorwaarde: ook in 2026 en 2027.
    for jaar in (2025, 2026, 2027, 2029):
        assert D(jaar, 5, 5) in [f.datum for f in k.algemeen_erkende_feestdagen(jaar)]


def test_werkdagen_over_vijf_mei_2026() -> None:
    # Start maandag 4 mei 2026; di 5 mei = 5 mei (Bevrijdingsdag) telt niet.
    # wo 6 = 1, do 7 = 2, vr 8 mei 2026 = 3.
    t = k.na_werkdagen(D(2026, 5, 4), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2026, 5, 8)
    assert t.overgeslagen == (OvergeslagenDag(D(2026, 5, 5), "5 mei (Bevrijdingsdag)"),)


def test_vijf_mei_en_hemelvaart_op_dezelfde_dag_2016() -> None:
    # Pasen 2016 = zondag 27 maart; Hemelvaartsdag = 27 maart + 39 = donderdag 5 mei 2016.
    dagen = [f for f in k.algemeen_erkende_feestdagen(2016) if f.datum == D(2016, 5, 5)]
    assert [f.naam for f in dagen] == ["5 mei (Bevrijdingsdag)", "Hemelvaartsdag"]
    einde, overgeslagen = k.verleng_atw(D(2016, 5, 5))
    # Vrijdag 6 mei 2016: voor 2016 is geen besluit bekend, dus (in deze gegevens) een werkdag.
    assert einde == D(2016, 5, 6)
    assert overgeslagen == (
        OvergeslagenDag(D(2016, 5, 5), "5 mei (Bevrijdingsdag) en Hemelvaartsdag"),
    )


def test_bevrijdingsdag_hemelvaart_en_gelijkgestelde_vrijdag_2027() -> None:
    # Pasen 2027 = zondag 28 maart; Hemelvaartsdag = donderdag 6 mei 2027; besluit 2026-2028
    # stelt vrijdag 7 mei 2027 gelijk. Start dinsdag 4 mei 2027:
    # wo 5 (5 mei), do 6 (Hemelvaartsdag), vr 7 (gelijkgesteld), za 8, zo 9 tellen niet;
    # ma 10 = 1, di 11 = 2, wo 12 mei 2027 = 3.
    t = k.na_werkdagen(D(2027, 5, 4), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2027, 5, 12)
    assert _data(t) == [D(2027, 5, d) for d in (5, 6, 7, 8, 9)]


# --------------------------------------------------------------------------- Hemelvaart


def test_hemelvaart_en_gelijkgestelde_vrijdag_2025() -> None:
    # Start woensdag 28 mei 2025. do 29 = Hemelvaartsdag, vr 30 = gelijkgesteld (besluit
    # 2023-2025), za 31 mei, zo 1 juni. ma 2 juni = 1, di 3 = 2, wo 4 juni 2025 = 3.
    t = k.na_werkdagen(D(2025, 5, 28), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2025, 6, 4)
    assert [(o.datum, o.reden.split(",")[0]) for o in t.overgeslagen] == [
        (D(2025, 5, 29), "Hemelvaartsdag"),
        (D(2025, 5, 30), "gelijkgestelde dag"),
        (D(2025, 5, 31), "zaterdag"),
        (D(2025, 6, 1), "zondag"),
    ]
    assert not k.is_werkdag(D(2025, 5, 30))


def test_vier_weken_eindigend_op_hemelvaart_2026() -> None:
    # Melding donderdag 16 april 2026 + 28 dagen = donderdag 14 mei 2026 = Hemelvaartsdag
    # (Pasen 5 april + 39). Verlengd (Atw art. 1): vr 15 mei gelijkgesteld (besluit 2026-2028),
    # za 16, zo 17 -> maandag 18 mei 2026.
    t = k.wgs_eerste_gesprek(D(2026, 4, 16), bedreigend=False)
    assert t.einddatum == D(2026, 5, 18)
    assert _data(t) == [D(2026, 5, 14), D(2026, 5, 15), D(2026, 5, 16), D(2026, 5, 17)]
    assert t.grondslag == (
        "art. 4 lid 1 Wet gemeentelijke schuldhulpverlening; art. 1 Algemene termijnenwet"
    )
    assert t.waarschuwingen == ()


# --------------------------------------------------------------------------- Pinksteren


def test_bezwaartermijn_eindigend_op_tweede_pinksterdag_2025() -> None:
    # Bekendmaking maandag 28 april 2025. Termijn begint di 29 april (Awb 6:8), zes weken ->
    # naïef 28 april + 42 = maandag 9 juni 2025 = tweede Pinksterdag (Pasen 20 april + 50).
    # Atw art. 1: verlengd tot dinsdag 10 juni 2025.
    t = k.bezwaartermijn(D(2025, 4, 28))
    assert t.einddatum == D(2025, 6, 10)
    assert t.overgeslagen == (OvergeslagenDag(D(2025, 6, 9), "tweede Pinksterdag"),)
    assert t.grondslag == (
        "art. 6:7 en art. 6:8 lid 1 Algemene wet bestuursrecht; art. 1 Algemene termijnenwet"
    )
    assert t.begindatum == D(2025, 4, 28)


def test_bezwaartermijn_zonder_verlenging() -> None:
    # Bekendmaking dinsdag 14 oktober 2025 + 42 = dinsdag 25 november 2025: een werkdag.
    t = k.bezwaartermijn(D(2025, 10, 14))
    assert t.einddatum == D(2025, 11, 25)
    assert t.overgeslagen == ()


# --------------------------------------------------------------------------- Kerst en Nieuwjaar


def test_drie_werkdagen_vanaf_23_december_2025() -> None:
    # Start dinsdag 23 december 2025. wo 24 = 1; do 25 eerste Kerstdag, vr 26 tweede
    # Kerstdag, za 27, zo 28 tellen niet; ma 29 = 2, di 30 december 2025 = 3.
    t = k.wgs_eerste_gesprek(D(2025, 12, 23), bedreigend=True)
    assert t.einddatum == D(2025, 12, 30)
    assert t.overgeslagen == (
        OvergeslagenDag(D(2025, 12, 25), "eerste Kerstdag"),
        OvergeslagenDag(D(2025, 12, 26), "tweede Kerstdag"),
        OvergeslagenDag(D(2025, 12, 27), "zaterdag"),
        OvergeslagenDag(D(2025, 12, 28), "zondag"),
    )


def test_drie_werkdagen_over_nieuwjaar_2026() -> None:
    # Start maandag 29 december 2025. di 30 = 1, wo 31 = 2; do 1 januari 2026 Nieuwjaarsdag,
    # vr 2 januari gelijkgesteld (besluit 2026-2028), za 3, zo 4 tellen niet; ma 5 januari = 3.
    t = k.na_werkdagen(D(2025, 12, 29), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2026, 1, 5)
    assert _data(t) == [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3), D(2026, 1, 4)]
    assert t.waarschuwingen == ()  # 2025 en 2026 worden allebei gedekt


def test_27_december_2024_gelijkgesteld() -> None:
    # Start maandag 23 december 2024. di 24 = 1; wo 25 eerste Kerstdag, do 26 tweede
    # Kerstdag, vr 27 gelijkgesteld (besluit 2023-2025), za 28, zo 29 tellen niet;
    # ma 30 = 2, di 31 december 2024 = 3.
    t = k.na_werkdagen(D(2024, 12, 23), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2024, 12, 31)
    assert _data(t) == [D(2024, 12, d) for d in (25, 26, 27, 28, 29)]
    assert not k.is_werkdag(D(2024, 12, 27))


def test_drie_kalenderdagen_over_kerst_2025_atw_artikel_2() -> None:
    # Start woensdag 24 december 2025, 3 dagen -> naïef zaterdag 27 december.
    # Atw art. 1: za 27, zo 28 -> maandag 29 december. In do 25 .. ma 29 zit maar één werkdag
    # (ma 29): do 25 en vr 26 zijn Kerstdagen. Atw art. 2 -> dinsdag 30 december 2025.
    t = k.termijn_na(D(2025, 12, 24), 3, omschrijving="test", grondslag="test")
    assert t.einddatum == D(2025, 12, 30)
    assert _data(t) == [D(2025, 12, 27), D(2025, 12, 28)]


# --------------------------------------------------------------------------- vier weken, weekend


def test_vier_weken_eindigend_in_weekend() -> None:
    # Melding zaterdag 4 oktober 2025 (bijv. digitaal) + 28 = zaterdag 1 november 2025.
    # za 1, zo 2 -> maandag 3 november 2025.
    t = k.wgs_eerste_gesprek(D(2025, 10, 4), bedreigend=False)
    assert t.einddatum == D(2025, 11, 3)
    assert t.overgeslagen == (
        OvergeslagenDag(D(2025, 11, 1), "zaterdag"),
        OvergeslagenDag(D(2025, 11, 2), "zondag"),
    )


def test_vier_weken_eindigend_op_koningsdag_2026() -> None:
    # Melding maandag 30 maart 2026 + 28 = maandag 27 april 2026 = Koningsdag -> di 28 april.
    t = k.wgs_eerste_gesprek(D(2026, 3, 30), bedreigend=False)
    assert t.einddatum == D(2026, 4, 28)
    assert t.overgeslagen == (OvergeslagenDag(D(2026, 4, 27), "Koningsdag"),)


def test_vier_weken_zonder_verlenging() -> None:
    # Melding woensdag 15 oktober 2025 + 28 = woensdag 12 november 2025: werkdag.
    t = k.wgs_eerste_gesprek(D(2025, 10, 15), bedreigend=False)
    assert t.einddatum == D(2025, 11, 12)
    assert t.overgeslagen == ()


# --------------------------------------------------------------------------- waarschuwingen


WAARSCHUWING_2029 = (
    "Voor 2029 is nog geen Besluit gelijkstelling (art. 3 lid 3 Algemene termijnenwet) bekend; "
    "met daarbij gelijkgestelde dagen is geen rekening gehouden."
)


def test_gelijkstelling_bekend() -> None:
    for jaar in (2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028):
        assert k.gelijkstelling_bekend(jaar), jaar
    for jaar in (2014, 2016, 2020, 2021, 2022, 2029, 2031):
        assert not k.gelijkstelling_bekend(jaar), jaar


def test_jaar_zonder_besluit_geeft_waarschuwing() -> None:
    # Melding donderdag 1 maart 2029 + 28 = donderdag 29 maart 2029 (geen feestdag; Pasen 2029
    # is 1 april, Goede Vrijdag 30 maart). Voor 2029 is geen besluit bekend.
    t = k.wgs_eerste_gesprek(D(2029, 3, 1), bedreigend=False)
    assert t.einddatum == D(2029, 3, 29)
    assert t.waarschuwingen == (WAARSCHUWING_2029,)


def test_waarschuwing_alleen_voor_het_ongedekte_jaar_bij_jaarovergang() -> None:
    # Bekendmaking vrijdag 1 december 2028 + 42 = vrijdag 12 januari 2029: werkdag.
    # 2028 is gedekt, 2029 niet -> precies één waarschuwing.
    t = k.bezwaartermijn(D(2028, 12, 1))
    assert t.einddatum == D(2029, 1, 12)
    assert t.waarschuwingen == (WAARSCHUWING_2029,)


def test_waarschuwingen_voor_sorteert_en_ontdubbelt() -> None:
    assert k.waarschuwingen_voor([2025, 2026]) == ()
    w = k.waarschuwingen_voor([2030, 2022, 2025, 2030])
    assert len(w) == 2
    assert w[0].startswith("Voor 2022 ") and w[1].startswith("Voor 2030 ")


def test_bedreigend_in_jaar_zonder_besluit() -> None:
    # Start maandag 2 juli 2029 (geen feestdag in de buurt): di 3 = 1, wo 4 = 2, do 5 juli = 3.
    t = k.wgs_eerste_gesprek(D(2029, 7, 2), bedreigend=True)
    assert t.einddatum == D(2029, 7, 5)
    assert t.waarschuwingen == (WAARSCHUWING_2029,)


# --------------------------------------------------------------------------- werkdagen


@pytest.mark.parametrize(
    "d",
    [D(2025, 10, 13), D(2025, 10, 14), D(2025, 10, 15), D(2025, 10, 16), D(2025, 10, 17)],
)
def test_gewone_weekdagen_zijn_werkdagen(d: date) -> None:
    # maandag 13 t/m vrijdag 17 oktober 2025: geen feestdagen.
    assert k.is_werkdag(d)


def test_weekend_en_feestdagen_zijn_geen_werkdag() -> None:
    assert not k.is_werkdag(D(2025, 10, 18))  # zaterdag
    assert not k.is_werkdag(D(2025, 10, 19))  # zondag
    assert not k.is_werkdag(D(2025, 4, 18))  # Goede Vrijdag
    assert not k.is_werkdag(D(2026, 1, 1))  # Nieuwjaarsdag (donderdag)
    assert k.is_werkdag(D(2025, 4, 17))  # Witte Donderdag is gewoon een werkdag


def test_verleng_atw_op_werkdag_verandert_niets() -> None:
    assert k.verleng_atw(D(2025, 10, 14)) == (D(2025, 10, 14), ())


def test_ongeldige_invoer() -> None:
    with pytest.raises(ValueError):
        k.na_werkdagen(D(2025, 1, 6), 0, omschrijving="x", grondslag="y")
    with pytest.raises(ValueError):
        k.termijn_na(D(2025, 1, 6), 0, omschrijving="x", grondslag="y")
    with pytest.raises(ValueError):  # Atw art. 4: langer dan 90 dagen valt erbuiten
        k.termijn_na(D(2025, 1, 6), 91, omschrijving="x", grondslag="y")


def test_termijn_is_onveranderlijk() -> None:
    t = k.bezwaartermijn(D(2025, 10, 14))
    with pytest.raises(AttributeError):
        t.einddatum = D(2030, 1, 1)  # type: ignore[misc]
