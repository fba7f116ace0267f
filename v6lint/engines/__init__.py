"""Analysis engines: `cst` for Python (libcst rules), `semgrep` for every other language."""
