"""Configuration files: ``[tool.paperlint]`` in pyproject.toml, paperlint.toml, .paperlint.toml.

The nearest configuration above a file applies to it (in one folder, ``.paperlint.toml``
wins over ``paperlint.toml``, which wins over a ``pyproject.toml`` with a
``[tool.paperlint]`` table). ``--config PATH`` names one for every file. Validation uses
pydantic, imported only when a configuration file is found.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping

from paperlint.files import normalized
from paperlint.record import NamedTuple
from paperlint.rule import Severity
from paperlint.rules import UnknownRuleError, find_rule, select_rules
from paperlint.settings import EMPTY_MAPPING, Settings

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    StrPath: TypeAlias = str | os.PathLike[str]

__all__ = ["ConfigError", "ConfigFinder", "Configuration", "load_config"]

CONFIG_NAMES = (".paperlint.toml", "paperlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file is unreadable or invalid; the message is one line."""


class Configuration(NamedTuple):
    """A validated configuration and the folder its relative globs start from.

    Paths are strings, read with ``os.path``: a check without a configuration file does not
    import pathlib (with urllib.parse and ipaddress, which it imports: 2 ms of 40)."""

    root: str
    source: str
    """The file it was read from, or ``<defaults>``."""
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    targets: tuple[str, ...] = ("github",)
    severities: Mapping[str, Severity] = EMPTY_MAPPING
    per_file_ignores: Mapping[str, tuple[str, ...]] = EMPTY_MAPPING
    exclude: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = EMPTY_MAPPING
    show_info: bool = False
    """Whether text and GitHub output show info findings; read for the whole run from the
    configuration of the current folder (or ``--config``), as it is about the report."""
    format: str = "auto"
    per_file_format: Mapping[str, str] = EMPTY_MAPPING
    """List formats by glob; the last pattern that matches a file wins over ``format``."""
    labels: Mapping[str, str] = EMPTY_MAPPING
    columns: Mapping[str, str] = EMPTY_MAPPING

    def is_excluded(self, path: StrPath) -> bool:
        if not self.exclude:  # without resolving the paths
            return False
        relative = _relative(path, self.root)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def settings_for(
        self,
        path: StrPath | None,
        *,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        targets: tuple[str, ...] = (),
    ) -> Settings:
        """The settings for one file, command-line options applied on top."""
        # A selection on the command line replaces the configuration's, extensions included.
        chosen = (select or self.select + self.extend_select) + extend_select
        ignored = self.ignore + ignore
        format_name = self.format
        if path is not None and (self.per_file_ignores or self.per_file_format):
            relative = _relative(path, self.root)
            for pattern, rules in self.per_file_ignores.items():
                if _glob_match(relative, pattern):
                    ignored += rules
            for pattern, name in self.per_file_format.items():
                if _glob_match(relative, pattern):
                    format_name = name
        return Settings(
            targets=targets or self.targets,
            select=chosen,
            ignore=ignored,
            severities=self.severities,
            options=self.options,
            format=format_name,
            labels=self.labels,
            columns=self.columns,
            filename=os.path.basename(normalized(os.fspath(path))) if path is not None else "",
        )

    def describe(self) -> dict[str, Any]:
        """The effective configuration, for ``paperlint config``."""
        return {
            "source": self.source,
            "select": list(self.select),
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "target": list(self.targets),
            "severity": {code: level.value for code, level in self.severities.items()},
            "per-file-ignores": {k: list(v) for k, v in self.per_file_ignores.items()},
            "exclude": list(self.exclude),
            "rules": {name: dict(values) for name, values in self.options.items()},
            "show-info": self.show_info,
            "format": self.format,
            "per-file-format": dict(self.per_file_format),
            "labels": dict(self.labels),
            "columns": dict(self.columns),
            "enabled-rules": [
                rule.code for rule in select_rules(self.select + self.extend_select, self.ignore)
            ],
        }


def _relative(path: StrPath, root: StrPath) -> str:
    """The path from ``root`` to ``path``, both resolved, with ``/``; the path as written
    (normalised) when it is not below the root."""
    real, base = _resolve(path), _resolve(root)
    if real == base:
        return "."
    below = base.rstrip("/") + "/"
    return real[len(below) :] if real.startswith(below) else normalized(os.fspath(path))


def _resolve(path: StrPath) -> str:
    """The real path; for a symbolic link loop, which reading reports, the absolute one."""
    real = os.path.realpath(path)
    try:
        os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return os.path.abspath(path)
    return real


def _glob_match(relative: str, pattern: str) -> bool:
    """Gitignore-like: a pattern without ``/`` matches a file name at any depth."""
    import fnmatch  # here: only configurations with patterns use it

    if "/" not in pattern.rstrip("/"):
        return any(fnmatch.fnmatchcase(part, pattern.rstrip("/")) for part in relative.split("/"))
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
        relative, pattern.rstrip("/") + "/*"
    )


def _pattern_problem(pattern: str) -> str | None:
    """Why fnmatch would not read a pattern as written, if it would not: it silently takes
    an unclosed ``[`` as a literal character, so ``[`` would match only a file named so."""
    if not pattern.strip("/"):
        return "it names no file"
    index = 0
    while index < len(pattern):
        if pattern[index] != "[":
            index += 1
            continue
        start = index + 1
        start += pattern.startswith("!", start)
        start += pattern.startswith("]", start)  # a "]" first in a set is one of its characters
        close = pattern.find("]", start)
        if close < 0:
            return f'the "[" at character {index + 1} is not closed by "]"'
        index = close + 1
    return None


def _read_table(path: StrPath, *, found: bool = False) -> dict[str, Any] | None:
    """The configuration table of a file: the whole file, or a pyproject.toml's
    ``[tool.paperlint]`` (None when it has none). ``found``: the file was met while looking
    for a configuration, so a pyproject.toml that cannot hold the table is passed over
    without reading it as TOML, even when it is invalid: it is another tool's file."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from None
    pyproject = os.path.basename(path) == "pyproject.toml"
    if found and pyproject and not _may_name_paperlint(text):
        return None  # tomllib's import and parse: 9 ms of a 43 ms check on a small list
    import tomllib  # here: a run without a configuration file saves its import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    if not pyproject:
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table, not {_toml_kind(tool)}")
    table = tool.get("paperlint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.paperlint] must be a table, not {_toml_kind(table)}")
    return table


def _may_name_paperlint(text: str) -> bool:
    """Whether a TOML text can have a ``paperlint`` key: it spells the name, or it has a
    Unicode escape (``"paper\\u006cint"``, the only other way a key can say it)."""
    return "paperlint" in text or "\\u" in text or "\\U" in text


def _toml_kind(value: object) -> str:
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "a boolean"),  # before int, which bool is a kind of
        (int, "an integer"),
        (float, "a float"),
        (str, "a string"),
        (list, "an array"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "a date or time")


def load_config(path: StrPath) -> Configuration:
    """Read and validate one configuration file."""
    return _configuration(_read_table(path), path)


def _configuration(table: dict[str, Any] | None, path: StrPath) -> Configuration:
    if table is None:
        return Configuration(root=_parent(path), source=str(path))
    return _validate(table, path)


def _parent(path: StrPath) -> str:
    return os.path.dirname(normalized(os.fspath(path))) or "."


def _validate(table: dict[str, Any], path: StrPath) -> Configuration:
    from pydantic import ValidationError

    from paperlint._config_schema import ConfigModel

    section = "[tool.paperlint]" if os.path.basename(path) == "pyproject.toml" else "configuration"
    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ConfigError(f'{path}: {section} key "{where}": {error["msg"]}') from None
    try:
        for selector in (*model.select, *model.extend_select, *model.ignore):
            select_rules((selector,), ())
        for rules in model.per_file_ignores.values():
            for selector in rules:
                select_rules((selector,), ())
        severities = {find_rule(key).code: Severity(value) for key, value in model.severity.items()}
        options: dict[str, dict[str, Any]] = {}
        for key, values in model.rules.items():
            rule = find_rule(key)
            options[rule.name] = _rule_options(rule.name, values, path)
    except UnknownRuleError as exc:
        raise ConfigError(f"{path}: {section}: {exc}") from None
    from paperlint.formats import FORMAT_NAMES

    formats = [("format", model.format)]
    formats += [(f"per-file-format.{glob}", name) for glob, name in model.per_file_format.items()]
    for where, name in formats:
        if name not in FORMAT_NAMES:
            known = ", ".join(FORMAT_NAMES)
            unknown = f'unknown list format "{name}"; choose from {known}'
            raise ConfigError(f'{path}: {section} key "{where}": {unknown}')
    patterns = [(f"exclude.{i}", pattern) for i, pattern in enumerate(model.exclude)]
    patterns += [(f"per-file-ignores.{pattern}", pattern) for pattern in model.per_file_ignores]
    patterns += [(f"per-file-format.{pattern}", pattern) for pattern in model.per_file_format]
    for where, pattern in patterns:
        problem = _pattern_problem(pattern)
        if problem is not None:
            raise ConfigError(
                f'{path}: {section} key "{where}": invalid pattern "{pattern}": {problem}'
            )
    return Configuration(
        root=_parent(path),
        source=str(path),
        select=tuple(model.select) or ("ALL",),
        extend_select=tuple(model.extend_select),
        ignore=tuple(model.ignore),
        targets=tuple(dict.fromkeys(model.target)) or ("github",),
        severities=severities,
        per_file_ignores={k: tuple(v) for k, v in model.per_file_ignores.items()},
        exclude=tuple(model.exclude),
        options=options,
        show_info=model.show_info,
        format=model.format,
        per_file_format=dict(model.per_file_format),
        labels={label.strip().lower(): role for label, role in model.labels.items()},
        columns={name.strip().lower(): held for name, held in model.columns.items()},
    )


def _rule_options(name: str, values: dict[str, Any], path: StrPath) -> dict[str, Any]:
    from pydantic import ValidationError

    from paperlint._config_schema import RULE_OPTIONS

    schema = RULE_OPTIONS.get(name)
    if schema is None:
        raise ConfigError(f'{path}: rule "{name}" has no options')
    try:
        return schema.model_validate(values).model_dump(by_alias=True)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ConfigError(f'{path}: key "rules.{name}.{where}": {error["msg"]}') from None


class ConfigFinder:
    """Finds the configuration of each file by walking up from its folder, with a cache."""

    def __init__(self, explicit: StrPath | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._cache: dict[str, Configuration] = {}
        self.default = Configuration(root=os.getcwd(), source="<defaults>")

    def for_path(self, path: StrPath | None) -> Configuration:
        if self._explicit is not None:
            return self._explicit
        folder = _resolve(_parent(path) if path is not None else os.getcwd())
        return self._find(folder)

    def _find(self, folder: str) -> Configuration:
        cached = self._cache.get(folder)
        if cached is not None:
            return cached
        found: Configuration | None = None
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                table = _read_table(candidate, found=True)
                if table is None and name == "pyproject.toml":
                    continue  # no [tool.paperlint]: not a configuration
                found = _configuration(table, candidate)
                break
        if found is None:
            parent = os.path.dirname(folder)
            found = self.default if parent == folder else self._find(parent)
        self._cache[folder] = found
        return found
