"""Ask the rule, never restate it: views and templates compare no status, role or outcome.

Who may do what in which state lives beside the transition tables (``awards/workflow``) and in
the permission predicates (``*/permissions.py``); views and templates ask them. This test reads
every view module and template and fails on a comparison that restates such a rule, so that a
new one cannot slip in unnoticed.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = {"status", "role", "roles", "outcome", "state"}
ENUM_SUFFIXES = ("Status", "Role", "Outcome")
_TAG = re.compile(r"{%\s*(?:if|elif)\s(.*?)%}", re.S)
_OPERATOR = re.compile(r"\s(?:==|!=|not in|in)\s")
_OPERAND_WORD = re.compile(r"(?:^|\.)(" + "|".join(sorted(WORDS)) + r")$")


def _view_modules() -> list[Path]:
    found = []
    for path in ROOT.glob("*/views.py"):
        found.append(path)
    for path in ROOT.glob("*/views/*.py"):
        found.append(path)
    return sorted(p for p in found if ".venv" not in p.parts)


def _names_a_rule(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        if node.attr in WORDS:
            return True
        value = node.value
        return isinstance(value, ast.Name) and value.id.endswith(ENUM_SUFFIXES)
    return isinstance(node, ast.Name) and node.id in WORDS


def _python_comparisons(text: str) -> list[tuple[int, str]]:
    return [
        (node.lineno, ast.unparse(node))
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Compare)
        and any(_names_a_rule(side) for side in [node.left, *node.comparators])
    ]


def _template_comparisons(text: str) -> list[tuple[int, str]]:
    found = []
    for match in _TAG.finditer(text):
        for part in re.split(r"\s(?:and|or)\s", match.group(1)):
            sides = _OPERATOR.split(f" {part.strip()} ")
            if len(sides) >= 2 and any(
                _OPERAND_WORD.search(side.strip().removeprefix("not ")) for side in sides
            ):
                found.append((text.count("\n", 0, match.start()) + 1, part.strip()))
    return found


def _found(paths, scan) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {snippet}"
        for path in paths
        for line, snippet in scan(path.read_text())
    ]


def test_views_compare_no_status_role_or_outcome():
    found = _found(_view_modules(), _python_comparisons)
    assert not found, "ask a predicate or the workflow instead:\n" + "\n".join(found)


def test_templates_compare_no_status_role_or_outcome():
    found = _found(sorted((ROOT / "templates").rglob("*.html")), _template_comparisons)
    assert not found, "ask a predicate or a property instead:\n" + "\n".join(found)


def test_the_check_finds_a_restated_rule():
    """The scanners are not blind: each finds a comparison written the way a bug would be."""
    view = (
        "def v(application, user):\n"
        "    if application.status == 'draft':\n"
        "        return 1\n"
        "    if ApplicationStatus.SUBMITTED != application.status:\n"
        "        return 2\n"
    )
    template = (
        '{% if application.status == "draft" %}x{% endif %}'
        '{% if user.is_authenticated and "coordinator" in roles %}y{% endif %}'
        "{% if kind == 'file' %}fine{% endif %}"
    )
    found_python = _python_comparisons(view)
    found_template = _template_comparisons(template)
    assert len(found_python) == 2, found_python
    assert len(found_template) == 2, found_template
