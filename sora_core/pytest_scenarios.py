"""pytest-plugin: scenariobestanden (``tests/scenario_*.toml``) als tests.

Geregistreerd via het entry point ``pytest11`` van sora-core, dus actief in elk project
waar sora-core geïnstalleerd is: ``python -m pytest`` in een pluginmap draait zijn scenario's.
De vorm van een scenario staat in ``sora_core.scenario`` en docs/plugin-schrijven.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest

from .scenario import Scenario, ScenarioFout, is_scenariobestand, lees_scenario, rapport, voer_uit


class ScenarioMislukt(AssertionError):
    """De uitkomst van de toolkit wijkt af van de verwachting in het scenario."""


def pytest_collect_file(file_path: Path, parent: Any) -> Optional[pytest.File]:
    if is_scenariobestand(file_path):
        return ScenarioBestand.from_parent(parent, path=file_path)
    return None


class ScenarioBestand(pytest.File):
    def collect(self):
        try:
            s: Optional[Scenario] = lees_scenario(self.path)
            naam = s.naam
        except ScenarioFout:
            s, naam = None, self.path.stem
        yield ScenarioItem.from_parent(self, name=naam, scenario=s)


class ScenarioItem(pytest.Item):
    def __init__(self, *, scenario: Optional[Scenario], **kw):
        super().__init__(**kw)
        self.scenario = scenario

    def runtest(self) -> None:
        s = self.scenario if self.scenario is not None else lees_scenario(self.path)  # gooit ScenarioFout
        afwijkingen, _ = voer_uit(s)
        if afwijkingen:
            raise ScenarioMislukt(rapport(s, afwijkingen))

    def repr_failure(self, excinfo, style=None):
        from .fouten import SoraFout

        if isinstance(excinfo.value, ScenarioMislukt):
            return str(excinfo.value)
        if isinstance(excinfo.value, ScenarioFout):
            return "\n".join([f"Ongeldig scenariobestand {self.path}:"] + [f"  - {m}" for m in excinfo.value.meldingen])
        if isinstance(excinfo.value, SoraFout):
            regels = [f"Scenario '{self.name}' ({self.path}) kan niet worden beslist:"]
            regels += [f"  - {f.veld}: {f.melding}" if f.veld else f"  - {f.melding}" for f in excinfo.value.fouten()]
            return "\n".join(regels)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"scenario: {self.name}"
