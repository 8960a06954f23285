package adjoint.cli;


/** Numbers as JSON writes them: the shortest decimal that gives back the same double. */
final class Json {

    private Json() {}

    /** {@return {@code x} as the shortest decimal that reads back as {@code x}; NaN and infinities, which JSON lacks, as null} */
    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
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
