package adjoint.check;

import adjoint.expr.Custom;
import adjoint.expr.Binary;
import adjoint.expr.Unary;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.NodeRule;
import adjoint.eval.Tape;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checks backprop against finite differences, for a whole expression and for each node's own
 * rule. Immutable; configure with the {@code with} methods.
 * <pre>{@code
 * CheckReport r = GradientCheck.defaults().check(f, Bindings.of("x", 0.3).and("w", 2.0));
 * if (!r.passed()) System.out.println(r);   // names the node whose rule is wrong
 * }</pre>
 *
 * <p>Each entry passes when {@code |backprop - numeric| <= absolute + relative * max(|backprop|, |numeric|)},
 * the numeric value coming from Ridders' extrapolation ({@link FiniteDifference}). An entry that
 * disagrees where the left and right derivatives are finite and differ is reported
 * {@link Status#NON_SMOOTH}, one with a NaN or infinite value {@link Status#NON_FINITE}, and one
 * near a pole, where finite differences cannot settle, {@link Status#INCONCLUSIVE}: none of them
 * counts as a failure, and the last makes the whole check inconclusive, not passed.
 */
public final class GradientCheck {

    private static final GradientCheck DEFAULTS = new GradientCheck(1e-6, 1e-8, 64, 20_260_101L);

    private final double relative;
    private final double absolute;
    private final int maxEntriesPerInput;
    private final long seed;

    private GradientCheck(double relative, double absolute, int maxEntriesPerInput, long seed) {
        this.relative = relative;
        this.absolute = absolute;
        this.maxEntriesPerInput = maxEntriesPerInput;
        this.seed = seed;
    }

    /** {@return the default check: 1e-6 relative plus 1e-8 absolute} */
    public static GradientCheck defaults() {
        return DEFAULTS;
    }

    /**
     * {@return this check with another tolerance}
     *
     * @param relative the relative tolerance
     * @param absolute the absolute tolerance
     */
    public GradientCheck withTolerance(double relative, double absolute) {
        if (!(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative, got " + relative + " and " + absolute);
        }
        return new GradientCheck(relative, absolute, maxEntriesPerInput, seed);
    }

    /**
     * {@return this check, comparing at most {@code n} entries of each input of a node} (chosen
     * at random, with this check's seed) when it looks for the culprit; 64 by default
     *
     * @param n the largest number of entries
     */
    public GradientCheck withMaxEntriesPerInput(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one entry per input, got " + n);
        }
        return new GradientCheck(relative, absolute, n, seed);
    }

    /** {@return the relative tolerance} */
    public double relative() {
        return relative;
    }

    /** {@return the absolute tolerance} */
    public double absolute() {
        return absolute;
    }

    /**
     * {@return whether two derivative values agree within the tolerance}
     *
     * @param backprop backprop's value
     * @param numeric the finite-difference estimate
     */
    public boolean agree(double backprop, double numeric) {
        return Math.abs(backprop - numeric) <= absolute + relative * Math.max(Math.abs(backprop), Math.abs(numeric));
    }

    /** {@return the tolerance as text} */
    public String describe() {
        return String.format(Locale.ROOT, "tolerance %.0e relative + %.0e absolute", relative, absolute);
    }

    /**
     * {@return the check of a scalar expression's gradient at a point, every entry of every variable}
     *
     * @param expression a scalar expression
     * @param at a value for every variable
     */
    public CheckReport check(Term expression, Bindings at) {
        Objects.requireNonNull(expression, "expression is null");
        return check(CompiledFunction.of(expression.expr()), at);
    }

    /**
     * {@return the check of a compiled scalar function's gradient at a point}, every entry of
     * every parameter: for a caller that has compiled it already
     *
     * @param f a scalar function, compiled
     * @param at a value for every parameter
     */
    public CheckReport check(CompiledFunction f, Bindings at) {
        Objects.requireNonNull(f, "function is null");
        Objects.requireNonNull(at, "bindings is null");
        Expr e = f.expression();
        Tape tape = f.tape(at);
        List<EntryCheck> entries = new ArrayList<>();
        for (Leaf.Variable v : tape.variables()) {
            RealMatrix x = at.get(v.name()).get();
            RealMatrix g = gradientOf(tape, v);
            for (int i = 0; i < x.getRowDimension(); i++) {
                for (int j = 0; j < x.getColumnDimension(); j++) {
                    int r = i;
                    int c = j;
                    DoubleUnaryOperator along = t -> {
                        RealMatrix moved = x.copy();
                        moved.setEntry(r, c, t);
                        return f.value(at.and(v.name(), moved));
                    };
                    entries.add(compare(Matrices.entry(v.name(), x, i, j), g.getEntry(i, j), along, x.getEntry(i, j),
                            Double.isFinite(tape.value())));
                }
            }
        }
        List<EntryCheck> all = List.copyOf(entries);
        Optional<NodeCheck> culprit = all.stream().anyMatch(en -> en.status() == Status.FAIL) ? culprit(tape) : Optional.empty();
        return new CheckReport(e, tape.value(), all, culprit, this);
    }

    /**
     * {@return the first node, innermost first, whose own rule fails its check on the tape}
     *
     * @param tape a recorded pass
     */
    public Optional<NodeCheck> culprit(Tape tape) {
        for (int i = 0; i < tape.size(); i++) {
            if (tape.node(i).arity() == 0) {
                continue;
            }
            int[] in = tape.inputs(i);
            RealMatrix[] values = new RealMatrix[in.length];
            for (int k = 0; k < in.length; k++) {
                values[k] = tape.value(in[k]);
            }
            NodeCheck c = checkNode(tape.node(i), List.of(values), i, tape.location(i));
            if (!c.passed()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the check of one node's rule at the given input values}: its pullback of a
     * random upstream gradient against finite differences of its forward function
     *
     * @param node the node
     * @param inputs its inputs' values, in order
     */
    public NodeCheck checkNode(Expr node, List<RealMatrix> inputs) {
        return checkNode(node, inputs, -1, node.op());
    }

    private NodeCheck checkNode(Expr node, List<RealMatrix> inputs, int index, String location) {
        Objects.requireNonNull(node, "node is null");
        NodeRule rule = NodeRule.of(node);
        Random random = new Random(seed);
        RealMatrix out = rule.value(inputs);
        // An elementwise op is checked with upstream 1, so that each entry is its local derivative,
        // as a student would compare it; any other op with a random upstream, which a wrong
        // vector-Jacobian product cannot match by accident.
        boolean elementwise = node instanceof Unary || node instanceof Binary || node instanceof Custom.Elementwise;
        RealMatrix g = new Array2DRowRealMatrix(out.getRowDimension(), out.getColumnDimension());
        for (int i = 0; i < g.getRowDimension(); i++) {
            for (int j = 0; j < g.getColumnDimension(); j++) {
                g.setEntry(i, j, elementwise ? 1 : (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble()));
            }
        }
        List<RealMatrix> pulled = rule.pullback(inputs, g);
        boolean finite = Matrices.finite(out) && inputs.stream().allMatch(Matrices::finite);
        List<EntryCheck> entries = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            RealMatrix x = inputs.get(k);
            int rows = x.getRowDimension();
            int cols = x.getColumnDimension();
            for (int flat : sample(rows * cols, random)) {
                int r = flat / cols;
                int c = flat % cols;
                int input = k;
                DoubleUnaryOperator along = t -> {
                    RealMatrix moved = x.copy();
                    moved.setEntry(r, c, t);
                    RealMatrix y = rule.value(replaced(inputs, input, moved));
                    double s = 0;
                    for (int i = 0; i < y.getRowDimension(); i++) {
                        for (int j = 0; j < y.getColumnDimension(); j++) {
                            s += g.getEntry(i, j) * y.getEntry(i, j);
                        }
                    }
                    return s;
                };
                entries.add(compare(Matrices.entry("in" + k, x, r, c), pulled.get(k).getEntry(r, c), along,
                        x.getEntry(r, c), finite));
            }
        }
        return new NodeCheck(index, node, location, List.copyOf(inputs), List.copyOf(entries));
    }

    private static List<RealMatrix> replaced(List<RealMatrix> values, int index, RealMatrix value) {
        RealMatrix[] out = values.toArray(new RealMatrix[0]);
        out[index] = value;
        return List.of(out);
    }

    private int[] sample(int n, Random random) {
        if (n <= maxEntriesPerInput) {
            return IntStream.range(0, n).toArray();
        }
        return random.ints(0, n).distinct().limit(maxEntriesPerInput).sorted().toArray();
    }

    private EntryCheck compare(String name, double backprop, DoubleUnaryOperator f, double x, boolean finiteValue) {
        if (!finiteValue || !Double.isFinite(backprop) || !Double.isFinite(x)) {
            return new EntryCheck(name, backprop, Double.NaN, Double.NaN, Double.NaN, Status.NON_FINITE);
        }
        // Where the function is smooth on each side of x (perhaps not at x), each side's slopes settle
        // on a one-sided derivative as the step shrinks; where a pole is within reach of the steps,
        // they grow without bound, and no estimate, central or one-sided, says what the derivative
        // is: a disagreement there is undecided, never a kink and never a failure.
        // Found only where a verdict turns on it, so that an entry that plainly passes costs no more.
        double hx = x == 0 ? 1e-4 : 1e-4 * Math.abs(x);
        Boolean[] known = {null};
        BooleanSupplier settled = () -> known[0] != null ? known[0] : (known[0] = settles(f, x, hx, true) && settles(f, x, hx, false));
        FiniteDifference.Estimate est = FiniteDifference.derivative(f, x);
        if (!agree(backprop, est.value()) && settled.getAsBoolean()) {
            // Smooth at the scale of the point, where the first steps may have reached a pole farther off.
            est = FiniteDifference.better(FiniteDifference.derivative(f, x, 16 * hx), est);
        }
        double numeric = est.value();
        double error = Math.abs(backprop - numeric);
        if (!Double.isFinite(numeric)) {
            return new EntryCheck(name, backprop, numeric, est.error(), error, Status.NON_FINITE);
        }
        boolean agree = agree(backprop, numeric);
        Status undecided = agree ? Status.PASS : Status.INCONCLUSIVE;
        // A jump: the change across the point does not shrink with the step, so there is no
        // derivative to compare against (sign at 0).
        double wide = Math.abs(f.applyAsDouble(x + hx) - f.applyAsDouble(x - hx));
        double narrow = Math.abs(f.applyAsDouble(x + hx / 16) - f.applyAsDouble(x - hx / 16));
        if (narrow > 0.5 * wide && narrow > 1e-8 * Math.max(1, Math.abs(f.applyAsDouble(x)))) {
            return new EntryCheck(name, backprop, numeric, est.error(), error, settled.getAsBoolean() ? Status.NON_SMOOTH : undecided);
        }
        // A kink: the one-sided derivatives differ. The derivative does not exist there, so a
        // value between them (a subgradient: relu's 0, a tie's 1/2) is a convention, reported
        // NON_SMOOTH; any other value must agree with the central estimate. The step is
        // relative, so a smooth function of a tiny input is not mistaken for a kink.
        double left = FiniteDifference.oneSided(f, x, hx, false);
        double right = FiniteDifference.oneSided(f, x, hx, true);
        // Relative to the slopes themselves (a kink between 0 and 1e-6 is a kink), but above the check's
        // absolute tolerance, so that the noise of two flat estimates is not one.
        double gap = Math.abs(left - right);
        boolean kink = gap > 1e-3 * Math.max(Math.abs(left), Math.abs(right)) && gap > absolute;
        boolean between = backprop >= Math.min(left, right) - absolute - relative * Math.abs(backprop)
                && backprop <= Math.max(left, right) + absolute + relative * Math.abs(backprop);
        Status status = kink && between && settled.getAsBoolean() ? Status.NON_SMOOTH
                : agree ? Status.PASS : settled.getAsBoolean() ? Status.FAIL : Status.INCONCLUSIVE;
        return new EntryCheck(name, backprop, numeric, est.error(), error, status);
    }

    /**
     * {@return whether the slopes of {@code f} on one side of {@code x} settle as the step shrinks}:
     * the slopes of three segments that never touch {@code x} itself, each a quarter of the one
     * before ({@code [h/4, h]}, {@code [h/16, h/4]}, {@code [h/64, h/16]} from {@code x}), differ
     * by a tenth at most and change by less each time, as they do by a quarter where {@code f} is
     * smooth on that side at the scale of {@code h}, allowing for rounding; near a pole each grows
     * about sixteenfold
     */
    private boolean settles(DoubleUnaryOperator f, double x, double h, boolean right) {
        double s = right ? h : -h;
        double f1 = f.applyAsDouble(x + s);
        double f2 = f.applyAsDouble(x + s / 4);
        double f3 = f.applyAsDouble(x + s / 16);
        double f4 = f.applyAsDouble(x + s / 64);
        double m1 = (f1 - f2) / (s * 3 / 4);
        double m2 = (f2 - f3) / (s * 3 / 16);
        double m3 = (f3 - f4) / (s * 3 / 64);
        if (!Double.isFinite(m1) || !Double.isFinite(m2) || !Double.isFinite(m3)) {
            return false;
        }
        double largest = Math.max(Math.max(Math.abs(f1), Math.abs(f2)), Math.max(Math.abs(f3), Math.abs(f4)));
        double rounding = 16 * Math.ulp(largest) / Math.abs(s * 3 / 64);
        double slopes = Math.max(Math.max(Math.abs(m1), Math.abs(m2)), Math.abs(m3));
        double noise = 1e-6 * slopes + absolute + rounding;
        return Math.abs(m2 - m1) <= 0.1 * slopes + noise && Math.abs(m3 - m2) <= 0.5 * Math.abs(m2 - m1) + noise;
    }

    private static RealMatrix gradientOf(Tape tape, Leaf.Variable v) {
        for (int i = 0; i < tape.size(); i++) {
            if (tape.node(i) instanceof Leaf.Variable w && w.name().equals(v.name())) {
                return tape.gradient(i);
            }
        }
        throw new IllegalStateException("variable " + v.name() + " is not on the tape");
    }

    @Override
    public String toString() {
        return "GradientCheck{" + describe() + "}";
    }
}
