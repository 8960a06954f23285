package adjoint.testkit;

import adjoint.eval.Bindings;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.quicktheories.core.Gen;

/**
 * Points at the edges of the ops' domains, where the middle of the domain says nothing: zeros of
 * both signs; the kinks and boundaries of the core ops ({@code 0}, {@code ±1}, {@code ±π/2}) and
 * the doubles next to them; the smallest and largest magnitudes (subnormal, {@code 1e-300},
 * {@code 1e300}, {@code Double.MAX_VALUE}); where {@code exp} overflows and underflows; and
 * NaN and the infinities.
 */
public final class EdgePoints {

    /** The edge values, each with its negation where that differs. */
    public static final Seq<Double> VALUES = values();

    private EdgePoints() {}

    private static Seq<Double> values() {
        double[] magnitudes = {0.0, 1.0, Math.nextUp(1.0), Math.nextDown(1.0), Math.PI / 2, Math.nextUp(Math.PI / 2),
            Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-8, 1e300, Double.MAX_VALUE, 709.8, 745.2, 1000,
            Double.POSITIVE_INFINITY};
        Seq<Double> out = Array.empty();
        for (double m : magnitudes) {
            out = out.append(m).append(-m);
        }
        return out.append(Double.NaN);
    }

    /** {@return points like {@code template} (the same names and shapes) whose every entry is an edge value} */
    public static Gen<Bindings> like(Bindings template) {
        Gen<Bindings> gen = in -> {
            Draw draw = new Draw(in, 1);
            Bindings b = Bindings.empty();
            for (String name : template.names()) {
                RealMatrix shape = template.get(name).get();
                RealMatrix m = new Array2DRowRealMatrix(shape.getRowDimension(), shape.getColumnDimension());
                for (int i = 0; i < m.getRowDimension(); i++) {
                    for (int j = 0; j < m.getColumnDimension(); j++) {
                        m.setEntry(i, j, draw.oneOf(VALUES.asJava()));
                    }
                }
                b = b.and(name, m);
            }
            return b;
        };
        return gen.describedAs(Bindings::toString);
    }
}
