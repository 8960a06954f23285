package adjoint.eval;

/**
 * The value of an expression at a point and its Jacobian there, as
 * {@link CompiledFunction#valueAndJacobian} computes them together.
 *
 * <p>The arrays are the caller's: made for this result and not kept by the library.
 *
 * @param value the value's entries, row by row
 * @param jacobian one row per entry of {@code value}, one column per entry of the flat point
 */
public record ValueAndJacobian(double[] value, double[][] jacobian) {}
