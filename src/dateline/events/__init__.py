"""Events: who did what to whom -- the CAMEO/PLOVER ontology and the event lexicon.

- :mod:`dateline.events.ontology`: every CAMEO event code with its root, Goldstein value,
  QuadClass and PLOVER type and mode, read from ``data/events/cameo.tsv``.
- :mod:`dateline.events.lexicon`: predicates (verbs with their particles, objects,
  prepositions and complements; event nouns with their modifiers) mapped to CAMEO codes, read
  from ``data/events/lexicon/*.tsv``.
- :mod:`dateline.events.build_lexicon`: rebuilds the generated lexicon files.
"""

from dateline.events.lexicon import LexEntry, Lexicon, LexiconError
from dateline.events.ontology import CameoCode, OntologyError, plover_of, root_of
from dateline.events.ontology import code as cameo_code

__all__ = [
    "CameoCode",
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "OntologyError",
    "cameo_code",
    "plover_of",
    "root_of",
]
