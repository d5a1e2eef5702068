"""Building a small site in-process, for tests of the machine-readable outputs.

Why in-process rather than through the CLI: these tests build the same site
several times (before and after an edit), and the outputs are what they
examine, not the command's messages.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from generator.build.builder import build
from generator.core.times import build_now

SCHEMAS = Path(__file__).parent / "schemas"
HOSTILE = "<script>alert(1)</script>&\"'"
"""Text that would run or break markup if any output forgot to escape it."""


def build_at(root: Path, now: str, out: Path | None = None) -> Path:
    """Build the site at `root` at `now` into `out` (default: beside it) and return `out`."""
    target = out if out is not None else root.parent / f"{root.name}-out"
    build(root, target, build_now(now))
    return target


def tree(out: Path) -> dict[str, bytes]:
    """Every file of a build, by relative path."""
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}


def validator(schema_file: str, definition: str = "") -> Draft202012Validator:
    """A validator for a schema in tests/schemas, or for one of its $defs (e.g. 'summary.json')."""
    schema = json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    if definition:
        schema = {**schema, "$ref": "#/$defs/" + definition.replace("~", "~0").replace("/", "~1")}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
