"""The sentence splitter: where a full stop ends a sentence and where it does not."""

from __future__ import annotations

import pytest

from geo.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A German ordinal after an article or preposition is no sentence end.
        (
            "Soldaten des 43. Marineinfanteriebataillons trafen in Gao ein. Danach zogen sie ab.",
            ["Soldaten des 43. Marineinfanteriebataillons trafen in Gao ein.", "Danach zogen sie ab."],
        ),
        ("Es war bereits das 2. Mal. Die Truppen blieben.", ["Es war bereits das 2. Mal.", "Die Truppen blieben."]),
        ("Sie kamen am 3. Mai nach Niamey.", ["Sie kamen am 3. Mai nach Niamey."]),
        # A number that ends a sentence still ends it.
        ("Im Jahr 2013 waren es 300. Danach kamen mehr.", ["Im Jahr 2013 waren es 300.", "Danach kamen mehr."]),
        ("The deadline is December 31. Russian troops stay.", ["The deadline is December 31.", "Russian troops stay."]),
        ("Ils étaient 1 200 le 4. Puis ils sont partis.", ["Ils étaient 1 200 le 4.", "Puis ils sont partis."]),
    ],
)
def test_a_full_stop_ends_a_sentence_unless_it_closes_an_ordinal(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
