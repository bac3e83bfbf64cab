"""The rule table: every rule paperlint has, in code order. Retired codes are never reused."""

from __future__ import annotations

from paperlint.rule import Rule
from paperlint.rules import (
    pl101_invalid_date_tag,
    pl102_missing_title,
    pl103_missing_link,
    pl104_empty_code_link,
    pl105_duplicate_paper,
    pl106_unclosed_link,
    pl201_url_trailing_punctuation,
    pl202_url_latex_residue,
    pl203_unsafe_url,
    pl204_invalid_arxiv_link,
    pl205_url_missing_scheme,
    pl206_placeholder_url,
    pl207_http_url,
    pl208_empty_link,
    pl209_star_badge,
    pl301_unresolved_anchor,
    pl302_missing_note,
    pl303_orphan_note,
    pl304_fenced_notes,
    pl401_date_arxiv_mismatch,
    pl402_paper_link_conflict,
    pl403_unsorted_entries,
    pl501_mojibake,
    pl901_unused_suppression,
)

__all__ = ["ALL_RULES", "UnknownRuleError", "find_rule", "select_rules"]

ALL_RULES: tuple[Rule, ...] = (
    pl101_invalid_date_tag.RULE,
    pl102_missing_title.RULE,
    pl103_missing_link.RULE,
    pl104_empty_code_link.RULE,
    pl105_duplicate_paper.RULE,
    pl106_unclosed_link.RULE,
    pl201_url_trailing_punctuation.RULE,
    pl202_url_latex_residue.RULE,
    pl203_unsafe_url.RULE,
    pl204_invalid_arxiv_link.RULE,
    pl205_url_missing_scheme.RULE,
    pl206_placeholder_url.RULE,
    pl207_http_url.RULE,
    pl208_empty_link.RULE,
    pl209_star_badge.RULE,
    pl301_unresolved_anchor.RULE,
    pl302_missing_note.RULE,
    pl303_orphan_note.RULE,
    pl304_fenced_notes.RULE,
    pl401_date_arxiv_mismatch.RULE,
    pl402_paper_link_conflict.RULE,
    pl403_unsorted_entries.RULE,
    pl501_mojibake.RULE,
    pl901_unused_suppression.RULE,
)

_BY_KEY = {key: rule for rule in ALL_RULES for key in (rule.code.upper(), rule.name)}


class UnknownRuleError(ValueError):
    """A selector names no rule."""


def find_rule(key: str) -> Rule:
    """A rule by code (``PL201``, any case) or name (``url-trailing-punctuation``)."""
    rule = _BY_KEY.get(key.strip()) or _BY_KEY.get(key.strip().upper())
    if rule is None:
        raise UnknownRuleError(f'unknown rule "{key}"; "paperlint rules" lists them')
    return rule


def _matching(selector: str, *, everything: bool = False) -> list[Rule]:
    key = selector.strip()
    if key.upper() == "ALL":
        return [rule for rule in ALL_RULES if rule.default or everything]
    if key.upper() in _BY_KEY or key in _BY_KEY:
        return [find_rule(key)]  # named: a rule off by default too
    prefix = key.upper()
    matched = [rule for rule in ALL_RULES if rule.code.startswith(prefix)]
    if len(prefix) >= 3 and prefix.startswith("PL") and matched:
        return [rule for rule in matched if rule.default or everything]
    raise UnknownRuleError(f'unknown rule "{selector}"; "paperlint rules" lists them')


def select_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """The rules that ``select`` names (codes, code prefixes such as ``PL2``, names, ``ALL``)
    minus those ``ignore`` names, in code order. ``ALL`` and prefixes leave out the rules
    that are off by default; a code or a name selects them."""
    chosen = {rule.code for selector in select for rule in _matching(selector)}
    dropped = {rule.code for selector in ignore for rule in _matching(selector, everything=True)}
    return [rule for rule in ALL_RULES if rule.code in chosen - dropped]
