package adjoint.testkit;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Structural;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * An {@link OpSpec} for every op of the core algebra. The elementwise ops' specs are read from
 * the op tables ({@link UnaryOp#values()}, {@link BinaryOp#values()}), each with the domain its
 * constant gives, and the structural ops' from each record's {@link Structural.Kind}, so an op
 * added to either is generated with no edit here.
 */
public final class CoreOps {

    private static final Seq<OpSpec> STRUCTURAL = Array.of(Structural.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(Structural.class))
            .flatMap(c -> Array.ofAll(Structural.kindsOf(c)).map(k -> (OpSpec) new StructuralSpec(c, k)));

    private static final Seq<OpSpec> ALL = Array.<OpSpec>empty()
            .appendAll(Array.of(UnaryOp.values()).map(op -> Specs.elementwise(Unary.class, op.syntax(),
                    a -> new Unary(op, a), op.domain())))
            .appendAll(Array.of(BinaryOp.values()).map(op -> Specs.binary(Binary.class, op.syntax(),
                    (a, b) -> new Binary(op, a, b), op.domain(0), op.domain(1))))
            .append(new ConstantPowerSpec())
            .appendAll(STRUCTURAL);

    private CoreOps() {}

    /** {@return a spec for every core op, in a fixed order} */
    public static Seq<OpSpec> all() {
        return ALL;
    }

    /** {@return the name of every core op, as {@link Expr#op()} gives it: the op tables' and the structural records'} */
    public static Seq<String> opNames() {
        return ALL.map(OpSpec::op).distinct();
    }

    /**
     * {@return the structural record types whose spec is incomplete}: each record's
     * {@link Structural.Kind} gives the spec, so this is empty unless a kind's examples give
     * no input shapes for any output shape up to 3 x 3
     */
    public static Seq<Class<?>> missing() {
        return STRUCTURAL.filter(spec -> Array.rangeClosed(1, 3).flatMap(r -> Array.rangeClosed(1, 3).map(c -> Shape.of(r, c)))
                .forAll(out -> !spec.produces(out))).map(OpSpec::type);
    }

    /** A structural op's spec, read from its {@link Structural.Kind}. */
    private record StructuralSpec(Class<? extends Expr> type, Structural.Kind kind) implements OpSpec {

        @Override
        public String op() {
            return kind.op();
        }

        @Override
        public boolean produces(Shape out) {
            return kind.examples().inputShapes(out, new Fixed()).isPresent();
        }

        @Override
        public Option<Seq<Shape>> inputShapes(Shape out, Draw draw) {
            return Option.ofOptional(kind.examples().inputShapes(out, choices(draw))).map(Array::ofAll);
        }

        @Override
        public Expr build(Seq<Expr> inputs, Shape out, Draw draw) {
            java.util.List<Shape> shapes = inputs.map(Expr::shape).asJava();
            return kind.build(inputs.asJava(), kind.examples().parameters(shapes, out, choices(draw)));
        }

        @Override
        public Domain domain(Expr op, int index) {
            return Domain.ANY;
        }

        @Override
        public String toString() {
            return kind.name();
        }

        private static Structural.Choices choices(Draw draw) {
            return new Structural.Choices() {
                @Override
                public int dim() {
                    return draw.dim();
                }

                @Override
                public int between(int lo, int hi) {
                    return draw.between(lo, hi);
                }
            };
        }

        /** The smallest choices, to ask whether a shape can be produced at all. */
        private static final class Fixed implements Structural.Choices {
            @Override
            public int dim() {
                return 1;
            }

            @Override
            public int between(int lo, int hi) {
                return lo;
            }
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
