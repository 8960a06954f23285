package adjoint.expr;

/**
 * Something that stands for an expression: the typed handles of a front end such as the DSL's
 * {@code Scalar} and {@code Matrix}. Results such as {@code Gradient} accept them directly.
 */
public interface Term {

    /** {@return the expression this term stands for} */
    Expr expr();
}
