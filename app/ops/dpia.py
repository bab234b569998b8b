"""Keeps the data protection impact assessment in step with the code.

docs/dpia.md records a fingerprint of what the DPIA assessed: every personal-data column (from
docs/data-inventory.yaml and the live schema), every route with who may use it, and what each
role may do. When any of these change, the fingerprint changes and a test asks for the DPIA to be
looked at again (`python -m app.cli dpia-fingerprint` prints the new value).
"""

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI
from sqlmodel import SQLModel

from app.authz import ROLE_PERMISSIONS
from app.config import ROOT, Settings
from app.main import create_app
from app.ops.inventory import declared_requirement, route_inventory

INVENTORY_FILE = ROOT / "docs" / "data-inventory.yaml"
DPIA_FILE = ROOT / "docs" / "dpia.md"
_RECORDED = re.compile(r"^Fingerprint: `([0-9a-f]{64})`$", re.MULTILINE)


@cache
def data_inventory(path: Path = INVENTORY_FILE) -> dict[str, Any]:
    """The tables section of the inventory: {table: {personal, columns, ...}}."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    tables: dict[str, Any] = loaded["tables"]
    return tables


def personal_tables() -> list[str]:
    return sorted(name for name, entry in data_inventory().items() if entry.get("personal"))


def current_fingerprint() -> str:
    """The fingerprint of the app as deployed (demo sign-in is development-only, so left out)."""
    return fingerprint(create_app(Settings(demo_sign_in=False)))


def fingerprint(app: FastAPI) -> str:
    tables = SQLModel.metadata.tables
    columns = {
        name: sorted((column.name, str(column.type)) for column in tables[name].columns)
        for name in personal_tables()
        if name in tables
    }
    routes = sorted(
        (method, path, str(requirement.permission) if requirement else "public")
        for method, path, route in route_inventory(app)
        for requirement in [declared_requirement(route)]
    )
    roles = {str(role): sorted(map(str, allowed)) for role, allowed in ROLE_PERMISSIONS.items()}
    canonical = json.dumps([columns, routes, roles], sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def recorded_fingerprint(path: Path = DPIA_FILE) -> str | None:
    found = _RECORDED.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else None
