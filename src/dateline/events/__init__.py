"""Events: who did what to whom -- the CAMEO/PLOVER ontology and the event lexicon.

- :mod:`dateline.events.ontology`: every CAMEO event code with its root, Goldstein value,
  QuadClass and PLOVER type and mode, read from ``data/events/cameo.tsv``.
- :mod:`dateline.events.lexicon`: predicates (verbs with their particles, objects,
  prepositions and complements; event nouns with their modifiers) mapped to CAMEO codes, read
  from ``data/events/lexicon/*.tsv``.
- :mod:`dateline_dev.build_lexicon`: rebuilds the generated lexicon files.
- :mod:`dateline.events.coder`: ``code_events(doc, article, actors)`` -> list of
  :class:`~dateline.events.model.Event` (with :mod:`~dateline.events.predicates`,
  :mod:`~dateline.events.roles` over :mod:`dateline.actors.sides`,
  :mod:`~dateline.events.precision` (what is no asserted event, and each act's modality),
  :mod:`~dateline.events.setting` (the article's home country, dateline and agents),
  :mod:`~dateline.events.record` (the event's date and record),
  :mod:`~dateline.events.dates`, :mod:`~dateline.events.places`; word classes in
  ``data/events/coder``, sector words in the actors stage's ``data/actors/sectors.tsv``).
"""

from dateline.events.coder import Coder, code_events
from dateline.events.lexicon import LexEntry, Lexicon, LexiconError
from dateline.events.model import (
    ActorLike,
    ActorLookup,
    Event,
    Location,
    Participant,
    QuoteLike,
)
from dateline.events.ontology import CameoCode, OntologyError, plover_of, root_of
from dateline.events.ontology import code as cameo_code

__all__ = [
    "ActorLike",
    "ActorLookup",
    "CameoCode",
    "Coder",
    "Event",
    "LexEntry",
    "Lexicon",
    "LexiconError",
    "Location",
    "OntologyError",
    "Participant",
    "QuoteLike",
    "cameo_code",
    "code_events",
    "plover_of",
    "root_of",
]
