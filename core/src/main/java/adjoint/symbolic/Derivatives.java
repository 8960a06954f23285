package adjoint.symbolic;

import adjoint.graph.Order;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.Layout;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Jacobians, Hessians and Hessian-vector products at a point. Entries of the variables are laid
 * out one variable after another, each row by row, as {@link CompiledFunction#valueAndGradient}
 * lays them out. Second derivatives come from differentiating the symbolic gradient
 * ({@link Symbolic}) by reverse mode again.
 */
public final class Derivatives {

    private Derivatives() {}

    /**
     * {@return the Jacobian of {@code y} (any shape; its entries row by row) with respect to the
     * entries of {@code wrt}}: one row per entry of {@code y}, one column per entry of the
     * variables. Variables of {@code y} not in {@code wrt} are held at their bound values.
     *
     * @param y the expression
     * @param wrt the variables, in the order of the columns
     * @param at a value for every variable
     */
    public static RealMatrix jacobian(Term y, List<? extends Term> wrt, Bindings at) {
        Expr e = Objects.requireNonNull(y, "expression is null").expr();
        List<Leaf.Variable> vars = variables(wrt);
        List<Leaf.Variable> all = withOthers(e, vars);
        CompiledFunction f = CompiledFunction.of(e, all);
        int columns = size(vars);
        double[][] full = f.valueAndJacobian(Layout.of(all).flatten(at)).jacobian();
        double[][] j = new double[full.length][];
        for (int r = 0; r < full.length; r++) {
            j[r] = Arrays.copyOf(full[r], columns);
        }
        return Printed.matrix(j);
    }

    /**
     * {@return the Hessian of a scalar expression with respect to the entries of {@code wrt}; symmetric}
     *
     * @param f a scalar expression
     * @param wrt the variables, in the order of the columns
     * @param at a value for every variable
     */
    public static RealMatrix hessian(Term f, List<? extends Term> wrt, Bindings at) {
        List<Leaf.Variable> vars = variables(wrt);
        Map<String, Expr> gradient = Symbolic.gradient(f);
        int d = size(vars);
        double[][] h = new double[d][];
        int row = 0;
        for (Leaf.Variable v : vars) {
            Expr g = gradient.getOrDefault(v.name(), Exprs.constant(0, v.shape()));
            double[][] block = jacobian(g, vars, at).getData();
            System.arraycopy(block, 0, h, row, block.length);
            row += v.shape().size();
        }
        return Printed.matrix(h);
    }

    /**
     * {@return the Hessian times {@code v}}, without forming the Hessian: the gradient of
     * {@code grad f · v}
     *
     * @param f a scalar expression
     * @param wrt the variables, in the order of the columns
     * @param at a value for every variable
     * @param v the vector, one entry per entry of the variables
     */
    public static RealVector hessianVectorProduct(Term f, List<? extends Term> wrt, Bindings at, double[] v) {
        List<Leaf.Variable> vars = variables(wrt);
        Objects.requireNonNull(v, "v is null");
        int d = size(vars);
        if (v.length != d) {
            throw new IllegalArgumentException("v has " + v.length + " entries but the variables have " + d);
        }
        Map<String, Expr> gradient = Symbolic.gradient(f);
        Layout layout = Layout.of(vars);
        Expr dot = new Leaf.Constant(0);
        for (int k = 0; k < vars.size(); k++) {
            Shape s = vars.get(k).shape();
            Expr g = gradient.getOrDefault(vars.get(k).name(), Exprs.constant(0, s));
            double[][] part = layout.part(v, k);
            Expr weights = s.isScalar() ? new Leaf.Constant(part[0][0]) : new Leaf.MatrixConstant(new Array2DRowRealMatrix(part));
            Expr term = s.isScalar() ? Exprs.times(g, weights) : new Sum(Exprs.times(g, weights));
            dot = new Binary(BinaryOp.ADD, dot, term);
        }
        List<Leaf.Variable> all = withOthers(dot, vars);
        Gradient g = CompiledFunction.of(dot, all).gradient(at);
        return Printed.vector(layout.flatten(g));
    }

    private static int size(List<Leaf.Variable> vars) {
        return vars.stream().mapToInt(v -> v.shape().size()).sum();
    }

    private static List<Leaf.Variable> variables(List<? extends Term> wrt) {
        Objects.requireNonNull(wrt, "variables is null");
        if (wrt.isEmpty()) {
            throw new IllegalArgumentException("no variables to differentiate with respect to");
        }
        List<Leaf.Variable> vars = new ArrayList<>();
        for (Term t : wrt) {
            if (!(t != null && t.expr() instanceof Leaf.Variable v)) {
                throw new IllegalArgumentException("not a variable: " + (t == null ? "null" : t.expr()));
            }
            vars.add(v);
        }
        return vars;
    }

    /** {@return {@code vars}, then the variables of {@code e} not among them} */
    private static List<Leaf.Variable> withOthers(Expr e, List<Leaf.Variable> vars) {
        Set<String> names = new HashSet<>();
        vars.forEach(v -> names.add(v.name()));
        LinkedHashMap<String, Leaf.Variable> found = new LinkedHashMap<>();
        for (Expr n : Order.of(e).nodes()) {
            if (n instanceof Leaf.Variable v && !names.contains(v.name())) {
                found.putIfAbsent(v.name(), v);
            }
        }
        List<Leaf.Variable> all = new ArrayList<>(vars);
        all.addAll(found.values());
        return all;
    }
}
