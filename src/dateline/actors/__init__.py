"""The actors stage: who is who in an article.

    from dateline import nlp
    from dateline.actors import caption_texts, find_actors
    doc = next(nlp.parse([article.body]))
    captions = list(nlp.parse(caption_texts(article)))   # captions, then image alt texts
    actors = find_actors(doc, article, captions=captions)
    actors.at(start, end)           # the entity a body span mentions best, or None
    actors.resolve(start, end)      # (entity id, display name) for a speaker phrase, or None
    actors.named("Ana Lupu")        # by name or alias
    record_entities = actors.to_list()
    Sides(doc, actors, gazetteer, sectors, pronouns).phrase(head)   # an event's source/target

People get the role and country their article gives them ("Moldovan Prime Minister Ana Lupu",
"Tomas Reyes, president of Chile", "Chile's president, X", "NATO chief X"); surnames,
descriptions ("the Kenyan leader") and pronouns resolve to them (``coref``). Countries,
places, international and other organisations are entities too, with CAMEO-style actor codes
(``codes`` documents the mapping). A knowledge base of well-known actors with tenure dates
(``kb``; built by ``build_kb`` from PETRARCH-2's dictionaries) fills in what the article leaves
out ("Putin" -> Russia, government, at the article's date). ``sides`` is the one place a
grammatical role's phrase becomes an actor for the event stage (a name the parser's entities
missed, a country or demonym no entity covers, a sector from the phrase's head noun).

Knowledge lives in ``dateline/data/actors``: ``roles.tsv`` (titles -> role, sector, group),
``sectors.tsv`` (the sector words: head nouns of phrases and words of organisations' names,
read by the event coder too), ``org_descriptions.tsv`` ("the bloc" -> EU),
``gender.tsv`` (honorifics and titles for he/she), ``first_names.tsv`` (first names that tell
one, from the 1990 US Census lists), ``not_names.tsv`` ("Avenue", "Cyclone"),
``words.tsv`` (word classes: verbs of asking and answering, honorifics, "acting" before a
title), ``groups.tsv`` (plural nouns of a group phrase standing for a pair: "the two
*leaders*", "both *governments*"), ``family_name_first.tsv`` and the generated ``kb.tsv``.
"""

from __future__ import annotations

from dateline.actors.codes import actor_code, split_code
from dateline.actors.finder import AUTHOR_ROLE, caption_texts, find_actors
from dateline.actors.kb import KbActor, KnowledgeBase
from dateline.actors.model import Actors, Entity, Mention
from dateline.actors.roles import Role, RoleTable

__all__ = [
    "AUTHOR_ROLE",
    "Actors",
    "Entity",
    "KbActor",
    "KnowledgeBase",
    "Mention",
    "Role",
    "RoleTable",
    "actor_code",
    "caption_texts",
    "find_actors",
    "split_code",
]
