package adjoint.eval;

import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Values for variables, by name: an immutable map in which a scalar is a {@code double} and a
 * matrix or vector a Commons Math matrix, copied on the way in and on the way out. NaN and
 * infinite values are allowed.
 * <pre>{@code
 * Bindings at = Bindings.of("x1", 1.0).and("w1", 2.0).and("W", new double[][] {{1, 2}, {3, 4}});
 * }</pre>
 */
public final class Bindings {

    private static final Bindings EMPTY = new Bindings(LinkedHashMap.empty());

    private final Map<String, RealMatrix> values;

    private Bindings(Map<String, RealMatrix> values) {
        this.values = values;
    }

    /** {@return bindings with no values} */
    public static Bindings empty() {
        return EMPTY;
    }

    /** {@return bindings with one scalar value} */
    public static Bindings of(String name, double value) {
        return EMPTY.and(name, value);
    }

    /** {@return bindings with one matrix value} */
    public static Bindings of(String name, RealMatrix value) {
        return EMPTY.and(name, value);
    }

    /** {@return bindings with one matrix value given by rows} */
    public static Bindings of(String name, double[][] rows) {
        return EMPTY.and(name, rows);
    }

    /** {@return bindings with one column-vector value} */
    public static Bindings of(String name, double[] vector) {
        return EMPTY.and(name, vector);
    }

    /** {@return these bindings with {@code name} bound to a scalar} */
    public Bindings and(String name, double value) {
        return put(name, new Array2DRowRealMatrix(new double[][] {{value}}, false));
    }

    /** {@return these bindings with {@code name} bound to a copy of a matrix} */
    public Bindings and(String name, RealMatrix value) {
        Objects.requireNonNull(value, "value is null");
        return put(name, new Array2DRowRealMatrix(value.getData(), false));
    }

    /**
     * {@return these bindings with {@code name} bound to a copy of a matrix given by rows}
     *
     * @throws BindingException if there are no rows, a row is null, or rows differ in length
     */
    public Bindings and(String name, double[][] rows) {
        Objects.requireNonNull(rows, "rows is null");
        return put(name, new Array2DRowRealMatrix(Layout.entries(name, rows), true));
    }

    /**
     * {@return these bindings with {@code name} bound to a copy of a column vector}
     *
     * @throws BindingException if the vector is empty
     */
    public Bindings and(String name, double[] vector) {
        Objects.requireNonNull(vector, "vector is null");
        return put(name, new Array2DRowRealMatrix(Layout.entries(name, vector), false));
    }

    /** {@return these bindings with the variable {@code term} stands for bound to a scalar} */
    public Bindings and(Term term, double value) {
        return and(nameOf(term), value);
    }

    /** {@return these bindings with the variable {@code term} stands for bound to a matrix} */
    public Bindings and(Term term, RealMatrix value) {
        return and(nameOf(term), value);
    }

    /** {@return these bindings with the variable {@code term} stands for bound to a matrix given by rows} */
    public Bindings and(Term term, double[][] rows) {
        return and(nameOf(term), rows);
    }

    /** {@return these bindings with the variable {@code term} stands for bound to a column vector} */
    public Bindings and(Term term, double[] vector) {
        return and(nameOf(term), vector);
    }

    /** {@return the bound names, in the order they were bound} */
    public Seq<String> names() {
        return values.keySet().toList();
    }

    /** {@return whether {@code name} has a value} */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** {@return the shape of the value bound to {@code name}, if any} */
    public Option<Shape> shapeOf(String name) {
        return values.get(name).map(m -> Shape.of(m.getRowDimension(), m.getColumnDimension()));
    }

    /** {@return a copy of the value bound to {@code name}, a scalar as a {@code 1x1} matrix, if any} */
    public Option<RealMatrix> get(String name) {
        return values.get(name).map(RealMatrix::copy);
    }

    /** {@return the value bound to {@code name} without a copy, for the interpreters, or null} */
    RealMatrix peek(String name) {
        return values.get(name).getOrNull();
    }

    private Bindings put(String name, RealMatrix value) {
        Objects.requireNonNull(name, "name is null");
        return new Bindings(values.put(name, value));
    }

    /** {@return the name of the variable a term stands for} */
    static String nameOf(Term term) {
        Objects.requireNonNull(term, "variable is null");
        if (term.expr() instanceof Leaf.Variable v) {
            return v.name();
        }
        throw new IllegalArgumentException("not a variable: " + term.expr());
    }

    /** {@return the bindings as {@code {x1=1.0, W=3x3}}} */
    @Override
    public String toString() {
        return values.map(t -> t._1 + "=" + (t._2.getRowDimension() * t._2.getColumnDimension() == 1
                ? Double.toString(t._2.getEntry(0, 0))
                : t._2.getRowDimension() + "x" + t._2.getColumnDimension()))
                .mkString("{", ", ", "}");
    }

    /** {@return whether {@code o} binds the same names to equal values} */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bindings b && values.equals(b.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
