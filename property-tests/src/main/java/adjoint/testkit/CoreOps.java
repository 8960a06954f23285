package adjoint.testkit;

import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An {@link OpSpec} for every op of the core algebra, and the list of op types read from the
 * sealed hierarchy itself, so that an op added to the core without a spec here is named by
 * {@link #missing()} (and the property suites fail on it).
 */
public final class CoreOps {

    private static final Map<Class<? extends Expr>, OpSpec> SPECS = LinkedHashMap.<Class<? extends Expr>, OpSpec>empty()
            .put(unary(Unary.Neg.class, Unary.Neg::new, Domain.ANY))
            .put(unary(Unary.Exp.class, Unary.Exp::new, Domain.MODERATE))
            .put(unary(Unary.Log.class, Unary.Log::new, Domain.POSITIVE))
            .put(unary(Unary.Sqrt.class, Unary.Sqrt::new, Domain.POSITIVE))
            .put(unary(Unary.Square.class, Unary.Square::new, Domain.SMALL))
            .put(unary(Unary.Reciprocal.class, Unary.Reciprocal::new, Domain.AWAY_FROM_ZERO))
            .put(unary(Unary.Sin.class, Unary.Sin::new, Domain.ANY))
            .put(unary(Unary.Cos.class, Unary.Cos::new, Domain.ANY))
            .put(unary(Unary.Tan.class, Unary.Tan::new, Domain.TAN))
            .put(unary(Unary.Tanh.class, Unary.Tanh::new, Domain.ANY))
            .put(unary(Unary.Sigmoid.class, Unary.Sigmoid::new, Domain.ANY))
            .put(unary(Unary.Relu.class, Unary.Relu::new, Domain.AWAY_FROM_ZERO))
            .put(unary(Unary.Abs.class, Unary.Abs::new, Domain.AWAY_FROM_ZERO))
            .put(unary(Unary.Softplus.class, Unary.Softplus::new, Domain.ANY))
            .put(unary(Unary.Log1p.class, Unary.Log1p::new, Domain.ABOVE_MINUS_ONE))
            .put(unary(Unary.Sign.class, Unary.Sign::new, Domain.AWAY_FROM_ZERO))
            .put(unary(Unary.Erf.class, Unary.Erf::new, Domain.MODERATE))
            .put(Unary.Power.class, new PowerSpec())
            .put(binary(Binary.Add.class, Binary.Add::new, Domain.ANY, Domain.ANY))
            .put(binary(Binary.Sub.class, Binary.Sub::new, Domain.ANY, Domain.ANY))
            .put(binary(Binary.Mul.class, Binary.Mul::new, Domain.ANY, Domain.ANY))
            .put(binary(Binary.Div.class, Binary.Div::new, Domain.ANY, Domain.AWAY_FROM_ZERO))
            .put(binary(Binary.Pow.class, Binary.Pow::new, Domain.POSITIVE, Domain.MODERATE))
            .put(MatrixOp.MatMul.class, new MatMulSpec())
            .put(MatrixOp.Transpose.class, Specs.shaped(MatrixOp.Transpose.class,
                    out -> true, (out, d) -> Array.of(out.transposed()), (in, out) -> new MatrixOp.Transpose(in.get(0))))
            .put(MatrixOp.Sum.class, Specs.shaped(MatrixOp.Sum.class,
                    Shape::isScalar, (out, d) -> Array.of(Shape.of(d.dim(), d.dim())), (in, out) -> new MatrixOp.Sum(in.get(0))))
            .put(MatrixOp.Broadcast.class, Specs.shaped(MatrixOp.Broadcast.class,
                    out -> !out.isScalar(), (out, d) -> Array.of(Shape.SCALAR), (in, out) -> new MatrixOp.Broadcast(in.get(0), out)))
            .put(MatrixOp.Trace.class, Specs.shaped(MatrixOp.Trace.class,
                    Shape::isScalar, (out, d) -> {
                        int n = d.dim();
                        return Array.of(Shape.of(n, n));
                    }, (in, out) -> new MatrixOp.Trace(in.get(0))))
            .put(MatrixOp.LogSumExpRows.class, Specs.shaped(MatrixOp.LogSumExpRows.class,
                    out -> out.cols() == 1, (out, d) -> Array.of(Shape.of(out.rows(), d.dim())),
                    (in, out) -> new MatrixOp.LogSumExpRows(in.get(0))));

    private CoreOps() {}

    /** {@return a spec for every core op, in a fixed order} */
    public static Seq<OpSpec> all() {
        return SPECS.values().toArray();
    }

    /** {@return the spec of a core op type, if there is one} */
    public static Option<OpSpec> of(Class<? extends Expr> type) {
        return SPECS.get(type);
    }

    /** {@return every concrete op type of the sealed hierarchy, leaves and {@link Custom} aside} */
    public static Seq<Class<?>> opTypes() {
        Seq<Class<?>> found = Array.empty();
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
        todo.push(Expr.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c == Leaf.class || c == Custom.class) {
                continue;
            }
            if (c.isSealed()) {
                for (Class<?> sub : c.getPermittedSubclasses()) {
                    todo.push(sub);
                }
            } else {
                found = found.append(c);
            }
        }
        return found.sortBy(Class::getName);
    }

    /** {@return the op types of the sealed hierarchy that have no spec here} */
    public static Seq<Class<?>> missing() {
        return opTypes().filter(c -> !SPECS.containsKey(c.asSubclass(Expr.class)));
    }

    private static io.vavr.Tuple2<Class<? extends Expr>, OpSpec> unary(Class<? extends Expr> type, Function<Expr, Expr> build,
            Domain domain) {
        return io.vavr.Tuple.of(type, Specs.elementwise(type, build, domain));
    }

    private static io.vavr.Tuple2<Class<? extends Expr>, OpSpec> binary(Class<? extends Expr> type,
            BiFunction<Expr, Expr, Expr> build, Domain a, Domain b) {
        return io.vavr.Tuple.of(type, Specs.binary(type, build, a, b));
    }

    /** Matrix product: draws the inner dimension. */
    private static final class MatMulSpec implements OpSpec {
        @Override
        public Class<? extends Expr> type() {
            return MatrixOp.MatMul.class;
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
    }

    /** Power by a constant: draws the exponent; the base's domain depends on it. */
    private static final class PowerSpec implements OpSpec {
        private static final Seq<Double> EXPONENTS = Array.of(2.0, 3.0, -1.0, 0.5, 1.5, -0.5, -2.0);

        @Override
        public Class<? extends Expr> type() {
            return Unary.Power.class;
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
            return new Unary.Power(inputs.get(0), draw.oneOf(EXPONENTS.asJava()));
        }

        @Override
        public Domain domain(Expr op, int index) {
            double p = ((Unary.Power) op).p();
            if (p != Math.rint(p)) {
                return Domain.POSITIVE;
            }
            return p < 0 ? Domain.SMALL_AWAY_FROM_ZERO : Domain.SMALL;
        }
    }
}
