"""Analyses voor consultants en beleidsmedewerkers, bovenop de beslisser.

Alles hier is generiek: de modules kennen geen regelingssleutels of normnamen van een
domein, maar lopen over wat de kern en de plugins op een peildatum declareren
(``beslisser.catalogus(beleid)``, ``parameters.kern_definities()``,
``beleid.los_op(plugin, peildatum, zet)``). Een nieuwe regeling of open norm verschijnt dus
vanzelf in vergelijk, normen, harmonisatie, minima-effect en batch.

* ``bedragen``: de omrekening naar jaarwaarde (één afspraak voor alle analyses).
* ``watals``: ``--zet GEMEENTE.NORM=WAARDE`` lezen.
* ``vergelijk``, ``regelingen``, ``normen``, ``harmonisatie``, ``minima_effect``, ``batch``,
  ``populatie``: de analyses achter de gelijknamige opdrachten (``cli_analyse``).
* ``tabel``: leesbare tekst- en CSV-uitvoer; ``grafiek``: plaatjes (matplotlib, optioneel).
"""
