# SORA: alles via een eigen virtuele omgeving (.venv); niets hoeft met de hand geïnstalleerd.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PLUGINS := alkmaar bergen castricum dijk_en_waard heiloo uitgeest
STAMP  := $(VENV)/.geinstalleerd

.PHONY: demo test bench bytecode schoon

$(STAMP): pyproject.toml $(foreach p,$(PLUGINS),plugins/$(p)/pyproject.toml)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]" $(foreach p,$(PLUGINS),-e plugins/$(p))
	touch $(STAMP)

## make demo: zet op en vergelijk de ingebouwde voorbeeldcasus in alle zes gemeenten, op de dag van vandaag
demo: $(STAMP)
	$(BIN)/sora vergelijk voorbeelden/gezin-vergelijk.toml --peildatum $$(date +%F)

## make test: zet op en draai alle tests
test: $(STAMP) bytecode
	$(BIN)/python -m pytest

# Bytecode (__pycache__, niet in git) vers houden, ook waar PYTHONDONTWRITEBYTECODE gezet is: anders
# compileert elke koude start de gewijzigde modules opnieuw (tot twee keer zoveel werk voor een
# 'sora beoordeel'). Een gewone pip-installatie doet dit bij het installeren. Daarna de code die
# attrs voor de eigen klassen genereert (sora_core/_codecache.py), om dezelfde reden.
bytecode: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q sora_core $(foreach p,$(PLUGINS),plugins/$(p)) >/dev/null
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -c "from sora_core._codecache import _vul; _vul()"

## make bench: meet koude start, warme beslissing en batch (tot 1.000.000 huishoudens) en, als het
## vergelijkingsharnas naast het project staat (../shared/peer-bench), de verhoudingen met OpenFisca;
## en, als valgrind er is, de instructies per warm huishouden (stabiel om versies te vergelijken);
## schrijft bench/resultaten.json
PEER := $(wildcard ../shared/peer-bench/run)
VALGRIND := $(shell command -v valgrind 2>/dev/null)
bench: $(STAMP) bytecode
	$(BIN)/python bench/bench.py --profiel --miljoen $(if $(PEER),--peer $(PEER)) $(if $(VALGRIND),--instructies)

schoon:
	rm -rf $(VENV) .pytest_cache build *.egg-info
