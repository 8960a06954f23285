package adjoint.expr;

/**
 * The shape of a node's value: {@code rows x cols}. A scalar is {@code 1x1}, a vector is a column
 * {@code n x 1}.
 *
 * @param rows the number of rows, at least 1
 * @param cols the number of columns, at least 1
 */
public record Shape(int rows, int cols) {

    /** The shape of a scalar, {@code 1x1}. */
    public static final Shape SCALAR = new Shape(1, 1);

    /** Checks that both dimensions are positive. */
    public Shape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("shape " + rows + "x" + cols + " has a dimension below 1");
        }
    }

    /** {@return the shape {@code rows x cols}} */
    public static Shape of(int rows, int cols) {
        return rows == 1 && cols == 1 ? SCALAR : new Shape(rows, cols);
    }

    /**
     * {@return the column-vector shape {@code n x 1}}
     *
     * @param n the number of rows
     */
    public static Shape vector(int n) {
        return of(n, 1);
    }

    /** {@return whether this is the scalar shape {@code 1x1}} */
    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    /** {@return the number of entries, {@code rows * cols}} */
    public int size() {
        return rows * cols;
    }

    /** {@return this shape with rows and columns swapped} */
    public Shape transposed() {
        return of(cols, rows);
    }

    /** {@return the shape as {@code rowsxcols}, for example {@code 3x2}} */
    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
