package adjoint.expr;

/** A {@link Term} whose expression is a scalar ({@code 1x1}). */
public interface ScalarTerm extends Term {}
