package adjoint.eval;

import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * {@return bindings with one scalar value}
     *
     * @param name the variable's name
     * @param value its value
     */
    public static Bindings of(String name, double value) {
        return EMPTY.and(name, value);
    }

    /**
     * {@return bindings with one matrix value}
     *
     * @param name the variable's name
     * @param value its value
     */
    public static Bindings of(String name, RealMatrix value) {
        return EMPTY.and(name, value);
    }

    /**
     * {@return bindings with one matrix value given by rows}
     *
     * @param name the variable's name
     * @param rows its value, by rows
     */
    public static Bindings of(String name, double[][] rows) {
        return EMPTY.and(name, rows);
    }

    /**
     * {@return bindings with one column-vector value}
     *
     * @param name the variable's name
     * @param vector its value, a column vector
     */
    public static Bindings of(String name, double[] vector) {
        return EMPTY.and(name, vector);
    }

    /**
     * {@return bindings from pairs}, each a variable then its value: a {@code Number} for a
     * scalar; a {@code RealMatrix}, {@code double[][]} rows or {@code double[]} column vector for a
     * matrix or vector. For example {@code ofPairs(x1, 1.0, W, new double[][] {{1, 2}, {3, 4}})}.
     *
     * @throws IllegalArgumentException if the arguments are not pairs of a variable and a value, or a
     *     variable is given twice
     * @param pairs variables ({@code Term}s) and values, alternating
     * @throws BindingException if a matrix value is empty or not rectangular
     */
    public static Bindings ofPairs(Object... pairs) {
        Objects.requireNonNull(pairs, "pairs is null");
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected pairs of a variable and its value, got " + pairs.length
                    + " arguments");
        }
        Bindings b = Bindings.empty();
        for (int k = 0; k < pairs.length; k += 2) {
            if (!(pairs[k] instanceof Term t) || !(t.expr() instanceof Leaf.Variable v)) {
                throw new IllegalArgumentException("argument " + k + " should be a variable, got " + describe(pairs[k]));
            }
            String name = v.name();
            Object value = pairs[k + 1];
            if (!(value instanceof Number || value instanceof RealMatrix || value instanceof double[][] || value instanceof double[])) {
                throw new IllegalArgumentException("argument " + (k + 1) + ", the value of " + name
                        + ", should be a Number, RealMatrix, double[][] or double[], got " + describe(value));
            }
            if (b.contains(name)) {
                throw new IllegalArgumentException("argument " + k + ": variable " + name + " is given twice");
            }
            b = b.and(name, Layout.entries(name, value));
        }
        return b;
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }

    /**
     * {@return these bindings with {@code name} bound to a scalar}
     *
     * @param name the variable's name
     * @param value its value
     */
    public Bindings and(String name, double value) {
        return put(name, new Array2DRowRealMatrix(new double[][] {{value}}, false));
    }

    /**
     * {@return these bindings with {@code name} bound to a copy of a matrix}
     *
     * @param name the variable's name
     * @param value its value
     */
    public Bindings and(String name, RealMatrix value) {
        Objects.requireNonNull(value, "value is null");
        return put(name, new Array2DRowRealMatrix(value.getData(), false));
    }

    /**
     * {@return these bindings with {@code name} bound to a copy of a matrix given by rows}
     *
     * @param name the variable's name
     * @param rows its value, by rows
     * @throws BindingException if there are no rows, a row is null, or rows differ in length
     */
    public Bindings and(String name, double[][] rows) {
        Objects.requireNonNull(rows, "rows is null");
        return put(name, new Array2DRowRealMatrix(Layout.entries(name, rows), true));
    }

    /**
     * {@return these bindings with {@code name} bound to a copy of a column vector}
     *
     * @param name the variable's name
     * @param vector its value, a column vector
     * @throws BindingException if the vector is empty
     */
    public Bindings and(String name, double[] vector) {
        Objects.requireNonNull(vector, "vector is null");
        return put(name, new Array2DRowRealMatrix(Layout.entries(name, vector), false));
    }

    /**
     * {@return these bindings with the variable {@code term} stands for bound to a scalar}
     *
     * @param term the variable
     * @param value its value
     */
    public Bindings and(Term term, double value) {
        return and(nameOf(term), value);
    }

    /**
     * {@return these bindings with the variable {@code term} stands for bound to a matrix}
     *
     * @param term the variable
     * @param value its value
     */
    public Bindings and(Term term, RealMatrix value) {
        return and(nameOf(term), value);
    }

    /**
     * {@return these bindings with the variable {@code term} stands for bound to a matrix given by rows}
     *
     * @param term the variable
     * @param rows its value, by rows
     */
    public Bindings and(Term term, double[][] rows) {
        return and(nameOf(term), rows);
    }

    /**
     * {@return these bindings with the variable {@code term} stands for bound to a column vector}
     *
     * @param term the variable
     * @param vector its value, a column vector
     */
    public Bindings and(Term term, double[] vector) {
        return and(nameOf(term), vector);
    }

    /** {@return the bound names, in the order they were bound} */
    public List<String> names() {
        return values.keySet().toJavaList();
    }

    /**
     * {@return whether {@code name} has a value}
     *
     * @param name the variable's name
     */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * {@return the shape of the value bound to {@code name}, if any}
     *
     * @param name the variable's name
     */
    public Optional<Shape> shapeOf(String name) {
        return values.get(name).map(m -> Shape.of(m.getRowDimension(), m.getColumnDimension())).toJavaOptional();
    }

    /**
     * {@return a copy of the value bound to {@code name}, a scalar as a {@code 1x1} matrix, if any}
     *
     * @param name the variable's name
     */
    public Optional<RealMatrix> get(String name) {
        return values.get(name).map(RealMatrix::copy).toJavaOptional();
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
