package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of the text syntax, by name: every {@link UnaryOp} and every {@link BinaryOp}
 * written as a call ({@code max(a, b)}), read from the op tables; every structural op by its
 * {@link Structural.Kind}'s name ({@code transpose}, {@code slice_rows}...), its inputs followed
 * by its whole-number parameters; and the functions the DSL composes of these ({@code mean},
 * {@code softmax_cross_entropy}...).
 */
final class Functions {

    /** A matrix function: how many arguments it takes and what it builds of them. */
    private record MatrixFunction(int arity, java.util.function.Function<List<Expr>, Expr> build) {}

    private static final Map<String, MatrixFunction> MATRIX = new LinkedHashMap<>();

    static {
        for (Structural.Kind kind : Structural.kinds()) {
            MATRIX.put(kind.name(), new MatrixFunction(kind.arity() + kind.parameters().size(), a -> structural(kind, a)));
        }
        MATRIX.put("mean", new MatrixFunction(1, a -> Adjoint.mean(new Matrix(a.get(0))).expr()));
        MATRIX.put("mean_rows", new MatrixFunction(1, a -> Adjoint.meanRows(new Matrix(a.get(0))).expr()));
        MATRIX.put("mean_cols", new MatrixFunction(1, a -> Adjoint.meanCols(new Matrix(a.get(0))).expr()));
        MATRIX.put("softmax_cross_entropy", new MatrixFunction(2,
                a -> Adjoint.softmaxCrossEntropy(new Matrix(a.get(0)), new Matrix(a.get(1))).expr()));
    }

    private Functions() {}

    /** {@return every function name: one-input ops, calls of two-input ops, then matrix functions} */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            names.add(op.syntax());
        }
        for (BinaryOp op : BinaryOp.values()) {
            if (op.isCall()) {
                names.add(op.syntax());
            }
        }
        names.addAll(MATRIX.keySet());
        return names;
    }

    /** {@return the number of arguments the function {@code name} takes, if there is one} */
    static Optional<Integer> arity(String name) {
        return UnaryOp.named(name).map(op -> 1).or(() -> BinaryOp.named(name).map(op -> 2))
                .or(() -> Optional.ofNullable(MATRIX.get(name)).map(MatrixFunction::arity));
    }

    /** {@return the function {@code name} applied to its arguments, whose number {@link #arity} gives} */
    static Expr apply(String name, List<Expr> args) {
        Optional<UnaryOp> unary = UnaryOp.named(name);
        if (unary.isPresent()) {
            return new Unary(unary.get(), args.get(0));
        }
        Optional<BinaryOp> binary = BinaryOp.named(name);
        if (binary.isPresent()) {
            return elementwise(binary.get(), args.get(0), args.get(1));
        }
        return MATRIX.get(name).build().apply(args);
    }

    /**
     * {@return {@code op} on {@code a} and {@code b}}: a scalar repeated into every entry of the
     * other's shape, or a {@code 1 x n} row into every row of an {@code m x n} matrix, as needed
     *
     * @throws adjoint.expr.ShapeMismatchException if the shapes cannot meet
     */
    static Expr elementwise(BinaryOp op, Expr a, Expr b) {
        return Broadcasting.elementwise(op, a, b);
    }

    /** {@return a structural op of {@code kind} on the leading arguments, the trailing ones its parameters} */
    private static Expr structural(Structural.Kind kind, List<Expr> args) {
        List<Expr> inputs = args.subList(0, kind.arity());
        int[] parameters = new int[kind.parameters().size()];
        for (int p = 0; p < parameters.length; p++) {
            parameters[p] = whole(args.get(kind.arity() + p), kind.name() + "'s " + kind.parameters().get(p));
        }
        return kind.build(inputs, parameters);
    }

    /** {@return the whole number, 0 or more, that a constant argument stands for} */
    private static int whole(Expr e, String what) {
        if (e instanceof Leaf.Constant c && c.value() == Math.rint(c.value()) && c.value() >= 0 && c.value() <= Integer.MAX_VALUE) {
            return (int) c.value();
        }
        throw new IllegalArgumentException(what + " must be a whole number, 0 or more, written as a number; got "
                + Syntax.print(e));
    }

    /** {@return the known name nearest to {@code name} by edit distance, if within two edits} */
    static Optional<String> nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String k : names()) {
            int d = distance(k, name);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
