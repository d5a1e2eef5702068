"""Validate HTML files with the Nu Html Checker (vnu), the W3C validator's engine.

Why vnu: it is the checker behind validator.w3.org, so "vnu reports no error"
is the standard meaning of "valid HTML". It runs offline from ``vnu.jar``,
which the npm package ``vnu-jar`` ships; ``.ci/run`` installs it with
``npm install --prefix .tools --ignore-scripts vnu-jar`` (``--ignore-scripts``
because its postinstall tries to download a JDK, which cannot work here and
is not needed: Debian's Java 17 is enough). The jar is found via ``VNU_JAR``
or ``.tools/node_modules/vnu-jar/build/dist/vnu.jar``; Java via ``JAVA`` or
``java`` on PATH.

Why one call for many files: the JVM start costs about two seconds, so the
files are checked in as few runs as possible (chunked only to keep command
lines short).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.support.tools import npm_tool_file, skip_or_fail

__all__ = [
    "VnuMessage",
    "find_java",
    "find_vnu_jar",
    "format_vnu_messages",
    "run_vnu",
    "vnu_or_skip",
]

_CHUNK = 400  # files per JVM run; keeps argv far below the kernel limit


@dataclass(frozen=True)
class VnuMessage:
    """One vnu message about one file.

    ``kind`` is vnu's ``type`` (``error``, or ``non-document-error`` for a file
    it could not read), ``sub_type`` e.g. ``fatal``; ``line``/``column`` are
    1-based and point at the end of the offending markup (vnu's ``lastLine``,
    ``lastColumn``), 0 when unknown.
    """

    file: Path
    kind: str
    message: str
    line: int = 0
    column: int = 0
    extract: str = ""
    sub_type: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else f"{self.file}"
        kind = f"{self.kind}/{self.sub_type}" if self.sub_type else self.kind
        extract = " ".join(self.extract.split())
        suffix = f"\n    {extract}" if extract else ""
        return f"{where}: {kind}: {self.message}{suffix}"


def find_vnu_jar() -> Path | None:
    """Return ``VNU_JAR`` or the ``.tools`` copy of vnu.jar, if the file exists."""
    override = os.environ.get("VNU_JAR")
    path = Path(override) if override else npm_tool_file("vnu-jar", "build", "dist", "vnu.jar")
    return path if path.is_file() else None


def find_java() -> Path | None:
    """Return ``JAVA`` or ``java`` on PATH, if it exists (vnu needs Java 17+)."""
    override = os.environ.get("JAVA")
    if override:
        return Path(override) if Path(override).is_file() else None
    found = shutil.which("java")
    return Path(found) if found else None


def vnu_or_skip() -> tuple[Path, Path]:
    """Return ``(java, vnu_jar)``; skip the test (fail under CI) if either is missing."""
    java = find_java()
    if java is None:
        skip_or_fail("java not found (apt-get install default-jre-headless, or set JAVA)")
    jar = find_vnu_jar()
    if jar is None:
        skip_or_fail("vnu.jar not found (npm install --prefix .tools --ignore-scripts vnu-jar, or set VNU_JAR)")
    return java, jar


def _file_of(url: str) -> Path:
    # vnu reports "file:/abs/path" (one slash) for local files.
    return Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)


def run_vnu(
    files: Iterable[Path],
    *,
    extra_args: Sequence[str] = (),
    java: Path | None = None,
    jar: Path | None = None,
    timeout: float = 300,
) -> list[VnuMessage]:
    """Check HTML ``files`` with vnu; return every error (empty list: all valid).

    Runs ``java -jar vnu.jar --format json --errors-only --skip-non-html
    --stdout FILES`` and parses the JSON. ``--stdout`` matters: vnu writes its
    report to stderr by default, where JVM notices such as "Picked up
    JAVA_TOOL_OPTIONS" would corrupt the JSON. ``extra_args`` are added before
    the files (e.g. ``["--also-check-css"]``). Non-HTML files are skipped by
    vnu itself, so a whole build's file list can be passed.

    Raises RuntimeError if vnu fails in a way that is not "found errors" (its
    exit code is 1 when it reports errors, so the code alone is not enough).
    """
    if java is None or jar is None:
        found_java, found_jar = vnu_or_skip()
        java = java or found_java
        jar = jar or found_jar
    paths = [Path(f).resolve() for f in files]
    messages: list[VnuMessage] = []
    for start in range(0, len(paths), _CHUNK):
        chunk = paths[start : start + _CHUNK]
        command = [
            str(java),
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            "--skip-non-html",
            "--stdout",
            *extra_args,
            *map(str, chunk),
        ]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        try:
            report = json.loads(completed.stdout)
        except json.JSONDecodeError:
            raise RuntimeError(
                f"vnu exited {completed.returncode} without a JSON report:\n"
                f"stdout: {completed.stdout[-2000:]}\nstderr: {completed.stderr[-2000:]}"
            ) from None
        for item in report.get("messages", []):
            if item.get("type") == "info":
                continue  # warnings are info/warning; --errors-only drops them
            messages.append(
                VnuMessage(
                    file=_file_of(str(item.get("url", ""))),
                    kind=str(item.get("type", "")),
                    message=str(item.get("message", "")),
                    line=int(item.get("lastLine", item.get("firstLine", 0)) or 0),
                    column=int(item.get("lastColumn", 0) or 0),
                    extract=str(item.get("extract", "")),
                    sub_type=str(item.get("subType", "")),
                )
            )
    return messages


def format_vnu_messages(messages: Sequence[VnuMessage], *, limit: int = 30) -> str:
    """Render messages for an assertion message: ``file:line:col: error: text``."""
    if not messages:
        return "no HTML errors"
    lines = [f"{len(messages)} HTML error(s):", *map(str, messages[:limit])]
    if len(messages) > limit:
        lines.append(f"… and {len(messages) - limit} more")
    return "\n".join(lines)
