package adjoint.dsl;

import adjoint.expr.Expr;
import adjoint.expr.Term;
import java.util.Objects;

/** The expression of an operand, checked not to be null. */
final class Operands {

    private Operands() {}

    /** {@return {@code t}}, failing with "operand is null" if it is null */
    static <T> T nonNull(T t) {
        return Objects.requireNonNull(t, "operand is null");
    }

    /** {@return the expression of {@code t}}, failing with "operand is null" if it is null */
    static Expr of(Term t) {
        return Objects.requireNonNull(t, "operand is null").expr();
    }
}
