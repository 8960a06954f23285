package adjoint.eval;

import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import io.vavr.collection.Map;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Moves values between a compiled function's parameters and its program's nodes: a point in
 * any of the forms the API takes (bindings, a flat array, positional values, a batch) into the
 * values of a pass, and a pass's gradients out as a {@link Gradient} or a flat array.
 */
final class Binder {

    private final Program program;
    private final List<Leaf.Variable> parameters;
    private final Layout layout;
    /** The node of each parameter, or -1 for a parameter the expression does not use. */
    private final int[] nodes;

    /**
     * A binder for {@code program}'s parameters, in the given order.
     *
     * @throws VariableConflictException if a parameter's shape differs from its variable's in the program
     */
    Binder(Program program, List<Leaf.Variable> parameters) {
        this.program = program;
        this.parameters = parameters;
        this.layout = Layout.of(parameters);
        this.nodes = nodes(program, parameters);
    }

    /** {@return the parameters, in order} */
    List<Leaf.Variable> parameters() {
        return parameters;
    }

    /** {@return how the parameters are laid out in a flat point} */
    Layout layout() {
        return layout;
    }

    /**
     * {@return the parameters: the program's own variables if none are given, else the given
     * ones}, each checked to be a variable, none twice, and every variable of the program among them
     */
    static List<Leaf.Variable> parameters(Program program, List<? extends Term> given) {
        if (given.isEmpty()) {
            return List.copyOf(program.variables);
        }
        Leaf.Variable[] vars = new Leaf.Variable[given.size()];
        for (int k = 0; k < vars.length; k++) {
            Term t = given.get(k);
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
            List<String> names = list.stream().map(Leaf.Variable::name).toList();
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
        return list;
    }

    /** {@return the values of a pass with every used parameter's node set from the bindings} */
    Values bind(Bindings at, ForkJoinPool pool) {
        Objects.requireNonNull(at, "bindings is null");
        Values v = values(pool);
        for (int k = 0; k < nodes.length; k++) {
            Leaf.Variable p = parameters.get(k);
            RealMatrix value = at.peek(p.name());
            if (value == null) {
                if (nodes[k] < 0) {
                    continue;
                }
                throw new UnboundVariableException("unbound variable " + p.name() + " (" + p.shape()
                        + "): no value given for it; values were given for " + at.names());
            }
            Layout.checkShape(p, Shape.of(value.getRowDimension(), value.getColumnDimension()));
            if (nodes[k] >= 0) {
                v.put(nodes[k], value);
            }
        }
        return v;
    }

    /**
     * {@return tangents with every used parameter's node set from a direction}: a parameter the
     * direction does not name moves by zero
     *
     * @throws UnknownVariableException if the direction names a variable that is not a parameter
     */
    Tangents direction(Bindings along) {
        return direction(layout.flattenDirection(along));
    }

    /** {@return tangents with every used parameter's node set from a flat direction, laid out as a flat point} */
    Tangents direction(double[] along) {
        layout.checkLength("direction", along);
        Tangents t = new Tangents(program);
        for (int k = 0; k < nodes.length; k++) {
            set(t, nodes[k], along, layout, k);
        }
        return t;
    }

    /** {@return the values of a pass with every used parameter's node set from a flat point} */
    Values bind(double[] point, ForkJoinPool pool) {
        layout.checkLength("point", point);
        Values v = values(pool);
        for (int k = 0; k < nodes.length; k++) {
            set(v, nodes[k], point, layout, k);
        }
        return v;
    }

    /**
     * {@return the values of a pass with every used parameter's node set from positional
     * values}; a matrix given by the caller is read during the call only, never kept or changed,
     * so it is not copied
     */
    Values bindPositional(Object[] values, ForkJoinPool pool) {
        Objects.requireNonNull(values, "values is null");
        if (values.length != parameters.size()) {
            throw new BindingException("this function takes " + parameters.size() + " values, for "
                    + String.join(", ", parameters.stream().map(Leaf.Variable::name).toList()) + "; got " + values.length);
        }
        Values v = values(pool);
        for (int k = 0; k < values.length; k++) {
            Leaf.Variable p = parameters.get(k);
            if (values[k] instanceof Term t) {
                throw new BindingException("value " + k + " is " + t.expr() + ", not a value for " + p.name()
                        + ": give values in parameter order, or (variable, value) pairs to gradientAt");
            }
            double[][] data = Layout.entries(p.name(), values[k]);
            Layout.checkShape(p, Shape.of(data.length, data[0].length));
            if (nodes[k] >= 0) {
                v.put(nodes[k], data);
            }
        }
        return v;
    }

    /** {@return the values of a pass with the batch's given parameters set from its rows and the free ones from {@code point}} */
    Values bind(Batch batch, double[] point, ForkJoinPool pool) {
        Values v = values(pool);
        double[][][] given = batch.given();
        for (int k = 0; k < given.length; k++) {
            if (given[k] != null && nodes[k] >= 0) {
                v.put(nodes[k], given[k]);
            }
        }
        int[] free = batch.free();
        for (int j = 0; j < free.length; j++) {
            set(v, nodes[free[j]], point, batch.layout(), j);
        }
        return v;
    }

    /** Sets node {@code node}'s slot, if the node is used, to part {@code k} of a flat point laid out by {@code l}. */
    private void set(Slots v, int node, double[] point, Layout l, int k) {
        if (node >= 0 && program.scalar[node]) {
            v.s[node] = point[l.offset(k)];
        } else if (node >= 0) {
            v.put(node, l.part(point, k));
        }
    }

    /** {@return every parameter's gradient, zeros for one the expression does not use} */
    Gradient gradient(double value, Slots g) {
        Map<String, double[][]> out = Gradient.emptyMap();
        for (int k = 0; k < nodes.length; k++) {
            Leaf.Variable p = parameters.get(k);
            int node = nodes[k];
            double[][] d = node >= 0 ? g.data(node) : new double[p.shape().rows()][p.shape().cols()];
            // The gradient arrays are the backward pass's own, made for this call: no copy is needed.
            out = out.put(p.name(), d);
        }
        return new Gradient(value, out);
    }

    /** Writes every parameter's gradient into {@code out}, laid out flat. */
    void flatten(Slots g, double[] out) {
        for (int k = 0; k < nodes.length; k++) {
            Shape s = parameters.get(k).shape();
            int node = nodes[k];
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

    /** Adds the gradient of the batch's free parameters into {@code sum}, laid out as the batch's layout. */
    void addFree(Batch batch, Adjoints g, double[] sum) {
        int[] free = batch.free();
        for (int j = 0; j < free.length; j++) {
            int node = nodes[free[j]];
            if (node < 0) {
                continue;
            }
            int offset = batch.layout().offset(j);
            if (program.scalar[node]) {
                sum[offset] += g.s[node];
                continue;
            }
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

    /** {@return empty values for a pass, its products split over {@code pool} if not null} */
    private Values values(ForkJoinPool pool) {
        Values v = new Values(program);
        v.pool = pool;
        return v;
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
}
