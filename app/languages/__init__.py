"""Languages: the catalogues young people's pages are translated with, the council's review
and switch, each visitor's choice, and the English summaries staff write beside the original."""
