package adjoint.testkit;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.MatrixOp;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * An {@link OpSpec} for every op of the core algebra. The elementwise ops' specs are read from
 * the op tables ({@link UnaryOp#values()}, {@link BinaryOp#values()}), each with the domain its
 * constant gives, so an op added there is generated with no edit here. The structural ops
 * ({@link MatrixOp}) have specs written here, and {@link #missing()} names any record type of
 * that family without one (the property suites fail on it).
 */
public final class CoreOps {

    private static final Map<Class<? extends Expr>, OpSpec> STRUCTURAL = LinkedHashMap.<Class<? extends Expr>, OpSpec>empty()
            .put(MatrixOp.MatMul.class, new MatMulSpec())
            .put(MatrixOp.Transpose.class, Specs.shaped(MatrixOp.Transpose.class, "transpose",
                    out -> true, (out, d) -> Array.of(out.transposed()), (in, out) -> new MatrixOp.Transpose(in.get(0))))
            .put(MatrixOp.Sum.class, Specs.shaped(MatrixOp.Sum.class, "sum",
                    Shape::isScalar, (out, d) -> Array.of(Shape.of(d.dim(), d.dim())), (in, out) -> new MatrixOp.Sum(in.get(0))))
            .put(MatrixOp.Broadcast.class, Specs.shaped(MatrixOp.Broadcast.class, "broadcast",
                    out -> !out.isScalar(), (out, d) -> Array.of(Shape.SCALAR), (in, out) -> new MatrixOp.Broadcast(in.get(0), out)))
            .put(MatrixOp.BroadcastRows.class, Specs.shaped(MatrixOp.BroadcastRows.class, "broadcastRows",
                    out -> true, (out, d) -> Array.of(Shape.of(1, out.cols())), (in, out) -> new MatrixOp.BroadcastRows(in.get(0), out)))
            .put(MatrixOp.Trace.class, Specs.shaped(MatrixOp.Trace.class, "trace",
                    Shape::isScalar, (out, d) -> {
                        int n = d.dim();
                        return Array.of(Shape.of(n, n));
                    }, (in, out) -> new MatrixOp.Trace(in.get(0))))
            .put(MatrixOp.LogSumExpRows.class, Specs.shaped(MatrixOp.LogSumExpRows.class, "logSumExpRows",
                    out -> out.cols() == 1, (out, d) -> Array.of(Shape.of(out.rows(), d.dim())),
                    (in, out) -> new MatrixOp.LogSumExpRows(in.get(0))))
            .put(MatrixOp.SoftmaxRows.class, Specs.shaped(MatrixOp.SoftmaxRows.class, "softmaxRows",
                    out -> true, (out, d) -> Array.of(out), (in, out) -> new MatrixOp.SoftmaxRows(in.get(0))));

    private static final Seq<OpSpec> ALL = Array.<OpSpec>empty()
            .appendAll(Array.of(UnaryOp.values()).map(op -> Specs.elementwise(Unary.class, op.syntax(),
                    a -> new Unary(op, a), op.domain())))
            .appendAll(Array.of(BinaryOp.values()).map(op -> Specs.binary(Binary.class, op.syntax(),
                    (a, b) -> new Binary(op, a, b), op.domain(0), op.domain(1))))
            .append(new ConstantPowerSpec())
            .appendAll(STRUCTURAL.values());

    private CoreOps() {}

    /** {@return a spec for every core op, in a fixed order} */
    public static Seq<OpSpec> all() {
        return ALL;
    }

    /** {@return the name of every core op, as {@link Expr#op()} gives it: the op tables' and the structural records'} */
    public static Seq<String> opNames() {
        return ALL.map(OpSpec::op).distinct();
    }

    /** {@return the structural record types ({@link MatrixOp}'s permitted subclasses) that have no spec here} */
    public static Seq<Class<?>> missing() {
        return Array.of(MatrixOp.class.getPermittedSubclasses())
                .filter(c -> !STRUCTURAL.containsKey(c.asSubclass(Expr.class)))
                .sortBy(Class::getName);
    }

    /** Matrix product: draws the inner dimension. */
    private static final class MatMulSpec implements OpSpec {
        @Override
        public Class<? extends Expr> type() {
            return MatrixOp.MatMul.class;
        }

        @Override
        public String op() {
            return "matmul";
        }

        @Override
        public boolean produces(Shape out) {
            return true;
        }

        @Override
        public Option<Seq<Shape>> inputShapes(Shape out, Draw draw) {
            int k = draw.dim();
            return Option.some(Array.of(Shape.of(out.rows(), k), Shape.of(k, out.cols())));
        }

        @Override
        public Expr build(Seq<Expr> inputs, Shape out, Draw draw) {
            return new MatrixOp.MatMul(inputs.get(0), inputs.get(1));
        }

        @Override
        public Domain domain(Expr op, int index) {
            return Domain.ANY;
        }

        @Override
        public String toString() {
            return op();
        }
    }

    /** Power by a constant exponent: draws the exponent; the base's domain depends on it. */
    private static final class ConstantPowerSpec implements OpSpec {
        private static final Seq<Double> EXPONENTS = Array.of(2.0, 3.0, -1.0, 0.5, 1.5, -0.5, -2.0);

        @Override
        public Class<? extends Expr> type() {
            return Binary.class;
        }

        @Override
        public String op() {
            return BinaryOp.POW.syntax();
        }

        @Override
        public boolean produces(Shape out) {
            return true;
        }

        @Override
        public Option<Seq<Shape>> inputShapes(Shape out, Draw draw) {
            return Option.some(Array.of(out));
        }

        @Override
        public Expr build(Seq<Expr> inputs, Shape out, Draw draw) {
            return Exprs.pow(inputs.get(0), draw.oneOf(EXPONENTS.asJava()));
        }

        @Override
        public Domain domain(Expr op, int index) {
            double p = Exprs.constantValue(((Binary) op).b());
            if (p != Math.rint(p)) {
                return Domain.POSITIVE;
            }
            return p < 0 ? Domain.SMALL_AWAY_FROM_ZERO : Domain.SMALL;
        }

        @Override
        public String toString() {
            return "pow by a constant";
        }
    }
}
