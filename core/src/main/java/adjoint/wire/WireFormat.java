package adjoint.wire;

import adjoint.expr.AdjointException;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Structural;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.graph.Order;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * Expressions as text that can leave the JVM: one node per line, in topological order, each
 * written once however often it is used, so a graph with sharing stays as small as its
 * {@link Order}. Writing and reading never recurse: a chain a million nodes deep goes both ways.
 * Reading makes fresh nodes (new ids), equal to the written ones.
 *
 * <pre>
 * adjoint-expression 1
 * 0 variable "x1" 1 1
 * 1 variable "w1" 1 1
 * 2 mul 0 1
 * 3 sin 2
 * 4 constant 2
 * 5 pow 3 4
 * root 5
 * </pre>
 *
 * <p>A line is a node number (0, 1, 2... in order), then the op and its operands:
 * {@code variable NAME ROWS COLS}; {@code constant NUMBER}; {@code matrix ROWS COLS} and the
 * entries by rows; an op of the tables ({@code sin}, {@code mul}) by its name and its inputs' numbers;
 * a structural op ({@code matmul}, {@code slice_rows}) by its text-syntax name, its inputs'
 * numbers and its whole-number parameters; a custom op as {@code custom NAME}, its inputs'
 * numbers and, for a record, the values of its other components. Numbers are the shortest
 * decimal that reads back as the same double, or {@code NaN}, {@code Infinity},
 * {@code -Infinity}; names are quoted, with {@code \"} and {@code \\} escaped. The last line,
 * {@code root N}, names the result; without it the text is truncated.
 *
 * <p>A custom op is read back only if registered ({@link #withCustom}): its record class, whose
 * components of type {@code Expr} are its inputs in order and whose other components
 * ({@code double}, {@code int}, {@code long}, {@code boolean}, {@code String}) are its parameters.
 * Immutable.
 */
public final class WireFormat {

    /** The version this class writes, and the only one it reads. */
    public static final int VERSION = 1;
    /** The first word of the text. */
    public static final String HEADER = "adjoint-expression";

    private final Map<String, Class<? extends Custom>> customs;

    private WireFormat(Map<String, Class<? extends Custom>> customs) {
        this.customs = customs;
    }

    /** {@return the wire form of the library's own ops, no custom op registered} */
    public static WireFormat standard() {
        return new WireFormat(Map.of());
    }

    /**
     * {@return this wire form with a custom op registered by the name its nodes report in
     * {@link Expr#op()}}
     *
     * @param name the op's name, as {@code op()} returns it
     * @param type the custom op's record class
     * @throws IllegalArgumentException if the class is not a record, or the name is taken
     */
    public WireFormat withCustom(String name, Class<? extends Custom> type) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record: the wire form builds a custom op from its components");
        }
        if (customs.containsKey(name)) {
            throw new IllegalArgumentException("a custom op named " + name + " is registered already");
        }
        Map<String, Class<? extends Custom>> more = new LinkedHashMap<>(customs);
        more.put(name, type);
        return new WireFormat(Map.copyOf(more));
    }

    /** {@return the registered custom ops, by name} */
    public Map<String, Class<? extends Custom>> customs() {
        return customs;
    }

    /**
     * {@return the wire form with these custom ops registered}
     *
     * @param customs record classes by the names their nodes report
     */
    public static WireFormat withCustoms(Map<String, Class<? extends Custom>> customs) {
        WireFormat w = standard();
        for (var e : Objects.requireNonNull(customs, "customs is null").entrySet()) {
            w = w.withCustom(e.getKey(), e.getValue());
        }
        return w;
    }

    /**
     * {@return the expression's wire form}
     *
     * @param e the expression
     */
    public String write(Term e) {
        StringBuilder sb = new StringBuilder();
        try {
            write(e, sb);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return sb.toString();
    }

    /**
     * Writes the expression's wire form.
     *
     * @param e the expression
     * @param out where the text goes
     * @throws IOException if writing fails
     */
    public void write(Term e, Appendable out) throws IOException {
        Order graph = Order.of(Objects.requireNonNull(e, "expression is null").expr());
        out.append(HEADER).append(' ').append(Integer.toString(VERSION)).append('\n');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < graph.size(); i++) {
            line.setLength(0);
            line.append(i).append(' ');
            Expr n = graph.node(i);
            switch (n) {
                case Leaf.Variable v -> line.append("variable ").append(quote(v.name())).append(' ').append(v.shape().rows()).append(' ')
                        .append(v.shape().cols());
                case Leaf.Constant c -> line.append("constant ").append(number(c.value()));
                case Leaf.MatrixConstant m -> {
                    line.append("matrix ").append(m.shape().rows()).append(' ').append(m.shape().cols());
                    for (int r = 0; r < m.shape().rows(); r++) {
                        for (int c = 0; c < m.shape().cols(); c++) {
                            line.append(' ').append(number(m.entry(r, c)));
                        }
                    }
                }
                case Unary u -> line.append(u.fn().syntax());
                case Binary b -> line.append(b.fn().syntax());
                case Structural s -> line.append(s.kind().name());
                case Custom c -> line.append("custom ").append(quote(c.op()));
            }
            for (int k = 0; k < graph.arity(i); k++) {
                line.append(' ').append(graph.input(i, k));
            }
            if (n instanceof Structural s) {
                for (int p : s.parameters()) {
                    line.append(' ').append(p);
                }
            } else if (n instanceof Custom c) {
                for (Object p : customParameters(c)) {
                    line.append(' ').append(p instanceof String str ? quote(str) : p instanceof Double d ? number(d) : p.toString());
                }
            }
            out.append(line).append('\n');
        }
        out.append("root ").append(Integer.toString(graph.size() - 1)).append('\n');
    }

    /**
     * {@return the expression a wire form holds}, made of fresh nodes
     *
     * @param text the wire form
     * @throws WireFormatException naming the line and what was expected there
     */
    public Expr read(String text) {
        return read(new StringReader(Objects.requireNonNull(text, "text is null")));
    }

    /**
     * {@return the expression a wire form holds}, read line by line
     *
     * @param in the wire form
     * @throws WireFormatException naming the line and what was expected there
     * @throws UncheckedIOException if reading fails
     */
    public Expr read(Reader in) {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(Objects.requireNonNull(in, "reader is null"));
        try {
            String first = lines.readLine();
            if (first == null) {
                throw new WireFormatException(1, "expected '" + HEADER + " " + VERSION + "', found the end of the text");
            }
            String[] head = first.strip().split(" ");
            if (head.length != 2 || !head[0].equals(HEADER)) {
                throw new WireFormatException(1, "expected '" + HEADER + " " + VERSION + "', found '" + shorten(first) + "'");
            }
            if (!head[1].equals(Integer.toString(VERSION))) {
                throw new WireFormatException(1, "version " + shorten(head[1]) + " is not supported; this reader reads version " + VERSION);
            }
            List<Expr> nodes = new ArrayList<>();
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                Tokens t = new Tokens(line, number);
                String first0 = t.word("a node number or 'root'");
                if (first0.equals("root")) {
                    int root = t.integer("the root's node number");
                    t.end();
                    if (root != nodes.size() - 1) {
                        throw new WireFormatException(number, "the root is node " + root + ", but the last node is " + (nodes.size() - 1));
                    }
                    if (lines.readLine() != null) {
                        throw new WireFormatException(number + 1, "expected the end of the text after the root");
                    }
                    return nodes.get(root);
                }
                if (!first0.equals(Integer.toString(nodes.size()))) {
                    throw new WireFormatException(number, "expected node number " + nodes.size() + ", found '" + shorten(first0) + "'");
                }
                nodes.add(node(t, nodes));
            }
            throw new WireFormatException(number + 1, "expected 'root N' as the last line: the text is truncated after " + nodes.size()
                    + " nodes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Expr node(Tokens t, List<Expr> nodes) {
        String op = t.word("an op");
        try {
            Expr e = switch (op) {
                case "variable" -> {
                    String name = t.name();
                    int rows = t.integer("the variable's rows");
                    int cols = t.integer("the variable's columns");
                    yield new Leaf.Variable(name, shape(t, rows, cols));
                }
                case "constant" -> new Leaf.Constant(t.number());
                case "matrix" -> {
                    int rows = t.integer("the matrix's rows");
                    int cols = t.integer("the matrix's columns");
                    shape(t, rows, cols);
                    double[][] d = new double[rows][cols];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            d[r][c] = t.number();
                        }
                    }
                    yield new Leaf.MatrixConstant(new Array2DRowRealMatrix(d, false));
                }
                case "custom" -> custom(t, nodes);
                default -> table(op, t, nodes);
            };
            t.end();
            return e;
        } catch (WireFormatException e) {
            throw e;
        } catch (AdjointException | IllegalArgumentException e) {
            throw new WireFormatException(t.line, op + ": " + e.getMessage(), e);
        }
    }

    private Expr table(String op, Tokens t, List<Expr> nodes) {
        Optional<UnaryOp> unary = UnaryOp.named(op);
        if (unary.isPresent()) {
            return new Unary(unary.get(), t.input(nodes));
        }
        // By the name every binary op reports, infix ones (add, mul) included, where BinaryOp.named knows calls only.
        Optional<BinaryOp> binary = java.util.Arrays.stream(BinaryOp.values()).filter(b -> b.syntax().equals(op)).findFirst();
        if (binary.isPresent()) {
            return new Binary(binary.get(), t.input(nodes), t.input(nodes));
        }
        Optional<Structural.Kind> kind = Structural.named(op);
        if (kind.isEmpty()) {
            throw new WireFormatException(t.line, "unknown op '" + shorten(op) + "': expected variable, constant, matrix, custom,"
                    + " an op of the tables or a structural op");
        }
        List<Expr> inputs = new ArrayList<>();
        for (int k = 0; k < kind.get().arity(); k++) {
            inputs.add(t.input(nodes));
        }
        int[] parameters = new int[kind.get().parameters().size()];
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] = t.integer(op + "'s parameter " + kind.get().parameters().get(k));
        }
        return kind.get().build(inputs, parameters);
    }

    private Expr custom(Tokens t, List<Expr> nodes) {
        String name = t.name();
        Class<? extends Custom> type = customs.get(name);
        if (type == null) {
            throw new WireFormatException(t.line, "custom op '" + name + "' is not registered: register its record class with"
                    + " WireFormat.withCustom(\"" + name + "\", ...)" + (customs.isEmpty() ? "" : "; registered: " + customs.keySet()));
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            if (Expr.class.isAssignableFrom(types[k])) {
                args[k] = t.input(nodes);
            }
        }
        for (int k = 0; k < components.length; k++) {
            Class<?> c = types[k];
            if (Expr.class.isAssignableFrom(c)) {
                continue;
            }
            String what = name + "'s " + components[k].getName();
            args[k] = c == double.class ? (Object) t.number() : c == int.class ? (Object) t.integer(what) : c == long.class
                    ? (Object) (long) t.integer(what) : c == boolean.class ? (Object) Boolean.parseBoolean(t.word(what)) : c == String.class
                    ? t.name() : unsupported(t, what, c);
        }
        try {
            Constructor<? extends Custom> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            Custom made = ctor.newInstance(args);
            if (!made.op().equals(name)) {
                throw new WireFormatException(t.line, "custom op '" + name + "' is registered as " + type.getName() + ", whose nodes are '"
                        + made.op() + "'");
            }
            return made;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new WireFormatException(t.line, name + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof WireFormatException w) {
                throw w;
            }
            throw new WireFormatException(t.line, name + ": cannot build " + type.getName() + ": " + e, e);
        }
    }

    private static Object unsupported(Tokens t, String what, Class<?> type) {
        throw new WireFormatException(t.line, what + " is a " + type.getName() + "; the wire form writes double, int, long, boolean"
                + " and String parameters");
    }

    /** {@return a custom op's components that are not inputs, in order} */
    private static List<Object> customParameters(Custom c) {
        List<Object> out = new ArrayList<>();
        if (!c.getClass().isRecord()) {
            return out;
        }
        for (RecordComponent rc : c.getClass().getRecordComponents()) {
            if (Expr.class.isAssignableFrom(rc.getType())) {
                continue;
            }
            try {
                var accessor = rc.getAccessor();
                accessor.setAccessible(true);
                out.add(accessor.invoke(c));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + c.op() + "'s " + rc.getName() + ": " + e, e);
            }
        }
        return out;
    }

    /** {@return the shape {@code rows x cols}}, checked to be positive; the line's error otherwise */
    static Shape shape(Tokens t, int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new WireFormatException(t.line, "a shape of " + rows + "x" + cols + ": rows and columns must be positive");
        }
        return Shape.of(rows, cols);
    }

    /** {@return a double as the shortest decimal that reads back as it, or NaN, Infinity, -Infinity} */
    static String number(double x) {
        return Double.toString(x);
    }

    /** {@return a name in quotes, {@code "} and {@code \} escaped, so any name is one token} */
    static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The tokens of one line, read left to right; each method names what it expected when the line holds something else. */
    static final class Tokens {
        private final String text;
        final int line;
        private int at;

        Tokens(String text, int line) {
            this.text = text;
            this.line = line;
        }

        String word(String expected) {
            skipSpaces();
            if (at >= text.length()) {
                throw new WireFormatException(line, "expected " + expected + ", found the end of the line");
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ' ') {
                at++;
            }
            return text.substring(start, at);
        }

        int integer(String expected) {
            String w = word(expected);
            try {
                return Integer.parseInt(w);
            } catch (NumberFormatException e) {
                throw new WireFormatException(line, "expected " + expected + ", a whole number, found '" + shorten(w) + "'");
            }
        }

        double number() {
            String w = word("a number");
            if (!w.matches("-?(NaN|Infinity|[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?)") || w.equals("-NaN")) {
                throw new WireFormatException(line, "expected a number (a decimal, NaN, Infinity or -Infinity), found '" + shorten(w) + "'");
            }
            return Double.parseDouble(w);
        }

        Expr input(List<Expr> nodes) {
            String w = word("an input's node number");
            int k;
            try {
                k = Integer.parseInt(w);
            } catch (NumberFormatException e) {
                throw new WireFormatException(line, "expected an input's node number, found '" + shorten(w) + "'");
            }
            if (k < 0 || k >= nodes.size()) {
                throw new WireFormatException(line, "input " + k + " is not a node defined above (nodes 0 to " + (nodes.size() - 1)
                        + " are): inputs come before their users");
            }
            return nodes.get(k);
        }

        String name() {
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw new WireFormatException(line, "expected a name in quotes");
            }
            StringBuilder sb = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char e = text.charAt(at++);
                    sb.append(e == 'n' ? '\n' : e);
                } else {
                    sb.append(c);
                }
            }
            if (at >= text.length()) {
                throw new WireFormatException(line, "a name's closing quote is missing");
            }
            at++;
            return sb.toString();
        }

        /** {@return whether the line has no more tokens} */
        boolean atEnd() {
            skipSpaces();
            return at >= text.length();
        }

        void end() {
            skipSpaces();
            if (at < text.length()) {
                throw new WireFormatException(line, "expected the end of the line, found '" + shorten(text.substring(at)) + "'");
            }
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
