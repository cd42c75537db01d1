"""The layout's written rules, checked by parsing every module's imports.

Apps depend on the apps below them, never above: a newcomer can read the tree from the bottom
up. The order (lowest first):

    core  <-  audit, notifications  <-  accounts  <-  criteria  <-  cms  <-  organisations
        <-  awards  <-  panels  <-  reporting  <-  privacy  <-  demo

``core`` imports no app. The *surface* of each app (views, URLs, navigation entries,
template tags, management commands and Wagtail hooks) is the top layer: it may use any app,
and nothing but another surface module may import it. ``config`` (settings, URLs) sits above
everything.

Imports of the project's own modules go at the top of a module; the few that may not are
listed in ``INLINE_IMPORTS`` with the reason.
"""

import ast
import pathlib

from django.utils.module_loading import import_string

from awards.workflow import AWARD_TRANSITIONS, TRANSITIONS, PanelRule

ROOT = pathlib.Path(__file__).resolve().parent.parent
ORDER = [
    "core",
    "audit",
    "notifications",
    "accounts",
    "criteria",
    "cms",
    "organisations",
    "awards",
    "panels",
    "reporting",
    "privacy",
    "demo",
]
# Each app's rung: an app imports only apps on lower rungs (audit and notifications share one,
# so neither imports the other).
RUNG = {app: index for index, app in enumerate(ORDER)}
RUNG["notifications"] = RUNG["audit"]
FIRST_PARTY = {*ORDER, "config", "tests", "bench"}
SURFACE_PARTS = {"views", "templatetags", "commands"}
SURFACE_FILES = {"views.py", "urls.py", "navigation.py", "wagtail_hooks.py", "admin_views.py"}

# Inline imports of project code that must stay inline, and why.
INLINE_IMPORTS = {
    # An app's ready() connects its signal receivers: the registry must be ready first.
    ("accounts/apps.py", "accounts.middleware"),
    ("cms/apps.py", "cms"),
    ("organisations/apps.py", "organisations"),
}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in ORDER + ["config"] or "migrations" in relative.parts:
            continue
        yield relative, ast.parse(path.read_text())


def _is_surface(relative: pathlib.PurePath) -> bool:
    return (
        relative.parts[0] in {"demo", "config"}
        or bool(SURFACE_PARTS & set(relative.parts[:-1]))
        or relative.name in SURFACE_FILES
    )


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            yield node, node.module, names
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, [alias.name]


def _module_is_surface(dotted: str) -> bool:
    path = ROOT / (dotted.replace(".", "/") + ".py")
    if not path.exists():
        path = ROOT / dotted.replace(".", "/") / "__init__.py"
    return path.exists() and _is_surface(path.relative_to(ROOT))


def test_apps_import_only_the_apps_below_them():
    upward = []
    for relative, tree in _modules():
        app = relative.parts[0]
        if _is_surface(relative):
            continue
        for node, module, _names in _imports(tree):
            target = module.split(".")[0]
            if target not in FIRST_PARTY or target == app:
                continue
            if target in {"config", "tests", "bench"} or RUNG[target] >= RUNG[app]:
                upward.append(f"{relative}:{node.lineno} imports {module}")
    assert upward == []


def test_nothing_below_the_surface_imports_the_surface():
    reaching_up = []
    for relative, tree in _modules():
        if _is_surface(relative):
            continue
        for node, _module, names in _imports(tree):
            if any(
                name.split(".")[0] in FIRST_PARTY and _module_is_surface(name) for name in names
            ):
                reaching_up.append(f"{relative}:{node.lineno} imports {names[0]}")
    assert reaching_up == []


def test_core_imports_no_app():
    found = [
        f"{relative}:{node.lineno} {module}"
        for relative, tree in _modules()
        if relative.parts[0] == "core"
        for node, module, _names in _imports(tree)
        if module.split(".")[0] in FIRST_PARTY - {"core"}
    ]
    assert found == []


def test_project_code_is_imported_at_the_top_of_modules():
    inline = set()
    for relative, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                    if inner.module.split(".")[0] in FIRST_PARTY:
                        inline.add((str(relative), inner.module))
                elif isinstance(inner, ast.Import):
                    for alias in inner.names:
                        if alias.name.split(".")[0] in FIRST_PARTY:
                            inline.add((str(relative), alias.name))
    assert inline - INLINE_IMPORTS == set()


def test_the_transition_tables_name_rules_that_exist():
    named = [
        row.who for row in (*TRANSITIONS, *AWARD_TRANSITIONS) if isinstance(row.who, PanelRule)
    ]

    assert named != []
    assert all(callable(import_string(rule.path)) for rule in named)
    assert {rule.path.split(".")[0] for rule in named} == {"panels"}
