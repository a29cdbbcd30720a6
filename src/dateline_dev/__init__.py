"""dateline's development tooling: what measures, benchmarks and rebuilds the package.

- :mod:`dateline_dev.eval`: scorers against the gold sets (``dateline eval``), the fixed
  tune/check split, the benchmarks (``dateline bench``);
- :mod:`dateline_dev.train_lines`: fits the line model (``dateline train lines``);
- :mod:`dateline_dev.build_kb`, :mod:`dateline_dev.build_lexicon`,
  :mod:`dateline_dev.build_gazetteer`: rebuild the generated data files from the reference
  dictionaries;
- :mod:`dateline_dev.loadtest` and :mod:`dateline_dev.sample`: the web load test and the
  invented store it runs on;
- :mod:`dateline_dev.provenance_audit`: checks the provenance column of the coder's tables.

None of it is needed to analyze news, so ``pip install .`` leaves it out (see
docs/decisions.md); a source checkout has it (``pip install -e '.[dev]'``, ``make test``).
The CLI imports it only when an ``eval``, ``bench`` or ``train`` command runs. It may import
``dateline``; ``dateline`` never imports it.
"""
