"""Where the web app's templates and static files are (inside the package)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

WEB_DIR = Path(str(resources.files("dateline") / "web"))
TEMPLATES = WEB_DIR / "templates"
STATIC = WEB_DIR / "static"
