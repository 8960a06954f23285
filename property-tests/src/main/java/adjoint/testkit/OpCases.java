package adjoint.testkit;

import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.quicktheories.core.Gen;

/** Generators of single ops at random input values in their domains, with random shapes. */
public final class OpCases {

    private OpCases() {}

    /**
     * {@return cases of the given ops}: an op drawn from {@code specs}, an output shape with
     * dimensions up to {@code maxDim} that the op can produce, inputs of the shapes it needs,
     * and input values drawn from -3 to 3 and moved into the op's domain
     */
    public static Gen<OpCase> of(Seq<? extends OpSpec> specs, int maxDim) {
        Seq<OpSpec> all = Array.ofAll(specs);
        Gen<OpCase> gen = in -> {
            Draw draw = new Draw(in, maxDim);
            OpSpec spec = draw.oneOf(all.asJava());
            Shape out = Shape.of(draw.dim(), draw.dim());
            for (int tries = 0; !spec.produces(out) && tries < 20; tries++) {
                out = tries % 2 == 0 ? Shape.SCALAR : Shape.of(draw.dim(), draw.dim());
            }
            if (!spec.produces(out)) {
                throw new IllegalStateException(spec.op() + " produces neither 1x1 nor a random shape");
            }
            Seq<Shape> shapes = spec.inputShapes(out, draw).get();
            Seq<Expr> vars = shapes.zipWithIndex().map(t -> new Leaf.Variable("in" + t._2, t._1));
            Expr op = spec.build(vars, out, draw);
            RealMatrix[] values = new RealMatrix[shapes.size()];
            for (int k = 0; k < values.length; k++) {
                Domain d = spec.domain(op, k);
                Shape s = shapes.get(k);
                values[k] = new Array2DRowRealMatrix(s.rows(), s.cols());
                for (int i = 0; i < s.rows(); i++) {
                    for (int j = 0; j < s.cols(); j++) {
                        double x = draw.between(-3.0, 3.0);
                        values[k].setEntry(i, j, d.test(x) ? x : d.into().applyAsDouble(x));
                    }
                }
            }
            return new OpCase(spec, op, OpInputs.values(op, vars, Array.of(values)).asJava());
        };
        return gen.describedAs(OpCase::toString);
    }
}
