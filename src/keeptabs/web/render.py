"""Jinja2 templates, rendered the same for the server and for the static report.

Templates link with ``href("/series/abc")``: the server answers that path; the static
report turns it into a relative file name (``../series/abc.html``), so its pages open
from disk.  Autoescaping is on for every template: article text is untrusted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from keeptabs.report.records import plain_number

# The policy of every page: scripts and styles only from the app's own files; nothing
# inline, nothing from elsewhere.  Vega-Embed runs in its CSP-safe mode (static/app.js).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)
SERVER_ONLY_POLICY = "; frame-ancestors 'none'"  # not allowed in a <meta> tag


@dataclass(frozen=True, slots=True)
class Linker:
    """Paths for links: as they are on the server, as relative files in the report."""

    static: bool = False
    depth: int = 0  # folders between the report's root and the page being written

    def __call__(self, path: str, **query: Any) -> str:
        if not self.static:
            params = {k: v for k, v in query.items() if v not in (None, "")}
            return path + (f"?{urlencode(params)}" if params else "")
        root = "../" * self.depth
        if path.startswith("/static/") or path.rsplit(".", 1)[-1] in REPORT_FORMATS:
            return root + path[1:]
        return root + page_file(path)


REPORT_FORMATS = ("csv", "json")  # the downloads the static report writes beside its lists


def page_file(path: str) -> str:
    """The static report's file for a server path: ``/claims/ab12:5-9`` ->
    ``claims/ab12_5-9.html`` (Windows allows no ``:`` in a file name)."""
    if path == "/":
        return "index.html"
    return path.strip("/").replace(":", "_") + ".html"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("keeptabs.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = format_number
    env.filters["json_script"] = json_script
    return env


def render(template: str, *, linker: Linker, **context: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(href=linker, static=linker.static, csp=CONTENT_SECURITY_POLICY, **context)
    )


def format_number(value: float | int | None) -> str:
    """``8461.0`` -> ``8,461``; ``None`` -> an empty string."""
    number = plain_number(value)
    if number is None:
        return ""
    return f"{number:,}" if isinstance(number, int) else f"{number:,.2f}".rstrip("0").rstrip(".")


def json_script(value: Any) -> Markup:
    """``value`` as JSON safe inside ``<script type="application/json">``: the characters
    that could end the element or open a comment are escaped."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return Markup(text)
