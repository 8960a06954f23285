package adjoint.cli;

import adjoint.dsl.Matrix;
import adjoint.dsl.ParseException;
import adjoint.dsl.Scalar;
import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.AdjointException;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Grades a hand-derived gradient, one {@code name = answer} per line, against backprop, as a
 * teacher grading the seed problems would. An answer is a number (or a matrix literal of
 * numbers), compared at the point only, within half a unit of its last written digit; or a
 * formula in the text syntax, compared at the point and at random points. Every line gets its
 * own verdict, a line that cannot be read included, so one bad line never hides the others.
 */
final class Grading {

    /** The number of random points each formula is tried at, besides the given one. */
    static final int RANDOM_POINTS = 5;
    /** A formula agrees with backprop within this relative difference (absolute below 1e-6 of it). */
    static final double TOLERANCE = 1e-6;
    /** The smallest relative tolerance of a number, however many digits it has. */
    static final double NUMBER_FLOOR = 1e-12;

    /** A number as written in an answer: decimal or scientific, or {@code nan}, {@code inf}. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|inf|nan)");

    private Grading() {}

    /**
     * {@return one verdict per line of {@code derivation}, in line order, then one per variable
     * no line answered}
     *
     * @param f the expression
     * @param compiled {@code f} compiled with its own variables
     * @param point the given point
     * @param derivation one {@code name = answer} per line; blank lines are skipped
     */
    static List<Verdict> grade(Scalar f, CompiledFunction compiled, Bindings point, String derivation) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Leaf.Variable v : compiled.parameters()) {
            shapes.put(v.name(), v.shape());
        }
        List<Answer> answers = new ArrayList<>();
        List<Verdict> errors = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = derivation.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            try {
                Answer a = read(line, number, shapes);
                Integer before = lineOf.putIfAbsent(a.variable(), number);
                if (before != null) {
                    answers.removeIf(x -> x.variable().equals(a.variable()));
                    String both = "lines " + before + " and " + number + " both answer " + a.variable() + ": keep one";
                    errors.add(new Verdict(before, a.variable(), Verdict.Kind.ERROR, "line " + before + ": " + both));
                    errors.add(new Verdict(number, a.variable(), Verdict.Kind.ERROR, "line " + number + ": " + both));
                    continue;
                }
                answers.add(a);
            } catch (ParseException e) {
                errors.add(new Verdict(number, null, Verdict.Kind.ERROR, "line " + number + ": " + e.summary()));
            } catch (AdjointException | IllegalArgumentException e) {
                errors.add(new Verdict(number, null, Verdict.Kind.ERROR, "line " + number + ": " + e.getMessage()));
            }
        }
        List<Bindings> points = new ArrayList<>();
        points.add(point);
        if (answers.stream().anyMatch(a -> a.formula() != null)) {
            points.addAll(randomPoints(shapes, new Random(f.formula().hashCode())));
        }
        List<Gradient> truths = points.stream().map(compiled::gradient).toList();
        List<Verdict> verdicts = new ArrayList<>(errors);
        for (Answer a : answers) {
            verdicts.add(a.formula() != null ? formula(a, points, truths) : number(a, truths.get(0)));
        }
        verdicts.sort(java.util.Comparator.comparingInt(Verdict::line));
        for (String name : shapes.keySet()) {
            if (!lineOf.containsKey(name)) {
                verdicts.add(new Verdict(0, name, Verdict.Kind.MISSING, name + ": no answer given"));
            }
        }
        return verdicts;
    }

    /** One readable line: its variable, and its answer as numbers (with their written text) or as a formula. */
    private record Answer(int line, String variable, double[][] numbers, String[][] written, Matrix formula) {}

    /** {@return the line read as {@code name = answer}} @throws IllegalArgumentException or ParseException if it cannot be */
    private static Answer read(String line, int number, Map<String, Shape> shapes) {
        int eq = line.indexOf('=');
        String name = eq < 0 ? "" : line.substring(0, eq).strip();
        if (name.startsWith("d/d")) {
            name = name.substring(3).strip();
        }
        if (eq < 0 || !shapes.containsKey(name)) {
            throw new IllegalArgumentException("expected name = answer with a variable of the expression ("
                    + String.join(", ", shapes.keySet()) + ")");
        }
        Shape shape = shapes.get(name);
        String answer = line.substring(eq + 1).strip();
        String[][] written = numbers(answer);
        if (written != null) {
            if (written.length != shape.rows() || written[0].length != shape.cols()) {
                throw new IllegalArgumentException("the answer for " + name + " is " + written.length + "x" + written[0].length
                        + " but " + name + " is " + shape);
            }
            double[][] values = new double[written.length][written[0].length];
            for (int r = 0; r < written.length; r++) {
                for (int c = 0; c < written[r].length; c++) {
                    values[r][c] = value(written[r][c]);
                }
            }
            return new Answer(number, name, values, written, null);
        }
        Matrix formula = Syntax.parse(answer, shapes);
        if (!formula.shape().equals(shape)) {
            throw new IllegalArgumentException("the formula for " + name + " is " + formula.shape() + " but " + name + " is " + shape);
        }
        return new Answer(number, name, null, null, formula);
    }

    /**
     * {@return the answer's numbers as written, by rows}: a number, a column {@code [1, 2]} or
     * rows {@code [[1, 2], [3, 4]]}; null if the answer is not numbers alone
     */
    private static String[][] numbers(String answer) {
        String a = answer.replace(" ", "");
        if (NUMBER.matcher(a).matches()) {
            return new String[][] {{a}};
        }
        if (a.startsWith("[[") && a.endsWith("]]")) {
            String[] rows = a.substring(2, a.length() - 2).split("\\],\\[", -1);
            String[][] out = new String[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                out[r] = rows[r].split(",", -1);
                if (out[r].length != out[0].length || !allNumbers(out[r])) {
                    return null;
                }
            }
            return out;
        }
        if (a.startsWith("[") && a.endsWith("]")) {
            String[] entries = a.substring(1, a.length() - 1).split(",", -1);
            if (!allNumbers(entries)) {
                return null;
            }
            String[][] out = new String[entries.length][];
            for (int r = 0; r < entries.length; r++) {
                out[r] = new String[] {entries[r]};
            }
            return out;
        }
        return null;
    }

    private static boolean allNumbers(String[] entries) {
        for (String e : entries) {
            if (!NUMBER.matcher(e).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double value(String written) {
        String w = written.startsWith("+") ? written.substring(1) : written;
        return switch (w.replace("-", "")) {
            case "nan" -> Double.NaN;
            case "inf" -> w.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(w);
        };
    }

    /**
     * {@return half a unit of the last digit written}: {@code 0.112336} is good to 5e-7,
     * {@code 1.2e-3} to 5e-5, {@code 120} to 0.5; 0 for {@code nan} and {@code inf}, compared exactly
     */
    static double halfUnit(String written) {
        String w = written.startsWith("+") || written.startsWith("-") ? written.substring(1) : written;
        if (w.equals("nan") || w.equals("inf")) {
            return 0;
        }
        return 0.5 * Math.pow(10, -new BigDecimal(w).scale());
    }

    /** {@return the verdict on a numeric answer: every entry within half a unit of its last digit, at the point} */
    private static Verdict number(Answer a, Gradient truth) {
        double[][] t = truth.matrix(a.variable()).getData();
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (int r = 0; r < t.length; r++) {
            for (int c = 0; c < t[r].length; c++) {
                double yours = a.numbers()[r][c];
                double allowed = halfUnit(a.written()[r][c]) + NUMBER_FLOOR * Math.abs(t[r][c]);
                boolean same = Double.compare(yours, t[r][c]) == 0 || Math.abs(yours - t[r][c]) <= allowed;
                if (!same && count++ < MAX_NAMED) {
                    wrong.add(entry(a.variable(), r, c, t) + " (yours " + a.written()[r][c] + ", backprop " + t[r][c] + ")");
                }
            }
        }
        String head = "line " + a.line() + ", " + a.variable() + ": ";
        if (count == 0) {
            return new Verdict(a.line(), a.variable(), Verdict.Kind.RIGHT, head + "right at the point, to the digits written");
        }
        return new Verdict(a.line(), a.variable(), Verdict.Kind.WRONG, head + "wrong at the point: " + String.join(", ", wrong)
                + (count > MAX_NAMED ? " and " + (count - MAX_NAMED) + " more entries" : ""));
    }

    /** {@return the verdict on a formula: compared at the point and at the random points where backprop is finite} */
    private static Verdict formula(Answer a, List<Bindings> points, List<Gradient> truths) {
        String atPoint = null;
        int wrongRandom = 0;
        int tried = 0;
        for (int k = 0; k < points.size(); k++) {
            double[][] yours = a.formula().value(points.get(k)).getData();
            double[][] truth = truths.get(k).matrix(a.variable()).getData();
            String wrong = disagreements(a.variable(), yours, truth);
            if (k == 0) {
                atPoint = wrong;
            } else if (finite(truth)) {
                tried++;
                wrongRandom += wrong == null ? 0 : 1;
            }
        }
        String head = "line " + a.line() + ", " + a.variable() + ": ";
        if (atPoint == null && wrongRandom == 0) {
            return new Verdict(a.line(), a.variable(), Verdict.Kind.RIGHT,
                    head + "right at the point and at " + tried + " random points");
        }
        return new Verdict(a.line(), a.variable(), Verdict.Kind.WRONG, head + "wrong"
                + (atPoint == null ? " (right at the point)" : " at the point: " + atPoint) + "; disagrees at "
                + wrongRandom + " of " + tried + " random points");
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
                    wrong.add(String.format(Locale.ROOT, "%s (yours %.6g, backprop %.6g)", entry(name, i, j, truth), a, b));
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return String.join(", ", wrong) + (count > MAX_NAMED ? " and " + (count - MAX_NAMED) + " more entries" : "");
    }

    private static String entry(String name, int i, int j, double[][] shape) {
        return shape.length * shape[0].length == 1 ? name : name + "[" + i + "," + j + "]";
    }

    /** {@return random points, entries drawn to three decimals, for each variable of its shape} */
    private static List<Bindings> randomPoints(Map<String, Shape> shapes, Random random) {
        List<Bindings> points = new ArrayList<>();
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
        return points;
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
