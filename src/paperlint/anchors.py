"""Which heading an in-page anchor lands on, per target, and which one it was meant for."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict

from paperlint import lazy_re
from paperlint.model import Heading, PaperList
from paperlint.slugs import IdAllocator, lower, plain_text, slugify

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint.mojibake import MojibakeRun

__all__ = ["AnchorIndex", "normalize_key"]

_NON_WORD_RE = lazy_re.compile(r"[\W_]+")
_ASCII_NON_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())
# Fuzzy matching compares an anchor only with a few notes headings whose letters start or
# end the same way (see _FuzzyIndex), so that linting stays linear.
_FUZZY_AFFIX = 6
_FUZZY_PER_SIDE = 6
_FUZZY_FULL = 2
_FUZZY_CUTOFF = 0.6


def normalize_key(text: str) -> str:
    """Letters and digits only, case-folded: what survives every renderer's slugify."""
    if text.isascii():  # the usual case, several times faster as bytes
        return text.lower().encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
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
        self._fuzzy: _FuzzyIndex | None = None
        self._fuzzy_all: _FuzzyIndex | None = None
        self._html_ids: set[str] | None = None  # found on first need
        self._github_lower: set[str] | None = None
        self._by_text: dict[str, int] = {}
        self._by_key: dict[str, int] = {}
        known: dict[str, str] = {}  # many headings share a text ("Abstract")
        self._keys = [
            known[text] if text in known else known.setdefault(text, _key(text)) for text in texts
        ]
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
        if "%" not in fragment:
            return fragment
        from urllib.parse import unquote  # here: most lists have no escaped fragment

        return unquote(fragment)

    def resolve(self, fragment: str, target: str) -> Heading | None:
        """The heading a fragment lands on with a target, if any."""
        index = self._by_id[target].get(self.decode(fragment))
        return None if index is None else self.paper_list.headings[index]

    def resolves(self, fragment: str, target: str) -> bool:
        """Whether a fragment lands on some heading, or an HTML ``id``/``name`` anchor, with
        a target. GitHub compares fragments with ids case-insensitively, and takes ``#top``
        to the top of the page when nothing else has that id."""
        decoded = self.decode(fragment)
        if decoded in self._by_id[target]:
            return True
        if self._html_ids is None:
            from paperlint.inline import html_anchor_ids

            document = self.paper_list.document
            self._html_ids = html_anchor_ids(document.text, document.masked)
        if decoded in self._html_ids:
            return True
        if target == "github":
            lowered = lower(decoded)
            if lowered == "top":
                return True
            if self._github_lower is None:
                self._github_lower = {lower(id_) for id_ in self._by_id["github"]}
                self._github_lower.update(lower(id_) for id_ in self._html_ids)
            return lowered in self._github_lower
        return False

    def id_of(self, heading: Heading, target: str) -> str:
        """The id a target gives a heading of this list."""
        return self.ids[target][heading.index]

    def slug(self, text: str, target: str) -> str:
        """``slugify(text, target)``, from the cache when a heading had this text."""
        cache = self.slugs.get(target)
        if cache is None:
            cache = self.slugs[target] = {}
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
        index = self._find_intended(fragment)
        return None if index is None else self.paper_list.headings[index]

    def _find_intended(self, fragment: str) -> int | None:
        decoded = self.decode(fragment)
        for target in self.targets:
            index = self._by_id[target].get(decoded)
            if index is not None:
                return index
        index = self._by_text.get(decoded)
        if index is None:
            # Read through mojibake as heading keys are ("hoâ€”rizon" names "horizon").
            index = self._by_key.get(_key(decoded))
        return index

    def nearest(self, fragment: str, *, any_heading: bool = False) -> Heading | None:
        """The intended heading, or the notes heading (with ``any_heading``, any heading)
        spelled most like the anchor (a ``difflib`` ratio of at least 0.6), if any."""
        heading = self.intended(fragment)
        if heading is not None:
            return heading
        fuzzy = self._fuzzy_all if any_heading else self._fuzzy
        if fuzzy is None:
            if any_heading:
                indexes = list(range(len(self.paper_list.headings)))
                fuzzy = self._fuzzy_all = _FuzzyIndex(self._keys, indexes)
            else:
                indexes = [section.heading.index for section in self.paper_list.notes]
                fuzzy = self._fuzzy = _FuzzyIndex(self._keys, indexes)
        key = _key(self.decode(fragment))
        import difflib  # only where an anchor fails: not at every start-up (7 ms)

        matcher = difflib.SequenceMatcher(None, b=key)
        scored: list[tuple[float, int]] = []
        for index in fuzzy.candidates(key):
            matcher.set_seq1(self._keys[index])
            if matcher.real_quick_ratio() >= _FUZZY_CUTOFF:
                quick = matcher.quick_ratio()
                if quick >= _FUZZY_CUTOFF:
                    scored.append((-quick, index))
        # The full ratio is the costly part: only for the few most promising candidates.
        best: tuple[float, int] | None = None
        for _, index in sorted(scored)[:_FUZZY_FULL]:
            matcher.set_seq1(self._keys[index])
            ranked = (-matcher.ratio(), index)
            if -ranked[0] >= _FUZZY_CUTOFF and (best is None or ranked < best):
                best = ranked
        return None if best is None else self.paper_list.headings[best[1]]


def _key(text: str) -> str:
    """The key (``normalize_key``) of a heading's or an anchor's text, read as the mojibake
    rule's fix leaves it: a heading or anchor garbled by a wrong code page still names the
    same heading, so it is found (exactly or as the nearest) and fixed in the same pass as
    the mojibake, rather than revealed by that repair on a second pass."""
    if not text.isascii():
        repaired = _repaired(text)
        if repaired is not None:
            return normalize_key(repaired)
    return normalize_key(text)


def _repaired(text: str) -> str | None:
    """The text as the mojibake rule's fix leaves it (every run that repairs, repaired),
    when it has such a run."""
    from paperlint.mojibake import find_mojibake

    runs = find_mojibake(text)
    if any(run.repaired is not None for run in runs):
        return "".join(_repaired_pieces(text, runs))
    return None


def _repaired_pieces(text: str, runs: list[MojibakeRun]) -> list[str]:
    pieces: list[str] = []
    position = 0
    for run in runs:
        pieces.append(text[position : run.start])
        pieces.append(run.repaired or text[run.start : run.end])
        position = run.end
    pieces.append(text[position:])
    return pieces


class _FuzzyIndex:
    """Candidates for an anchor that matches no heading: notes headings whose key starts or
    ends like the anchor's, the closest in length first. A look-up costs the same in a list
    of any size (an edited or mistyped anchor usually keeps its first or last letters)."""

    def __init__(self, keys: list[str], indexes: list[int]) -> None:
        """``keys`` of all headings; ``indexes`` of those to search (the notes headings)."""
        self._keys = keys
        self._by_prefix: defaultdict[str, list[int]] = defaultdict(list)
        self._by_suffix: defaultdict[str, list[int]] = defaultdict(list)
        for index in indexes:
            key = keys[index]
            if key:
                self._by_prefix[key[:_FUZZY_AFFIX]].append(index)
                self._by_suffix[key[-_FUZZY_AFFIX:]].append(index)
        for buckets in (self._by_prefix, self._by_suffix):
            for bucket in buckets.values():
                bucket.sort(key=self._length)

    def _length(self, index: int) -> int:
        return len(self._keys[index])

    def candidates(self, key: str) -> list[int]:
        if not key:
            return []
        found: dict[int, None] = {}
        for buckets, affix in (
            (self._by_prefix, key[:_FUZZY_AFFIX]),
            (self._by_suffix, key[-_FUZZY_AFFIX:]),
        ):
            bucket = buckets.get(affix)
            if bucket:
                found.update(dict.fromkeys(self._closest_in_length(bucket, len(key))))
        return list(found)

    def _closest_in_length(self, bucket: list[int], length: int) -> list[int]:
        """Up to ``_FUZZY_PER_SIDE`` headings of a bucket, the nearest in length first."""
        after = bisect_left(bucket, length, key=self._length)
        before = after - 1
        chosen: list[int] = []
        while len(chosen) < _FUZZY_PER_SIDE and (before >= 0 or after < len(bucket)):
            if after >= len(bucket) or (
                before >= 0
                and length - self._length(bucket[before]) <= self._length(bucket[after]) - length
            ):
                chosen.append(bucket[before])
                before -= 1
            else:
                chosen.append(bucket[after])
                after += 1
        return chosen
