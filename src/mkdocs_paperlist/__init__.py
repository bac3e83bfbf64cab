"""mkdocs_paperlist: render paper lists parsed by paperlint as web pages."""
