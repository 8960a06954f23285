package adjoint.expr;

import java.util.List;
import java.util.Objects;

/**
 * Operations that treat their inputs as matrices: product, transpose, sum of entries, scalar
 * broadcast, row broadcast, trace, and row-wise log-sum-exp and softmax. Each record's Javadoc states its vector-Jacobian product, with {@code G}
 * the upstream gradient (of the output's shape).
 */
public sealed interface MatrixOp extends Expr
        permits MatrixOp.MatMul, MatrixOp.Transpose, MatrixOp.Sum, MatrixOp.Broadcast, MatrixOp.BroadcastRows,
                MatrixOp.Trace, MatrixOp.LogSumExpRows, MatrixOp.SoftmaxRows {

    /** {@return this node's number, given when it was made} */
    long id();


    /**
     * Matrix product {@code A B} of an {@code m x k} and a {@code k x n} matrix (a vector is a
     * {@code k x 1} matrix); gradients {@code G B^T} and {@code A^T G}.
     *
     * @param a the left factor, {@code m x k}
     * @param b the right factor, {@code k x n}
     * @param shape the output's shape, {@code m x n}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record MatMul(Expr a, Expr b, Shape shape, long id) implements MatrixOp {
        /** Checks that the inner dimensions agree. */
        public MatMul {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "a is null");
            Objects.requireNonNull(b, "b is null");
            if (a.shape().cols() != b.shape().rows()) {
                throw new ShapeMismatchException("matmul: " + a.shape() + " times " + b.shape()
                        + " (the left's " + a.shape().cols() + " columns must equal the right's "
                        + b.shape().rows() + " rows)" + ShapeMismatchException.where("matmul", a, b));
            }
            Shape s = Shape.of(a.shape().rows(), b.shape().cols());
            if (shape != null && !shape.equals(s)) {
                throw new ShapeMismatchException("matmul: " + a.shape() + " times " + b.shape()
                        + " is " + s + " but the given shape is " + shape);
            }
            shape = s;
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the left factor, {@code m x k}
         * @param b the right factor, {@code k x n}
         * @param shape the output's shape, {@code m x n}
         */
        public MatMul(Expr a, Expr b, Shape shape) {
            this(a, b, shape, 0);
        }

        /**
         * Creates the product with its computed shape.
         *
         * @param a the input
         * @param b the right-hand input
         */
        public MatMul(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "matmul";
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public Expr input(int index) {
            return switch (index) {
                case 0 -> a;
                case 1 -> b;
                default -> throw new IndexOutOfBoundsException("matmul has two inputs, asked for input " + index);
            };
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Transpose {@code A^T}; gradient {@code G^T}.
     *
     * @param a the input, {@code m x n}
     * @param shape the output's shape, {@code n x m}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Transpose(Expr a, Shape shape, long id) implements MatrixOp {
        /** Checks the shape. */
        public Transpose {
            id = NodeIds.fresh(id);
            shape = MatrixOp.computed("transpose", a, Objects.requireNonNull(a, "a is null").shape().transposed(), shape);
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the input, {@code m x n}
         * @param shape the output's shape, {@code n x m}
         */
        public Transpose(Expr a, Shape shape) {
            this(a, shape, 0);
        }

        /**
         * Creates the transpose with its computed shape.
         *
         * @param a the input
         */
        public Transpose(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "transpose";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Sum of all entries, a scalar; gradient {@code g} in every entry.
     *
     * @param a the input, any shape
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Sum(Expr a, long id) implements MatrixOp {
        /** Checks the input. */
        public Sum {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "a is null");
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the input, any shape
         */
        public Sum(Expr a) {
            this(a, 0);
        }

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public String op() {
            return "sum";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * A scalar repeated into every entry of a matrix, so that it can meet the matrix elementwise
     * ({@code c M}, {@code M + c}); gradient: the sum of the entries of {@code G}.
     *
     * @param a the scalar input
     * @param shape the output's shape
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Broadcast(Expr a, Shape shape, long id) implements MatrixOp {
        /** Checks that the input is a scalar. */
        public Broadcast {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "a is null");
            Objects.requireNonNull(shape, "shape is null");
            if (!a.shape().isScalar()) {
                throw new ShapeMismatchException("broadcast: input is " + a.shape() + ", not a scalar (1x1)"
                        + ShapeMismatchException.where("broadcast", a));
            }
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the scalar input
         * @param shape the output's shape
         */
        public Broadcast(Expr a, Shape shape) {
            this(a, shape, 0);
        }

        @Override
        public String op() {
            return "broadcast";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * A row repeated into every row of a matrix, so that it can meet the matrix elementwise: the
     * bias of {@code X W + b}; gradient: the column sums of {@code G}, a row.
     *
     * @param a the row input, {@code 1 x n}
     * @param shape the output's shape, {@code m x n}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record BroadcastRows(Expr a, Shape shape, long id) implements MatrixOp {
        /** Checks that the input is a row of the output's width. */
        public BroadcastRows {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "broadcastRows: a is null");
            Objects.requireNonNull(shape, "broadcastRows: shape is null");
            if (a.shape().rows() != 1 || a.shape().cols() != shape.cols()) {
                throw new ShapeMismatchException("broadcastRows: input is " + a.shape() + ", not a 1x" + shape.cols()
                        + " row to repeat into " + shape + (a.shape().cols() == 1 && a.shape().rows() == shape.cols()
                                ? " (it is a column: transpose it)" : "") + ShapeMismatchException.where("broadcastRows", a));
            }
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the row input, {@code 1 x n}
         * @param shape the output's shape, {@code m x n}
         */
        public BroadcastRows(Expr a, Shape shape) {
            this(a, shape, 0);
        }

        @Override
        public String op() {
            return "broadcastRows";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Trace of a square matrix, the sum of its diagonal; gradient {@code g I}.
     *
     * @param a the input, {@code n x n}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record Trace(Expr a, long id) implements MatrixOp {
        /** Checks that the input is square. */
        public Trace {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "a is null");
            if (a.shape().rows() != a.shape().cols()) {
                throw new ShapeMismatchException("trace: input is " + a.shape() + ", not square"
                        + ShapeMismatchException.where("trace", a));
            }
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the input, {@code n x n}
         */
        public Trace(Expr a) {
            this(a, 0);
        }

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public String op() {
            return "trace";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Log-sum-exp of each row, {@code l_i = ln sum_j e^(a_ij)}, an {@code m x 1} column, computed
     * as {@code m_i + ln sum_j e^(a_ij - m_i)} with {@code m_i} the row's largest entry, so that
     * nothing overflows; gradient {@code G_i softmax(a_i)_j}, the row's softmax scaled by the
     * row's upstream gradient.
     *
     * @param a the input, {@code m x n}
     * @param shape the output's shape, {@code m x 1}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record LogSumExpRows(Expr a, Shape shape, long id) implements MatrixOp {
        /** Checks the shape. */
        public LogSumExpRows {
            id = NodeIds.fresh(id);
            shape = MatrixOp.computed("logSumExpRows", a, Shape.vector(Objects.requireNonNull(a, "a is null").shape().rows()),
                    shape);
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the input, {@code m x n}
         * @param shape the output's shape, {@code m x 1}
         */
        public LogSumExpRows(Expr a, Shape shape) {
            this(a, shape, 0);
        }

        /**
         * Creates the node with its computed shape.
         *
         * @param a the input
         */
        public LogSumExpRows(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "logSumExpRows";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Softmax of each row, {@code s_ij = e^(a_ij) / sum_k e^(a_ik)}, computed as
     * {@code e^(a_ij - m_i) / sum_k e^(a_ik - m_i)} with {@code m_i} the row's largest entry, so
     * that nothing overflows; gradient {@code s ⊙ (G - rowsum(G ⊙ s))}, with no Jacobian formed.
     *
     * @param a the input, {@code m x n}
     * @param id this node's number, given when it is made: unique, larger than its inputs', not
     *     part of equality; 0 gives a fresh one
     */
    record SoftmaxRows(Expr a, long id) implements MatrixOp {
        /** Checks the input. */
        public SoftmaxRows {
            id = NodeIds.fresh(id);
            Objects.requireNonNull(a, "softmaxRows: a is null");
        }

        /**
         * Creates the node with a fresh {@link #id}.
         *
         * @param a the input, {@code m x n}
         */
        public SoftmaxRows(Expr a) {
            this(a, 0);
        }

        @Override
        public Shape shape() {
            return a.shape();
        }

        @Override
        public String op() {
            return "softmaxRows";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Expr input(int index) {
            return MatrixOp.only(this, a, index);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * {@return {@code node} on other inputs, its other parameters kept}
     *
     * @param node the node
     * @param in the new inputs
     */
    static MatrixOp withInputs(MatrixOp node, List<Expr> in) {
        return switch (node) {
            case MatMul n -> new MatMul(in.get(0), in.get(1));
            case Transpose n -> new Transpose(in.get(0));
            case Sum n -> new Sum(in.get(0));
            case Broadcast b -> new Broadcast(in.get(0), b.shape());
            case BroadcastRows b -> new BroadcastRows(in.get(0), b.shape());
            case Trace n -> new Trace(in.get(0));
            case LogSumExpRows n -> new LogSumExpRows(in.get(0));
            case SoftmaxRows n -> new SoftmaxRows(in.get(0));
        };
    }

    /** {@return the shape an op on {@code a} computes, checking a given {@code shape} against it if not null} */
    private static Shape computed(String op, Expr a, Shape computed, Shape shape) {
        Objects.requireNonNull(a, "a is null");
        if (shape != null && !shape.equals(computed)) {
            throw new ShapeMismatchException(op + ": input is " + a.shape() + " so the output is " + computed
                    + ", not the given " + shape);
        }
        return computed;
    }

    /** {@return {@code a} if {@code index} is 0, the input of a one-input op} */
    private static Expr only(Expr node, Expr a, int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(node.op() + " has one input, asked for input " + index);
        }
        return a;
    }
}
