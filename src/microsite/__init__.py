"""Open-government project microsites: YAML records rendered into per-language MkDocs sites."""
