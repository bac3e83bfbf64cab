"""The pydantic models that validate configuration tables (imported only when one is read)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["RULE_OPTIONS", "ConfigModel"]

Target = Literal["github", "mkdocs", "pymdownx"]
Level = Literal["error", "warning", "info"]
Role = Literal["paper", "code", "project", "notes", "data", "video", "other"]
Column = Literal[
    "title", "date", "venue", "authors", "notes", "paper", "links", "code", "project", "video",
    "data", "other",
]  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)


class ConfigModel(_Strict):
    """``[tool.paperlint]``, ``paperlint.toml`` or ``.paperlint.toml``."""

    select: list[str] = []
    extend_select: list[str] = Field([], alias="extend-select")
    ignore: list[str] = []
    target: list[Target] = []
    severity: dict[str, Level] = {}
    per_file_ignores: dict[str, list[str]] = Field({}, alias="per-file-ignores")
    exclude: list[str] = []
    rules: dict[str, dict[str, object]] = {}
    show_info: bool = Field(False, alias="show-info")
    format: str = "auto"
    per_file_format: dict[str, str] = Field({}, alias="per-file-format")
    labels: dict[str, Role] = {}
    columns: dict[str, Column] = {}


class MissingLinkOptions(_Strict):
    labels: list[Literal["Paper", "Code/Page", "TLDR/Notes"]] | None = None
    """The labels every entry must carry; by default, read from the list itself."""


class DateTagOptions(_Strict):
    style: Literal["auto", "YY/MM", "YYYY/MM"] = "auto"
    """The tag style entries must use; ``auto`` follows the majority of the list."""


class DuplicatePaperOptions(_Strict):
    across_sections: bool = Field(False, alias="across-sections")
    """Report a paper listed again under another heading too."""


class UnsortedEntriesOptions(_Strict):
    order: Literal["auto", "newest-first", "oldest-first"] = "auto"
    """The order entries must follow; ``auto`` follows the list's majority."""


RULE_OPTIONS: dict[str, type[_Strict]] = {
    "unsorted-entries": UnsortedEntriesOptions,
    "duplicate-paper": DuplicatePaperOptions,
    "missing-link": MissingLinkOptions,
    "invalid-date-tag": DateTagOptions,
}
