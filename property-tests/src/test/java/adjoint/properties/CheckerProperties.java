package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.check.NodeCheck;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.fixtures.Fixtures.SteepRelu;
import adjoint.fixtures.Fixtures.WrongTan;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.Graphs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The gradient checker at kinks and near poles: a correct rule is never FAILED there, and a wrong
 * rule is never PASSED.
 */
class CheckerProperties {

    static final Coverage AT_KINKS = new Coverage();
    static final AtomicInteger WRONG = new AtomicInteger();
    static final AtomicInteger NEAR_POLES = new AtomicInteger();
    static final AtomicInteger UNDECIDED = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("[CheckerProperties] seed " + Theories.SEED + "; correct rules at kinks: " + AT_KINKS.summary()
                + "; wrong rules checked: " + WRONG.get() + "; rules near poles: " + NEAR_POLES.get() + ", "
                + UNDECIDED.get() + " of them inconclusive");
    }

    /**
     * A function with a pole or a singularity, {@code tan} (at {@code π/2}), {@code 1/x} or
     * {@code ln x} (at 0), with its derivative or a wrong one: {@code 1/cos x}, {@code -1/x},
     * {@code 1/x²}.
     *
     * @param a the input
     * @param kind 0 for tan, 1 for 1/x, 2 for ln
     * @param wrong whether the derivative is the wrong one
     */
    record NearPole(Expr a, int kind, boolean wrong) implements Custom.Elementwise {
        static final double[] POLES = {Math.PI / 2, 0, 0};

        @Override
        public String op() {
            return (wrong ? "wrong_" : "") + List.of("tan", "reciprocal", "log").get(kind);
        }

        @Override
        public double apply(double x) {
            return switch (kind) {
                case 0 -> Math.tan(x);
                case 1 -> 1 / x;
                default -> Math.log(x);
            };
        }

        @Override
        public double derivative(double x, double out) {
            return switch (kind) {
                case 0 -> wrong ? 1 / Math.cos(x) : 1 + out * out;
                case 1 -> wrong ? -1 / x : -1 / (x * x);
                default -> wrong ? 1 / (x * x) : 1 / x;
            };
        }
    }

    @Test
    void nearAPoleACorrectRuleIsNeverFailedAndAWrongRuleNeverPassed() {
        // x = pole ± 10^u, u from -9 to -1 (ln only from the right): 1/(x-1) at 1.0000001, tan at 1.570796.
        qt().forAll(SourceDSL.integers().between(0, 2), SourceDSL.doubles().between(-9, -1), SourceDSL.booleans().all(),
                        SourceDSL.booleans().all())
                .checkAssert((kind, u, left, wrong) -> {
                    double x = NearPole.POLES[kind] + (left && kind != 2 ? -1 : 1) * Math.pow(10, u);
                    NEAR_POLES.incrementAndGet();
                    CheckReport r = GradientCheck.defaults().check(new NearPole(new Leaf.Variable("x"), kind, wrong), Bindings.of("x", x));
                    if (r.inconclusive()) {
                        UNDECIDED.incrementAndGet();
                    }
                    if (wrong ? r.passed() : r.failed()) {
                        throw new AssertionError((wrong ? "a wrong rule PASSED" : "a correct rule was FAILED") + " near a pole:\n"
                                + r.render());
                    }
                });
    }

    /** The kinks of the core ops, each put at its kink by shifting its input: {@code t = z - c}, 0 at the point. */
    static Expr atKink(int kind, Expr t) {
        return switch (kind) {
            case 0 -> new Unary(UnaryOp.RELU, t);
            case 1 -> new Unary(UnaryOp.ABS, t);
            case 2 -> new Unary(UnaryOp.SIGN, t);
            case 3 -> new Binary(BinaryOp.MAX, t, new Leaf.Constant(0));
            default -> new Binary(BinaryOp.MIN, t, new Leaf.Constant(0));
        };
    }

    @Test
    void aCorrectRuleAtAKinkIsNeverFailed() {
        // Samples without x0, or not finite once shifted, are passed over: more are asked for.
        qt().withExamples(Theories.EXAMPLES * 4).forAll(Expressions.scalar().samples(), SourceDSL.integers().between(0, 4),
                        SourceDSL.doubles().between(-3, 3))
                .checkAssert((f, kind, c) -> {
                    // f's first variable x0 becomes kink(z - c) + x0's value, so f is evaluated where it was, and z
                    // sits at the kink.
                    if (!f.point().contains("x0")) {
                        return;
                    }
                    double x0 = f.point().get("x0").get().getEntry(0, 0);
                    Expr kink = atKink(kind, new Binary(BinaryOp.SUB, new Leaf.Variable("z"), new Leaf.Constant(c)));
                    Expr shifted = new Binary(BinaryOp.ADD, kink, new Leaf.Constant(x0));
                    Expr h = Graphs.rebuild(f.expression(), leaf -> leaf instanceof Leaf.Variable v && v.name().equals("x0") ? shifted : leaf);
                    Bindings at = f.point().and("z", c);
                    if (!Double.isFinite(Backprop.value(h, at))) {
                        return;
                    }
                    AT_KINKS.record(h);
                    CheckReport r = GradientCheck.defaults().check(h, at);
                    if (r.failed()) {
                        throw new AssertionError("a correct rule at a kink was FAILED:\n" + r.render());
                    }
                });
    }

    @Test
    void aWrongRuleIsNeverPassed() {
        qt().withExamples(Theories.EXAMPLES * 2).forAll(SourceDSL.doubles().between(-1.2, 1.2), SourceDSL.integers().between(0, 1))
                .checkAssert((x, which) -> {
            Expr node = which == 0 ? new WrongTan(new Leaf.Variable("in0")) : new SteepRelu(new Leaf.Variable("in0"));
            double t = Math.tan(x);
            boolean rightHere = which == 0 ? Math.abs(t) < 1e-3 || Math.abs(t - 1) < 1e-3 : x < 0;
            if (rightHere) {
                return;
            }
            WRONG.incrementAndGet();
            RealMatrix in = new Array2DRowRealMatrix(new double[][] {{x}});
            NodeCheck n = GradientCheck.defaults().checkNode(node, List.of(in));
            if (n.passed()) {
                throw new AssertionError("a wrong rule passed:\n" + n.render());
            }
        });
    }
}
