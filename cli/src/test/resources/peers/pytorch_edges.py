"""Evaluates expressions of adjoint's text syntax with PyTorch in float64, one thread.

Reads JSON lines {"expr": "...", "at": {"x": 1.0, "X": [[1, 2]], ...}} on standard input and
writes, per line, {"value": V, "gradient": {"x": G, "X": [G11, G12], ...}} (a matrix's gradient
flat, by rows) with NaN and infinities as strings, so that adjoint's command line can be compared
with PyTorch at the same edge points.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

FUNCTIONS = {
    "sqrt": torch.sqrt, "relu": torch.relu, "log": torch.log, "abs": torch.abs, "exp": torch.exp,
    "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "softplus": F.softplus,
    "log1p": torch.log1p, "expm1": torch.expm1, "sign": torch.sign, "erf": torch.erf, "atan": torch.atan,
    "max": torch.maximum, "min": torch.minimum, "xlogy": torch.xlogy, "inv": torch.reciprocal, "square": torch.square,
    "sum": torch.sum, "logsumexp_rows": lambda x: torch.logsumexp(x, 1, keepdim=True),
    # cross_entropy with class probabilities as targets, written out (1.13 has it, but not for zero rows' mean).
    "softmax_cross_entropy": lambda z, y: -(y * torch.log_softmax(z, 1)).sum(1).mean(),
    # Structural ops: their parameters arrive as Python ints.
    "reshape": lambda x, r, c: x.reshape(r, c), "concat_rows": lambda a, b: torch.cat([a, b], 0),
    "concat_cols": lambda a, b: torch.cat([a, b], 1), "slice_rows": lambda x, i, j: x[i:j],
    "slice_cols": lambda x, i, j: x[:, i:j], "sum_rows": lambda x: x.sum(1, keepdim=True),
    "sum_cols": lambda x: x.sum(0, keepdim=True), "mean_rows": lambda x: x.mean(1, keepdim=True),
    "mean_cols": lambda x: x.mean(0, keepdim=True), "norm": torch.linalg.norm, "transpose": torch.t,
    "softmax_rows": lambda x: torch.softmax(x, 1),
}


def parse(value):
    return float(value) if isinstance(value, str) else value


def number(x):
    return x if math.isfinite(x) else ("NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity"))


for line in sys.stdin:
    case = json.loads(line)
    env = dict(FUNCTIONS)
    variables = {}
    for name, value in case["at"].items():
        entries = [[parse(v) for v in row] for row in value] if isinstance(value, list) else parse(value)
        variables[name] = torch.tensor(entries, dtype=torch.float64, requires_grad=True)
    env.update(variables)
    out = eval(case["expr"].replace("^", "**"), {"__builtins__": {}}, env)
    grads = torch.autograd.grad(out, list(variables.values()), allow_unused=True)
    result = {"value": number(out.item()),
              "gradient": {n: (number(g.item()) if g.dim() == 0 else [number(v) for v in g.flatten().tolist()])
                           if g is not None else 0.0 for n, g in zip(variables, grads)}}
    print(json.dumps(result), flush=True)
