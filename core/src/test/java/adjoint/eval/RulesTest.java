package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf.MatrixConstant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.BroadcastRows;
import adjoint.expr.LogSumExpRows;
import adjoint.expr.MatMul;
import adjoint.expr.MatrixTrace;
import adjoint.expr.SoftmaxRows;
import adjoint.expr.Sum;
import adjoint.expr.Transpose;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each op's value and gradient against its derivative written out independently. */
class RulesTest {

    static final Variable X = new Variable("x");
    static final Variable Y = new Variable("y");

    /** An elementwise op: how to build it, its value and its derivative, and points where it is smooth. */
    record UnaryCase(String name, Function<Expr, Expr> build, DoubleUnaryOperator f, DoubleUnaryOperator df,
            double... points) {
        /** The case of a one-input op of the table. */
        UnaryCase(UnaryOp op, DoubleUnaryOperator f, DoubleUnaryOperator df, double... points) {
            this(op.syntax(), e -> new Unary(op, e), f, df, points);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<UnaryCase> UNARY = List.of(
            new UnaryCase(UnaryOp.NEG, x -> -x, x -> -1, -1.3, 0.7),
            new UnaryCase(UnaryOp.EXP, Math::exp, Math::exp, -1.3, 0.7, 3),
            new UnaryCase(UnaryOp.EXPM1, Math::expm1, Math::exp, -1.3, 1e-9, 0.7, 3),
            new UnaryCase(UnaryOp.LOG, Math::log, x -> 1 / x, 0.3, 1, 7),
            new UnaryCase(UnaryOp.SQRT, Math::sqrt, x -> 1 / (2 * Math.sqrt(x)), 0.3, 4),
            new UnaryCase(UnaryOp.SQUARE, x -> x * x, x -> 2 * x, -1.3, 0.7),
            new UnaryCase(UnaryOp.INV, x -> 1 / x, x -> -1 / (x * x), -1.3, 0.7),
            new UnaryCase(UnaryOp.SIN, Math::sin, Math::cos, -1.3, 0.7, 2),
            new UnaryCase(UnaryOp.COS, Math::cos, x -> -Math.sin(x), -1.3, 0.7, 2),
            new UnaryCase(UnaryOp.TAN, Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)), -1.3, 0.7, 2),
            new UnaryCase(UnaryOp.TANH, Math::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), -1.3, 0.7),
            new UnaryCase(UnaryOp.ATAN, Math::atan, x -> 1 / (1 + x * x), -3, -0.4, 0, 2.5),
            new UnaryCase(UnaryOp.SIGMOID, x -> 1 / (1 + Math.exp(-x)),
                    x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))), -1.3, 0.7, 5),
            new UnaryCase(UnaryOp.RELU, x -> Math.max(x, 0), x -> x > 0 ? 1 : 0, -1.3, 0.7),
            new UnaryCase(UnaryOp.ABS, Math::abs, x -> x > 0 ? 1 : -1, -1.3, 0.7),
            new UnaryCase(UnaryOp.SOFTPLUS, x -> Math.log(1 + Math.exp(x)),
                    x -> 1 / (1 + Math.exp(-x)), -1.3, 0.7, 5),
            new UnaryCase(UnaryOp.LOG1P, x -> Math.log(1 + x), x -> 1 / (1 + x), -0.5, 0.7, 3),
            new UnaryCase(UnaryOp.SIGN, Math::signum, x -> 0, -1.3, 0.7),
            new UnaryCase(UnaryOp.ERF, org.apache.commons.math3.special.Erf::erf,
                    x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x), -1.3, 0.2, 2),
            new UnaryCase("pow", a -> Exprs.pow(a, 3), x -> x * x * x, x -> 3 * x * x, -1.3, 0.7),
            new UnaryCase("pow", a -> Exprs.pow(a, -0.5), x -> 1 / Math.sqrt(x),
                    x -> -0.5 / (x * Math.sqrt(x)), 0.3, 2));

    /** A two-input elementwise op with its partials. */
    record BinaryCase(BinaryOp op, BiFunction<Double, Double, Double> f,
            BiFunction<Double, Double, Double> dfa, BiFunction<Double, Double, Double> dfb) {
        Expr build(Expr a, Expr b) {
            return new Binary(op, a, b);
        }

        @Override
        public String toString() {
            return op.syntax();
        }
    }

    static final List<BinaryCase> BINARY = List.of(
            new BinaryCase(BinaryOp.ADD, Double::sum, (x, y) -> 1.0, (x, y) -> 1.0),
            new BinaryCase(BinaryOp.SUB, (x, y) -> x - y, (x, y) -> 1.0, (x, y) -> -1.0),
            new BinaryCase(BinaryOp.MUL, (x, y) -> x * y, (x, y) -> y, (x, y) -> x),
            new BinaryCase(BinaryOp.DIV, (x, y) -> x / y, (x, y) -> 1 / y, (x, y) -> -x / (y * y)),
            new BinaryCase(BinaryOp.MAX, Math::max, (x, y) -> x > y ? 1.0 : 0.0, (x, y) -> y > x ? 1.0 : 0.0),
            new BinaryCase(BinaryOp.MIN, Math::min, (x, y) -> x < y ? 1.0 : 0.0, (x, y) -> y < x ? 1.0 : 0.0),
            new BinaryCase(BinaryOp.XLOGY, (x, y) -> x * Math.log(y), (x, y) -> Math.log(y), (x, y) -> x / y),
            new BinaryCase(BinaryOp.GATE, (x, y) -> y > 0 ? x : 0.0, (x, y) -> y > 0 ? 1.0 : 0.0, (x, y) -> 0.0),
            new BinaryCase(BinaryOp.POW, Math::pow, (x, y) -> y * Math.pow(x, y - 1),
                    (x, y) -> Math.pow(x, y) * Math.log(x)));

    static Stream<Arguments> unaryAtPoints() {
        return UNARY.stream().flatMap(c -> Arrays.stream(c.points()).mapToObj(x -> Arguments.of(c, x)));
    }

    static Stream<Arguments> binaryAtPoints() {
        double[][] points = {{0.7, 1.3}, {2.5, -0.4}, {1.1, 3}};
        return BINARY.stream().flatMap(c -> Arrays.stream(points).map(p -> Arguments.of(c, p[0], p[1])));
    }

    static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @Nested
    class Scalars {
        @ParameterizedTest(name = "{0} at {1}")
        @MethodSource("adjoint.eval.RulesTest#unaryAtPoints")
        void unaryValueAndDerivative(UnaryCase c, double x) {
            Gradient g = Backprop.gradient(c.build().apply(X), Bindings.of("x", x));
            assertClose(g.value(), c.f().applyAsDouble(x));
            assertClose(g.scalar("x"), c.df().applyAsDouble(x));
        }

        @ParameterizedTest(name = "{0} at ({1}, {2})")
        @MethodSource("adjoint.eval.RulesTest#binaryAtPoints")
        void binaryValueAndPartials(BinaryCase c, double x, double y) {
            if (c.op() == BinaryOp.POW && x <= 0 || c.op() == BinaryOp.XLOGY && y <= 0) {
                return;
            }
            Gradient g = Backprop.gradient(c.build(X, Y), Bindings.of("x", x).and("y", y));
            assertClose(g.value(), c.f().apply(x, y));
            assertClose(g.scalar("x"), c.dfa().apply(x, y));
            assertClose(g.scalar("y"), c.dfb().apply(x, y));
        }

        @Test
        void everyElementwiseOpHasACaseHere() {
            Set<String> covered = Stream.concat(UNARY.stream().map(UnaryCase::name), BINARY.stream().map(BinaryCase::toString))
                    .collect(Collectors.toSet());
            List<String> missing = Stream.concat(Arrays.stream(UnaryOp.values()).map(UnaryOp::syntax),
                            Arrays.stream(BinaryOp.values()).map(BinaryOp::syntax))
                    .filter(op -> !covered.contains(op)).toList();
            assertThat(missing).as("ops of UnaryOp and BinaryOp with no case in RulesTest.UNARY or BINARY").isEmpty();
        }

        @Test
        void maxAndMinSplitATieMaskTheLoserAndPropagateNaN() {
            Bindings tie = Bindings.of("x", 1.5).and("y", 1.5);
            for (BinaryOp op : List.of(BinaryOp.MAX, BinaryOp.MIN)) {
                Gradient g = Backprop.gradient(new Binary(op, X, Y), tie);
                assertThat(g.scalar("x")).as("%s at a tie", op).isEqualTo(0.5);
                assertThat(g.scalar("y")).as("%s at a tie", op).isEqualTo(0.5);
                assertThat(Backprop.gradient(new Binary(op, X, X), Bindings.of("x", 2)).scalar("x")).as("%s(x, x) = x", op)
                        .isEqualTo(1.0);
                Gradient nan = Backprop.gradient(new Binary(op, X, Y), Bindings.of("x", Double.NaN).and("y", 1));
                assertThat(nan.value()).isNaN();
                assertThat(nan.scalar("x")).isNaN();
                assertThat(nan.scalar("y")).isNaN();
            }
            // sqrt's derivative at 0 is infinite: the losing input still gets exactly 0, never 0·∞ = NaN.
            Gradient g = Backprop.gradient(new Unary(UnaryOp.SQRT, new Binary(BinaryOp.MAX, X, Y)),
                    Bindings.of("x", -1).and("y", 0));
            assertThat(g.scalar("x")).isZero();
            assertThat(g.scalar("y")).isInfinite();
        }

        @Test
        void powAtBaseZeroPassesTheLimitToTheExponentAndSymbolicAgrees() {
            Expr pow = new Binary(BinaryOp.POW, X, Y);
            Gradient g = Backprop.gradient(pow, Bindings.of("x", 0).and("y", 2));
            assertThat(g.scalar("x")).isEqualTo(0.0);
            assertThat(g.scalar("y")).as("x^y ln x at x = 0, y = 2: the limit 0").isEqualTo(0.0);
            var symbolic = adjoint.symbolic.Symbolic.gradient(pow);
            assertThat(Backprop.value(symbolic.get("x"), Bindings.of("x", 0).and("y", 2))).isEqualTo(0.0);
            assertThat(Backprop.value(symbolic.get("y"), Bindings.of("x", 0).and("y", 2))).isEqualTo(0.0);
            assertThat(Backprop.gradient(pow, Bindings.of("x", -2).and("y", 2)).scalar("y")).isNaN();
        }

        @Test
        void xlogyIsZeroWhereItsFirstInputIsAndItsPartialIsLnYThere() {
            Expr e = new Binary(BinaryOp.XLOGY, X, Y);
            Gradient g = Backprop.gradient(e, Bindings.of("x", 0).and("y", 0.5));
            assertThat(g.value()).isZero();
            assertThat(g.scalar("x")).isEqualTo(Math.log(0.5));
            assertThat(g.scalar("y")).isZero();
            assertThat(Backprop.value(e, Bindings.of("x", 0).and("y", 0))).isZero();
            assertThat(Backprop.value(e, Bindings.of("x", 0).and("y", Double.NaN))).isNaN();
            assertThat(Backprop.value(e, Bindings.of("x", Double.NaN).and("y", 2))).isNaN();
        }

        @Test
        void kinksUseZero() {
            assertThat(Backprop.gradient(new Unary(UnaryOp.RELU, X), Bindings.of("x", 0)).scalar("x")).isZero();
            assertThat(Backprop.gradient(new Unary(UnaryOp.ABS, X), Bindings.of("x", 0)).scalar("x")).isZero();
        }

        @Test
        void sigmoidAndSoftplusStayFiniteAtExtremes() {
            for (double x : new double[] {-1000, -40, 40, 1000}) {
                Gradient s = Backprop.gradient(new Unary(UnaryOp.SIGMOID, X), Bindings.of("x", x));
                Gradient p = Backprop.gradient(new Unary(UnaryOp.SOFTPLUS, X), Bindings.of("x", x));
                assertThat(s.value()).isFinite().isBetween(0.0, 1.0);
                assertThat(s.scalar("x")).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(p.value()).isFinite().isCloseTo(Math.max(x, 0), within(1e-12));
                assertThat(p.scalar("x")).isFinite().isCloseTo(x > 0 ? 1 : 0, within(1e-12));
            }
            assertThat(Backprop.value(new Unary(UnaryOp.SIGMOID, X), Bindings.of("x", -40))).isCloseTo(Math.exp(-40), within(1e-30));
            assertThat(Backprop.value(new Unary(UnaryOp.SOFTPLUS, X), Bindings.of("x", -40))).isCloseTo(Math.exp(-40), within(1e-30));
        }

        @Test
        void log1pIsAccurateNearZero() {
            assertThat(Backprop.value(new Unary(UnaryOp.LOG1P, X), Bindings.of("x", 1e-18))).isEqualTo(1e-18);
        }
    }

    @Nested
    class Matrices {
        final Random random = new Random(7);

        RealMatrix randomMatrix(int rows, int cols, double lo, double hi) {
            double[][] d = new double[rows][cols];
            for (double[] row : d) {
                for (int j = 0; j < cols; j++) {
                    row[j] = lo + (hi - lo) * random.nextDouble();
                }
            }
            return MatrixUtils.createRealMatrix(d);
        }

        /** {@return {@code sum(C .* e)}, whose gradient is {@code C} pulled back through {@code e}} */
        Expr weighted(Expr e, RealMatrix c) {
            return new Sum(new Binary(BinaryOp.MUL, new MatrixConstant(c), e));
        }

        void assertMatrixClose(RealMatrix actual, RealMatrix expected) {
            assertThat(actual.getRowDimension()).isEqualTo(expected.getRowDimension());
            assertThat(actual.getColumnDimension()).isEqualTo(expected.getColumnDimension());
            for (int i = 0; i < expected.getRowDimension(); i++) {
                for (int j = 0; j < expected.getColumnDimension(); j++) {
                    assertClose(actual.getEntry(i, j), expected.getEntry(i, j));
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("adjoint.eval.RulesTest#unaryCases")
        void unaryOpsApplyEntryByEntry(UnaryCase c) {
            Variable a = new Variable("A", Shape.of(2, 3));
            double lo = Arrays.stream(c.points()).min().orElseThrow();
            double hi = Arrays.stream(c.points()).max().orElseThrow();
            RealMatrix av = randomMatrix(2, 3, lo, hi);
            RealMatrix cv = randomMatrix(2, 3, -1, 1);
            Gradient g = Backprop.gradient(weighted(c.build().apply(a), cv), Bindings.of("A", av));
            RealMatrix value = Backprop.evaluate(c.build().apply(a), Bindings.of("A", av));
            RealMatrix expected = av.copy();
            expected.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int i, int j, double x) {
                    return cv.getEntry(i, j) * c.df().applyAsDouble(x);
                }
            });
            assertMatrixClose(g.matrix("A"), expected);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    assertClose(value.getEntry(i, j), c.f().applyAsDouble(av.getEntry(i, j)));
                }
            }
        }

        @Test
        void binaryOpsApplyEntryByEntry() {
            Variable a = new Variable("A", Shape.of(3, 2));
            Variable b = new Variable("B", Shape.of(3, 2));
            RealMatrix av = randomMatrix(3, 2, 0.5, 2);
            RealMatrix bv = randomMatrix(3, 2, 0.5, 2);
            RealMatrix cv = randomMatrix(3, 2, -1, 1);
            for (BinaryCase c : BINARY) {
                Gradient g = Backprop.gradient(weighted(c.build(a, b), cv), Bindings.of("A", av).and("B", bv));
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        double x = av.getEntry(i, j);
                        double y = bv.getEntry(i, j);
                        assertClose(g.matrix("A").getEntry(i, j), cv.getEntry(i, j) * c.dfa().apply(x, y));
                        assertClose(g.matrix("B").getEntry(i, j), cv.getEntry(i, j) * c.dfb().apply(x, y));
                    }
                }
            }
        }

        @Test
        void matmulPullsBackGBTransposedAndATransposedG() {
            Variable a = new Variable("A", Shape.of(2, 4));
            Variable b = new Variable("B", Shape.of(4, 3));
            RealMatrix av = randomMatrix(2, 4, -1, 1);
            RealMatrix bv = randomMatrix(4, 3, -1, 1);
            RealMatrix cv = randomMatrix(2, 3, -1, 1);
            Expr product = new MatMul(a, b);
            Gradient g = Backprop.gradient(weighted(product, cv), Bindings.of("A", av).and("B", bv));
            assertMatrixClose(Backprop.evaluate(product, Bindings.of("A", av).and("B", bv)), av.multiply(bv));
            assertMatrixClose(g.matrix("A"), cv.multiply(bv.transpose()));
            assertMatrixClose(g.matrix("B"), av.transpose().multiply(cv));
        }

        @Test
        void matrixVectorProduct() {
            Variable w = new Variable("W", Shape.of(3, 2));
            Variable x = new Variable("x", Shape.vector(2));
            RealMatrix wv = randomMatrix(3, 2, -1, 1);
            RealMatrix xv = randomMatrix(2, 1, -1, 1);
            Gradient g = Backprop.gradient(new Sum(new MatMul(w, x)), Bindings.of("W", wv).and("x", xv));
            RealMatrix ones = MatrixUtils.createRealMatrix(3, 1).scalarAdd(1);
            assertMatrixClose(g.matrix("W"), ones.multiply(xv.transpose()));
            assertMatrixClose(g.matrix("x"), wv.transpose().multiply(ones));
        }

        @Test
        void transposePullsBackGTransposed() {
            Variable a = new Variable("A", Shape.of(2, 3));
            RealMatrix cv = randomMatrix(3, 2, -1, 1);
            Gradient g = Backprop.gradient(weighted(new Transpose(a), cv), Bindings.of("A", randomMatrix(2, 3, -1, 1)));
            assertMatrixClose(g.matrix("A"), cv.transpose());
        }

        @Test
        void sumPullsBackOnes() {
            Variable a = new Variable("A", Shape.of(2, 3));
            RealMatrix av = randomMatrix(2, 3, -1, 1);
            Gradient g = Backprop.gradient(new Sum(a), Bindings.of("A", av));
            assertClose(g.value(), Arrays.stream(av.getData()).flatMapToDouble(Arrays::stream).sum());
            assertMatrixClose(g.matrix("A"), MatrixUtils.createRealMatrix(2, 3).scalarAdd(1));
        }

        @Test
        void broadcastPullsBackTheSumOfG() {
            RealMatrix cv = randomMatrix(2, 3, -1, 1);
            Gradient g = Backprop.gradient(weighted(new Broadcast(X, Shape.of(2, 3)), cv), Bindings.of("x", 1.5));
            double total = Arrays.stream(cv.getData()).flatMapToDouble(Arrays::stream).sum();
            assertClose(g.value(), 1.5 * total);
            assertClose(g.scalar("x"), total);
        }

        @Test
        void tracePullsBackTheIdentity() {
            Variable a = new Variable("A", Shape.of(3, 3));
            RealMatrix av = randomMatrix(3, 3, -1, 1);
            Gradient g = Backprop.gradient(new MatrixTrace(a), Bindings.of("A", av));
            assertClose(g.value(), av.getTrace());
            assertMatrixClose(g.matrix("A"), MatrixUtils.createRealIdentityMatrix(3));
        }

        @Test
        void logSumExpRowsPullsBackEachRowsSoftmax() {
            Variable a = new Variable("A", Shape.of(2, 3));
            RealMatrix av = randomMatrix(2, 3, -2, 2);
            RealMatrix cv = randomMatrix(2, 1, -1, 1);
            Expr lse = new LogSumExpRows(a);
            Gradient g = Backprop.gradient(weighted(lse, cv), Bindings.of("A", av));
            RealMatrix value = Backprop.evaluate(lse, Bindings.of("A", av));
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += Math.exp(av.getEntry(i, j));
                }
                assertClose(value.getEntry(i, 0), Math.log(sum));
                for (int j = 0; j < 3; j++) {
                    assertClose(g.matrix("A").getEntry(i, j), cv.getEntry(i, 0) * Math.exp(av.getEntry(i, j)) / sum);
                }
            }
        }

        @Test
        void logSumExpRowsStaysFiniteAtExtremes() {
            Variable a = new Variable("A", Shape.of(2, 2));
            Gradient g = Backprop.gradient(new Sum(new LogSumExpRows(a)),
                    Bindings.of("A", new double[][] {{1000, 999}, {-1000, -1000}}));
            assertThat(g.value()).isCloseTo(1000 + Math.log1p(Math.exp(-1)) + (-1000 + Math.log(2)), within(1e-9));
            assertThat(g.matrix("A").getData()[0]).containsExactly(new double[] {1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(1))},
                    within(1e-15));
            assertThat(g.matrix("A").getData()[1]).containsExactly(0.5, 0.5);
        }

        @Test
        void broadcastRowsRepeatsTheRowAndPullsBackColumnSums() {
            Variable x = new Variable("X", Shape.of(3, 2));
            Variable b = new Variable("b", Shape.of(1, 2));
            RealMatrix xv = randomMatrix(3, 2, -1, 1);
            RealMatrix bv = randomMatrix(1, 2, -1, 1);
            RealMatrix cv = randomMatrix(3, 2, -1, 1);
            Expr biased = new Binary(BinaryOp.ADD, x, new BroadcastRows(b, Shape.of(3, 2)));
            Bindings at = Bindings.of("X", xv).and("b", bv);
            assertMatrixClose(Backprop.evaluate(biased, at), xv.add(MatrixUtils.createRealMatrix(new double[][] {
                bv.getRow(0), bv.getRow(0), bv.getRow(0)})));
            Gradient g = Backprop.gradient(weighted(biased, cv), at);
            for (int j = 0; j < 2; j++) {
                assertClose(g.matrix("b").getEntry(0, j), cv.getEntry(0, j) + cv.getEntry(1, j) + cv.getEntry(2, j));
            }
            assertMatrixClose(g.matrix("X"), cv);
        }

        @Test
        void broadcastRowsNamesAColumnGivenForARow() {
            Variable column = new Variable("b", Shape.vector(2));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BroadcastRows(column, Shape.of(3, 2)))
                    .isInstanceOf(adjoint.expr.ShapeMismatchException.class)
                    .hasMessageStartingWith("broadcastRows: input is 2x1, not a 1x2 row to repeat into 3x2 (it is a column: transpose it)");
        }

        @Test
        void softmaxRowsIsEachRowsSoftmaxAndPullsBackWithoutAJacobian() {
            Variable a = new Variable("A", Shape.of(2, 3));
            RealMatrix av = randomMatrix(2, 3, -2, 2);
            RealMatrix cv = randomMatrix(2, 3, -1, 1);
            Expr s = new SoftmaxRows(a);
            RealMatrix value = Backprop.evaluate(s, Bindings.of("A", av));
            Gradient g = Backprop.gradient(weighted(s, cv), Bindings.of("A", av));
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += Math.exp(av.getEntry(i, j));
                }
                double dot = 0;
                for (int j = 0; j < 3; j++) {
                    assertClose(value.getEntry(i, j), Math.exp(av.getEntry(i, j)) / sum);
                    dot += cv.getEntry(i, j) * value.getEntry(i, j);
                }
                for (int j = 0; j < 3; j++) {
                    assertClose(g.matrix("A").getEntry(i, j), value.getEntry(i, j) * (cv.getEntry(i, j) - dot));
                }
            }
        }

        @Test
        void softmaxRowsStaysFiniteAtExtremes() {
            Variable a = new Variable("A", Shape.of(1, 3));
            RealMatrix s = Backprop.evaluate(new SoftmaxRows(a), Bindings.of("A", new double[][] {{1000, 999, -1000}}));
            assertThat(s.getRow(0)).containsExactly(new double[] {1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(1)), 0}, within(1e-15));
        }

        @Test
        void aOneByOneProductIsAScalar() {
            Variable u = new Variable("u", Shape.vector(3));
            Variable v = new Variable("v", Shape.vector(3));
            Expr dot = new MatMul(new Transpose(u), v);
            Gradient g = Backprop.gradient(new Unary(UnaryOp.SQUARE, dot),
                    Bindings.of("u", new double[] {1, 2, 3}).and("v", new double[] {4, 5, 6}));
            assertThat(g.value()).isEqualTo(32.0 * 32.0);
            assertThat(g.matrix("u").getColumn(0)).containsExactly(2 * 32 * 4, 2 * 32 * 5, 2 * 32 * 6);
        }
    }

    static Stream<UnaryCase> unaryCases() {
        return UNARY.stream();
    }
}
