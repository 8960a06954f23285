package adjoint.expr;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * Matrices as short text, the one form every message, {@code toString}, the command line and
 * the page use, the text syntax's literal: a {@code 1x1} as its number, a column as a list
 * ({@code [1, 2, 3]}), up to {@value #MAX_ENTRIES} entries by rows ({@code [[1, 2], [3, 4.5]]}),
 * a larger one by its shape ({@code 30x30 matrix}). Numbers are exact and short: {@code 2}, not
 * {@code 2.0}.
 */
public final class MatrixText {

    /** Matrices with more entries than this are written by their shape. */
    public static final int MAX_ENTRIES = 16;

    private MatrixText() {}

    /**
     * {@return the entries, given by rows, as text}
     *
     * @param rows the entries, by rows
     */
    public static String of(double[][] rows) {
        int r = rows.length;
        int c = rows[0].length;
        if (r == 1 && c == 1) {
            return Structure.number(rows[0][0]);
        }
        if (r * c > MAX_ENTRIES) {
            return r + "x" + c + " matrix";
        }
        StringBuilder sb = new StringBuilder("[");
        if (c == 1) {
            for (int i = 0; i < r; i++) {
                sb.append(i == 0 ? "" : ", ").append(Structure.number(rows[i][0]));
            }
            return sb.append(']').toString();
        }
        for (int i = 0; i < r; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < c; j++) {
                sb.append(j == 0 ? "" : ", ").append(Structure.number(rows[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /**
     * {@return the matrix as text}
     *
     * @param m the matrix
     */
    public static String of(RealMatrix m) {
        return of(m.getData());
    }
}
