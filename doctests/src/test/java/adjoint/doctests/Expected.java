package adjoint.doctests;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An output as a document shows it, compared with the real one line by line, trailing spaces
 * aside. A line of {@code ...} alone (indented or not) stands for any number of lines, none
 * included; {@code ...} inside a line for any text, such as a time measured on the machine that
 * ran it.
 */
final class Expected {

    private Expected() {}

    /** {@return null if {@code actual} is what {@code expected} shows, else where they part} */
    static String mismatch(List<String> expected, List<String> actual) {
        List<String> want = expected.stream().map(String::stripTrailing).toList();
        List<String> got = actual.stream().map(String::stripTrailing).toList();
        if (matches(want, 0, got, 0)) {
            return null;
        }
        return "the block shows\n" + String.join("\n", want) + "\n\nbut the output is\n" + String.join("\n", got);
    }

    private static boolean matches(List<String> want, int w, List<String> got, int g) {
        if (w == want.size()) {
            return g == got.size();
        }
        if (want.get(w).strip().equals("...")) {
            for (int skip = g; skip <= got.size(); skip++) {
                if (matches(want, w + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.size() && line(want.get(w), got.get(g)) && matches(want, w + 1, got, g + 1);
    }

    /** {@return whether one line of output is what the document shows, {@code ...} matching any text} */
    static boolean line(String want, String got) {
        if (!want.contains("...")) {
            return want.equals(got);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = want.split("\\.\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(got).matches();
    }
}
