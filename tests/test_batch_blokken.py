"""Tests van het knippen in blokken en de werkprocessen van ``sora batch`` (issue 14): het
hoofdproces knipt de invoer in blokken regels en stuurt ze als bytes naar de werkprocessen
(``_blokken_jsonl``, ``_werkers``); de werkprocessen splitsen de regels zelf en sturen UTF-8
terug. De regelnummers (ook in de foutmeldingen) en de uitvoer moeten gelijk zijn aan één
proces dat het hele bestand leest, bij elke blokgrootte."""

from __future__ import annotations

import io
import json
import os
import signal

import pytest

from sora_core.analyse import batch as b
from sora_core.analyse.populatie import STANDAARD_PEILDATUM, regels
from sora_core.fouten import SoraFout

GOED = [r.encode() for r in regels(12, 3, STANDAARD_PEILDATUM)]  # elk met "\n"

#: de lastige regels: CRLF, een losse CR, lege regels en alleen witruimte, ongeldige JSON (die
#: meldt een positie binnen de regel, dus het regeleinde telt mee), ongeldige UTF-8, een BOM op
#: regel 1, en een laatste regel zonder regeleinde
LASTIG = (b"\xef\xbb\xbf" + GOED[0] + GOED[1][:-1] + b"\r\n" + b"\n" + b" \t\r\n" + b'{"gemeente":\n'
          + GOED[2] + b"a\rb\n" + b"\xff\xfe\n" + GOED[3][:-1] + b"\r\r\n" + b"\n\n" + GOED[4] + b"{kapot\r\n"
          + GOED[5] + GOED[6][:-1])


def _heel(data: bytes) -> list:
    """Wat ``lees_jsonl`` over het hele bestand geeft (de maat: zo las de batch vóór de blokken)."""
    return list(b.lees_jsonl(io.BytesIO(data)))


@pytest.mark.parametrize("grootte", [1, 2, 3, 4, 5, 7, 1000])
def test_blokken_geven_dezelfde_regels_en_nummers_als_het_hele_bestand(grootte):
    heel = _heel(LASTIG)
    assert [nr for nr, _ in heel] == [1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15]  # lege regels tellen mee
    assert heel[-1][1] == GOED[6][:-1]  # de laatste regel zonder regeleinde
    blokken = list(b._blokken_jsonl(io.BytesIO(LASTIG), grootte))
    assert all(len(r) == grootte for _, r in blokken[:-1]) and 0 < len(blokken[-1][1]) <= grootte
    assert [begin for begin, _ in blokken] == list(range(1, 16, grootte))
    uit_lijst = [item for begin, r in blokken for item in b.lees_jsonl(r, begin)]
    uit_bytes = [item for begin, r in blokken for item in b.lees_jsonl(io.BytesIO(b"".join(r)), begin)]
    assert uit_lijst == heel and uit_bytes == heel


def test_blokken_van_een_leeg_bestand():
    assert list(b._blokken_jsonl(io.BytesIO(b""), 3)) == []
    assert list(b._blokken_jsonl(io.BytesIO(b"\n\n"), 1)) == [(1, [b"\n"]), (2, [b"\n"])]


def _draai(data: bytes, **opties) -> tuple[str, dict]:
    uit = io.StringIO()
    s = b.draai(io.BytesIO(data), uit, **opties)
    s.pop("duur_seconden")
    return uit.getvalue(), s


def test_verwerk_blok_als_lijst_en_als_bytes_gelijk():
    b._init({}, False)
    blok = list(b._blokken_jsonl(io.BytesIO(LASTIG), 100))[0]
    als_lijst = b.verwerk_blok(blok)
    als_bytes = b.verwerk_blok((blok[0], b"".join(blok[1])))
    assert als_lijst[0] == als_bytes[0] and als_lijst[2] == als_bytes[2] and als_lijst[3] == als_bytes[3] == 11
    assert als_lijst[0].count(b"\n") == 11 and type(als_lijst[0]) is bytes


#: LASTIG zonder de ongeldige UTF-8, met witruimte die ``bytes.strip`` niet kent (geen lege regel),
#: tekens waarop ``str.splitlines`` wel zou knippen, en een id met een niet-ASCII-teken
LASTIG_UTF8 = (LASTIG.replace(b"\xff\xfe\n", b"\xc2\xa0\n\x1c\n\x0b\x0c\r\n")
               + b"\n" + GOED[7][:1] + '"id":"r\u2028é\x85",'.encode() + GOED[7][1:] + b"\n")


def test_blok_als_tekst_geeft_dezelfde_regels_als_lees_jsonl():
    """``_regels_als_tekst`` (het hele blok in één keer als UTF-8) geeft precies de regels en
    nummers van ``lees_jsonl``, als tekst; bij ongeldige UTF-8 in het blok None (dan ``lees_jsonl``)."""
    heel = _heel(LASTIG_UTF8)
    assert [nr for nr, _ in heel] == [1, 2, 5, 6, 7, 8, 9, 11, 14, 15, 16, 17, 18]
    for begin in (1, 41):
        als_tekst = b._regels_als_tekst(begin, LASTIG_UTF8)
        assert als_tekst == [(nr + begin - 1, r.decode("utf-8")) for nr, r in heel]
    assert b._regels_als_tekst(1, LASTIG) is None
    assert b._regels_als_tekst(1, b"") == [] and b._regels_als_tekst(3, b"\n \n") == []
    assert b._regels_als_tekst(1, b'{"a":1}') == [(1, '{"a":1}')]  # zonder regeleinde
    # MAX_REGEL telt bytes met het regeleinde, zoals lees_jsonl ze geeft: precies op de grens gaat
    # het blok als tekst; één byte erover (ook door tweebytetekens, of zonder regeleinde) niet
    grens = b"x" * (b.MAX_REGEL - 1) + b"\n"
    assert [len(r) for _, r in b._regels_als_tekst(1, grens)] == [b.MAX_REGEL]
    assert b._regels_als_tekst(1, b"x" * b.MAX_REGEL + b"\n") is None
    assert b._regels_als_tekst(1, "é".encode() * (b.MAX_REGEL // 2) + b"\n") is None
    assert b._regels_als_tekst(1, b"\n" + b"x" * (b.MAX_REGEL + 1)) is None


def test_blok_als_tekst_beslist_als_regel_voor_regel():
    """Hetzelfde blok als bytes (de snelle baan leest het als tekst) en als lijst regels (regel voor
    regel als bytes): dezelfde uitvoer, foutregels en samenvatting, ook voor de regels die van de
    snelle baan afvallen (de volledige weg krijgt dan de bytes van de regel)."""
    b._init({}, False)
    lijst = [(1, [r + b"\n" for r in LASTIG_UTF8.split(b"\n")][:-1])]
    assert b"".join(lijst[0][1]) == LASTIG_UTF8
    per_regel = b.verwerk_blok(lijst[0])
    als_tekst = b.verwerk_blok((1, LASTIG_UTF8))
    assert per_regel == als_tekst and per_regel[3] == 13
    regels_uit = [json.loads(r) for r in als_tekst[0].decode("utf-8").split("\n")[:-1]]
    laatste = regels_uit[-1]
    assert laatste["regel"] == 18 and laatste["id"] == "r\u2028é\x85" and laatste["beslissingen"]
    assert [r["regel"] for r in regels_uit if "fout" in r] == [5, 7, 8, 9, 15]  # regel 1: BOM, mag


@pytest.mark.parametrize("processen,grootte", [(1, 1), (1, 3), (2, 1), (2, 2), (2, 5), (3, 4)])
def test_regelnummers_en_meldingen_over_blokgrenzen(processen, grootte):
    maat_tekst, maat = _draai(LASTIG, processen=1, blok=1000)
    tekst, s = _draai(LASTIG, processen=processen, blok=grootte)
    assert tekst == maat_tekst and s == maat
    recs = [json.loads(r) for r in tekst.splitlines()]
    assert [r["regel"] for r in recs] == [1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15]
    fout = {r["regel"]: r["fout"]["fouten"][0]["melding"] for r in recs if "fout" in r}
    assert set(fout) == {5, 7, 8, 13}
    # de melding noemt de positie binnen de regel: het regeleinde hoort bij de regel
    assert "regel 2, kolom 1" in fout[5]
    assert "regel 1, kolom 1" in fout[7] and "regel 1, kolom 2" in fout[13]
    assert "UTF-8" in fout[8]
    assert s["regels"] == 11 and s["fouten"] == 4 and [f["regel"] for f in s["foutregels"]] == [5, 7, 8, 13]


def test_blok_groter_dan_de_pijp_en_een_heel_lange_regel():
    """Een blok van een paar MiB (meer dan in een pijp past) en een regel boven de grens komen
    heel aan en terug, met het goede regelnummer."""
    lang = b'{"id":"' + b"x" * (b.MAX_REGEL + 10) + b'"}\n'
    data = b"".join(GOED[:3]) + lang + b"".join(GOED[3:]) + lang
    maat_tekst, maat = _draai(data, processen=1)
    tekst, s = _draai(data, processen=2, blok=4)
    assert tekst == maat_tekst and s == maat
    recs = [json.loads(r) for r in tekst.splitlines()]
    assert [r["regel"] for r in recs if "fout" in r] == [4, 14]
    assert "groter dan" in recs[3]["fout"]["fouten"][0]["melding"]


def test_uitvoer_naar_binaire_laag_na_tekst_in_de_juiste_volgorde():
    """``--uit`` schrijft de UTF-8 rechtstreeks naar de binaire laag van het tekstbestand; wat
    er al als tekst in stond, komt ervoor. Met een andere codering: als tekst (zoals vroeger)."""
    ruw = io.BytesIO()
    f = io.TextIOWrapper(ruw, encoding="utf-8", newline="\n")
    f.write("kop\n")
    b.draai(io.BytesIO(b"".join(GOED[:3])), f, processen=2, blok=1)
    f.flush()
    tekst, _ = _draai(b"".join(GOED[:3]), processen=1)
    assert ruw.getvalue() == ("kop\n" + tekst).encode("utf-8")

    ruw = io.BytesIO()
    f = io.TextIOWrapper(ruw, encoding="utf-16", newline="\n")
    b.draai(io.BytesIO(GOED[0]), f, processen=1)
    f.flush()
    assert ruw.getvalue().decode("utf-16") == _draai(GOED[0], processen=1)[0]


def _alle_kinderen_weg(pids: list) -> bool:
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
            return False  # nog een kind (of een zombie) van dit proces
        except ChildProcessError:
            pass
    return True


def _onthoud_werkers(monkeypatch) -> list:
    echt = b._start_werker
    pids: list = []

    def start(zet, volledig, werkers):
        w = echt(zet, volledig, werkers)
        pids.append(w.pid)
        return w

    monkeypatch.setattr(b, "_start_werker", start)
    return pids


def test_een_werkproces_dat_wegvalt_stopt_de_run_met_een_melding(monkeypatch):
    """Valt een werkproces weg (bv. door de OOM-killer), dan stopt de run met een melding in
    plaats van eeuwig op zijn blok te wachten; de andere werkprocessen worden gestopt."""
    pids = _onthoud_werkers(monkeypatch)
    echt = b.verwerk_blok

    def soms_weg(blok):
        if blok[0] == 7:  # het derde blok (regels 7-9): dit werkproces valt hard weg
            os.kill(os.getpid(), signal.SIGKILL)
        return echt(blok)

    monkeypatch.setattr(b, "verwerk_blok", soms_weg)
    with pytest.raises(SoraFout, match="onverwacht gestopt"):
        b.draai(io.BytesIO(b"".join(GOED)), io.StringIO(), processen=2, blok=3)
    assert len(pids) == 2 and _alle_kinderen_weg(pids)


def test_een_fout_in_een_werkproces_komt_in_het_hoofdproces_terug(monkeypatch):
    pids = _onthoud_werkers(monkeypatch)
    echt = b.verwerk_blok

    def kapot(blok):
        if blok[0] == 4:
            raise MemoryError("gesimuleerd")
        return echt(blok)

    monkeypatch.setattr(b, "verwerk_blok", kapot)
    uit = io.StringIO()
    with pytest.raises(MemoryError, match="gesimuleerd"):
        b.draai(io.BytesIO(b"".join(GOED)), uit, processen=2, blok=3)
    assert uit.getvalue().count("\n") == 3  # alleen het blok vóór de fout is geschreven
    assert len(pids) == 2 and _alle_kinderen_weg(pids)


def test_werkprocessen_stoppen_na_een_gewone_run(monkeypatch):
    pids = _onthoud_werkers(monkeypatch)
    tekst, s = _draai(b"".join(GOED), processen=3, blok=2)
    assert s["regels"] == 12 and tekst.count("\n") == 12
    assert len(pids) == 3 and _alle_kinderen_weg(pids)


@pytest.mark.parametrize("processen", [1, 2])
def test_losse_surrogaat_in_een_id_is_een_invoerfout_zonder_id(processen):
    """Een id met een losse surrogaat (JSON ``"\\ud83d"``) is geen geldige tekst: die regel krijgt
    een invoerfout op ``id`` (zonder het id terug te schrijven), de andere regels gaan gewoon door,
    ook naar een UTF-8-bestand (vroeger brak de hele run af met een traceback)."""
    data = b'{"id":"\\ud83d",' + GOED[0][1:] + GOED[1]
    tekst, s = _draai(data, processen=processen, blok=1)
    eerste, tweede = (json.loads(r) for r in tekst.splitlines())
    assert eerste["id"] is None and [f["veld"] for f in eerste["fout"]["fouten"]] == ["id"]
    assert "surrogaat" in eerste["fout"]["fouten"][0]["melding"]
    assert "fout" not in tweede and s["regels"] == 2
    ruw = io.BytesIO()
    f = io.TextIOWrapper(ruw, encoding="utf-8", newline="\n")
    b.draai(io.BytesIO(GOED[1] + data), f, processen=processen, blok=1)
    f.flush()
    regels = [json.loads(r) for r in ruw.getvalue().decode("utf-8").splitlines()]
    assert [r["regel"] for r in regels] == [1, 2, 3]
    assert "fout" not in regels[0] and "fout" not in regels[2]
    assert regels[1]["id"] is None and regels[1]["fout"] == eerste["fout"]