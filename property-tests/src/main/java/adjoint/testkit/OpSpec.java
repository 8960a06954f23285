package adjoint.testkit;

import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Shape;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * What the generators need to know about one op: which input shapes give a wanted output shape,
 * how to build it, and where each input is valid and smooth. The testkit has one for every core
 * op ({@link CoreOps}); a user gives one for an op of their own.
 */
public interface OpSpec {

    /** {@return the op's record type} */
    Class<? extends Expr> type();

    /** {@return the op's name, as the nodes it builds report it in {@link Expr#op()}} */
    String op();

    /** {@return whether the op can produce an output of shape {@code out}} */
    boolean produces(Shape out);

    /**
     * {@return the shapes of inputs that make an output of shape {@code out}}, or none if the op
     * cannot produce that shape; may draw (say, an inner dimension)
     */
    Option<Seq<Shape>> inputShapes(Shape out, Draw draw);

    /** {@return the op built on {@code inputs}, of shape {@code out}}; may draw a parameter */
    Expr build(Seq<Expr> inputs, Shape out, Draw draw);

    /** {@return where input {@code index} of the built op {@code op} must lie} */
    Domain domain(Expr op, int index);
}
