package adjoint.check;

import org.apache.commons.math3.linear.RealMatrix;

/** Small helpers for matrices as the checker reads and prints them. */
final class Matrices {

    private Matrices() {}

    /** {@return the name of entry {@code (i, j)} of {@code name}: the name alone for a scalar} */
    static String entry(String name, RealMatrix m, int i, int j) {
        return m.getRowDimension() == 1 && m.getColumnDimension() == 1 ? name : name + "[" + i + "," + j + "]";
    }

    /** {@return whether every entry is finite} */
    static boolean finite(RealMatrix m) {
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) {
                if (!Double.isFinite(m.getEntry(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
