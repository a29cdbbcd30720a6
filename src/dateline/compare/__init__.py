"""How outlets told a story: the articles of one story compared side by side.

from dateline.compare import compare_story, rows
with Store.open("dateline.db") as store:
    comparison = compare_story(store, 7)
print(comparison.outlets[0].outlet, "was first")
for claim in comparison.claims:          # what only one outlet says
    print(claim.article_id, claim.text)
"""

from __future__ import annotations

from dateline.compare.story import Comparison, Group, Item, Outlet, compare, compare_story
from dateline.compare.table import COLUMNS, rows

__all__ = ["COLUMNS", "Comparison", "Group", "Item", "Outlet", "compare", "compare_story", "rows"]
