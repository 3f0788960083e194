"""The app's state: where the ledger comes from, the view of it, and a cache of answers.

The view is built on the first request (or at start-up) and rebuilt after a write; the
answers to GET requests are cached by their full URL until then, since the same ledger
always renders to the same bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from keeptabs.store.base import Store, open_store
from keeptabs.web.view import LedgerView, load_view

CACHE_ENTRIES = 2048  # cached answers: every list page, facet and document of a large ledger
MAX_CACHED_BYTES = 2_000_000  # bigger answers (whole-list downloads) are made anew: memory


@dataclass(frozen=True, slots=True)
class Answer:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class AppState:
    db_url: str | None
    token: str | None = None
    _view: LedgerView | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _answers: OrderedDict[str, Answer] = field(default_factory=OrderedDict)
    _generation: int = 0  # writes so far: an answer rendered before a write is not kept

    def view(self) -> LedgerView:
        view = self._view
        if view is None:
            with self._lock:
                view = self._view
                if view is None:
                    with open_store(self.db_url) as store:
                        view = self._view = load_view(store)
        return view

    def write(self, action: Callable[[Store], object]) -> object:
        """Run ``action`` on the store, then forget the view and every cached answer."""
        with self._lock:
            with open_store(self.db_url) as store:
                result = action(store)
            self._view = None
            self._answers.clear()
            self._generation += 1
        return result

    @property
    def generation(self) -> int:
        return self._generation

    def answer(self, key: str) -> Answer | None:
        return self._answers.get(key)

    def keep(self, key: str, answer: Answer, generation: int) -> None:
        """Cache ``answer``, unless a write came after it was started (``generation``)."""
        if len(answer.body) > MAX_CACHED_BYTES:
            return
        with self._lock:
            if generation == self._generation:
                self._answers[key] = answer
                if len(self._answers) > CACHE_ENTRIES:
                    self._answers.popitem(last=False)

    def cached(self, key: str, make: Callable[[], Answer]) -> Answer:
        answer = self._answers.get(key)
        if answer is None:
            generation = self._generation
            answer = make()
            self.keep(key, answer, generation)
        return answer


def app_state(request: Request) -> AppState:
    """The state of the app that answers ``request``."""
    state: Any = request.app.state.keeptabs
    assert isinstance(state, AppState)
    return state
