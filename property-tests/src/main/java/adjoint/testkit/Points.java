package adjoint.testkit;

import adjoint.eval.Bindings;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.quicktheories.core.Gen;

/** Generators of points: new values for the variables of a given point, of the same shapes. */
public final class Points {

    private Points() {}

    /** {@return {@code count} random points like {@code template}: the same names and shapes, entries from -2 to 2} */
    public static Gen<Seq<Bindings>> like(Bindings template, int count) {
        Gen<Seq<Bindings>> gen = in -> {
            Draw draw = new Draw(in, 1);
            Bindings[] points = new Bindings[count];
            for (int p = 0; p < count; p++) {
                Bindings b = Bindings.empty();
                for (String name : template.names()) {
                    RealMatrix shape = template.get(name).get();
                    RealMatrix m = new Array2DRowRealMatrix(shape.getRowDimension(), shape.getColumnDimension());
                    for (int i = 0; i < m.getRowDimension(); i++) {
                        for (int j = 0; j < m.getColumnDimension(); j++) {
                            m.setEntry(i, j, draw.between(-2.0, 2.0));
                        }
                    }
                    b = b.and(name, m);
                }
                points[p] = b;
            }
            return Array.of(points);
        };
        return gen.describedAs(s -> s.mkString("; "));
    }
}
