r"""Two entries with different titles link the same paper: one links the wrong paper

## What it does
Finds entries whose paper link names the same paper as an earlier entry's (the same arXiv
id in any version, or the same URL of a PDF or of a publisher's paper page: DOI,
OpenReview, ACL Anthology, CVF, NeurIPS, PMLR, ACM, IEEE) while their titles name
different papers (not the same words, not one the other's shortening, not the same
leading acronym). The later entry is reported, with the title and line of the first.
Anywhere in the file, across sections too.

## Why is this bad?
One of the two entries sends readers to another paper: an id copied from the entry above,
a search result pasted into the wrong entry (`FitVid` tagged `[arXiv 2021]` linking the
2024 Sora survey's id, two reports linking one PDF). Nothing else shows it: both links work.

## Example
```markdown
- [2024/03] **Sora: A Review on Background, Technology, Limitations, and Opportunities**
  [[Paper](https://arxiv.org/abs/2402.17177)]
- [2021/06] **FitVid: Overfitting in Pixel-Level Video Prediction**
  [[Paper](https://arxiv.org/abs/2402.17177)]
```
Use instead:
```markdown
- [2021/06] **FitVid: Overfitting in Pixel-Level Video Prediction**
  [[Paper](https://arxiv.org/abs/2106.13195)]
```

## Fix safety
Not fixable: the right link has to be looked up.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.escape import unescape
from paperlint.model import Entry, LinkKind
from paperlint.rule import Finding, Fixability, Rule, Severity, excerpt
from paperlint.titles import same_paper

# A URL that names one paper, not a site: a PDF, or a publisher's page of a paper.
_PAPER_URL_RE = lazy_re.compile(
    r"(?i)^\s*(?:https?://)?(?:www\.)?"
    r"((?:[^\s?#]+\.pdf)|(?:(?:dx\.)?doi\.org|openreview\.net|aclanthology\.org|aclweb\.org"
    r"|openaccess\.thecvf\.com|proceedings\.neurips\.cc|papers\.nips\.cc|proceedings\.mlr\.press"
    r"|dl\.acm\.org|ieeexplore\.ieee\.org)/[^\s#]+?)/?\s*$"
)


def check(context: Context) -> Iterator[Finding]:
    first_of: dict[str, list[tuple[int, str]]] = {}  # paper -> (line, title) of each seen
    document = context.document
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        if entry.title is None:
            continue
        title = unescape(entry.title.text)
        if not title:
            continue
        if arxiv is not None and arxiv.id is not None:
            key, shown = f"arXiv:{arxiv.id.id}", f"arXiv id {arxiv.id.id}"
        else:
            url = _paper_url(entry)
            if url is None:
                continue
            key, shown = url.lower(), f'paper URL "{excerpt(url, 50)}"'
        line = document.line_of(entry.span.start)
        papers = first_of.setdefault(key, [])
        if any(same_paper(title, seen) for _, seen in papers):
            continue
        if papers:
            seen_line, seen_title = papers[0]
            message = (
                f'{shown} is also the link of "{excerpt(seen_title, 50)}" on line {seen_line}: '
                "one of them links the wrong paper"
            )
            yield Finding(entry.title.span, message)
        papers.append((line, title))


def _paper_url(entry: Entry) -> str | None:
    """The URL of the entry's paper link where it names one paper, without its scheme."""
    for link in entry.links:
        if link.kind is LinkKind.PAPER:
            match = _PAPER_URL_RE.match(link.url)
            return match.group(1) if match else None
    return None


RULE = Rule.from_module(
    __doc__,
    code="PL402",
    name="paper-link-conflict",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
