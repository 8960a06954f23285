package adjoint.cli;

import adjoint.dsl.ParseException;
import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points written as {@code name=value} pairs separated by commas, in one {@code --at} or several:
 * {@code x1=1,w1=2.5}, {@code W=[[1,0],[0,1]],x=[1,2]}. A value is a literal of the text syntax:
 * a number (decimal or scientific, {@code nan}, {@code inf}), a column {@code [1, 2, 3]}, or rows
 * {@code [[1, 2], [3, 4]]}; commas inside brackets belong to the value. Names follow the text
 * syntax's rule ({@link Syntax#isName}).
 */
final class Points {

    /**
     * A parsed point.
     *
     * @param bindings the values
     * @param flat the names whose value was written as a flat column {@code [1, 2, 3]}, so that
     *     their gradient is written back the same way
     */
    record Point(Bindings bindings, java.util.Set<String> flat) {}

    private Points() {}

    /**
     * {@return the point the texts give, one text per {@code --at}}
     *
     * @throws IllegalArgumentException naming the pair that is malformed or repeated
     */
    static Point parse(List<String> texts) {
        Bindings b = Bindings.empty();
        java.util.Set<String> flat = new java.util.HashSet<>();
        for (String text : texts) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("--at is empty: give name=value pairs separated by commas, such as x=1,w=2");
            }
            for (String pair : split(text)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? "" : pair.substring(0, eq).strip();
                String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
                if (eq < 0 || value.isEmpty()) {
                    throw new IllegalArgumentException("malformed --at pair '" + pair.strip() + "': expected name=value, such as x=1");
                }
                if (!Syntax.isName(name)) {
                    throw new IllegalArgumentException("--at '" + pair.strip() + "': '" + name + "' is not a variable name"
                            + (Syntax.functions().contains(name) || name.equals("pi") || name.equals("e")
                                    ? " (it is a function or constant of the syntax)" : ""));
                }
                if (b.contains(name)) {
                    throw new IllegalArgumentException("--at gives " + name + " twice");
                }
                double[][] rows;
                try {
                    rows = Syntax.value(value);
                } catch (ParseException e) {
                    throw new IllegalArgumentException("malformed --at value for " + name + ": " + e.summary());
                }
                if (value.startsWith("[") && !value.substring(1).strip().startsWith("[")) {
                    flat.add(name);
                }
                b = rows.length == 1 && rows[0].length == 1 && !value.startsWith("[") ? b.and(name, rows[0][0]) : b.and(name, rows);
            }
        }
        return new Point(b, java.util.Set.copyOf(flat));
    }

    /** {@return the pairs of one {@code --at}: split at the commas outside brackets} */
    private static List<String> split(String text) {
        List<String> pairs = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                pairs.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pairs.add(text.substring(start));
        return pairs;
    }

    /** {@return the shapes of the bound values, by name, for parsing the expression} */
    static Map<String, adjoint.expr.Shape> shapes(Bindings b) {
        Map<String, adjoint.expr.Shape> shapes = new LinkedHashMap<>();
        for (String name : b.names()) {
            shapes.put(name, b.shapeOf(name).get());
        }
        return shapes;
    }
}
