"""process(raw) -> Result: the one path through the stages (filled in below)."""
