"""Vocabularies are data: users extend them with files of the same name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from keeptabs.errors import ConfigError
from keeptabs.extract.vocab import DATA_PATH_VARIABLE, load_data, period_patterns


def test_vocab_user_files_extend_the_bundled_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {"organisations": {"Norrow Town Council": ["town council", "Mayor Petra Hallan"]}}
    (tmp_path / "actors.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    data = load_data("actors.json")
    assert data["organisations"]["Norrow Town Council"] == ["town council", "Mayor Petra Hallan"]
    assert "Syrian Observatory for Human Rights" in data["organisations"]


def test_vocab_lists_are_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "places.json").write_text(json.dumps({"places": ["Norrow"]}), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    places = load_data("places.json")["places"]
    assert places[-1] == "Norrow" and "Sheikh Maksoud" in places


def test_vocab_bad_user_file_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "actors.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    with pytest.raises(ConfigError, match=r"actors\.json'.*Fix the JSON in it\."):
        load_data("actors.json")


def test_vocab_period_patterns_as_strings_or_with_required_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {
        "patterns": [
            r"(?P<period>during the curfew)",
            {"regex": r"(?P<period>since the flood)", "requires": ["flood"]},
        ]
    }
    (tmp_path / "periods.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    period_patterns.cache_clear()
    try:
        patterns = period_patterns()
        curfew, flood = patterns[-2:]
        assert curfew.may_match("anything at all") and curfew.requires == ()
        assert flood.may_match("homes lost since the flood") and not flood.may_match("no rain")
        assert any(p.requires == ("overnight",) for p in patterns)  # the bundled ones
    finally:
        period_patterns.cache_clear()


def test_vocab_period_pattern_requires_lower_case_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {"patterns": [{"regex": r"(?P<period>since the Flood)", "requires": ["Flood"]}]}
    (tmp_path / "periods.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    period_patterns.cache_clear()
    try:
        with pytest.raises(ConfigError, match="lower-case words"):
            period_patterns()
    finally:
        period_patterns.cache_clear()
