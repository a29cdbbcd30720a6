"""The plain-text page-dump line classifier.

``features``  line features of a dump (own text + neighbourhood), numpy only
``model``     the shipped two-stage tree model (JSON in ``dateline/data/lines``), numpy only
``roles``     roles for every line from P(body) and general rules over the lexicon
``fields``    parsers for dates, links (proxy unwrapping), outlets, section lines, bylines
``lexicon``   the data files: navigation, credit/editor/byline prefixes, sections (month names:
              dateline.dates)
``train``     fitting lives in dateline_dev.train_lines (development tooling)
"""

from __future__ import annotations
