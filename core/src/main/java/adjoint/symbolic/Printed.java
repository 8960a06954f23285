package adjoint.symbolic;

import adjoint.expr.MatrixText;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Results handed out as Commons Math types that print in the library's own form,
 * {@code [[1, 2], [3, 4]]} and {@code [1330, 480]}, exact and the same in every locale, where
 * Commons Math's own {@code toString} writes {@code {1,330; 480}} in an English locale.
 */
final class Printed {

    private Printed() {}

    /** {@return a changeable matrix of these rows, taken without a copy} */
    static RealMatrix matrix(double[][] rows) {
        return new Matrix(rows);
    }

    /** {@return a changeable vector of these entries, taken without a copy} */
    static RealVector vector(double[] entries) {
        return new Vector(entries);
    }

    /** A matrix printed as {@link MatrixText} writes it. */
    private static final class Matrix extends Array2DRowRealMatrix {
        private static final long serialVersionUID = 1L;

        Matrix(double[][] rows) {
            super(rows, false);
        }

        @Override
        public RealMatrix copy() {
            return new Matrix(getData());
        }

        @Override
        public String toString() {
            return MatrixText.of(getDataRef());
        }
    }

    /** A vector printed as a column: {@code [1330, 480]}. */
    private static final class Vector extends ArrayRealVector {
        private static final long serialVersionUID = 1L;

        Vector(double[] entries) {
            super(entries, false);
        }

        @Override
        public ArrayRealVector copy() {
            return new Vector(toArray());
        }

        @Override
        public String toString() {
            double[] entries = getDataRef();
            double[][] column = new double[entries.length][1];
            for (int i = 0; i < entries.length; i++) {
                column[i][0] = entries[i];
            }
            return entries.length == 1 ? "[" + MatrixText.of(column) + "]" : MatrixText.of(column);
        }
    }
}
