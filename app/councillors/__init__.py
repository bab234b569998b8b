"""The link-champion councillor's view: my themes, read marks, notes, the board list, digest."""
