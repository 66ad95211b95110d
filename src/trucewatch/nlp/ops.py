"""Matrix products for spaCy's networks through NumPy's BLAS, one BLAS thread per process.

Why: thinc's CPU ops multiply with the bundled `blis`; on these machines NumPy's
OpenBLAS is faster on the same shapes, and OpenBLAS's default of one thread per core
oversubscribes two forked readers on two cores. Measured with bench/bench_extract.py's
corpus (200 synthetic reports, the ~3,800 flagged sentences, one process): the pipeline
took 36.2 ms CPU per report with blis and OpenBLAS threads unlimited, 30.8 ms with blis
and one OpenBLAS thread, and 18.5 ms with OpenBLAS matmul on one thread. The entities,
tags and parses were identical on 2,104 sentences (tests/nlp/test_ops.py checks this).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

# v1: numpy.matmul for gemm; everything else is thinc's NumpyOps
OPS_VERSION = "trucewatch.nlp.ops.v1"
BLAS_THREADS = 1  # per process: two forked readers on two cores (see module docstring)


class BlasOps(NumpyOps):
    """thinc's NumPy ops with `gemm` done by `numpy.matmul` (the installed BLAS)."""

    name = "trucewatch_blas"

    def gemm(  # type: ignore[override]
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def limit_blas_threads(threads: int = BLAS_THREADS) -> None:
    """Cap the BLAS thread pool of this process (and of workers forked from it)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")


def use_blas_ops(nlp: Language) -> int:
    """Give every layer of the pipeline's trainable components the BLAS ops; returns how
    many layers were switched. Weights and results are unchanged: only who multiplies."""
    ops = BlasOps()
    switched = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops
                switched += 1
    return switched


__all__ = ["BLAS_THREADS", "OPS_VERSION", "BlasOps", "limit_blas_threads", "use_blas_ops"]
