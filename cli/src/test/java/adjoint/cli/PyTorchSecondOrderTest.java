package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code adjoint jvp}, {@code hvp} and {@code hessian} against PyTorch's
 * {@code torch.autograd.functional} {@code jvp}, {@code hvp} and {@code hessian} in float64
 * (Debian's python3-torch), on the seed problems and on random expressions: each result agrees
 * to 1e-12 relative to its largest entry. Skipped, saying why, where python3 with torch is not
 * installed.
 */
class PyTorchSecondOrderTest {

    /** A problem: the expression, its point and a direction, each variable a number or a list of rows. */
    record Case(String expr, Map<String, double[][]> at, Map<String, double[][]> along) {}

    static final Pattern NUMBER = Pattern.compile("-?Infinity|NaN|-?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?");

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("1/(2 + sin(x1*w1)^2 + cos(x2*w2))", point("x1", 1, "w1", 2, "x2", 3, "w2", 4),
                point("x1", 1, "w1", -0.5, "x2", 0.25, "w2", 2)));
        Map<String, double[][]> seed2 = new LinkedHashMap<>();
        seed2.put("W", new double[][] {{1, -2, 0.5}, {0.25, 1, -1}, {2, 0, 1}});
        seed2.put("x", new double[][] {{1}, {2}, {3}});
        Map<String, double[][]> along2 = new LinkedHashMap<>();
        along2.put("W", new double[][] {{0.5, 0, -1}, {1, 2, 0}, {0, -0.5, 0.25}});
        along2.put("x", new double[][] {{1}, {-1}, {0.5}});
        cases.add(new Case("sum(sigmoid(W @ x)^2)", seed2, along2));
        Random random = new Random(20261206);
        String[] unary = {"sin", "cos", "tanh", "exp", "sigmoid", "softplus", "atan", "square", "erf"};
        for (int k = 0; k < 20; k++) {
            String a = unary[random.nextInt(unary.length)];
            String b = unary[random.nextInt(unary.length)];
            String c = unary[random.nextInt(unary.length)];
            String expr = String.format(Locale.ROOT, "%s(%s(x*y) + %.2f*z) * %s(y - z^2) + log1p(x^2*z^2)", a, b, 0.5 + random.nextDouble(),
                    c);
            cases.add(new Case(expr, point("x", round(random), "y", round(random), "z", round(random)),
                    point("x", round(random), "y", round(random), "z", round(random))));
        }
        return cases;
    }

    @Test
    void jvpHvpAndHessianAgreeWithPyTorch() throws Exception {
        PythonPeer.assumeTorch("PyTorchSecondOrderTest");
        List<Case> cases = cases();
        List<String> answers = PythonPeer.answers("pytorch_second_order.py", cases.stream()
                .map(c -> "{\"expr\": \"" + c.expr() + "\", \"at\": " + json(c.at()) + ", \"along\": " + json(c.along()) + "}").toList());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String peer = answers.get(i);
            String at = literal(c.at());
            String along = literal(c.along());
            String jvp = run("jvp", c.expr(), "--at", at, "--along", along, "--json");
            String hvp = run("hvp", c.expr(), "--at", at, "--along", along, "--json");
            String hessian = run("hessian", c.expr(), "--at", at, "--json");
            agree(c, "value", after(jvp, "value", "jvp"), after(peer, "value", "jvp"));
            agree(c, "jvp", after(jvp, "jvp", null), after(peer, "jvp", "hvp"));
            agree(c, "hvp", after(hvp, "hvp", null), after(peer, "hvp", "hessian"));
            agree(c, "hessian", after(hessian, "hessian", null), after(peer, "hessian", null));
        }
        System.out.println("[PyTorchSecondOrderTest] " + cases.size() + " problems: jvp, hvp and hessian agree with PyTorch to 1e-12");
    }

    private static void agree(Case c, String what, double[] ours, double[] peers) {
        assertThat(ours).as(c.expr() + ": " + what + " entries").hasSameSizeAs(peers);
        double scale = 0;
        for (double x : peers) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int k = 0; k < ours.length; k++) {
            if (Math.abs(ours[k] - peers[k]) > 1e-12 * scale) {
                throw new AssertionError(c.expr() + " at " + literal(c.at()) + ": " + what + " is " + Arrays.toString(ours) + ", PyTorch "
                        + Arrays.toString(peers));
            }
        }
    }

    /** {@return the numbers of a JSON answer after key {@code from} and before key {@code to}, keys left out} */
    private static double[] after(String json, String from, String to) {
        int start = json.indexOf("\"" + from + "\":") + from.length() + 3;
        int end = to == null ? json.length() : json.indexOf("\"" + to + "\":");
        String part = json.substring(start, end).replaceAll("\"[^\"]*\":", "");
        return NUMBER.matcher(part).results().mapToDouble(r -> Double.parseDouble(r.group())).toArray();
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    private static Map<String, double[][]> point(Object... pairs) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], new double[][] {{((Number) pairs[i + 1]).doubleValue()}});
        }
        return m;
    }

    private static double round(Random random) {
        return Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
    }

    /** {@return a point as the peer reads it: a scalar as a number, else a list of rows} */
    private static String json(Map<String, double[][]> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() == 1 ? "" : ", ").append('"').append(k).append("\": ").append(value(v, ", ")));
        return sb.append('}').toString();
    }

    /** {@return a point as {@code --at} reads it} */
    private static String literal(Map<String, double[][]> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(value(v, ",")));
        return sb.toString();
    }

    private static String value(double[][] v, String comma) {
        if (v.length == 1 && v[0].length == 1) {
            return Double.toString(v[0][0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : comma).append('[');
            for (int j = 0; j < v[i].length; j++) {
                sb.append(j == 0 ? "" : comma).append(v[i][j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
