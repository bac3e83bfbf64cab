"""Which heading an in-page anchor lands on, per target, and which one it was meant for."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from urllib.parse import unquote

from paperlint.model import Heading, PaperList
from paperlint.slugs import IdAllocator, plain_text, slugify

__all__ = ["AnchorIndex", "normalize_key"]

_NON_WORD_RE = re.compile(r"[\W_]+")
_ASCII_NON_ALNUM = {code: None for code in range(128) if not chr(code).isalnum()}
# Fuzzy matching compares an anchor only with the notes headings whose letters start the
# same way, and with at most this many of them, so that linting stays linear.
_FUZZY_PREFIX = 8
_FUZZY_LIMIT = 10


def normalize_key(text: str) -> str:
    """Letters and digits only, case-folded: what survives every renderer's slugify."""
    if text.isascii():  # the usual case, twice as fast without the Unicode classes
        return text.lower().translate(_ASCII_NON_ALNUM)
    return _NON_WORD_RE.sub("", text.casefold())


class AnchorIndex:
    """Heading ids of one paper list for a set of targets, with reverse look-ups."""

    def __init__(self, paper_list: PaperList, targets: tuple[str, ...]) -> None:
        self.paper_list = paper_list
        self.targets = targets
        headings = paper_list.headings
        texts = [plain_text(heading.text) for heading in headings]
        self.ids: dict[str, list[str]] = {}
        self._by_id: dict[str, dict[str, int]] = {}
        self.slugs: dict[str, dict[str, str]] = {}
        """Per target, ``slugify`` of each heading text: computed once, reused by fixes."""
        for target in targets:
            cache = self.slugs[target] = {}
            allocator = IdAllocator(target, cache)
            ids = [allocator.allocate(text) for text in texts]
            self.ids[target] = ids
            self._by_id[target] = {id_: index for index, id_ in enumerate(ids)}
        self._counts: dict[str, Counter[str]] = {}
        self._buckets: dict[str, list[int]] | None = None
        self._by_text: dict[str, int] = {}
        self._by_key: dict[str, int] = {}
        known: dict[str, str] = {}  # many headings share a text ("Abstract")
        self._keys = [
            known[text] if text in known else known.setdefault(text, normalize_key(text))
            for text in texts
        ]
        self._intended: dict[str, int | None] = {}
        # Notes headings win over other headings with the same text or key.
        order = [*range(len(headings))]
        notes = {section.heading.index for section in paper_list.notes}
        order.sort(key=lambda index: index not in notes)
        for index in order:
            self._by_text.setdefault(headings[index].text.strip(), index)
            self._by_key.setdefault(self._keys[index], index)

    @staticmethod
    def decode(fragment: str) -> str:
        """The fragment as a browser compares it with ids."""
        return unquote(fragment) if "%" in fragment else fragment

    def resolve(self, fragment: str, target: str) -> Heading | None:
        """The heading a fragment lands on with a target, if any."""
        index = self._by_id[target].get(self.decode(fragment))
        return None if index is None else self.paper_list.headings[index]

    def id_of(self, heading: Heading, target: str) -> str:
        """The id a target gives a heading of this list."""
        return self.ids[target][heading.index]

    def slug(self, text: str, target: str) -> str:
        """``slugify(text, target)``, from the cache when a heading had this text."""
        cache = self.slugs.setdefault(target, {})
        slug = cache.get(text)
        if slug is None:
            slug = cache[text] = slugify(text, target)
        return slug

    def id_counts(self, target: str) -> Counter[str]:
        """How many headings have each id on a target (computed once)."""
        counts = self._counts.get(target)
        if counts is None:
            counts = self._counts[target] = Counter(self.ids[target])
        return counts

    def intended(self, fragment: str) -> Heading | None:
        """The heading an anchor was written for: one it resolves to on some target, else
        the heading whose source text is the anchor, else one with the same letters."""
        # Several rules ask about every anchor of the list: remember the answers.
        try:
            index = self._intended[fragment]
        except KeyError:
            index = self._intended[fragment] = self._find_intended(fragment)
        return None if index is None else self.paper_list.headings[index]

    def _find_intended(self, fragment: str) -> int | None:
        decoded = self.decode(fragment)
        for target in self.targets:
            index = self._by_id[target].get(decoded)
            if index is not None:
                return index
        index = self._by_text.get(decoded)
        if index is None:
            index = self._by_key.get(normalize_key(decoded))
        return index

    def nearest(self, fragment: str) -> Heading | None:
        """The intended heading, or the notes heading whose text is closest to the anchor."""
        heading = self.intended(fragment)
        if heading is not None:
            return heading
        key = normalize_key(self.decode(fragment))
        candidates = self._fuzzy_buckets().get(key[:_FUZZY_PREFIX], [])[:_FUZZY_LIMIT]
        if not candidates:
            return None
        texts = [self._keys[index] for index in candidates]
        close = difflib.get_close_matches(key, texts, n=1, cutoff=0.6)
        return self.paper_list.headings[candidates[texts.index(close[0])]] if close else None

    def _fuzzy_buckets(self) -> dict[str, list[int]]:
        if self._buckets is None:
            buckets: defaultdict[str, list[int]] = defaultdict(list)
            for section in self.paper_list.notes:
                index = section.heading.index
                buckets[self._keys[index][:_FUZZY_PREFIX]].append(index)
            self._buckets = dict(buckets)
        return self._buckets
