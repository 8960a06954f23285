package adjoint.symbolic;

import adjoint.graph.Order;
import adjoint.eval.NodeRule;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Simplification in two strengths.
 *
 * <p>{@link #of} makes only rewrites that are exact for every input: the result computes the
 * same double, bitwise, wherever the original is evaluated, signed zeros, infinities and NaN
 * included. Constant folding (by the ops' own rules); {@code x·1}, {@code x/1}, {@code x^1},
 * {@code x^0 = 1}; {@code x + (-0)} and {@code x - 0} (but not {@code x + 0}, which turns
 * {@code -0} into {@code 0}); {@code -0 - x = -x}; {@code x·(-1) = -x}; {@code x + (-y) = x - y};
 * double negation; a transpose of a transpose. Not {@code 0·x = 0} ({@code x} may be infinite,
 * NaN or negative), not {@code x - x = 0} (NaN), not a regrouping of a product.
 *
 * <p>{@link #readable} adds what a reader would write: scalar products in normal form
 * ({@link Products}), one sign, one coefficient and one denominator:
 * {@code −2·w₁·sin(x₁·w₁)·cos(x₁·w₁)/(2 + sin²(x₁·w₁) + cos(x₂·w₂))²}. Regrouping a product
 * can move the last bits of a value, so that form is for reading and printing; coefficients
 * are still folded only where the fold is exact, so nothing overflows, underflows or rounds.
 *
 * <p>Nodes are rewritten bottom-up, each once, so shared sub-expressions stay shared; one
 * {@code Simplify} applied to several expressions shares what they have in common.
 */
public final class Simplify {

    private static final int SMALL = 64;

    private IdentityHashMap<Expr, Expr> memo = new IdentityHashMap<>();
    /** Whether the last rewrite put a product in normal form, which no rule rewrites further. */
    private boolean normalized;
    /** What {@link Products} found of the factors it met, kept for the next products that share them. */
    private final IdentityHashMap<Expr, Products.Fingerprint> fingerprints = new IdentityHashMap<>();
    private final boolean readable;

    /** Creates an exact simplifier with nothing seen yet. */
    public Simplify() {
        this(false);
    }

    private Simplify(boolean readable) {
        this.readable = readable;
    }

    /**
     * {@return {@code e} simplified exactly: the same value, bitwise, for every input}
     *
     * @param e the expression
     */
    public static Expr of(Expr e) {
        return new Simplify().once(e);
    }

    /**
     * {@return {@code e} simplified exactly, then its products put in the normal form a reader writes}
     *
     * @param e the expression
     */
    public static Expr readable(Expr e) {
        return new Simplify(true).once(e);
    }

    /** {@return {@code root} simplified by a simplifier that is used once, so remembers nothing} */
    private Expr once(Expr root) {
        Order graph = Order.of(root);
        return simplify(graph, false)[graph.size() - 1];
    }

    /**
     * {@return {@code root} simplified, reusing what this simplifier has already rewritten}
     *
     * @param root the expression
     */
    public Expr apply(Expr root) {
        Order graph = Order.of(root);
        if (memo.isEmpty()) {
            memo = new IdentityHashMap<>(graph.size());
        }
        return simplify(graph, true)[graph.size() - 1];
    }

    /**
     * {@return the expressions simplified together}, each shared node rewritten once, without
     * remembering anything for later calls
     *
     * @param roots the expressions
     */
    List<Expr> applyAll(List<Expr> roots) {
        Expr joined = null;
        for (Expr r : roots) {
            Expr scalar = r.shape().isScalar() ? r : new Sum(r);
            joined = joined == null ? scalar : new Binary(BinaryOp.ADD, joined, scalar);
        }
        if (joined == null) {
            return List.of();
        }
        Order graph = Order.of(joined);
        Expr[] done = simplify(graph, false);
        // The root of the graph is the last joining node: ADD(ADD(s0, s1), s2), each s a root or its sum.
        Expr[] out = new Expr[roots.size()];
        int node = graph.size() - 1;
        for (int k = roots.size() - 1; k >= 0; k--) {
            int joinedAt = k == 0 ? node : graph.input(node, 1);
            int at = graph.node(joinedAt) == roots.get(k) ? joinedAt : graph.input(joinedAt, 0);
            out[k] = done[at];
            if (k > 0) {
                node = graph.input(node, 0);
            }
        }
        return List.of(out);
    }

    /** {@return every node of {@code graph} simplified, by position}, remembered for later calls if asked */
    private Expr[] simplify(Order graph, boolean remember) {
        int size = graph.size();
        boolean fresh = memo.isEmpty();
        Expr[] done = new Expr[size];
        for (int i = 0; i < size; i++) {
            Expr n = graph.node(i);
            Expr known = fresh ? null : memo.get(n);
            if (known != null) {
                done[i] = known;
                continue;
            }
            Expr e = graph.rebuilt(i, done);
            // A rule that does not apply returns its node itself; comparing by identity keeps each
            // node's rewriting constant-time (a structural comparison would walk its whole subtree).
            // A normal form is built anew, so it is never the node it came from: it ends the rounds itself.
            normalized = false;
            for (int round = 0; round < 8 && !normalized; round++) {
                Expr next = step(e);
                if (next == e) {
                    break;
                }
                e = next;
            }
            done[i] = e;
            if (remember) {
                memo.put(n, e);
            }
        }
        return done;
    }

    private Expr step(Expr e) {
        return switch (e) {
            case Leaf l -> e;
            case Unary u -> unary(u);
            case Binary b -> binary(b);
            case Structural m -> m.simplified();
            case Custom c -> e;
        };
    }

    private Expr unary(Unary u) {
        Expr x = u.a();
        if (Exprs.constantValue(x) != null || x instanceof Leaf.MatrixConstant) {
            return fold(u);
        }
        return switch (u.fn()) {
            case NEG -> x instanceof Unary inner && inner.fn() == UnaryOp.NEG ? inner.a()
                    : readable && u.shape().isScalar() && productLike(x) ? normalize(u) : u;
            default -> u;
        };
    }

    private Expr binary(Binary b) {
        Expr x = b.a();
        Expr y = b.b();
        Double cx = Exprs.constantValue(x);
        Double cy = Exprs.constantValue(y);
        Shape s = b.shape();
        if ((cx != null || x instanceof Leaf.MatrixConstant) && (cy != null || y instanceof Leaf.MatrixConstant)) {
            return fold(b);
        }
        return switch (b.fn()) {
            case ADD -> negativeZero(cx) ? y : negativeZero(cy) ? x : isNeg(y) ? new Binary(BinaryOp.SUB, x, y.input(0)) : b;
            case SUB -> isNeg(y) ? new Binary(BinaryOp.ADD, x, y.input(0))
                    : positiveZero(cy) ? x
                    : negativeZero(cx) ? new Unary(UnaryOp.NEG, y)
                    : b;
            case MUL -> is(cx, 1) ? y
                    : is(cy, 1) ? x
                    : is(cx, -1) ? new Unary(UnaryOp.NEG, y)
                    : is(cy, -1) ? new Unary(UnaryOp.NEG, x)
                    : readable && s.isScalar() ? normalize(b)
                    : b;
            case DIV -> is(cy, 1) ? x
                    : readable && s.isScalar() ? normalize(b)
                    : b;
            case POW -> is(cy, 1) ? x : is(cy, 0) ? Exprs.constant(1, s) : b;
            // Rewrites are optional: an op with none is left as it is.
            default -> b;
        };
    }

    /** {@return {@code e} in {@link Products}' normal form}, which ends the node's rounds of rewriting */
    private Expr normalize(Expr e) {
        normalized = true;
        return Products.normalize(e, fingerprints);
    }

    private static boolean negativeZero(Double c) {
        return c != null && c == 0 && 1 / c < 0;
    }

    private static boolean positiveZero(Double c) {
        return c != null && c == 0 && 1 / c > 0;
    }

    private static boolean isNeg(Expr e) {
        return e instanceof Unary u && u.fn() == UnaryOp.NEG;
    }

    /** {@return the node, whose inputs are all constants, as a constant: broadcast if its inputs were} */
    private static Expr fold(Expr node) {
        List<RealMatrix> values = IntStream.range(0, node.arity()).mapToObj(k -> valueOf(node.input(k))).toList();
        RealMatrix v = NodeRule.of(node).value(values);
        boolean broadcast = !node.shape().isScalar() && IntStream.range(0, node.arity()).allMatch(k -> Exprs.constantValue(node.input(k)) != null);
        if (node.shape().isScalar() || broadcast) {
            return Exprs.constant(v.getEntry(0, 0), node.shape());
        }
        return new Leaf.MatrixConstant(v);
    }

    private static RealMatrix valueOf(Expr constant) {
        if (constant instanceof Leaf.MatrixConstant m) {
            return m.value();
        }
        Shape s = constant.shape();
        RealMatrix m = new Array2DRowRealMatrix(s.rows(), s.cols());
        return m.scalarAdd(Exprs.constantValue(constant));
    }

    private static boolean is(Double c, double v) {
        return c != null && c == v;
    }

    private static boolean productLike(Expr e) {
        return e instanceof Binary b && (b.fn() == BinaryOp.MUL || b.fn() == BinaryOp.DIV)
                || e instanceof Unary u && (u.fn() == UnaryOp.NEG || u.fn() == UnaryOp.INV);
    }

    /** {@return whether two expressions are the same: one node, or small and structurally equal} */
    static boolean same(Expr a, Expr b) {
        return a == b || (small(a) && small(b) && a.equals(b));
    }

    /** {@return whether {@code e}, read as a tree, has at most {@value #SMALL} nodes} */
    static boolean small(Expr e) {
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        int seen = 0;
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (++seen > SMALL) {
                return false;
            }
            for (int i = 0; i < x.arity(); i++) {
                todo.push(x.input(i));
            }
        }
        return true;
    }
}
