package adjoint.eval;

import adjoint.expr.MatrixText;
import adjoint.expr.MatrixTerm;
import adjoint.expr.ScalarTerm;
import adjoint.expr.Shape;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The value of a scalar expression at a point and its gradient with respect to each variable:
 * a {@code double} for a scalar variable, a matrix of the variable's shape for a matrix or
 * vector. Immutable; matrices are copied on the way out.
 */
public final class Gradient {

    private final double value;
    private final Map<String, double[][]> gradients;
    private final String label;

    Gradient(double value, Map<String, double[][]> gradients) {
        this(value, gradients, "d/d");
    }

    /** A gradient-like result whose lines print as {@code label} then the variable's name, such as {@code Hv/x}. */
    Gradient(double value, Map<String, double[][]> gradients, String label) {
        this.value = value;
        this.gradients = gradients;
        this.label = label;
    }

    /**
     * {@return a gradient read from a flat array}, the parameters' entries laid out as
     * {@code layout} lays out a flat point: how an optimizer's gradient becomes a result
     *
     * @param value the expression's value
     * @param layout the parameters and their layout
     * @param flat {@code layout.dimension()} entries
     */
    public static Gradient of(double value, Layout layout, double[] flat) {
        Objects.requireNonNull(layout, "layout is null");
        layout.checkLength("gradient", flat);
        Map<String, double[][]> m = emptyMap();
        for (int k = 0; k < layout.parameters().size(); k++) {
            m = m.put(layout.parameters().get(k).name(), layout.part(flat, k));
        }
        return new Gradient(value, m);
    }

    /** {@return the expression's value at the point} */
    public double value() {
        return value;
    }

    /** {@return the names of the variables, in parameter order} */
    public List<String> variables() {
        return gradients.keySet().toJavaList();
    }

    /**
     * {@return every partial derivative in one new array}: the variables in {@link #variables()}
     * order, each matrix by rows, the layout of {@link CompiledFunction}'s flat point
     */
    public double[] toArray() {
        int n = 0;
        for (var e : gradients) {
            n += e._2.length * e._2[0].length;
        }
        double[] out = new double[n];
        int at = 0;
        for (var e : gradients) {
            at = Layout.write(e._2, out, at);
        }
        return out;
    }

    /**
     * {@return the gradient with respect to one variable, its entries by rows in a new array}
     *
     * @param variable the variable
     */
    public double[] toArray(Term variable) {
        double[][] d = entries(Bindings.nameOf(variable));
        double[] out = new double[d.length * d[0].length];
        Layout.write(d, out, 0);
        return out;
    }

    /**
     * {@return the gradient with respect to one variable, as new rows of its shape}
     *
     * @param variable the variable
     */
    public double[][] rows(Term variable) {
        double[][] d = entries(Bindings.nameOf(variable));
        double[][] out = new double[d.length][];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i].clone();
        }
        return out;
    }

    /**
     * {@return the partial derivative with respect to a scalar variable}
     *
     * @param variable the variable
     */
    public double of(ScalarTerm variable) {
        return scalar(Bindings.nameOf(variable));
    }

    /**
     * {@return the gradient with respect to a matrix or vector variable, as a new matrix}
     *
     * @param variable the variable
     */
    public RealMatrix of(MatrixTerm variable) {
        return matrix(Bindings.nameOf(variable));
    }

    /**
     * {@return the partial derivative with respect to the scalar variable a term stands for}
     *
     * @param variable the variable
     */
    public double scalar(Term variable) {
        return scalar(Bindings.nameOf(variable));
    }

    /**
     * {@return the gradient with respect to the variable a term stands for, as a new matrix}
     *
     * @param variable the variable
     */
    public RealMatrix matrix(Term variable) {
        return matrix(Bindings.nameOf(variable));
    }

    /**
     * {@return the partial derivative with respect to the scalar variable {@code name}}
     *
     * @param name the variable's name
     * @throws UnknownVariableException if there is no variable of that name
     * @throws IllegalArgumentException if the variable is not a scalar
     */
    public double scalar(String name) {
        double[][] d = entries(name);
        if (d.length != 1 || d[0].length != 1) {
            throw new IllegalArgumentException("variable " + name + " is " + d.length + "x" + d[0].length
                    + ", not a scalar; ask for matrix(\"" + name + "\")");
        }
        return d[0][0];
    }

    /**
     * {@return the gradient with respect to variable {@code name}, as a read-only matrix}: handed
     * out without a copy (the entries are this gradient's own, which nothing changes); its
     * {@code copy()} is an ordinary matrix to change
     *
     * @param name the variable's name
     * @throws UnknownVariableException if there is no variable of that name
     */
    public RealMatrix matrix(String name) {
        return new ReadOnlyMatrix(entries(name));
    }

    /**
     * {@return the shape of the gradient with respect to {@code name}, the variable's shape}
     *
     * @param name the variable's name
     */
    public Shape shapeOf(String name) {
        double[][] d = entries(name);
        return Shape.of(d.length, d[0].length);
    }

    private double[][] entries(String name) {
        Objects.requireNonNull(name, "name is null");
        return gradients.get(name).getOrElseThrow(() -> new UnknownVariableException(
                "no variable " + name + " in this gradient; its variables are " + String.join(", ", variables())));
    }

    /**
     * {@return the value and each variable's gradient, one per line, as the command line prints
     * them}: {@code value 259}, then {@code d/dW [[32, 64], [32, 64]]} and so on
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("value ").append(Structure.number(value));
        for (var e : gradients) {
            sb.append(System.lineSeparator()).append(label).append(e._1).append(' ').append(MatrixText.of(e._2));
        }
        return sb.toString();
    }

    static Map<String, double[][]> emptyMap() {
        return LinkedHashMap.empty();
    }
}
