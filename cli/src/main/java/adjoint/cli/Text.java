package adjoint.cli;

/** Text from the user made safe to print on a terminal. */
final class Text {

    private Text() {}

    /**
     * {@return {@code s} with its control characters (C0, DEL and C1) written as {@code \u001b}
     * escapes}, so that echoed input cannot move the cursor or recolour the terminal; tabs and
     * line ends are escaped too, since an echo is one line
     *
     * @param s the text, or null
     */
    static String visible(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f;
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (control) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
