package adjoint.cli;

import java.util.function.DoubleFunction;

/**
 * A number or matrix as the command line writes it back: a number, a flat list for a column
 * (the text syntax's column literal, the one form of a vector everywhere), else a list of rows;
 * as JSON or as text.
 */
final class Literal {

    private Literal() {}

    /**
     * {@return the entries in their literal form}
     *
     * @param d the entries, by rows
     * @param asNumber whether a {@code 1x1} is written as a number (a scalar variable's), not {@code [x]}
     * @param json whether to write JSON numbers ({@code "NaN"} quoted) rather than Java's
     */
    static String of(double[][] d, boolean asNumber, boolean json) {
        DoubleFunction<String> number = json ? Json::number : Double::toString;
        if (d.length == 1 && d[0].length == 1 && asNumber) {
            return number.apply(d[0][0]);
        }
        StringBuilder sb = new StringBuilder("[");
        boolean flat = d[0].length == 1;
        for (int i = 0; i < d.length; i++) {
            sb.append(i == 0 ? "" : ", ");
            if (flat) {
                sb.append(number.apply(d[i][0]));
                continue;
            }
            sb.append('[');
            for (int j = 0; j < d[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(number.apply(d[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
