package adjoint.eval;

import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Parameters laid out flat, as optimizers want them: each parameter's entries one after
 * another, a matrix row by row. Also the one conversion of a value a user gives (a
 * {@code Number}, a {@code RealMatrix}, {@code double[][]} rows or a {@code double[]} column)
 * to entries, with the same checks and messages everywhere. Immutable.
 */
public final class Layout {

    private final List<Leaf.Variable> parameters;
    private final int[] offsets;
    private final int dimension;

    private Layout(List<Leaf.Variable> parameters) {
        this.parameters = List.copyOf(parameters);
        this.offsets = new int[this.parameters.size()];
        int d = 0;
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = d;
            d += this.parameters.get(k).shape().size();
        }
        this.dimension = d;
    }

    /**
     * {@return the layout of these parameters, in this order}
     *
     * @param parameters the parameters, in order
     */
    public static Layout of(List<Leaf.Variable> parameters) {
        Objects.requireNonNull(parameters, "parameters is null");
        return new Layout(parameters);
    }

    /** {@return the parameters, in order} */
    public List<Leaf.Variable> parameters() {
        return parameters;
    }

    /** {@return the total number of entries, the length of a flat point} */
    public int dimension() {
        return dimension;
    }

    /**
     * {@return where parameter {@code k}'s entries start in a flat point}
     *
     * @param k the parameter's position
     */
    public int offset(int k) {
        return offsets[k];
    }

    /**
     * {@return the values bound to the parameters, laid out flat}
     *
     * @param at a value for every parameter
     * @throws UnboundVariableException if a parameter has no value
     * @throws BindingException if a value has the wrong shape
     */
    public double[] flatten(Bindings at) {
        Objects.requireNonNull(at, "bindings is null");
        double[] out = new double[dimension];
        for (int k = 0; k < offsets.length; k++) {
            Leaf.Variable v = parameters.get(k);
            RealMatrix m = at.peek(v.name());
            if (m == null) {
                throw new UnboundVariableException("unbound variable " + v.name() + " (" + v.shape()
                        + "): no value given for it; values were given for " + at.names());
            }
            checkShape(v, Shape.of(m.getRowDimension(), m.getColumnDimension()));
            write(rows(m), out, offsets[k]);
        }
        return out;
    }

    /**
     * {@return a direction in the parameters, laid out flat}: a parameter it does not name moves
     * by zero
     *
     * @param along (variable, value) pairs
     * @throws UnknownVariableException if it names a variable that is not a parameter
     * @throws BindingException if a value has the wrong shape
     */
    public double[] flattenDirection(Bindings along) {
        Objects.requireNonNull(along, "direction is null");
        for (String name : along.names()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new UnknownVariableException("the direction names " + name + ", which is not a parameter; the parameters are "
                        + String.join(", ", parameters.stream().map(Leaf.Variable::name).toList()));
            }
        }
        double[] out = new double[dimension];
        for (int k = 0; k < offsets.length; k++) {
            Leaf.Variable v = parameters.get(k);
            RealMatrix m = along.peek(v.name());
            if (m != null) {
                checkShape(v, Shape.of(m.getRowDimension(), m.getColumnDimension()));
                write(rows(m), out, offsets[k]);
            }
        }
        return out;
    }

    /**
     * {@return the gradient with respect to each parameter, laid out flat}
     *
     * @param g a gradient with every parameter
     */
    public double[] flatten(Gradient g) {
        Objects.requireNonNull(g, "gradient is null");
        double[] out = new double[dimension];
        for (int k = 0; k < offsets.length; k++) {
            write(g.matrix(parameters.get(k).name()).getData(), out, offsets[k]);
        }
        return out;
    }

    /**
     * {@return parameter {@code k}'s entries, read from a flat point}
     *
     * @param flat a flat point
     * @param k the parameter's position
     */
    public double[][] part(double[] flat, int k) {
        Shape s = parameters.get(k).shape();
        double[][] d = new double[s.rows()][s.cols()];
        for (int i = 0; i < s.rows(); i++) {
            System.arraycopy(flat, offsets[k] + i * s.cols(), d[i], 0, s.cols());
        }
        return d;
    }

    /**
     * Checks a flat array's length.
     *
     * @throws BindingException naming {@code what} if it does not have {@link #dimension()} entries
     */
    void checkLength(String what, double[] flat) {
        Objects.requireNonNull(flat, () -> what + " is null");
        if (flat.length != dimension) {
            StringBuilder entries = new StringBuilder();
            for (Leaf.Variable v : parameters) {
                entries.append(entries.isEmpty() ? "" : ", ").append(v.name()).append(v.shape().isScalar() ? "" : " " + v.shape());
            }
            throw new BindingException("a flat " + what + " of this function has " + dimension + (dimension == 1 ? " entry" : " entries")
                    + " (" + entries + "), got " + flat.length);
        }
    }

    /**
     * Checks that a value fits a variable.
     *
     * @throws BindingException if the shapes differ
     */
    static void checkShape(Leaf.Variable v, Shape got) {
        if (!got.equals(v.shape())) {
            throw new BindingException("variable " + v.name() + " is " + v.shape() + " but its value is " + got);
        }
    }

    /**
     * {@return the entries of a value a user gives for {@code name}}: a {@code Number} as
     * {@code 1x1}, a {@code RealMatrix} (an {@code Array2DRowRealMatrix}'s own array, read and
     * never changed), {@code double[][]} rows as they are, a {@code double[]} as a column
     *
     * @param name the variable's name, for messages
     * @param value a Number, RealMatrix, double[][] rows or double[] column
     * @throws BindingException if the value is null, of another type, empty, has a null row, or
     *     has rows of different lengths
     */
    public static double[][] entries(String name, Object value) {
        double[][] rows = switch (value) {
            case null -> throw new BindingException("the value for " + name + " is null");
            case Number n -> new double[][] {{n.doubleValue()}};
            case RealMatrix m -> rows(m);
            case double[][] r -> r;
            case double[] column -> column(name, column);
            default -> throw new BindingException("the value for " + name + " is a " + value.getClass().getSimpleName()
                    + "; give a Number, RealMatrix, double[][] or double[]");
        };
        if (rows.length == 0) {
            throw new BindingException("the value for " + name + " has no rows");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new BindingException("the value for " + name + " has a null row " + i);
            }
            if (rows[i].length != rows[0].length) {
                throw new BindingException("the value for " + name + " has rows of different lengths: row 0 has "
                        + rows[0].length + ", row " + i + " has " + rows[i].length);
            }
        }
        if (rows[0].length == 0) {
            throw new BindingException("the value for " + name + " has no columns");
        }
        return rows;
    }

    /**
     * {@return a matrix's entries by rows, for the passes to read and never change}: an
     * {@code Array2DRowRealMatrix}'s own array, any other matrix's a copy
     */
    static double[][] rows(RealMatrix m) {
        return m instanceof Array2DRowRealMatrix a ? a.getDataRef() : m.getData();
    }

    private static double[][] column(String name, double[] column) {
        if (column.length == 0) {
            throw new BindingException("the value for " + name + " has no entries");
        }
        double[][] d = new double[column.length][];
        for (int i = 0; i < column.length; i++) {
            d[i] = new double[] {column[i]};
        }
        return d;
    }

    /** Copies {@code rows} one after another into {@code out} from {@code offset}; {@return the offset after them} */
    static int write(double[][] rows, double[] out, int offset) {
        for (double[] row : rows) {
            System.arraycopy(row, 0, out, offset, row.length);
            offset += row.length;
        }
        return offset;
    }
}
