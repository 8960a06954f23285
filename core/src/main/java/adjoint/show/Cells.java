package adjoint.show;

import java.util.Locale;
import org.apache.commons.math3.linear.RealMatrix;

/** Numbers and matrices as short text for tables and pictures. */
final class Cells {

    /** Matrices with more rows or columns than this are cut. */
    static final int MAX_SIDE = 4;

    private Cells() {}

    /** {@return {@code x} to six significant digits, trailing zeros dropped: {@code 0.272429}, {@code 2}, {@code -1.36072e-17}} */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (!exponent.isEmpty()) {
            exponent = exponent.replace("e+0", "e+").replace("e-0", "e-").replace("e+", "e");
        }
        return mantissa + exponent;
    }

    /** {@return a matrix's rows as lines, cut to {@value #MAX_SIDE} rows and columns; a scalar as one line} */
    static java.util.List<String> lines(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(rows, MAX_SIDE); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < Math.min(cols, MAX_SIDE); j++) {
                sb.append(j == 0 ? "" : "  ").append(number(m.getEntry(i, j)));
            }
            out.add(sb.append(cols > MAX_SIDE ? "  …" : "").toString());
        }
        if (rows > MAX_SIDE) {
            out.add("…");
        }
        return out;
    }

    /** {@return a scalar as its number; a matrix by rows, cut to {@value #MAX_SIDE} rows and columns} */
    static String value(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        if (rows == 1 && cols == 1) {
            return number(m.getEntry(0, 0));
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(rows, MAX_SIDE); i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < Math.min(cols, MAX_SIDE); j++) {
                sb.append(j == 0 ? "" : ", ").append(number(m.getEntry(i, j)));
            }
            sb.append(cols > MAX_SIDE ? ", …]" : "]");
        }
        return sb.append(rows > MAX_SIDE ? ", …]" : "]").toString();
    }
}
