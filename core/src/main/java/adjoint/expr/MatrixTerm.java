package adjoint.expr;

/** A {@link Term} whose expression is a matrix or vector, of any shape. */
public interface MatrixTerm extends Term {}
