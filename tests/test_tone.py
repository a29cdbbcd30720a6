"""Tone on GDELT's AvgTone scale from VADER's word list."""

from __future__ import annotations

import pytest

from dateline.tone import ToneScore, tone, tone_score


def test_tone_counts_positive_minus_negative_words_in_percent() -> None:
    # 6 words: "failed" and "collapsed" are negative, nothing positive
    assert tone("Talks failed and the ceasefire collapsed.") == pytest.approx(-200 / 6)
    score = tone_score("The ministers agreed on a good plan.")
    assert score.words == 7 and score.positive == pytest.approx(200 / 7)
    assert score.negative == 0 and score.tone == pytest.approx(score.positive)
    assert score.polarity == pytest.approx(score.positive + score.negative)


def test_empty_and_neutral_text_have_zero_tone() -> None:
    assert tone("") == 0.0 and tone(None) == 0.0
    assert tone_score("   ") == ToneScore(0.0, 0.0, 0.0, 0.0, 0)
    assert tone("The committee met in the building on Tuesday.") == 0.0


def test_negation_turns_a_word_to_the_other_side() -> None:
    assert tone("The envoys agreed.") > 0
    assert tone("The envoys did not agree.") < 0
    assert tone("The envoys didn’t agree.") < 0  # typographic apostrophe


def test_tone_stays_on_the_gdelt_scale() -> None:
    assert tone("good great wonderful") == pytest.approx(100.0)
    assert tone("war death disaster") == pytest.approx(-100.0)
    body = (
        "Rescue teams pulled survivors from the rubble after the earthquake killed dozens. "
        "Neighbours brought food and blankets, and volunteers praised the quick help."
    )
    assert -100 < tone(body) < 100
