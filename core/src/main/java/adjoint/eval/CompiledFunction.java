package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import io.vavr.collection.Map;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An expression linearized once, with its parameters in a fixed order, evaluated and
 * differentiated many times at new points without rebuilding anything: what a training loop or
 * an optimizer calls.
 *
 * <p>Immutable and safe to share between threads: each call works in its own buffers.
 */
public final class CompiledFunction {

    private final Expr expression;
    private final Program program;
    private final List<Leaf.Variable> parameters;
    private final Layout layout;
    /** The node of each parameter, or -1 for a parameter the expression does not use. */
    private final int[] parameterNodes;
    private final boolean detectNonFinite;
    /** Where large matrix products are split by rows, or null for the calling thread alone. */
    private final ForkJoinPool pool;

    private CompiledFunction(Expr expression, Program program, List<Leaf.Variable> parameters, boolean detectNonFinite,
            ForkJoinPool pool) {
        this.expression = expression;
        this.detectNonFinite = detectNonFinite;
        this.pool = pool;
        this.program = program;
        this.parameters = parameters;
        this.layout = Layout.of(parameters);
        this.parameterNodes = nodes(program, parameters);
    }

    /**
     * {@return the node of each parameter, or -1 for one the expression does not use}: read
     * directly when the parameters are the program's own variables in its order, by name otherwise
     */
    private static int[] nodes(Program program, List<Leaf.Variable> parameters) {
        int[] nodes = new int[parameters.size()];
        if (sameVariables(parameters, program.variables)) {
            for (int k = 0; k < nodes.length; k++) {
                nodes[k] = program.variableNode(k);
            }
            return nodes;
        }
        for (int k = 0; k < nodes.length; k++) {
            Leaf.Variable p = parameters.get(k);
            int node = program.variableNode(p.name());
            if (node >= 0 && !program.shape(node).equals(p.shape())) {
                throw new VariableConflictException("variable " + p.name() + " is " + program.shape(node)
                        + " in the expression but " + p.shape() + " as a parameter");
            }
            nodes[k] = node;
        }
        return nodes;
    }

    /** {@return whether the two lists hold the same variable objects in the same order} */
    private static boolean sameVariables(List<Leaf.Variable> a, List<Leaf.Variable> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k) != b.get(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return {@code expression} compiled with the given parameters, in that order}; with none,
     * its own variables in the order first met
     *
     * @param expression the expression
     * @param parameters variables; every variable of the expression must be among them
     * @throws IllegalArgumentException if a parameter is not a variable, is given twice, or a
     *     variable of the expression is missing from the parameters
     */
    public static CompiledFunction of(Term expression, Term... parameters) {
        return of(expression, Arrays.asList(Objects.requireNonNull(parameters, "parameters is null")));
    }

    /**
     * {@return {@code expression} compiled with the given parameters, in that order}; with none,
     * its own variables in the order first met
     *
     * @param expression the expression
     * @param parameters variables; every variable of the expression must be among them
     * @throws IllegalArgumentException if a parameter is not a variable, is given twice, or a
     *     variable of the expression is missing from the parameters
     */
    public static CompiledFunction of(Term expression, List<? extends Term> parameters) {
        Expr e = Objects.requireNonNull(expression, "expression is null").expr();
        Objects.requireNonNull(parameters, "parameters is null");
        Program program = Program.of(e);
        if (parameters.isEmpty()) {
            return new CompiledFunction(e, program, List.copyOf(program.variables), false, null);
        }
        Leaf.Variable[] vars = new Leaf.Variable[parameters.size()];
        for (int k = 0; k < vars.length; k++) {
            Term t = parameters.get(k);
            if (t == null) {
                throw new NullPointerException("parameter " + k + " is null");
            }
            if (!(t.expr() instanceof Leaf.Variable v)) {
                throw new IllegalArgumentException("parameter " + k + " is not a variable: " + t.expr());
            }
            vars[k] = v;
        }
        List<Leaf.Variable> list = List.of(vars);
        if (!sameVariables(list, program.variables)) {
            checkParameters(list, program);
        }
        return new CompiledFunction(e, program, list, false, null);
    }

    /** Checks that no parameter is given twice and that every variable of the program is a parameter. */
    private static void checkParameters(List<Leaf.Variable> vars, Program program) {
        List<String> names = vars.stream().map(Leaf.Variable::name).toList();
        Set<String> distinct = new HashSet<>(names);
        if (distinct.size() != names.size()) {
            throw new IllegalArgumentException("a parameter is given twice: " + String.join(", ", names));
        }
        for (Leaf.Variable v : program.variables) {
            if (!distinct.contains(v.name())) {
                throw new IllegalArgumentException("variable " + v.name() + " of the expression is not among the parameters "
                        + names);
            }
        }
    }

    /**
     * {@return this function with non-finite detection on}: every call then looks, after each
     * pass, for the first node whose value or gradient became NaN or infinite from finite
     * inputs, and throws a {@link NonFiniteException} that names it, where it sits and what it
     * received. Off by default; when off the passes do no checking at all.
     */
    public CompiledFunction detectingNonFinite() {
        return detectNonFinite ? this : new CompiledFunction(expression, program, parameters, true, pool);
    }

    /**
     * {@return this function with its large matrix products split by rows over {@code pool}}: a
     * product of at least 2^18 multiply-adds (a {@code 256x64} times {@code 64x128} has 2^21) runs
     * on the pool's threads, each row of the result computed by one of them in the usual order, so
     * values and gradients are the same bit for bit as on one thread. Products of a matrix and a
     * vector stay on the calling thread. {@code null} computes everything on the calling thread,
     * the default.
     *
     * @param pool the pool, such as {@code new ForkJoinPool(2)} or {@code ForkJoinPool.commonPool()}
     */
    public CompiledFunction parallelOn(ForkJoinPool pool) {
        return new CompiledFunction(expression, program, parameters, detectNonFinite, pool);
    }

    /** {@return whether non-finite detection is on} */
    public boolean detectsNonFinite() {
        return detectNonFinite;
    }

    /** {@return the expression} */
    public Expr expression() {
        return expression;
    }

    /** {@return the parameters, in order} */
    public List<Leaf.Variable> parameters() {
        return parameters;
    }

    /** {@return the shape of the expression's value} */
    public Shape shape() {
        return program.shape(program.root);
    }

    /** {@return the number of nodes after sharing is taken into account} */
    public int nodeCount() {
        return program.size();
    }

    /** {@return the total number of entries of all parameters, the length of a flat point} */
    public int dimension() {
        return layout.dimension();
    }

    /** {@return how the parameters are laid out in a flat point} */
    public Layout layout() {
        return layout;
    }

    /**
     * {@return the value of a scalar expression at the point}
     *
     * @param at a value for every parameter
     */
    public double value(Bindings at) {
        requireScalar("value");
        return forward(bind(at)).s[program.root];
    }

    /**
     * {@return the value of the expression at the point, as a new matrix (a scalar as {@code 1x1})}
     *
     * @param at a value for every parameter
     */
    public RealMatrix evaluate(Bindings at) {
        return forward(bind(at)).copy(program.root);
    }

    /**
     * {@return the value and gradient of a scalar expression at the point}
     *
     * @param at a value for every parameter
     */
    public Gradient gradient(Bindings at) {
        requireScalar("gradient");
        Values v = forward(bind(at));
        return result(v, backward(v));
    }

    /**
     * {@return the vector-Jacobian product at the point}: the gradient of {@code sum(seed ⊙ f)}
     * with respect to every parameter, for an expression {@code f} of any shape; its value is
     * that sum. A Jacobian is one of these per output entry.
     *
     * @param seed a matrix of the expression's shape
     * @param at a value for every parameter
     */
    public Gradient pullback(Bindings at, RealMatrix seed) {
        Objects.requireNonNull(seed, "seed is null");
        Shape got = Shape.of(seed.getRowDimension(), seed.getColumnDimension());
        if (!got.equals(shape())) {
            throw new ShapeMismatchException("pullback: the seed is " + got + " but the expression is " + shape());
        }
        Values v = forward(bind(at));
        Adjoints g = backward(v, seed.getData());
        double[][] out = v.data(program.root);
        double dot = 0;
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                dot += seed.getEntry(i, j) * out[i][j];
            }
        }
        return result(dot, g);
    }

    /**
     * {@return a record of the forward and backward pass at the point}: every node with its
     * value and gradient, for tracing, checking and debugging
     *
     * @param at a value for every parameter
     */
    public Tape tape(Bindings at) {
        requireScalar("tape");
        Values v = forward(bind(at));
        return new Tape(program, v, backward(v));
    }

    /**
     * {@return the value and gradient at a point given by pairs}, each a parameter then its value,
     * as {@link Bindings#ofPairs} reads them: {@code gradientAt(w, wValue, b, 0.5)}
     *
     * @param pairs parameters and values, alternating
     */
    public Gradient gradientAt(Object... pairs) {
        return gradient(Bindings.ofPairs(pairs));
    }

    /**
     * {@return the value of a scalar expression at a point given by pairs}, as for {@link #gradientAt}
     *
     * @param pairs parameters and values, alternating
     */
    public double valueAt(Object... pairs) {
        return value(Bindings.ofPairs(pairs));
    }

    /**
     * {@return the value and gradient at a point given by position}, one value per parameter in
     * {@link #parameters()} order, as a call {@code f(w, b)}: a {@code Number} for a scalar; a
     * {@code RealMatrix}, {@code double[][]} rows or a {@code double[]} column vector otherwise.
     * The values are read during the call only, never copied or kept.
     *
     * @param values one value per parameter
     * @throws BindingException if the number of values, a value's type or its shape is wrong
     */
    public Gradient gradientByPosition(Object... values) {
        requireScalar("gradient");
        Values v = forward(bindPositional(values));
        return result(v, backward(v));
    }

    /**
     * {@return the value of a scalar expression at a point given by position}, as for
     * {@link #gradientByPosition}
     *
     * @param values one value per parameter
     */
    public double valueByPosition(Object... values) {
        requireScalar("value");
        return forward(bindPositional(values)).s[program.root];
    }

    /**
     * Evaluates and differentiates at a flat point, the parameters' entries one after another
     * (matrices row by row), as optimizers want them.
     *
     * @param point {@link #dimension()} entries
     * @param gradientOut receives the gradient, {@link #dimension()} entries in the same layout
     * @return the value
     */
    public double valueAndGradient(double[] point, double[] gradientOut) {
        layout.checkLength("point", point);
        layout.checkLength("gradient", gradientOut);
        Values v = forward(bindFlat(point));
        flatten(backward(v), gradientOut);
        return v.s[program.root];
    }

    /**
     * {@return the value and the Jacobian at a flat point}, for an expression of any shape: the
     * value's entries row by row, and one Jacobian row per entry (one column per entry of the
     * flat point). One forward pass, then one backward pass per entry.
     *
     * @param point a flat point, {@link #dimension()} entries
     */
    public ValueAndJacobian valueAndJacobian(double[] point) {
        Values v = forward(bindPoint(point));
        Shape s = shape();
        double[] value = new double[s.size()];
        double[][] jacobian = new double[s.size()][];
        double[][] out = v.data(program.root);
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                int k = r * s.cols() + c;
                value[k] = out[r][c];
                double[][] seed = new double[s.rows()][s.cols()];
                seed[r][c] = 1;
                Adjoints g = backward(v, seed);
                jacobian[k] = new double[layout.dimension()];
                flatten(g, jacobian[k]);
            }
        }
        return new ValueAndJacobian(value, jacobian);
    }

    /**
     * {@return the value of a scalar expression at a flat point, laid out as for {@link #valueAndGradient}}
     *
     * @param point a flat point, {@link #dimension()} entries
     */
    public double value(double[] point) {
        return forward(bindFlat(point)).s[program.root];
    }

    /**
     * Evaluates and differentiates at a point whose parameters come partly from a flat point and
     * partly from given entries, and adds the gradient of the flat point's parameters into
     * {@code sum}: one batch of a {@link BatchGradient}.
     *
     * @param free the parameters, by index, that the flat point holds, in its order
     * @param point their entries, laid out as {@code freeLayout} says
     * @param given for each parameter index, its entries (by reference), or null if free
     * @param sum receives the gradient added, laid out as {@code freeLayout}
     * @return the value
     */
    double accumulate(int[] free, Layout freeLayout, double[] point, double[][][] given, double[] sum) {
        Values v = values();
        for (int k = 0; k < given.length; k++) {
            if (given[k] != null && parameterNodes[k] >= 0) {
                v.put(parameterNodes[k], given[k]);
            }
        }
        for (int j = 0; j < free.length; j++) {
            int node = parameterNodes[free[j]];
            if (node >= 0 && program.scalar[node]) {
                v.s[node] = point[freeLayout.offset(j)];
            } else if (node >= 0) {
                v.put(node, freeLayout.part(point, j));
            }
        }
        forward(v);
        Adjoints g = backward(v);
        for (int j = 0; j < free.length; j++) {
            int node = parameterNodes[free[j]];
            if (node < 0) {
                continue;
            }
            int offset = freeLayout.offset(j);
            if (program.scalar[node]) {
                sum[offset] += g.s[node];
            } else {
                double[][] d = g.m[node];
                if (d == null) {
                    continue;
                }
                for (double[] row : d) {
                    for (int c = 0; c < row.length; c++) {
                        sum[offset + c] += row[c];
                    }
                    offset += row.length;
                }
            }
        }
        return v.s[program.root];
    }

    /** {@return empty values for a pass of this function, its products split over its pool if it has one} */
    private Values values() {
        Values v = new Values(program);
        v.pool = pool;
        return v;
    }

    /** Writes every parameter's gradient into {@code out}, laid out flat. */
    private void flatten(Adjoints g, double[] out) {
        for (int k = 0; k < parameterNodes.length; k++) {
            Shape s = parameters.get(k).shape();
            int node = parameterNodes[k];
            int offset = layout.offset(k);
            if (node < 0) {
                Arrays.fill(out, offset, offset + s.size(), 0.0);
            } else if (s.isScalar()) {
                out[offset] = g.s[node];
            } else {
                double[][] d = g.data(node);
                for (int i = 0; i < s.rows(); i++) {
                    System.arraycopy(d[i], 0, out, offset + i * s.cols(), s.cols());
                }
            }
        }
    }

    private Values bindFlat(double[] point) {
        requireScalar("value");
        return bindPoint(point);
    }

    private Values bindPoint(double[] point) {
        layout.checkLength("point", point);
        Values v = values();
        for (int k = 0; k < parameterNodes.length; k++) {
            int node = parameterNodes[k];
            if (node >= 0 && program.scalar[node]) {
                v.s[node] = point[layout.offset(k)];
            } else if (node >= 0) {
                v.put(node, layout.part(point, k));
            }
        }
        return v;
    }

    private void requireScalar(String what) {
        if (!shape().isScalar()) {
            throw new ShapeMismatchException(what + ": the expression is " + shape()
                    + ", not a scalar; reduce it first, for example with sum");
        }
    }

    /** {@return the values with every used parameter's node set from the bindings} */
    private Values bind(Bindings at) {
        Objects.requireNonNull(at, "bindings is null");
        Values v = values();
        for (int k = 0; k < parameterNodes.length; k++) {
            Leaf.Variable p = parameters.get(k);
            RealMatrix value = at.peek(p.name());
            if (value == null) {
                if (parameterNodes[k] < 0) {
                    continue;
                }
                throw new UnboundVariableException("unbound variable " + p.name() + " (" + p.shape()
                        + "): no value given for it; values were given for " + at.names());
            }
            Layout.checkShape(p, Shape.of(value.getRowDimension(), value.getColumnDimension()));
            if (parameterNodes[k] >= 0) {
                v.put(parameterNodes[k], value);
            }
        }
        return v;
    }

    private Values forward(Values v) {
        Forward.run(program, v);
        if (detectNonFinite) {
            NonFiniteCheck.forward(program, v);
        }
        return v;
    }

    private Adjoints backward(Values v) {
        return backward(v, new double[][] {{1.0}});
    }

    /** {@return every node's gradient for the given seed, checked when non-finite detection is on} */
    private Adjoints backward(Values v, double[][] seed) {
        Adjoints g = Backward.run(program, v, seed);
        if (detectNonFinite) {
            NonFiniteCheck.backward(program, v, g);
        }
        return g;
    }

    private Gradient result(Values v, Adjoints g) {
        return result(v.s[program.root], g);
    }

    private Gradient result(double value, Adjoints g) {
        Map<String, double[][]> out = Gradient.emptyMap();
        for (int k = 0; k < parameterNodes.length; k++) {
            Leaf.Variable p = parameters.get(k);
            int node = parameterNodes[k];
            double[][] d = node >= 0 ? g.data(node) : new double[p.shape().rows()][p.shape().cols()];
            // The gradient arrays are the backward pass's own, made for this call: no copy is needed.
            out = out.put(p.name(), d);
        }
        return new Gradient(value, out);
    }

    /**
     * {@return the values with every used parameter's node set from positional values}; a
     * matrix given by the caller is read during this call only, never kept or changed, so it is
     * not copied
     */
    private Values bindPositional(Object... values) {
        Objects.requireNonNull(values, "values is null");
        if (values.length != parameters.size()) {
            throw new BindingException("this function takes " + parameters.size() + " values, for "
                    + String.join(", ", parameters.stream().map(Leaf.Variable::name).toList()) + "; got " + values.length);
        }
        Values v = values();
        for (int k = 0; k < values.length; k++) {
            Leaf.Variable p = parameters.get(k);
            if (values[k] instanceof Term t) {
                throw new BindingException("value " + k + " is " + t.expr() + ", not a value for " + p.name()
                        + ": give values in parameter order, or (variable, value) pairs to gradientAt");
            }
            double[][] data = Layout.entries(p.name(), values[k]);
            Layout.checkShape(p, Shape.of(data.length, data[0].length));
            if (parameterNodes[k] >= 0) {
                v.put(parameterNodes[k], data);
            }
        }
        return v;
    }
}
