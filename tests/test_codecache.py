"""De cache van gegenereerde code (``sora_core/_codecache.py``, issue 14, koude start): wat uit de
cache komt, is dezelfde code die ``compile`` zou geven; het typegetal van attrs' ``__hash__`` (per
proces anders) wordt teruggezet; een kapot bestand telt als leeg; vreemde klassen gaan ongewijzigd
door de ingebouwde ``compile``."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import attr._make

import sora_core
from sora_core import _codecache as cc
from sora_core import beslisser, cli, invoer, uitvoer  # noqa: F401 - laadt de klassen van een koude start
from sora_core.model import Besluit, Persoon


def test_elke_ingang_gelijk_aan_verse_compile():
    assert len(cc._GEBRUIKT) >= 30  # de attrs-klassen, de snelle lezers en constructors
    for sleutel, bron in list(cc._GEBRUIKT.items()):
        _, naam, modus, vlaggen = sleutel
        code = cc.compileer(bron, naam, modus, vlaggen)  # uit de cache (het bestand of dit proces)
        assert builtins.compile(bron, naam, modus, vlaggen, True) == code, naam


def test_attrs_compile_met_typegetal_gelijk_aan_verse_compile():
    """Twee bronnen die alleen in het typegetal verschillen, delen één ingang, en elk krijgt precies
    de code van zijn eigen bron (hetzelfde getal als constante)."""
    vlaggen = cc._vlaggen_van(attr._make)
    naam = "<attrs generated methods sora_core.proef.Klasse>"
    for getal in ("6774584242226946065", "-7852648066608505731", "1774584242226946065", "-42", "0"):
        bron = f"def __hash__(self):\n        return hash((\n                {getal},\n                self.a,\n            ))\n"
        code = attr._make.compile(bron, naam, "exec")
        assert code == builtins.compile(bron, naam, "exec", vlaggen, True)
        ruimte: dict = {}
        exec(code, ruimte)  # noqa: S102 - de proefbron hierboven
        assert int(getal) in ruimte["__hash__"].__code__.co_consts
        assert not any(type(c) is int and str(abs(c)) == "9" * len(str(abs(c))) for c in ruimte["__hash__"].__code__.co_consts)
    # de twee positieve getallen van 19 cijfers delen één ingang; -42 en 0 (te kort) hebben hun eigen
    assert sum(1 for k in cc._GEBRUIKT if k[1] == naam) == 4


def test_plek_van_het_typegetal():
    """``_typehash_plek`` vindt precies het getal tussen ``return hash((`` (na witruimte) en de komma, met
    minstens 15 cijfers; in elke andere vorm None (dan is de hele bron de sleutel)."""
    getal = "-7852648066608505731"
    bron = f"def __hash__(self):\n        return hash((\n                {getal},\n                self.a,\n            ))\n"
    begin = bron.index(getal)
    assert cc._typehash_plek(bron) == (begin, begin + len(getal))
    positief = bron.replace(getal, getal[1:])
    assert positief[slice(*cc._typehash_plek(positief))] == getal[1:]
    assert cc._typehash_plek("return hash((123456789012345,") == (13, 28)
    for anders in ("return hash((12345678901234,",          # 14 cijfers: te kort
                   "return hash((123456789012345 ,",        # witruimte voor de komma
                   "return hash((--123456789012345,",       # twee mintekens
                   "return hash((12345678901234\u0665,",    # een cijfer dat geen ASCII is
                   "return hash((self.a, 123456789012345,",  # geen getal vooraan
                   "return hash((123456789012345)",         # geen komma
                   "return hash((123456789012345,\nreturn hash((223456789012345,",  # twee keer
                   "def __eq__(self, other): return True"):
        assert cc._typehash_plek(anders) is None, anders


def test_met_constante_vervangt_ook_in_geneste_code():
    code = builtins.compile("def f(y=7):\n    def g():\n        return 424242\n    return (424242, y)\nx = 424242\n",
                            "<proef>", "exec")
    nieuw = cc._met_constante(code, 424242, 99)
    ruimte: dict = {}
    exec(nieuw, ruimte)  # noqa: S102 - de proefbron hierboven
    assert ruimte["x"] == 99 and ruimte["f"]() == (99, 7)
    g = next(c for c in ruimte["f"].__code__.co_consts if type(c) is type(code))
    assert 99 in g.co_consts and 424242 not in g.co_consts
    assert cc._met_constante(code, 5, 6) is code  # niets te vervangen: dezelfde code


def test_hash_van_een_modelklasse_heeft_het_eigen_typegetal():
    """attrs rekent ``hash(bestandsnaam)`` in ``__hash__``; uit de cache moet dat getal van dit proces
    zijn, niet het merk of het getal van het proces dat de cache schreef."""
    typegetal = hash("<attrs generated hash sora_core.model.Persoon>")
    assert typegetal in Persoon.__hash__.__code__.co_consts
    assert int("9" * 19) not in Persoon.__hash__.__code__.co_consts
    assert hash(Persoon(date(1980, 1, 1))) == hash(Persoon(date(1980, 1, 1)))
    assert Besluit.__hash__ is not None


def test_vreemde_klassen_gaan_langs_de_ingebouwde_compile():
    assert not cc._eigen("<attrs generated methods anders.Klasse>")
    assert not cc._eigen("<snelle lezer>")
    assert cc._eigen("<attrs generated methods sora_core.model.Casus>")
    assert cc._eigen("<attrs generated init sora_alkmaar.regels.X>")
    voor = len(cc._CODE)

    @attr.s(frozen=True)
    class Vreemd:  # module tests.test_codecache: niet in de cache
        a = attr.ib()

    assert len(cc._CODE) == voor and not any(k[1].endswith("test_codecache.Vreemd>") for k in cc._GEBRUIKT)
    assert Vreemd(1) == Vreemd(1) and hash(Vreemd(1)) == hash(Vreemd(1))


def test_kapot_of_ander_bestand_telt_als_leeg(tmp_path):
    pad = tmp_path / "gegenereerd.marshal"
    for inhoud in (b"", b"kapot", b"\x00" * 20):
        pad.write_bytes(inhoud)
        assert cc._laad(str(pad)) == {}
    import marshal

    pad.write_bytes(marshal.dumps(("een andere python", {("x", "y", "exec", 0): b"..."})))
    assert cc._laad(str(pad)) == {}
    pad.write_bytes(marshal.dumps((sys.version, {("x", "y", "exec", 0): "geen bytes"})))
    assert cc._laad(str(pad)) == {}
    assert cc._laad(str(tmp_path / "bestaat-niet")) == {}


def test_bewaar_schrijft_atomair_en_respecteert_dont_write_bytecode(tmp_path, monkeypatch):
    pad = str(tmp_path / "sub" / "gegenereerd.marshal")
    monkeypatch.setitem(cc._STAAT, "nieuw", True)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert cc.bewaar(pad) is False and not os.path.exists(pad)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert cc.bewaar(pad) is True
    geschreven = set(cc._laad(pad))
    assert geschreven == set(cc._GEBRUIKT)  # wat dit proces gebruikte
    assert os.listdir(os.path.dirname(pad)) == ["gegenereerd.marshal"]  # geen tijdelijk bestand achtergelaten
    monkeypatch.setitem(cc._STAAT, "nieuw", True)
    os.chmod(os.path.dirname(pad), 0o500)
    try:
        if os.access(os.path.dirname(pad), os.W_OK):  # root schrijft overal: dan valt er niets te toetsen
            return
        assert cc.bewaar(pad) is False  # alleen-lezen: geen fout, de volgende keer weer compileren
    finally:
        os.chmod(os.path.dirname(pad), 0o700)


def test_zelfde_uitvoer_met_en_zonder_cache_en_andere_hashseed(tmp_path):
    """Een koude ``sora beoordeel`` met de cache (en een andere PYTHONHASHSEED dan het proces dat hem
    schreef) geeft byte voor byte wat hij zonder cache geeft."""
    casus = Path(sora_core.__file__).parent.parent / "voorbeelden" / "bergen-bijzondere-bijstand.toml"
    if not casus.exists():
        casus = next((Path(sora_core.__file__).parent.parent / "voorbeelden").glob("*.toml"))
    uit = []
    for seed, cache in (("1", True), ("2", True), ("3", False)):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1")
        code = ("import sys; import sora_core._codecache as c\n"
                + ("" if cache else "c._CODE.clear(); c._STAAT['geladen'] = True\n")
                + "from sora_core.cli import main; sys.argv = ['sora', 'beoordeel', sys.argv[1], '--json',"
                  " '--peildatum', '2025-09-01']; main()")
        r = subprocess.run([sys.executable, "-c", code, str(casus)], capture_output=True, env=env)
        uit.append((r.returncode, r.stdout))
    assert uit[0] == uit[1] == uit[2]
    assert uit[0][1]
