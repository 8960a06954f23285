package adjoint.dsl;

import adjoint.graph.Order;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Notation;
import adjoint.expr.Printer;
import adjoint.expr.Printer.Slot;
import adjoint.expr.Printer.Template;
import adjoint.expr.Shape;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text syntax of expressions, as a calculator, Python or NumPy writes them:
 * {@code 1/(2 + sin(x1*w1)^2 + cos(x2*w2))}, {@code sum(sigmoid(W @ x)^2)}.
 * <ul>
 *   <li>numbers ({@code 2}, {@code 0.5}, {@code 1e-3}), the constants {@code pi}, {@code e},
 *   {@code inf} and {@code nan},
 *   names as variables ({@code x}, {@code w1}, {@code theta_2}, {@code θ}; any other name in
 *   backquotes, {@code `a b`}), matrix literals ({@code [[1, 2], [3, 4]]}, a column
 *   {@code [1, 2, 3]});</li>
 *   <li>{@code + - * /} entry by entry, {@code @} the matrix product, and {@code ^} for powers:
 *   right-associative and tighter than unary minus, so {@code -x^2 = -(x^2)} and
 *   {@code 2^3^2 = 512}; a scalar meets a matrix by repeating into every entry, a
 *   {@code 1 x n} row an {@code m x n} matrix by repeating into every row;</li>
 *   <li>parentheses, and the functions by name: the op tables' one-input ops
 *   ({@code sin(x)}), two-input ops written as calls ({@code max(a, b)}), and the matrix
 *   functions ({@code transpose sum mean trace logsumexp_rows softmax_rows
 *   softmax_cross_entropy broadcast broadcast_rows}); {@link #functions()} lists them.</li>
 * </ul>
 * A variable's shape comes from a map of shapes, a scalar if it is not there. A parse error,
 * shape mismatches included, says where, with a caret under the spot, and what was expected;
 * an unknown function name suggests the nearest known one. {@link #print} writes an expression
 * back in this syntax, so that printing and parsing again (with the variables' shapes) gives the
 * same expression.
 */
public final class Syntax {

    /** The longest text {@link #print} writes, in characters. */
    public static final int MAX_TEXT = 1_000_000;

    private static final int UNARY = Notation.UNARY;
    private static final int PRODUCT = Notation.PRODUCT;
    private static final int ATOM = Notation.ATOM;

    private Syntax() {}

    /**
     * {@return the scalar expression the text denotes, every variable a scalar}
     *
     * @param text the text
     * @throws ParseException if the text is not an expression of this syntax
     */
    public static Scalar parse(String text) {
        Objects.requireNonNull(text, "text is null");
        return new Scalar(Parser.parse(text, Map.of()));
    }

    /**
     * {@return the expression the text denotes, of any shape}, each variable of the shape the map
     * gives (a scalar if it gives none)
     *
     * @param text the text
     * @param shapes each matrix variable's shape, by name
     * @throws ParseException if the text is not an expression of this syntax, or its shapes do not fit
     */
    public static Matrix parse(String text, Map<String, Shape> shapes) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(shapes, "shapes is null");
        return new Matrix(Parser.parse(text, shapes));
    }

    /**
     * {@return the value a literal denotes, by rows}: a number as {@code 1x1}, {@code [1, 2, 3]} as
     * a column, {@code [[1, 2, 3]]} as a row, {@code [[1, 2], [3, 4]]} by rows. Numbers are decimal
     * or scientific ({@code -2.5e-3}), or {@code nan}, {@code inf}, {@code -inf}; a number too large
     * for a double is an error.
     *
     * @param text the text
     * @throws ParseException if the text is not one literal
     */
    public static double[][] value(String text) {
        Objects.requireNonNull(text, "text is null");
        return Parser.literal(text);
    }

    /** {@return the names of the functions the syntax knows} */
    public static List<String> functions() {
        return List.copyOf(Functions.names());
    }

    /**
     * {@return whether {@code name} is written bare in this syntax: a letter or {@code _}, then letters, digits, {@code _}, not a reserved word}
     *
     * @param name a candidate name
     */
    public static boolean isName(String name) {
        Objects.requireNonNull(name, "name is null");
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return !name.equals("pi") && !name.equals("e") && !name.equals("inf") && !name.equals("nan") && Functions.arity(name).isEmpty();
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isNamePart(char c) {
        return Character.isLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * {@return {@code e} written in this syntax, with the parentheses that parsing it back needs}
     * A node used twice is written out at each use, so a graph that shares much can have text far
     * longer than itself (100 doublings of {@code x + x} are 101 nodes and 2^100 uses).
     *
     * @param e the expression
     * @throws IllegalArgumentException if {@code e} has an op this syntax cannot write (a custom
     *     op), or its text would be longer than {@link #MAX_TEXT} characters
     */
    public static String print(Term e) {
        Expr root = Objects.requireNonNull(e, "expression is null").expr();
        String text = Printer.print(root, (node, context) -> template(node), "(", ")", MAX_TEXT);
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(tooLong(root));
        }
        return text;
    }

    /** {@return why the text of {@code root} exceeds {@link #MAX_TEXT}: its size, and whether shared sub-expressions are written out at each use} */
    private static String tooLong(Expr root) {
        List<Expr> nodes = Order.of(root).nodes();
        long uses = 0;
        for (Expr n : nodes) {
            uses += n.arity();
        }
        String why = uses > nodes.size() - 1
                ? "it has " + nodes.size() + " nodes, and the text writes a shared sub-expression out at each of its uses"
                : "it has " + nodes.size() + " nodes, too many to write out";
        return "the text of this expression would exceed the limit of " + MAX_TEXT + " characters (Syntax.MAX_TEXT): " + why;
    }

    private static Template template(Expr e) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, isName(v.name()) ? v.name() : "`" + v.name() + "`");
            case Leaf.Constant c -> constant(c.value());
            case Leaf.MatrixConstant m -> Template.of(ATOM, literal(m));
            case Unary u when u.fn() == UnaryOp.NEG -> u.a() instanceof Leaf.Constant c && c.value() >= 0
                    ? Template.of(UNARY, "-(", Structure.number(c.value()), ")")
                    : Template.of(UNARY, "-", new Slot(u.a(), UNARY));
            case Unary u -> Template.call(u, u.op() + "(", ", ", ")");
            case Binary b -> binary(b);
            case Structural s -> Template.of(s, s.syntax());
            case Custom c -> throw new IllegalArgumentException("the text syntax has no " + c.op() + " (" + c.shape() + "): "
                    + Structure.text(c, 80));
        };
    }

    /** {@return an elementwise node, a broadcast input written bare where parsing repeats it again} */
    private static Template binary(Binary b) {
        Expr a = implicit(b.a(), b.b());
        Expr c = implicit(b.b(), b.a());
        Template t = Template.of(b, b.fn().text());
        java.util.List<Object> items = new java.util.ArrayList<>(t.items().size());
        for (Object item : t.items()) {
            if (item instanceof Slot s) {
                items.add(new Slot(s.e() == b.a() ? a : c, s.context()));
            } else {
                items.add(item);
            }
        }
        return new Template(t.precedence(), items);
    }

    /**
     * {@return the input of a broadcast {@code x} that parsing would make again from it and its
     * partner (a scalar into a matrix, a row into more than one row), else {@code x}}
     */
    private static Expr implicit(Expr x, Expr partner) {
        boolean partnerFull = !(partner instanceof Structural p && p.broadcasts());
        boolean repeats = x instanceof Structural s && s.broadcasts()
                && Broadcasting.repeat(x.input(0).shape(), x.shape()) == x.getClass();
        return partnerFull && repeats ? x.input(0) : x;
    }

    private static Template constant(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) || v > 0 ? Template.of(ATOM, Double.isNaN(v) ? "nan" : "inf") : Template.of(UNARY, "-inf");
        }
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            String n = Structure.number(v);
            return Template.of(UNARY, n.startsWith("-") ? n : "-" + n);
        }
        return Template.of(ATOM, Structure.number(v));
    }

    /** {@return a matrix constant as a literal that parses back to it: a column as {@code [1, 2]}, else by rows} */
    private static String literal(Leaf.MatrixConstant m) {
        Shape s = m.shape();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.rows(); i++) {
            if (s.cols() == 1) {
                sb.append(i == 0 ? "" : ", ").append(entry(m.entry(i, 0)));
                continue;
            }
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < s.cols(); j++) {
                sb.append(j == 0 ? "" : ", ").append(entry(m.entry(i, j)));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String entry(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Structure.number(v);
    }
}
