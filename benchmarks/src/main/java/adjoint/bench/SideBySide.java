package adjoint.bench;

import adjoint.eval.CompiledFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * adjoint and PyTorch side by side, measured in one run, one thread each, float64: the same
 * workloads as {@link Workloads}, with Hessian-vector products ({@code hvp_}: adjoint's
 * forward over reverse against {@code torch.autograd.functional.hvp}), PyTorch's from {@code benchmarks/peers/pytorch.py} run by
 * Debian's {@code /usr/bin/python3} with {@code python3-torch}. Prints each median and the ratio
 * adjoint / PyTorch (below 1: adjoint is faster). Where PyTorch is not installed it says so and
 * prints adjoint's column alone. With {@code --threads 2}, the matrix workloads run again on two
 * threads each (adjoint's products on a pool of two, {@link CompiledFunction#parallelOn};
 * PyTorch's {@code set_num_threads(2)}), printed beside the one-thread rows.
 */
public final class SideBySide {

    private SideBySide() {}

    /** Runs the comparison; {@code --quick} takes shorter samples. */
    public static void main(String[] args) throws IOException, InterruptedException {
        boolean quick = List.of(args).contains("--quick");
        int threads = List.of(args).contains("--threads") ? Integer.parseInt(args[List.of(args).indexOf("--threads") + 1]) : 1;
        Timer timer = quick ? new Timer(0.02, 5) : new Timer(0.1, 9);
        Map<String, Double> adjoint = new LinkedHashMap<>();
        adjoint.put("q1-oneshot 4", Q1Workload.oneShot(timer).seconds());
        for (int n : new int[] {1000, 10000}) {
            double[] g = new double[n];
            adjoint.put("scalar_chain " + n, timer.median(() -> ChainWorkload.adjoint(n, false, g)));
        }
        for (int n : new int[] {64, 512, 1024}) {
            VectorQ2Workload v = new VectorQ2Workload(n);
            adjoint.put("vector_q2 " + n, timer.median(() -> v.gradient(v.f)));
        }
        MlpWorkload mlp = new MlpWorkload();
        adjoint.put("mlp 2097152", timer.median(() -> mlp.gradient(mlp.f)));
        VectorQ2Workload v512 = new VectorQ2Workload(512);
        adjoint.put("hvp_vector_q2 512", timer.median(v512.second::hvp));
        adjoint.put("hvp_mlp 2097152", timer.median(mlp.second::hvp));
        Map<String, Double> torch = pytorch(1);
        if (threads > 1) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                for (int n : new int[] {512, 1024}) {
                    VectorQ2Workload v = new VectorQ2Workload(n);
                    CompiledFunction f = v.f.parallelOn(pool);
                    adjoint.put("vector_q2 " + n + " " + threads + "T", timer.median(() -> v.gradient(f)));
                }
                CompiledFunction f = mlp.f.parallelOn(pool);
                adjoint.put("mlp 2097152 " + threads + "T", timer.median(() -> mlp.gradient(f)));
            } finally {
                pool.shutdown();
            }
            pytorch(threads).forEach((k, t) -> {
                if (k.startsWith("vector_q2 512") || k.startsWith("vector_q2 1024") || k.startsWith("mlp")) {
                    torch.put(k + " " + threads + "T", t);
                }
            });
        }

        System.out.printf("adjoint and PyTorch side by side, one thread each (rows marked 2T: two each), float64, %s; medians%n",
                torch.isEmpty() ? "PyTorch not found (apt-get install python3-torch)" : "Java " + System.getProperty("java.version"));
        System.out.printf("%-22s %12s %12s %10s%n", "workload", "adjoint s", "PyTorch s", "ratio");
        List<String> csv = new ArrayList<>(List.of("workload,adjoint_seconds,pytorch_seconds,adjoint_over_pytorch"));
        for (var e : adjoint.entrySet()) {
            Double t = torch.get(e.getKey());
            System.out.printf(Locale.ROOT, "%-22s %12.3e %12s %10s%n", e.getKey(), e.getValue(),
                    t == null ? "-" : String.format(Locale.ROOT, "%.3e", t),
                    t == null ? "-" : String.format(Locale.ROOT, "%.3g", e.getValue() / t));
            csv.add(String.format(Locale.ROOT, "%s,%.6e,%s,%s", e.getKey(), e.getValue(), t == null ? "" : String.format(Locale.ROOT, "%.6e", t),
                    t == null ? "" : String.format(Locale.ROOT, "%.4g", e.getValue() / t)));
        }
        Path out = Path.of("target", "side-by-side.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, csv);
        System.out.println("rows written to " + out.toAbsolutePath());
    }

    /** {@return PyTorch's medians on {@code threads} threads by {@code workload size}, or none where python3 with torch is missing} */
    private static Map<String, Double> pytorch(int threads) throws IOException, InterruptedException {
        Map<String, Double> out = new LinkedHashMap<>();
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of("peers", "pytorch.py").toAbsolutePath();
        if (!Files.isExecutable(python) || !Files.exists(script)
                || new ProcessBuilder(python.toString(), "-c", "import torch").start().waitFor() != 0) {
            return out;
        }
        Process p = new ProcessBuilder(python.toString(), script.toString(), "--threads", Integer.toString(threads))
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    out.put(parts[0] + " " + parts[1], Double.parseDouble(parts[2]));
                } else {
                    System.out.println("pytorch: " + line);
                }
            }
        }
        p.waitFor();
        return out;
    }
}
