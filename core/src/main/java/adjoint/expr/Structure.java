package adjoint.expr;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Structural equality, hashing and text of expressions, written without recursion and visiting
 * each shared node once. Records would otherwise compare, hash and print by walking every path
 * recursively: a stack overflow on a deep chain, and exponential time on a graph that reuses
 * its nodes. Every core record delegates its {@code equals}, {@code hashCode} and
 * {@code toString} here.
 */
public final class Structure {

    /** Text longer than this is cut and ends with an ellipsis. */
    public static final int MAX_TEXT = 4000;

    private Structure() {}

    /**
     * {@return whether {@code a} and {@code o} are expressions of the same structure}
     *
     * @param a an expression
     * @param o any object
     */
    public static boolean equal(Expr a, Object o) {
        if (a == o) {
            return true;
        }
        if (!(o instanceof Expr b)) {
            return false;
        }
        ArrayDeque<Expr[]> todo = new ArrayDeque<>();
        Set<Pair> seen = new HashSet<>();
        todo.push(new Expr[] {a, b});
        while (!todo.isEmpty()) {
            Expr[] p = todo.pop();
            Expr x = p[0];
            Expr y = p[1];
            if (x == y || !seen.add(new Pair(x, y))) {
                continue;
            }
            if (!sameNode(x, y)) {
                return false;
            }
            for (int i = 0; i < x.arity(); i++) {
                todo.push(new Expr[] {x.input(i), y.input(i)});
            }
        }
        return true;
    }

    /**
     * {@return a structural hash of {@code root}, consistent with {@link #equal}}
     *
     * @param root the expression
     */
    public static int hash(Expr root) {
        IdentityHashMap<Expr, Integer> done = new IdentityHashMap<>();
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr node = stack.peek();
            if (done.containsKey(node)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (int i = node.arity() - 1; i >= 0; i--) {
                Expr in = node.input(i);
                if (!done.containsKey(in)) {
                    stack.push(in);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                int h = localHash(node);
                for (int i = 0; i < node.arity(); i++) {
                    h = 31 * h + done.get(node.input(i));
                }
                done.put(node, h);
            }
        }
        return done.get(root);
    }

    /**
     * {@return {@code root} as text in function form}, such as {@code div(1, add(2, sin(x)))}; a
     * node used more than once is written out at each use, and text longer than
     * {@link #MAX_TEXT} characters is cut.
     *
     * @param root the expression
     */
    public static String text(Expr root) {
        return text(root, MAX_TEXT);
    }

    /**
     * {@return {@code root} as text in function form, cut after {@code max} characters}
     *
     * @param root the expression
     * @param max the longest text to write before abbreviating
     */
    public static String text(Expr root, int max) {
        return Printer.print(root, (node, context) -> switch (node) {
            case Leaf.Variable v -> Printer.Template.of(Notation.ATOM, v.name());
            case Leaf.Constant c -> Printer.Template.of(Notation.ATOM, number(c.value()));
            case Leaf.MatrixConstant m -> Printer.Template.of(Notation.ATOM, matrix(m));
            case Structural s when s.parameters().length > 0 -> Printer.Template.call(node, node.op() + "(", ", ",
                    parameters(s.parameters()) + ")");
            default -> Printer.Template.call(node, node.op() + "(", ", ", ")");
        }, "(", ")", max);
    }

    /** {@return whole-number parameters as the text after a call's inputs: {@code ", 2, 3"}} */
    private static String parameters(int[] p) {
        StringBuilder sb = new StringBuilder();
        for (int x : p) {
            sb.append(", ").append(x);
        }
        return sb.toString();
    }

    /**
     * {@return a double as short, exact text: {@code 2} rather than {@code 2.0}, {@code -0} for negative zero}
     *
     * @param v the number
     */
    public static String number(double v) {
        if (v == 0 && 1 / v < 0) {
            return "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String matrix(Leaf.MatrixConstant m) {
        return m.shape().size() > MatrixText.MAX_ENTRIES ? "const(" + m.shape() + ")" : MatrixText.of(m.value());
    }

    /** {@return whether two nodes agree in everything but their inputs} */
    private static boolean sameNode(Expr x, Expr y) {
        if (x.getClass() != y.getClass() || !x.shape().equals(y.shape()) || x.arity() != y.arity()) {
            return false;
        }
        return switch (x) {
            case Leaf.Variable v -> v.name().equals(((Leaf.Variable) y).name());
            case Leaf.Constant c -> Double.compare(c.value(), ((Leaf.Constant) y).value()) == 0;
            case Leaf.MatrixConstant m -> sameEntries(m, (Leaf.MatrixConstant) y);
            case Unary u -> u.fn() == ((Unary) y).fn();
            case Binary b -> b.fn() == ((Binary) y).fn();
            case Structural m -> m.op().equals(y.op()) && Arrays.equals(m.parameters(), ((Structural) y).parameters());
            case Custom c -> c.sameOp((Custom) y);
        };
    }

    private static boolean sameEntries(Leaf.MatrixConstant m, Leaf.MatrixConstant n) {
        Shape s = m.shape();
        for (int i = 0; i < s.rows(); i++) {
            for (int j = 0; j < s.cols(); j++) {
                if (Double.compare(m.entry(i, j), n.entry(i, j)) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int localHash(Expr x) {
        int h = x.getClass().getName().hashCode() * 31 + x.shape().hashCode();
        return 31 * h + switch (x) {
            case Leaf.Variable v -> v.name().hashCode();
            case Leaf.Constant c -> Double.hashCode(c.value());
            case Leaf.MatrixConstant m -> Double.hashCode(m.entry(0, 0));
            case Unary u -> u.fn().ordinal();
            case Binary b -> b.fn().ordinal();
            case Structural m -> Arrays.hashCode(m.parameters());
            case Custom c -> c.opHash();
        };
    }

    /** A pair of nodes compared by identity. */
    private record Pair(Expr x, Expr y) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.x == x && p.y == y;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(x) + System.identityHashCode(y);
        }
    }
}
