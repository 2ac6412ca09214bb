"""De cache van geparste beleidsbestanden (sora_core/_toml.py): zelfde resultaat als tomllib,
ongeldig zodra één byte verandert, nooit in het project of de werkmap, en veilig bij een kapotte
of vreemde ingang."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sora_core import _toml
from sora_core._toml import lees_beleid, tomllib
from sora_core.fouten import BeleidFout
from sora_core.parameters import DATA, laad_toml

ROOT = Path(__file__).resolve().parent.parent
BELEID = sorted(DATA.glob("*.toml")) + sorted(ROOT.glob("plugins/*/sora_*/beleid.toml"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SORA_GEEN_CACHE", raising=False)
    return tmp_path / "cache" / "sora" / "toml"


def _ingangen(map_: Path) -> list[Path]:
    return sorted(map_.glob("*.pickle")) if map_.exists() else []


@pytest.mark.parametrize("pad", BELEID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_zelfde_document_als_tomllib_uit_de_cache(cache, pad):
    with open(pad, "rb") as f:
        verwacht = tomllib.load(f)
    data = pad.read_bytes()
    eerst = lees_beleid(data)
    assert len(_ingangen(cache)) == 1
    tweede = lees_beleid(data)  # nu uit de cache
    assert eerst == verwacht and tweede == verwacht
    assert repr(tweede) == repr(verwacht)  # ook de typen (date, int, float, str) gelijk
    assert tweede is not eerst  # elke aanroeper een eigen object


def test_een_ander_byte_is_een_andere_ingang(cache, tmp_path):
    pad = tmp_path / "beleid.toml"
    pad.write_text('titel = "a"\n[[norm]]\nnaam = "x"\nwaarde = "1.20"\n', encoding="utf-8")
    assert laad_toml(pad, "test")["norm"][0]["waarde"] == "1.20"
    pad.write_text('titel = "a"\n[[norm]]\nnaam = "x"\nwaarde = "1.30"\n', encoding="utf-8")  # zelfde lengte
    assert laad_toml(pad, "test")["norm"][0]["waarde"] == "1.30"
    assert len(_ingangen(cache)) == 2


def test_ingang_met_andere_bytes_onder_de_sleutel_telt_niet(cache):
    """Ook als een ingang (botsing, met de hand gezet) onder de juiste sleutel andere bytes draagt,
    wordt opnieuw geparsed: alleen byte voor byte dezelfde tekst telt."""
    data = b'a = 1\n'
    lees_beleid(data)
    (ingang,) = _ingangen(cache)
    label, _, _ = pickle.loads(ingang.read_bytes())
    ingang.write_bytes(pickle.dumps((label, b'a = 2\n', {"a": 2})))
    assert lees_beleid(data) == {"a": 1}


@pytest.mark.parametrize("inhoud", [b"", b"kapot", pickle.dumps((1, 2, 3))[:-3], pickle.dumps(["lijst"])])
def test_kapotte_ingang_telt_als_afwezig(cache, inhoud):
    data = b'titel = "x"\n'
    lees_beleid(data)
    (ingang,) = _ingangen(cache)
    ingang.write_bytes(inhoud)
    assert lees_beleid(data) == {"titel": "x"}
    assert lees_beleid(data) == {"titel": "x"}  # en de ingang is hersteld


class _Boos:
    def __reduce__(self):
        return (os.system, ("echo gehackt > /dev/null",))


def test_vreemde_objecten_in_een_ingang_worden_niet_geladen(cache, monkeypatch):
    data = b'titel = "x"\n'
    lees_beleid(data)
    (ingang,) = _ingangen(cache)
    label = _toml._label()
    ingang.write_bytes(pickle.dumps((label, data, {"titel": _Boos()})))
    geroepen = []
    monkeypatch.setattr(os, "system", lambda *a: geroepen.append(a))
    assert lees_beleid(data) == {"titel": "x"}
    assert geroepen == []


def test_parseerfout_gelijk_en_niet_in_de_cache(cache, tmp_path):
    pad = tmp_path / "kapot.toml"
    pad.write_bytes(b'titel = "x\n')
    with pytest.raises(BeleidFout) as e:
        laad_toml(pad, "test")
    with pytest.raises(tomllib.TOMLDecodeError) as zonder:
        tomllib.loads('titel = "x\n')
    assert str(zonder.value) in str(e.value)
    pad.write_bytes(b'titel = "\xff"\n')
    with pytest.raises(BeleidFout, match="geen geldige UTF-8-tekst"):
        laad_toml(pad, "test")
    assert _ingangen(cache) == []


def test_zonder_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SORA_GEEN_CACHE", "1")
    assert lees_beleid(b"a = 1\n") == {"a": 1}
    assert not (tmp_path / "cache").exists()


def test_niet_te_schrijven_cache_is_geen_fout(tmp_path, monkeypatch):
    bestand = tmp_path / "geen-map"
    bestand.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(bestand))  # een bestand, geen map: makedirs faalt
    assert lees_beleid(b"a = 1\n") == {"a": 1}
    assert lees_beleid(b"a = 1\n") == {"a": 1}


def test_relatief_xdg_pad_telt_niet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relatief")
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    assert _toml.cache_map() == str(tmp_path / "thuis" / ".cache" / "sora" / "toml")
    lees_beleid(b"a = 1\n")
    assert not (tmp_path / "relatief").exists()


def test_begrensd(cache, monkeypatch):
    monkeypatch.setattr(_toml, "_MAX_INGANGEN", 8)
    for i in range(30):
        lees_beleid(f"a = {i}\n".encode())
    assert len(_ingangen(cache)) <= 8


def test_cli_schrijft_niets_in_werkmap_of_project(tmp_path):
    """Een koude ``sora beoordeel`` met een lege cache: de cache komt in XDG_CACHE_HOME, niets in de
    werkmap of in het project; een tweede run (uit de cache) geeft byte voor byte hetzelfde."""
    werk = tmp_path / "werk"
    werk.mkdir()
    voorbeeld = ROOT / "voorbeelden" / "bijzondere-bijstand-heiloo-draagkracht.toml"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("SORA_GEEN_CACHE", None)
    voor = _projectbestanden()
    cmd = [str(Path(sys.executable).parent / "sora"), "beoordeel", str(voorbeeld), "--json"]
    eerste = subprocess.run(cmd, cwd=werk, env=env, capture_output=True, check=True)
    tweede = subprocess.run(cmd, cwd=werk, env=env, capture_output=True, check=True)
    zonder = subprocess.run(cmd, cwd=werk, env={**env, "SORA_GEEN_CACHE": "1"}, capture_output=True, check=True)
    assert eerste.stdout == tweede.stdout == zonder.stdout
    assert list(werk.iterdir()) == []
    assert len(_ingangen(tmp_path / "cache" / "sora" / "toml")) >= 10  # de kernbestanden en de zes plugins
    assert _projectbestanden() == voor


def _projectbestanden() -> set[str]:
    uit = set()
    for map_, mappen, namen in os.walk(ROOT):
        mappen[:] = [m for m in mappen if m not in (".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis")]
        uit.update(os.path.join(map_, n) for n in namen)
    return uit


def test_sha256_zonder_hashlib_is_dezelfde():
    """``sora_core._hash.sha256`` (het ingebouwde module, zonder OpenSSL te laden) geeft dezelfde
    digest als ``hashlib``: de vingerafdruk van het beleid blijft gelijk."""
    import hashlib

    from sora_core._hash import sha256

    for data in (b"", b"abc", "één beleid".encode(), bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_gelijktijdige_schrijvers(cache):
    """Threads die tegelijk hetzelfde en verschillende bestanden lezen: elk krijgt het juiste
    document, en er blijft geen tijdelijk bestand achter."""
    import threading

    fouten = []

    def lees(i):
        try:
            for j in range(20):
                data = f"a = {j % 5}\nb = {i % 3}\n".encode()
                assert lees_beleid(data) == {"a": j % 5, "b": i % 3}
        except Exception as e:  # noqa: BLE001
            fouten.append(e)

    threads = [threading.Thread(target=lees, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fouten == []
    assert list(cache.glob("*.tmp")) == []
    assert len(_ingangen(cache)) == 15
