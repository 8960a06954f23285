package adjoint.symbolic;

import adjoint.graph.Order;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derivatives as expressions: symbolic reverse mode, walking the graph once from the result
 * back to the variables and applying each op's rule as an expression. A node's gradient is
 * built once and shared by every use, so the gradient's size is linear in the expression's.
 * The results are simplified ({@link Simplify}), can be printed, evaluated, compiled, and
 * differentiated again.
 */
public final class Symbolic {

    private Symbolic() {}

    /**
     * {@return the gradient of a scalar expression with respect to each of its variables}, by
     * name in the order first met, simplified; each of the variable's shape
     *
     * @param f a scalar expression
     */
    public static Map<String, Expr> gradient(Term f) {
        return gradient(f, true);
    }

    /**
     * {@return the gradient, simplified or as the rules build it}
     *
     * @param f a scalar expression
     * @param simplify whether to simplify the result
     */
    public static Map<String, Expr> gradient(Term f, boolean simplify) {
        Expr root = Objects.requireNonNull(f, "expression is null").expr();
        if (!root.shape().isScalar()) {
            throw new ShapeMismatchException("gradient: the expression is " + root.shape()
                    + ", not a scalar; reduce it first, for example with sum");
        }
        Order graph = Order.of(root);
        int size = graph.size();
        boolean[] varies = new boolean[size];
        for (int i = 0; i < size; i++) {
            boolean v = graph.node(i) instanceof Leaf.Variable;
            for (int k = 0; k < graph.arity(i); k++) {
                v |= varies[graph.input(i, k)];
            }
            varies[i] = v;
        }
        Expr[] adjoint = new Expr[size];
        adjoint[size - 1] = new Leaf.Constant(1);
        Map<String, Expr> byName = new LinkedHashMap<>();
        Map<String, Leaf.Variable> variables = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (graph.node(i) instanceof Leaf.Variable v) {
                variables.putIfAbsent(v.name(), v);
            }
        }
        for (int i = size - 1; i >= 0; i--) {
            Expr n = graph.node(i);
            Expr g = adjoint[i];
            if (g == null || !varies[i]) {
                continue;
            }
            if (n instanceof Leaf.Variable v) {
                byName.merge(v.name(), g, Symbolic::add);
                continue;
            }
            for (int k = 0; k < graph.arity(i); k++) {
                int in = graph.input(i, k);
                if (varies[in]) {
                    Expr passed = SymbolicRules.pullback(n, g, k);
                    adjoint[in] = adjoint[in] == null ? passed : add(adjoint[in], passed);
                }
            }
            adjoint[i] = null;
        }
        List<Expr> gradients = new ArrayList<>();
        for (Leaf.Variable v : variables.values()) {
            gradients.add(byName.getOrDefault(v.name(), Exprs.constant(0, v.shape())));
        }
        if (simplify) {
            gradients = new Simplify().applyAll(gradients);
        }
        Map<String, Expr> result = new LinkedHashMap<>();
        int k = 0;
        for (String name : variables.keySet()) {
            result.put(name, gradients.get(k++));
        }
        return Collections.unmodifiableMap(result);
    }

    private static Expr add(Expr a, Expr b) {
        return new Binary(BinaryOp.ADD, a, b);
    }

    /**
     * {@return the derivative of a scalar expression with respect to one variable}, simplified;
     * zero (of the variable's shape) if the expression does not use it
     *
     * @param f a scalar expression
     * @param variable the variable
     */
    public static Expr derivative(Term f, Term variable) {
        Objects.requireNonNull(variable, "variable is null");
        if (!(variable.expr() instanceof Leaf.Variable v)) {
            throw new IllegalArgumentException("not a variable: " + variable.expr());
        }
        return gradient(f).getOrDefault(v.name(), Exprs.constant(0, v.shape()));
    }
}
