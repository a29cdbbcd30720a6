"""The API's operations, read from its OpenAPI document, for the local /api/docs page."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI


def describe(app: FastAPI) -> list[dict[str, Any]]:
    """The API's operations from its OpenAPI document (for the local /api/docs page)."""
    out = []
    for path, operations in app.openapi().get("paths", {}).items():
        for method, op in operations.items():
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": p.get("required", False),
                    "description": p.get("description")
                    or (p.get("schema") or {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = "requestBody" in op
            out.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary", ""),
                    "params": params,
                    "body": body,
                }
            )
    return out
