"""process(raw) -> Result: the one path through the stages (being written)."""

from keeptabs.types import RawDocument, Result


def process(raw: RawDocument) -> Result:
    raise NotImplementedError("pipeline.process is being written")
