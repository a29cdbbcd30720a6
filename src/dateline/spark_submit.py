"""The driver script for spark-submit: ``spark-submit [...] spark_submit.py --input M --output D``.

spark-submit runs a file, not a module; this file is that file (``python -c "import
dateline.spark_submit as s; print(s.__file__)"`` prints its path). It takes the options of
``dateline spark``. See docs/spark.md.
"""

import os
import sys

# Run as a script, Python puts this file's directory (the dateline package itself) first on
# sys.path, where its modules would shadow top-level ones: take it off before importing.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from dateline.spark import main  # noqa: E402

if __name__ == "__main__":
    main()
