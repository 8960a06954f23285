package adjoint.symbolic;

import adjoint.eval.Gradient;
import adjoint.eval.Layout;
import adjoint.expr.Leaf;
import adjoint.kernel.Kernels;
import adjoint.expr.MatrixText;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A scalar expression's value, gradient and Hessian at a point: one row and one column per
 * entry of the parameters, laid out as a flat point, a matrix variable's entries named
 * {@code W[i,j]} and a column vector's {@code x[i]}. Immutable; matrices are copied on the way out.
 */
public final class Hessian {

    private final double value;
    private final double[] gradient;
    private final double[][] entries;
    private final Layout layout;

    Hessian(double value, double[] gradient, double[][] entries, List<Leaf.Variable> parameters) {
        this.value = value;
        this.gradient = gradient;
        this.entries = entries;
        this.layout = Layout.of(parameters);
    }

    /** {@return the expression's value at the point} */
    public double value() {
        return value;
    }

    /** {@return the gradient at the point} */
    public Gradient gradient() {
        return Gradient.of(value, layout, gradient);
    }

    /** {@return the Hessian as a new matrix, rows and columns in flat-point order} */
    public RealMatrix matrix() {
        return Printed.matrix(Kernels.copy(entries));
    }

    /** {@return the Hessian's entries by rows, a new array} */
    public double[][] toArray() {
        return Kernels.copy(entries);
    }

    /**
     * {@return the second derivative in two scalar variables}
     *
     * @param row a scalar parameter
     * @param column a scalar parameter
     */
    public double of(Term row, Term column) {
        return entries[index(name(row))][index(name(column))];
    }

    /**
     * {@return the second derivative in two entries named as {@link #names()} names them, {@code "x"} or {@code "W[0,1]"}}
     *
     * @param row a row's name
     * @param column a column's name
     */
    public double of(String row, String column) {
        return entries[index(Objects.requireNonNull(row, "row is null"))][index(Objects.requireNonNull(column, "column is null"))];
    }

    /** {@return the name of each row and column: a scalar variable's name, a matrix entry's as {@code W[i,j]}, a column's as {@code x[i]}} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Leaf.Variable v : layout.parameters()) {
            if (v.shape().isScalar()) {
                names.add(v.name());
            } else {
                for (int i = 0; i < v.shape().rows(); i++) {
                    for (int j = 0; j < v.shape().cols(); j++) {
                        names.add(v.name() + (v.shape().cols() == 1 ? "[" + i + "]" : "[" + i + "," + j + "]"));
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private int index(String name) {
        int k = names().indexOf(name);
        if (k < 0) {
            throw new adjoint.eval.UnknownVariableException("no entry " + name + " in this Hessian; its entries are "
                    + String.join(", ", names()));
        }
        return k;
    }

    private static String name(Term t) {
        if (!(Objects.requireNonNull(t, "variable is null").expr() instanceof Leaf.Variable v)) {
            throw new IllegalArgumentException("not a variable: " + t.expr());
        }
        return v.name();
    }

    /** {@return the value, then the Hessian row by row, each named: {@code value 0}, {@code H x [802, -400]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("value ").append(Structure.number(value));
        List<String> names = names();
        for (int r = 0; r < entries.length; r++) {
            double[][] row = {entries[r]};
            sb.append(System.lineSeparator()).append("H ").append(names.get(r)).append(' ')
                    .append(entries[r].length == 1 ? "[" + MatrixText.of(row) + "]" : MatrixText.of(row).replaceAll("^\\[|\\]$", ""));
        }
        return sb.toString();
    }
}
