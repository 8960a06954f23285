package adjoint.cli;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Grades a hand-derived gradient, written one {@code name = formula} per line in the text
 * syntax, against backprop: at the given point and at random points, entry by entry, naming the
 * entries that disagree, as a teacher grading the seed problems would.
 */
final class Grading {

    /** The number of random points each formula is tried at, besides the given one. */
    static final int RANDOM_POINTS = 5;
    /** Two values agree within this relative difference (absolute below 1e-12). */
    static final double TOLERANCE = 1e-6;

    private Grading() {}

    /**
     * {@return one {@link Verdict} per variable of {@code f}, in parameter order}
     *
     * @param f the expression
     * @param compiled {@code f} compiled with its own variables
     * @param point the given point
     * @param derivation one {@code name = formula} per line; blank lines are skipped
     * @throws adjoint.dsl.ParseException if a formula does not parse, with the column caret
     * @throws IllegalArgumentException if a line is not {@code name = formula}, names no
     *     variable of {@code f}, or its formula has the wrong shape
     */
    static List<Verdict> grade(Scalar f, CompiledFunction compiled, Bindings point, String derivation) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Leaf.Variable v : compiled.parameters()) {
            shapes.put(v.name(), v.shape());
        }
        Map<String, Matrix> written = new LinkedHashMap<>();
        String[] lines = derivation.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (name.startsWith("d/d")) {
                name = name.substring(3).strip();
            }
            if (eq < 0 || !shapes.containsKey(name)) {
                throw new IllegalArgumentException("derivation line " + (i + 1) + " '" + line + "': expected name = formula"
                        + " with a variable of the expression (" + String.join(", ", shapes.keySet()) + ")");
            }
            Matrix formula = Syntax.parse(line.substring(eq + 1), shapes);
            if (!formula.shape().equals(shapes.get(name))) {
                throw new IllegalArgumentException("derivation line " + (i + 1) + ": the formula for " + name + " is "
                        + formula.shape() + " but " + name + " is " + shapes.get(name));
            }
            written.put(name, formula);
        }
        List<Bindings> points = new ArrayList<>();
        points.add(point);
        Random random = new Random(f.formula().hashCode());
        for (int k = 0; k < RANDOM_POINTS; k++) {
            Bindings b = Bindings.empty();
            for (Map.Entry<String, Shape> v : shapes.entrySet()) {
                double[][] rows = new double[v.getValue().rows()][v.getValue().cols()];
                for (double[] row : rows) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.round(random.nextGaussian() * 1000) / 500.0;
                    }
                }
                b = b.and(v.getKey(), rows);
            }
            points.add(b);
        }
        List<Gradient> truths = points.stream().map(compiled::gradient).toList();
        List<Verdict> verdicts = new ArrayList<>();
        for (String name : shapes.keySet()) {
            Matrix formula = written.get(name);
            if (formula == null) {
                verdicts.add(new Verdict(name, Verdict.Kind.MISSING, name + ": no formula given"));
                continue;
            }
            verdicts.add(verdict(name, formula, points, truths));
        }
        return verdicts;
    }

    private static Verdict verdict(String name, Matrix formula, List<Bindings> points, List<Gradient> truths) {
        String atPoint = null;
        int wrongRandom = 0;
        int tried = 0;
        for (int k = 0; k < points.size(); k++) {
            double[][] yours = formula.value(points.get(k)).getData();
            double[][] truth = truths.get(k).matrix(name).getData();
            String wrong = disagreements(name, yours, truth);
            if (k == 0) {
                atPoint = wrong;
            } else if (finite(truth)) {
                tried++;
                wrongRandom += wrong == null ? 0 : 1;
            }
        }
        if (atPoint == null && wrongRandom == 0) {
            return new Verdict(name, Verdict.Kind.RIGHT, name + ": agrees with backprop at the point and at " + tried + " random points");
        }
        return new Verdict(name, Verdict.Kind.WRONG, name + ": WRONG" + (atPoint == null ? " (agrees at the point)" : " at the point: "
                + atPoint) + "; disagrees at " + wrongRandom + " of " + tried + " random points");
    }

    /** The most disagreeing entries named in one verdict; the rest are counted. */
    static final int MAX_NAMED = 4;

    /**
     * {@return the entries where the two disagree, as {@code W[1,2] (yours 0.5, backprop 0.25)},
     * the first {@value #MAX_NAMED} named and the rest counted; null if they agree everywhere}
     */
    private static String disagreements(String name, double[][] yours, double[][] truth) {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[i].length; j++) {
                double a = yours[i][j];
                double b = truth[i][j];
                boolean same = Double.compare(a, b) == 0 || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(b), 1e-6);
                if (!same && count++ < MAX_NAMED) {
                    String entry = truth.length * truth[0].length == 1 ? name : name + "[" + i + "," + j + "]";
                    wrong.add(String.format(Locale.ROOT, "%s (yours %.6g, backprop %.6g)", entry, a, b));
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return String.join(", ", wrong) + (count > MAX_NAMED ? " and " + (count - MAX_NAMED) + " more entries" : "");
    }

    private static boolean finite(double[][] rows) {
        for (double[] row : rows) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }
}
