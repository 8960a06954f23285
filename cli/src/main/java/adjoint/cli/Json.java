package adjoint.cli;

import java.util.Locale;

/** Numbers as JSON writes them: 17 significant digits, enough to give back the same double. */
final class Json {

    private Json() {}

    /** {@return {@code x} with 17 significant digits; NaN and infinities, which JSON lacks, as null} */
    static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.17g", x) : "null";
    }

    /** {@return {@code s} as a JSON string} */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
