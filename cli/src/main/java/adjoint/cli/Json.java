package adjoint.cli;


/** Numbers as JSON writes them: the shortest decimal that gives back the same double. */
final class Json {

    private Json() {}

    /**
     * {@return {@code x} as the shortest decimal that reads back as {@code x}}; NaN and the
     * infinities, which JSON lacks, as the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"} (as Python's {@code json} and Jackson write them when asked), so that
     * each stays distinguishable
     */
    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : Double.isNaN(x) ? "\"NaN\"" : x > 0 ? "\"Infinity\"" : "\"-Infinity\"";
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
