"""The BLAS ops change who multiplies, never what spaCy predicts; the thread cap holds."""

from __future__ import annotations

from typing import Any

import numpy
import pytest

from trucewatch.nlp.ops import BlasOps, limit_blas_threads, use_blas_ops

pytestmark = pytest.mark.model

SENTENCES = [
    "Russian warplanes struck a market in Azaz on Tuesday, killing 16 civilians.",
    '"We will answer every shell," Halladan Veyr, the defence minister, told reporters.',
    "The Syrian Observatory for Human Rights said at least 19 people were wounded in Homs.",
    "Turkish Foreign Minister Mevlut Cavusoglu said on Twitter that the raids hit hospitals.",
    "Gunmen abducted two aid workers on the road between Minas Tirith and Osgiliath.",
]


def _signature(nlp: Any) -> list[Any]:
    return [
        (
            [(e.start, e.end, e.label_) for e in doc.ents],
            [(t.tag_, t.dep_, t.head.i) for t in doc],
        )
        for doc in nlp.pipe(SENTENCES)
    ]


@pytest.mark.parametrize(
    ("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_gemm_matches_numpy_product(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(3)
    x = rng.standard_normal((7, 5), dtype="float32")
    y = rng.standard_normal((5, 4), dtype="float32")
    a = x.T.copy() if trans1 else x
    b = y.T.copy() if trans2 else y
    out = numpy.empty((7, 4), dtype="float32")
    got = BlasOps().gemm(a, b, out=out, trans1=trans1, trans2=trans2)
    assert got is out
    assert numpy.allclose(got, x @ y, atol=1e-5)


def test_switching_ops_keeps_entities_tags_and_parses() -> None:
    import spacy

    from trucewatch.nlp.reader import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["lemmatizer", "attribute_ruler"])
            break
        except OSError:
            continue
    else:
        pytest.skip("no English pipeline installed")
    before = _signature(nlp)
    assert use_blas_ops(nlp) > 10
    assert all(
        isinstance(layer.ops, BlasOps)
        for _, component in nlp.pipeline
        if hasattr(component, "model")
        for layer in component.model.walk()
    )
    assert _signature(nlp) == before


def test_blas_thread_cap() -> None:
    from threadpoolctl import threadpool_info

    limit_blas_threads(1)
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert pools, "NumPy reports no BLAS pool"
    assert {p["num_threads"] for p in pools} == {1}
