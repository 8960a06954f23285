package adjoint.expr;

import adjoint.kernel.Kernels;
import adjoint.kernel.Products;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Matrix product {@code A B} of an {@code m x k} and a {@code k x n} matrix (a vector is a
 * {@code k x 1} matrix); pullbacks {@code G Bᵀ} and {@code Aᵀ G}.
 *
 * @param a the left factor, {@code m x k}
 * @param b the right factor, {@code k x n}
 * @param shape the output's shape, {@code m x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record MatMul(Expr a, Expr b, Shape shape, long id) implements Structural {

    /** The product in the text syntax, {@code A @ B}; as a call, {@code matmul(A, B)}. */
    public static final Kind KIND = new Kind("matmul", "matmul", 2, List.of(), (in, p) -> new MatMul(in.get(0), in.get(1)),
            new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    int k = c.dim();
                    return Optional.of(List.of(Shape.of(out.rows(), k), Shape.of(k, out.cols())));
                }
            });

    /** Checks that the inner dimensions agree. */
    public MatMul {
        id = NodeIds.fresh(id);
        Inputs.require(a, "matmul");
        Inputs.require(b, "matmul");
        if (a.shape().cols() != b.shape().rows()) {
            throw new ShapeMismatchException("matmul: " + a.shape() + " times " + b.shape()
                    + " (the left's " + a.shape().cols() + " columns must equal the right's "
                    + b.shape().rows() + " rows)" + ShapeMismatchException.where("matmul", a, b));
        }
        shape = Inputs.computed("matmul", a, Shape.of(a.shape().rows(), b.shape().cols()), shape);
    }

    /**
     * Creates the product with its computed shape and a fresh {@link #id}.
     *
     * @param a the left factor
     * @param b the right factor
     */
    public MatMul(Expr a, Expr b) { this(a, b, null, 0); }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.pair(this, a, b, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Products.multiply(in[0], in[1], pool);
    }

    /** {@code dA B + A dB}, a term left out where its input carries no tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        if (t[0] == null) {
            return Products.multiply(in[0], t[1], pool);
        }
        double[][] d = Products.multiply(t[0], in[1], pool);
        if (t[1] != null) {
            Kernels.addInto(d, Products.multiply(in[0], t[1], pool));
        }
        return d;
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return k == 0 ? Products.multiplyTransposed(g, in[1], pool) : Products.transposeMultiply(in[0], g, pool);
    }

    /** Both pullbacks of a matrix-vector product in one pass over the matrix; otherwise one at a time. */
    @Override
    public double[][][] pullbacks(boolean[] wanted, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        if (wanted[0] && wanted[1] && b.shape().cols() == 1) {
            return Products.matrixVectorPullback(in[0], in[1], g);
        }
        return Structural.super.pullbacks(wanted, in, out, g, pool);
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return k == 0 ? new MatMul(g, new Transpose(b)) : new MatMul(new Transpose(a), g);
    }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.PRODUCT, Notation.slot(0, Notation.PRODUCT), "·", Notation.slot(1, Notation.POWER));
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.PRODUCT, Notation.slot(0, Notation.PRODUCT), " ", Notation.slot(1, Notation.POWER));
    }

    @Override
    public Notation syntax() {
        return Notation.of(Notation.PRODUCT, Notation.slot(0, Notation.PRODUCT), " @ ", Notation.slot(1, Notation.UNARY));
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
