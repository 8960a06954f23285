package adjoint.show;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
        int e = (int) Math.floor(Math.log10(Math.abs(x)));
        double mantissa = Math.round(x / Math.pow(10, e - 5)) / 1e5;
        if (Math.abs(mantissa) >= 10) {
            e++;
            mantissa = Math.round(x / Math.pow(10, e - 5)) / 1e5;
        }
        if (e >= -5 && e < 6) {
            double scale = Math.pow(10, 5 - e);
            return plain(Math.round(x * scale) / scale);
        }
        return plain(mantissa) + "e" + e;
    }

    /** {@return a double that holds at most six significant digits, without a trailing {@code .0}} */
    private static String plain(double v) {
        String s = Double.toString(v);
        if (s.contains("E")) {
            s = new BigDecimal(s).toPlainString();
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** {@return a matrix's rows as lines, cut to {@value #MAX_SIDE} rows and columns; a scalar as one line} */
    static List<String> lines(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        List<String> out = new ArrayList<>();
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
        if (m.getRowDimension() == 1 && m.getColumnDimension() == 1) {
            return number(m.getEntry(0, 0));
        }
        return byRows(m, MAX_SIDE);
    }

    /** {@return a matrix by rows, {@code [[1, 2], [3, 4]]}, cut with {@code …} past {@code side} rows and columns} */
    private static String byRows(RealMatrix m, int side) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(rows, side); i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < Math.min(cols, side); j++) {
                sb.append(j == 0 ? "" : ", ").append(number(m.getEntry(i, j)));
            }
            sb.append(cols > side ? ", …]" : "]");
        }
        return sb.append(rows > side ? ", …]" : "]").toString();
    }

    /** Matrices with more entries than this are cut when written "in full". */
    static final int MAX_FULL = 64;

    /** {@return a matrix as its shape and first entry: {@code 3x3 [-1, …]}} */
    static String brief(RealMatrix m) {
        return m.getRowDimension() + "x" + m.getColumnDimension() + " [" + number(m.getEntry(0, 0)) + ", …]";
    }

    /** {@return every entry by rows, up to {@value #MAX_FULL} entries; a larger matrix cut as {@link #value} cuts it} */
    static String full(RealMatrix m) {
        return m.getRowDimension() * m.getColumnDimension() > MAX_FULL ? value(m) : byRows(m, Integer.MAX_VALUE);
    }

    /** {@return a number or matrix in LaTeX math: {@code 1.5 \\times 10^{-7}}, a {@code bmatrix} cut to {@value #MAX_SIDE} rows and columns} */
    static String latex(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        if (rows == 1 && cols == 1) {
            return latexNumber(m.getEntry(0, 0));
        }
        StringBuilder sb = new StringBuilder("\\begin{bmatrix}");
        for (int i = 0; i < Math.min(rows, MAX_SIDE); i++) {
            sb.append(i == 0 ? " " : " \\\\ ");
            for (int j = 0; j < Math.min(cols, MAX_SIDE); j++) {
                sb.append(j == 0 ? "" : " & ").append(latexNumber(m.getEntry(i, j)));
            }
            sb.append(cols > MAX_SIDE ? " & \\cdots" : "");
        }
        if (rows > MAX_SIDE) {
            sb.append(" \\\\ \\vdots");
        }
        return sb.append(" \\end{bmatrix}").toString();
    }

    /** {@return a number in LaTeX math: six significant digits, an exponent as a power of ten} */
    static String latexNumber(double x) {
        if (Double.isNaN(x)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\\infty" : "-\\infty";
        }
        String n = number(x);
        int e = n.indexOf('e');
        return e < 0 ? n : n.substring(0, e) + " \\times 10^{" + n.substring(e + 1) + "}";
    }
}
