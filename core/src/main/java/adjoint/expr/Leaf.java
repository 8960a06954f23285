package adjoint.expr;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/** Nodes without inputs: variables and constants. Their derivative rules are trivial. */
public sealed interface Leaf extends Expr permits Leaf.Variable, Leaf.Constant, Leaf.MatrixConstant {

    @Override
    default int arity() {
        return 0;
    }

    @Override
    default Expr input(int index) {
        throw new IndexOutOfBoundsException(op() + " has no inputs, asked for input " + index);
    }

    /** {@return this node's number, given when it was made} */
    long id();

    /**
     * A named variable: the gradient is taken with respect to these. Two variables with the same
     * name are the same variable; they must then have the same shape.
     *
     * @param name the variable's name, not blank
     * @param shape the shape of the values it may be bound to
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Variable(String name, Shape shape, long id) implements Leaf {
        /** Checks the name and shape. */
        public Variable {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(shape, "shape is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("variable name is blank");
            }
            // Hashed now, while the name is fresh in the cache: variables are merged by name when compiled.
            name.hashCode();
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param name the variable's name, not blank
         * @param shape the shape of the values it may be bound to
         */
        public Variable(String name, Shape shape) {
            this(name, shape, 0);
        }

        /**
         * Creates a scalar variable.
         *
         * @param name the variable's name
         */
        public Variable(String name) {
            this(name, Shape.SCALAR);
        }

        @Override public String op() { return "var"; }
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        @Override public String toString() { return Structure.text(this); }
    }

    /**
     * A scalar constant; its gradient is not taken.
     *
     * @param value the constant's value
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Constant(double value, long id) implements Leaf {
        /** Gives the node a number if it has none. */
        public Constant {
            id = NodeIds.fresh(id);
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param value the constant's value
         */
        public Constant(double value) {
            this(value, 0);
        }

        @Override public Shape shape() { return Shape.SCALAR; }
        @Override public String op() { return "const"; }
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        @Override public String toString() { return Structure.text(this); }
    }

    /**
     * A matrix constant; its gradient is not taken. The matrix is copied when the constant is
     * made and again when it is read, so the constant cannot change.
     *
     * @param value the constant's entries
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record MatrixConstant(RealMatrix value, long id) implements Leaf {
        /** Copies the matrix. */
        public MatrixConstant {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(value, "value is null");
            value = new Array2DRowRealMatrix(value.getData(), false);
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param value the constant's entries
         */
        public MatrixConstant(RealMatrix value) {
            this(value, 0);
        }

        /** {@return a copy of the constant's entries} */
        @Override
        public RealMatrix value() {
            return value.copy();
        }

        /**
         * {@return the entry at row {@code i}, column {@code j}}
         *
         * @param i the row
         * @param j the column
         */
        public double entry(int i, int j) {
            return value.getEntry(i, j);
        }

        @Override public Shape shape() { return Shape.of(value.getRowDimension(), value.getColumnDimension()); }
        @Override public String op() { return "const"; }
        @Override public boolean equals(Object o) { return Structure.equal(this, o); }
        @Override public int hashCode() { return Structure.hash(this); }
        @Override public String toString() { return Structure.text(this); }
    }
}
