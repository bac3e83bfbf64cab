"""A small Sphinx project for paperlist's tests: one reStructuredText page and one MyST page,
each rendering the list in lists/ (copied there by the tests)."""

project = "paperlist test"
extensions = ["myst_parser", "mkdocs_paperlist.sphinx"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "lists/*", "README.md"]
html_theme = "alabaster"
paperlist_targets = ["github"]
