package adjoint.testkit;

import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Shape;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ready-made {@link OpSpec}s for the common kinds of op, core or user-defined:
 * <pre>{@code
 * OpSpec logGamma = Specs.elementwise(LogGamma.class, LogGamma::new, Domain.POSITIVE);
 * }</pre>
 * The op's name defaults to the record's simple name with a lower-case first letter
 * ({@code logGamma}); the overloads that take a name are for ops whose {@link Expr#op()} differs.
 */
public final class Specs {

    private Specs() {}

    /** {@return the spec of an elementwise op of one input, of any shape, valid on {@code domain}} */
    public static OpSpec elementwise(Class<? extends Expr> type, Function<Expr, Expr> build, Domain domain) {
        return elementwise(type, defaultName(type), build, domain);
    }

    /** {@return the spec of an elementwise op of one input named {@code op}, of any shape, valid on {@code domain}} */
    public static OpSpec elementwise(Class<? extends Expr> type, String op, Function<Expr, Expr> build, Domain domain) {
        Objects.requireNonNull(build, "build is null");
        return shaped(type, op, out -> true, (out, d) -> Array.of(out), (in, out) -> build.apply(in.get(0)), domain);
    }

    /** {@return the spec of an elementwise op of two inputs of one shape, each valid on its domain} */
    public static OpSpec binary(Class<? extends Expr> type, BiFunction<Expr, Expr, Expr> build, Domain a, Domain b) {
        return binary(type, defaultName(type), build, a, b);
    }

    /** {@return the spec of an elementwise op of two inputs named {@code op}, of one shape, each valid on its domain} */
    public static OpSpec binary(Class<? extends Expr> type, String op, BiFunction<Expr, Expr, Expr> build, Domain a, Domain b) {
        Objects.requireNonNull(build, "build is null");
        return shaped(type, op, out -> true, (out, d) -> Array.of(out, out), (in, out) -> build.apply(in.get(0), in.get(1)), a, b);
    }

    /**
     * {@return a spec from functions}
     *
     * @param type the op's type
     * @param produces which output shapes the op can produce
     * @param shapes the input shapes for an output shape (may draw)
     * @param build the op on given inputs, for an output shape
     * @param domains a domain per input; none means {@link Domain#ANY} for all
     */
    public static OpSpec shaped(Class<? extends Expr> type, Predicate<Shape> produces, BiFunction<Shape, Draw, Seq<Shape>> shapes,
            BiFunction<Seq<Expr>, Shape, Expr> build, Domain... domains) {
        return shaped(type, defaultName(type), produces, shapes, build, domains);
    }

    /** {@return a spec from functions, for an op named {@code op}}, as {@link #shaped(Class, Predicate, BiFunction, BiFunction, Domain...)} */
    public static OpSpec shaped(Class<? extends Expr> type, String op, Predicate<Shape> produces,
            BiFunction<Shape, Draw, Seq<Shape>> shapes, BiFunction<Seq<Expr>, Shape, Expr> build, Domain... domains) {
        return new Shaped(Objects.requireNonNull(type, "type is null"), Objects.requireNonNull(op, "op is null"),
                Objects.requireNonNull(produces, "produces is null"), Objects.requireNonNull(shapes, "shapes is null"),
                Objects.requireNonNull(build, "build is null"), domains.clone());
    }

    private static String defaultName(Class<? extends Expr> type) {
        String name = Objects.requireNonNull(type, "type is null").getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private record Shaped(Class<? extends Expr> type, String op, Predicate<Shape> producesShape, BiFunction<Shape, Draw, Seq<Shape>> shapes,
            BiFunction<Seq<Expr>, Shape, Expr> builder, Domain[] domains) implements OpSpec {

        @Override
        public boolean produces(Shape out) {
            return producesShape.test(out);
        }

        @Override
        public Option<Seq<Shape>> inputShapes(Shape out, Draw draw) {
            return produces(out) ? Option.some(shapes.apply(out, draw)) : Option.none();
        }

        @Override
        public Expr build(Seq<Expr> inputs, Shape out, Draw draw) {
            return builder.apply(inputs, out);
        }

        @Override
        public Domain domain(Expr op, int index) {
            return domains.length == 0 ? Domain.ANY : domains[index];
        }

        @Override
        public String toString() {
            return op;
        }
    }
}
