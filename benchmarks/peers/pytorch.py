"""The workloads of adjoint.bench.Workloads in PyTorch, eager, float64, one thread (or N).

Prints one line per workload, `name size median_seconds`: the median of 9 samples, each the
mean of a batch of calls lasting about 0.1 s, as adjoint's Timer measures. Each call builds
the graph and runs backward, as PyTorch always does; the hvp_ workloads call
torch.autograd.functional.hvp (the value and H v, by double backward). Run by adjoint.bench.SideBySide, or alone:
    /usr/bin/python3 benchmarks/peers/pytorch.py [--threads N] [workload ...]
"""
import math
import statistics
import sys
import time

import torch

THREADS = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 1
torch.set_num_threads(THREADS)
torch.set_default_dtype(torch.float64)


def median_seconds(task, sample_seconds=0.1, samples=9):
    start = time.perf_counter()
    task()
    once = max(time.perf_counter() - start, 1e-9)
    batch = max(1, min(1_000_000, int(sample_seconds / once)))
    results = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(batch):
            task()
        results.append((time.perf_counter() - start) / batch)
    return statistics.median(results)


def q1_oneshot():
    x1, w1, x2, w2 = (torch.tensor(v, requires_grad=True) for v in (1.0, 2.0, 3.0, 4.0))
    f = 1 / (2 + torch.sin(x1 * w1) ** 2 + torch.cos(x2 * w2))
    f.backward()
    return x1.grad


def scalar_chain(n):
    def run():
        t = [torch.tensor(0.001 * i, requires_grad=True) for i in range(n)]
        total = None
        for ti in t:
            term = 1 / (2 + torch.sin(ti * 2) ** 2 + torch.cos(ti * 3))
            total = term if total is None else total + term
        total.backward()
        return t[0].grad
    return run


def vector_q2(n):
    g = torch.Generator().manual_seed(n)
    w = torch.randn(n, n, generator=g).requires_grad_()
    x = torch.randn(n, 1, generator=g).requires_grad_()

    def run():
        w.grad = None
        x.grad = None
        loss = (torch.sigmoid(w @ x) ** 2).sum()
        loss.backward()
        return w.grad
    return run


def mlp():
    g = torch.Generator().manual_seed(64)
    x = torch.randn(256, 64, generator=g)
    w1 = (torch.randn(64, 128, generator=g) / math.sqrt(64)).requires_grad_()
    w2 = (torch.randn(128, 10, generator=g) / math.sqrt(128)).requires_grad_()

    def run():
        w1.grad = None
        w2.grad = None
        loss = ((torch.tanh(x @ w1) @ w2) ** 2).sum()
        loss.backward()
        return w1.grad
    return run


def hvp_vector_q2(n):
    g = torch.Generator().manual_seed(n)
    w = torch.randn(n, n, generator=g)
    x = torch.randn(n, 1, generator=g)
    vw = torch.randn(n, n, generator=g)
    vx = torch.randn(n, 1, generator=g)

    def f(w, x):
        return (torch.sigmoid(w @ x) ** 2).sum()

    def run():
        return torch.autograd.functional.hvp(f, (w, x), (vw, vx))
    return run


def hvp_mlp():
    g = torch.Generator().manual_seed(64)
    x = torch.randn(256, 64, generator=g)
    w1 = torch.randn(64, 128, generator=g) / math.sqrt(64)
    w2 = torch.randn(128, 10, generator=g) / math.sqrt(128)
    v1 = torch.randn(64, 128, generator=g)
    v2 = torch.randn(128, 10, generator=g)

    def f(w1, w2):
        return ((torch.tanh(x @ w1) @ w2) ** 2).sum()

    def run():
        return torch.autograd.functional.hvp(f, (w1, w2), (v1, v2))
    return run


WORKLOADS = [
    ("q1-oneshot", 4, lambda: q1_oneshot),
    ("scalar_chain", 1000, lambda: scalar_chain(1000)),
    ("scalar_chain", 10000, lambda: scalar_chain(10000)),
    ("vector_q2", 64, lambda: vector_q2(64)),
    ("vector_q2", 512, lambda: vector_q2(512)),
    ("vector_q2", 1024, lambda: vector_q2(1024)),
    ("mlp", 2097152, lambda: mlp()),
    ("hvp_vector_q2", 512, lambda: hvp_vector_q2(512)),
    ("hvp_mlp", 2097152, lambda: hvp_mlp()),
]

if __name__ == "__main__":
    args = sys.argv[1:]
    if "--threads" in args:
        i = args.index("--threads")
        del args[i:i + 2]
    wanted = set(args)
    for name, size, make in WORKLOADS:
        if wanted and f"{name}:{size}" not in wanted and name not in wanted:
            continue
        print(f"{name} {size} {median_seconds(make()):.6e}", flush=True)
