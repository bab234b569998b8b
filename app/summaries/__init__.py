"""Voice summaries for the board: what young people said, what was done and what is late."""
