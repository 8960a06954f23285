package adjoint.eval;

import adjoint.expr.MatrixText;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealVector;

/**
 * A matrix handed out without a copy, that cannot be changed: every method that would change
 * it throws {@link UnsupportedOperationException}, and {@link #getDataRef} gives a copy.
 * {@link #copy} gives an ordinary, changeable matrix.
 */
final class ReadOnlyMatrix extends Array2DRowRealMatrix {

    private static final long serialVersionUID = 1L;

    /** Wraps entries that nothing else will change. */
    ReadOnlyMatrix(double[][] entries) {
        super(entries, false);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("this matrix is read-only: a gradient handed out by adjoint; copy() it to change it");
    }

    /** {@return the entries as short text, {@code [[1, 2], [3, 4]]}} */
    @Override
    public String toString() {
        return MatrixText.of(getDataRef());
    }

    /** {@return a copy of the entries: the matrix's own cannot be handed out} */
    @Override
    public double[][] getDataRef() {
        return getData();
    }

    @Override
    public void setEntry(int row, int column, double value) {
        throw readOnly();
    }

    @Override
    public void addToEntry(int row, int column, double increment) {
        throw readOnly();
    }

    @Override
    public void multiplyEntry(int row, int column, double factor) {
        throw readOnly();
    }

    @Override
    public void setSubMatrix(double[][] subMatrix, int row, int column) {
        throw readOnly();
    }

    @Override
    public void setRow(int row, double[] array) {
        throw readOnly();
    }

    @Override
    public void setColumn(int column, double[] array) {
        throw readOnly();
    }

    @Override
    public void setRowVector(int row, RealVector vector) {
        throw readOnly();
    }

    @Override
    public void setColumnVector(int column, RealVector vector) {
        throw readOnly();
    }

    @Override
    public void setRowMatrix(int row, RealMatrix matrix) {
        throw readOnly();
    }

    @Override
    public void setColumnMatrix(int column, RealMatrix matrix) {
        throw readOnly();
    }

    @Override
    public double walkInRowOrder(RealMatrixChangingVisitor visitor) {
        throw readOnly();
    }

    @Override
    public double walkInRowOrder(RealMatrixChangingVisitor visitor, int startRow, int endRow, int startColumn, int endColumn) {
        throw readOnly();
    }

    @Override
    public double walkInColumnOrder(RealMatrixChangingVisitor visitor) {
        throw readOnly();
    }

    @Override
    public double walkInColumnOrder(RealMatrixChangingVisitor visitor, int startRow, int endRow, int startColumn, int endColumn) {
        throw readOnly();
    }

    @Override
    public double walkInOptimizedOrder(RealMatrixChangingVisitor visitor) {
        throw readOnly();
    }

    @Override
    public double walkInOptimizedOrder(RealMatrixChangingVisitor visitor, int startRow, int endRow, int startColumn, int endColumn) {
        throw readOnly();
    }
}
