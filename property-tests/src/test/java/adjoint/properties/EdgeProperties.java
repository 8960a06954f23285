package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.symbolic.Simplify;
import adjoint.testkit.CoreOps;
import adjoint.testkit.Coverage;
import adjoint.testkit.EdgePoints;
import adjoint.testkit.Expressions;
import adjoint.testkit.Graphs;
import adjoint.testkit.Laws;
import adjoint.testkit.Sample;
import io.vavr.collection.Seq;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Laws at the edges: random expressions at points whose entries are zeros of both signs, the
 * ops' kinks and boundaries, tiny and huge magnitudes, infinities and NaN ({@link EdgePoints}).
 */
class EdgeProperties {

    static final Coverage MASKED = new Coverage();
    static final Coverage NAN = new Coverage();
    static final Coverage SIMPLIFIED = new Coverage();
    static final Coverage SYMBOLIC = new Coverage();

    @AfterAll
    static void report() {
        System.out.println("[EdgeProperties] seed " + Theories.SEED);
        System.out.println("[EdgeProperties] masked paths pass exactly 0: " + MASKED.summary());
        System.out.println("[EdgeProperties] a NaN input gives a NaN value: " + NAN.summary());
        System.out.println("[EdgeProperties] exact simplification is bitwise at edge points: " + SIMPLIFIED.summary());
        System.out.println("[EdgeProperties] the symbolic gradient equals backprop at edge points: " + SYMBOLIC.summary());
    }

    /** The ways a path is masked: the input of the mask, the mask itself. */
    enum Mask { RELU_AT_ZERO, RELU_BELOW, ABS_AT_ZERO, SIGN, MAX_LOSER, MIN_LOSER }

    /** {@return {@code g} as its masked input: {@code g - c} is exactly 0 at the point, or {@code -1}} */
    static Expr masked(Mask mask, Expr g, double c) {
        Expr zero = new Binary(BinaryOp.SUB, g, new Leaf.Constant(c));
        Expr below = new Binary(BinaryOp.SUB, zero, new Leaf.Constant(1));
        return switch (mask) {
            case RELU_AT_ZERO -> new Unary(UnaryOp.RELU, zero);
            case RELU_BELOW -> new Unary(UnaryOp.RELU, below);
            case ABS_AT_ZERO -> new Unary(UnaryOp.ABS, zero);
            case SIGN -> new Unary(UnaryOp.SIGN, zero);
            case MAX_LOSER -> new Binary(BinaryOp.MAX, below, new Leaf.Constant(0));
            case MIN_LOSER -> new Binary(BinaryOp.MIN, new Binary(BinaryOp.ADD, zero, new Leaf.Constant(1)), new Leaf.Constant(0));
        };
    }

    @Test
    void aMaskedPathPassesExactlyZeroWhateverComesFromAbove() {
        qt().forAll(Expressions.scalar().samples(), Expressions.scalar().samples(), SourceDSL.integers().between(0, Mask.values().length - 1))
                .checkAssert((f, g, m) -> {
                    MASKED.record(f);
                    Expr inner = Graphs.rebuild(g.expression(), leaf -> leaf instanceof Leaf.Variable v
                            ? new Leaf.Variable("g_" + v.name(), v.shape()) : leaf);
                    Bindings at = f.point();
                    for (String name : g.point().names()) {
                        at = at.and("g_" + name, g.point().get(name).get());
                    }
                    double c = Backprop.value(inner, at);
                    if (!Double.isFinite(c)) {
                        return;
                    }
                    // sqrt's derivative at 0 is infinite, and F's value may be 0, infinite or NaN: the
                    // upstream reaching the mask is anything, and the mask must still pass exactly 0.
                    Expr h = new Binary(BinaryOp.MUL, f.expression(), new Unary(UnaryOp.SQRT, masked(Mask.values()[m], inner, c)));
                    Gradient grad = Backprop.gradient(h, at);
                    for (Leaf.Variable v : CompiledFunction.of(inner).parameters()) {
                        double d = grad.scalar(v.name());
                        if (d != 0) {
                            throw new AssertionError("d/d" + v.name() + " = " + d + " through " + Mask.values()[m] + " in " + h + " at " + at);
                        }
                    }
                });
    }

    /**
     * Every core op but powers ({@code NaN^0} is 1, by IEEE 754 and in every library), gates
     * ({@code gate(x, y)} is 0 where {@code y ≤ 0} whatever {@code x} is: a mask by definition)
     * and slices (a slice of a concatenation may leave the NaN block out).
     */
    static final Seq<adjoint.testkit.OpSpec> NO_POWERS = CoreOps.all().filter(s -> !s.op().equals("pow") && !s.op().equals("gate")
            && !s.op().equals("sliceRows") && !s.op().equals("sliceCols"));

    @Test
    void aNaNInputGivesANaNValue() {
        // A sample without variables has nothing to set to NaN and is passed over, so more are asked for.
        qt().withExamples(Theories.EXAMPLES * 13 / 10).forAll(Expressions.matrix().withOnly(NO_POWERS).samples().flatMap(s -> EdgePoints.like(s.point())
                        .map(p -> new Sample(s.expression(), p, s.nodes()))), SourceDSL.integers().between(0, 10))
                .checkAssert((s, k) -> {
                    List<String> names = CompiledFunction.of(s.expression()).parameters().stream().map(Leaf.Variable::name).toList();
                    if (names.isEmpty()) {
                        return;
                    }
                    NAN.record(s);
                    String name = names.get(k % names.size());
                    var value = s.point().get(name).get();
                    value = value.scalarMultiply(0).scalarAdd(Double.NaN);
                    Bindings at = s.point().and(name, value);
                    double v = Backprop.value(s.expression(), at);
                    if (!Double.isNaN(v)) {
                        throw new AssertionError(name + " = NaN but the value is " + v + ", for " + s.expression() + " at " + at);
                    }
                });
    }

    @Test
    void exactSimplificationKeepsEveryValueBitwiseAtEdgePoints() {
        qt().forAll(Expressions.matrix().samples().flatMap(s -> EdgePoints.like(s.point())
                .map(p -> new Sample(s.expression(), p, s.nodes())))).checkAssert(s -> {
                    SIMPLIFIED.record(s);
                    Expr simple = Simplify.of(s.expression());
                    List<Term> vars = Laws.variables(s.point());
                    double before = CompiledFunction.of(s.expression(), vars).value(s.point());
                    double after = CompiledFunction.of(simple, vars).value(s.point());
                    if (Double.compare(before, after) != 0) {
                        throw new AssertionError("simplified to " + simple + ", which gives " + after + " instead of " + before
                                + ", for " + s);
                    }
                });
    }

    @Test
    void theSymbolicGradientEqualsBackpropAtEdgePoints() {
        qt().forAll(Expressions.matrix().samples().flatMap(s -> EdgePoints.like(s.point())
                .map(p -> new Sample(s.expression(), p, s.nodes())))).checkAssert(s -> {
                    SYMBOLIC.record(s);
                    List<Term> vars = Laws.variables(s.point());
                    Gradient backprop = CompiledFunction.of(s.expression(), vars).gradient(s.point());
                    var symbolic = adjoint.symbolic.Symbolic.gradient(s.expression());
                    for (String name : backprop.variables()) {
                        Expr g = symbolic.get(name);
                        if (g == null) {
                            continue;
                        }
                        var expected = backprop.matrix(name);
                        var actual = CompiledFunction.of(g, vars).evaluate(s.point());
                        for (int i = 0; i < expected.getRowDimension(); i++) {
                            for (int j = 0; j < expected.getColumnDimension(); j++) {
                                double e = expected.getEntry(i, j);
                                double a = actual.getEntry(i, j);
                                boolean same = Double.compare(a, e) == 0 || a == e
                                        || Double.isFinite(a) && Double.isFinite(e) && Math.abs(a - e) <= 1e-9 * Math.max(Math.abs(a), Math.abs(e)) + 1e-300;
                                if (!same) {
                                    throw new AssertionError("d/d" + name + "[" + i + "," + j + "] is " + a + " symbolically but " + e
                                            + " by backprop, for " + s + "\nsymbolic: " + g);
                                }
                            }
                        }
                    }
                });
    }
}
