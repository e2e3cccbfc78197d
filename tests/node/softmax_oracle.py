#!/usr/bin/python3
# The independent float64 oracle for the engine's softmax with cross-entropy (tests/node/softmax-oracle.test.mjs):
# numpy's vectorised exp/log from the textbook definitions, nothing shared with src/core/lesson/softmax.cpp.
# stdin: [{"logits": [...], "target": t}, ...]; stdout: [{"probabilities", "loss", "grads", "jacobian"}, ...].
import json
import sys

import numpy as np


def oracle(logits, target):
    z = np.asarray(logits, dtype=np.float64)
    shifted = z - z.max()  # softmax(z) = softmax(z − c) for any c: with c = max z every exponent is ≤ 0
    log_softmax = shifted - np.log(np.sum(np.exp(shifted)))
    p = np.exp(log_softmax)
    onehot = np.zeros_like(z)
    onehot[target] = 1.0
    return {
        "probabilities": p.tolist(),
        "loss": float(-log_softmax[target]),
        "grads": (p - onehot).tolist(),
        "jacobian": (np.diag(p) - np.outer(p, p)).tolist(),
    }


json.dump([oracle(case["logits"], case["target"]) for case in json.load(sys.stdin)], sys.stdout)
