"""Forward mode and second order with PyTorch in float64, one thread, for adjoint's tests.

Reads JSON lines {"expr": "...", "at": {"x": 1.0, "W": [[1, 2]], ...}, "along": {...}} on standard
input (the direction has an entry for every variable) and writes, per line, {"value": V, "jvp": J,
"hvp": [...], "hessian": [...]}: torch.autograd.functional's jvp, hvp and hessian, each flat over
the variables' entries in the order given (a matrix's by rows), the Hessian by rows.
"""
import json
import sys

import torch
from torch.autograd.functional import hessian, hvp, jvp

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

FUNCTIONS = {
    "sqrt": torch.sqrt, "log": torch.log, "exp": torch.exp, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "softplus": torch.nn.functional.softplus, "log1p": torch.log1p, "atan": torch.atan,
    "erf": torch.erf, "sum": torch.sum, "square": torch.square, "inv": torch.reciprocal,
    "transpose": torch.t, "logsumexp_rows": lambda x: torch.logsumexp(x, 1, keepdim=True),
}

for line in sys.stdin:
    case = json.loads(line)
    names = list(case["at"])
    point = tuple(torch.tensor(case["at"][n], dtype=torch.float64) for n in names)
    along = tuple(torch.tensor(case["along"][n], dtype=torch.float64) for n in names)
    code = compile(case["expr"].replace("^", "**"), "<expr>", "eval")

    def f(*values):
        env = dict(FUNCTIONS)
        env.update(zip(names, values))
        return eval(code, {"__builtins__": {}}, env)

    value, tangent = jvp(f, point, along)
    _, product = hvp(f, point, along)
    h = hessian(f, point)
    sizes = [p.numel() for p in point]
    rows = []
    for i, size_i in enumerate(sizes):
        blocks = [h[i][j].reshape(size_i, sizes[j]) for j in range(len(sizes))]
        rows.append(torch.cat(blocks, 1))
    full = torch.cat(rows, 0)
    print(json.dumps({"value": value.item(), "jvp": tangent.item(),
                      "hvp": torch.cat([p.flatten() for p in product]).tolist(),
                      "hessian": full.flatten().tolist()}), flush=True)
