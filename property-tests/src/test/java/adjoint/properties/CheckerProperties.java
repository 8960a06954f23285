package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.check.NodeCheck;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.expr.Binary;
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

/** The gradient checker at kinks: a correct rule is never FAILED there, and a wrong rule is never PASSED. */
class CheckerProperties {

    static final Coverage AT_KINKS = new Coverage();
    static final AtomicInteger WRONG = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("[CheckerProperties] seed " + Theories.SEED + "; correct rules at kinks: " + AT_KINKS.summary()
                + "; wrong rules checked: " + WRONG.get());
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
