package adjoint.bench;

import adjoint.eval.Bindings;
import adjoint.eval.Backprop;
import adjoint.symbolic.Simplify;
import adjoint.symbolic.Symbolic;
import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workload runner: every workload of the benchmark plan, with its baselines measured in
 * the same run, one line each ({@code workload size median_seconds}, then each baseline and
 * adjoint's time over it); then the forward-versus-gradient ratios, the cost of non-finite
 * detection and the memory per node. The same rows go to {@code target/results.csv}.
 * {@code --quick} takes shorter samples.
 */
public final class Workloads {

    private Workloads() {}

    /** Runs everything and prints and writes the results. */
    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        Timer timer = quick ? new Timer(0.02, 5) : new Timer(0.1, 9);
        List<String> csv = new ArrayList<>(List.of("workload,size,implementation,median_seconds,adjoint_over_this"));
        System.out.printf("adjoint workloads, %d cores, Java %s; medians of %s samples%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), quick ? "5 short" : "9");
        System.out.println("workload                         size median_s   baselines (adjoint time / baseline time)");

        CompiledFunction q1 = Q1Workload.compile();
        List<Line> lines = new ArrayList<>();
        lines.add(print(Q1Workload.oneShot(timer)));
        lines.add(print(Q1Workload.compiled(timer, q1)));
        for (int n : new int[] {1000, 10000}) {
            lines.add(print(ChainWorkload.run(timer, n, false)));
        }
        for (int n : new int[] {1000, 10000}) {
            lines.add(print(ChainWorkload.run(timer, n, true)));
        }
        List<VectorQ2Workload> vectors = new ArrayList<>();
        for (int n : new int[] {3, 64, 512, 1024}) {
            VectorQ2Workload v = new VectorQ2Workload(n);
            vectors.add(v);
            lines.add(print(v.run(timer)));
        }
        MlpWorkload mlp = new MlpWorkload();
        lines.add(print(mlp.run(timer)));
        lines.add(print(DeepWorkload.deep(timer, 1_000_000)));
        lines.add(print(DeepWorkload.doubling(timer)));
        for (Line l : lines) {
            csv.addAll(l.csv());
        }

        System.out.println();
        System.out.println("cheap gradient: compiled gradient (forward + backward) over compiled forward alone, target <= 3");
        ratio(csv, "q1", timer.median(() -> gradientFlat(q1, new double[] {1, 2, 3, 4})),
                Q1Workload.forward(timer, q1));
        CompiledFunction chain = ChainWorkload.build(10000, false);
        double[] chainPoint = ChainWorkload.point(10000);
        ratio(csv, "scalar_chain 10000", timer.median(() -> gradientFlat(chain, chainPoint)),
                timer.median(() -> chain.value(chainPoint)));
        for (VectorQ2Workload v : vectors) {
            ratio(csv, "vector_q2 " + v.n, timer.median(() -> v.gradient(v.f)), timer.median(() -> v.forward(v.f)));
        }
        ratio(csv, "mlp", timer.median(() -> mlp.gradient(mlp.f)), timer.median(() -> mlp.forward(mlp.f)));
        CompiledFunction deep = DeepWorkload.compiled(1_000_000);
        ratio(csv, "deep_chain 1000000", timer.median(() -> gradientFlat(deep, new double[] {0.5})),
                timer.median(() -> deep.value(new double[] {0.5})));

        System.out.println();
        System.out.println("forward mode: jvp over the compiled forward pass, target <= 3; second order: hvp over the compiled"
                + " gradient, target <= 5");
        for (VectorQ2Workload v : vectors) {
            secondOrder(csv, "vector_q2 " + v.n, v.second, timer);
        }
        secondOrder(csv, "mlp", mlp.second, timer);

        System.out.println();
        System.out.println("non-finite detection: gradient with detection on over off");
        CompiledFunction q1Checked = q1.detectingNonFinite();
        detection(csv, "q1", timer.median(() -> gradientFlat(q1Checked, new double[] {1, 2, 3, 4})),
                timer.median(() -> gradientFlat(q1, new double[] {1, 2, 3, 4})));
        CompiledFunction chainChecked = chain.detectingNonFinite();
        detection(csv, "scalar_chain 10000", timer.median(() -> gradientFlat(chainChecked, chainPoint)),
                timer.median(() -> gradientFlat(chain, chainPoint)));
        VectorQ2Workload v64 = vectors.get(1);
        CompiledFunction v64Checked = v64.f.detectingNonFinite();
        detection(csv, "vector_q2 64", timer.median(() -> v64.gradient(v64Checked)), timer.median(() -> v64.gradient(v64.f)));
        CompiledFunction mlpChecked = mlp.f.detectingNonFinite();
        detection(csv, "mlp", timer.median(() -> mlp.gradient(mlpChecked)), timer.median(() -> mlp.gradient(mlp.f)));

        System.out.println();
        BatchWorkload.run(timer, csv);
        memory(csv);
        symbolic(csv, quick ? 100_000 : 1_000_000);
        readable(csv, 12_000, quick ? 100_000 : 1_000_000);

        Path out = Path.of("target", "results.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, csv);
        System.out.println();
        System.out.println("rows written to " + out.toAbsolutePath());
    }

    private static Line print(Line line) {
        System.out.println(line.render());
        return line;
    }

    private static double gradientFlat(CompiledFunction f, double[] point) {
        return f.valueAndGradient(point, new double[f.dimension()]);
    }

    private static void ratio(List<String> csv, String workload, double gradient, double forward) {
        System.out.printf(Locale.ROOT, "  %-22s gradient %.3e s  forward %.3e s  ratio %.2f%n", workload, gradient, forward,
                gradient / forward);
        csv.add(String.format(Locale.ROOT, "cheap_gradient %s,0,gradient_over_forward,%.6e,%.4f", workload, gradient,
                gradient / forward));
    }

    private static void secondOrder(List<String> csv, String workload, SecondOrderWorkload w, Timer timer) {
        double forward = timer.median(w::forward);
        double jvp = timer.median(w::jvp);
        double gradient = timer.median(w::gradient);
        double hvp = timer.median(w::hvp);
        System.out.printf(Locale.ROOT, "  %-22s jvp %.3e s / forward %.3e s = %.2f;  hvp %.3e s / gradient %.3e s = %.2f%n", workload,
                jvp, forward, jvp / forward, hvp, gradient, hvp / gradient);
        csv.add(String.format(Locale.ROOT, "forward_mode %s,0,jvp_over_forward,%.6e,%.4f", workload, jvp, jvp / forward));
        csv.add(String.format(Locale.ROOT, "second_order %s,0,hvp_over_gradient,%.6e,%.4f", workload, hvp, hvp / gradient));
    }

    private static void detection(List<String> csv, String workload, double on, double off) {
        System.out.printf(Locale.ROOT, "  %-22s on %.3e s  off %.3e s  ratio %.2f%n", workload, on, off, on / off);
        csv.add(String.format(Locale.ROOT, "detection %s,0,on_over_off,%.6e,%.4f", workload, on, on / off));
    }

    private static void memory(List<String> csv) {
        int n = 1_000_000;
        long base = usedAfterGc();
        Expr chain = DeepWorkload.chain(n);
        long withExpression = usedAfterGc();
        CompiledFunction f = CompiledFunction.of(chain);
        long withCompiled = usedAfterGc();
        int nodes = f.nodeCount();
        double expressionBytes = (withExpression - base) / (double) nodes;
        double totalBytes = (withCompiled - base) / (double) nodes;
        System.out.printf(Locale.ROOT, "memory, %,d-node scalar chain, heap after GC: expression %.0f B/node,"
                + " expression + compiled function %.0f B/node (target <= 200)%n", nodes, expressionBytes, totalBytes);
        csv.add(String.format(Locale.ROOT, "memory_per_node,%d,expression,%.1f,0", nodes, expressionBytes));
        csv.add(String.format(Locale.ROOT, "memory_per_node,%d,expression_and_compiled,%.1f,0", nodes, totalBytes));
        Reference.reachabilityFence(chain);
        Reference.reachabilityFence(f);
    }

    /** The symbolic gradient of the deep chain against backprop's, in time and in size (targets: at most 10x, no larger). */
    private static void symbolic(List<String> csv, int n) {
        Timer once = new Timer(0, 3);
        Expr chain = DeepWorkload.chain(n);
        double backprop = once.median(() -> Backprop.gradient(chain, Bindings.of("x", 0.5)));
        double simplified = once.median(() -> Symbolic.gradient(chain));
        int rawNodes = CompiledFunction.of(Symbolic.gradient(chain, false).get("x")).nodeCount();
        int simpleNodes = CompiledFunction.of(Symbolic.gradient(chain).get("x")).nodeCount();
        System.out.printf(Locale.ROOT, "symbolic gradient, %,d-deep chain: %.2f s simplified, backprop %.2f s, ratio %.1f (target <= 10);"
                + " %,d nodes simplified, %,d unsimplified (target: no larger)%n", n, simplified, backprop, simplified / backprop,
                simpleNodes, rawNodes);
        csv.add(String.format(Locale.ROOT, "symbolic_chain,%d,simplified_over_backprop,%.6e,%.4f", n, simplified, simplified / backprop));
        csv.add(String.format(Locale.ROOT, "symbolic_chain_nodes,%d,simplified_over_unsimplified,%d,%.4f", n, simpleNodes,
                simpleNodes / (double) rawNodes));
    }

    /**
     * {@code readable()} (exact simplification, then products in a reader's normal form) of the
     * symbolic derivative of a chain, 30,000 nodes in size, and of the deep chain's
     * (targets: under 1 s and under 10 s).
     */
    private static void readable(List<String> csv, int small, int deep) {
        for (int n : new int[] {small, deep}) {
            Expr derivative = Symbolic.gradient(DeepWorkload.chain(n)).get("x");
            int nodes = CompiledFunction.of(derivative).nodeCount();
            double seconds = new Timer(0, n == small ? 5 : 1).median(() -> Simplify.readable(derivative));
            System.out.printf(Locale.ROOT, "readable() of the derivative of a %,d-deep chain, %,d nodes: %.2f s (target < %d s)%n",
                    n, nodes, seconds, n == small ? 1 : 10);
            csv.add(String.format(Locale.ROOT, "readable,%d,seconds,%.6e,%d", n, seconds, nodes));
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
