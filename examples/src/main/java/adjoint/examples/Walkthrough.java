package adjoint.examples;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.cos;
import static adjoint.dsl.Adjoint.inv;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.sigmoid;
import static adjoint.dsl.Adjoint.sin;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.vector;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.Tape;
import adjoint.show.Dot;
import adjoint.show.Formula;
import adjoint.show.Graphviz;
import adjoint.show.Trace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The seed problems solved the way the homework is: the computational graph, every node's
 * value, local gradient and upstream gradient, printed as a table and drawn as a picture.
 *
 * <p>Run with {@code -Dexample=adjoint.examples.Walkthrough}; pictures go to
 * {@code target/pictures} (or the directory given as the first argument): always DOT, and SVG
 * and PNG when Graphviz's {@code dot} is installed.
 */
public final class Walkthrough {

    private Walkthrough() {}

    /** Prints both traces and writes both pictures. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/pictures");
        Scalar x1 = scalar("x1");
        Scalar w1 = scalar("w1");
        Scalar x2 = scalar("x2");
        Scalar w2 = scalar("w2");
        Scalar f = inv(constant(2).plus(sin(x1.times(w1)).squared()).plus(cos(x2.times(w2))));
        show("seed1", f, at(x1, 1.0, w1, 2.0, x2, 3.0, w2, 4.0), dir);

        Matrix w = matrix("W", 3, 3);
        Matrix x = vector("x", 3);
        Scalar h = sum(sigmoid(w.times(x)).squared());
        show("seed2", h, at(w, new double[][] {{-1, -2, -3}, {2, 3, 4}, {3, 4, 5}}, x, new double[] {-1, 3, 2}), dir);
    }

    /** Prints the formula and trace of {@code f} at a point, and writes its graph as {@code name.dot/.svg/.png}. */
    static void show(String name, Scalar f, Bindings point, Path dir) throws IOException {
        Tape tape = Backprop.tape(f.expr(), point);
        System.out.println("f = " + Formula.unicode(f.expr()) + "   at " + point);
        System.out.println();
        System.out.println(Trace.of(tape).text());
        // Top to bottom, as the page draws it: the README shows this picture.
        String dot = Dot.of(Trace.of(tape), true);
        java.nio.file.Files.createDirectories(dir);
        Graphviz.write(dot, dir.resolve(name + ".dot"));
        if (Graphviz.available()) {
            Graphviz.write(dot, dir.resolve(name + ".svg"));
            Graphviz.write(dot, dir.resolve(name + ".png"));
            System.out.println("graph: " + dir.resolve(name + ".png") + " (and .svg, .dot)");
        } else {
            System.out.println("graph: " + dir.resolve(name + ".dot") + " (install Graphviz for .svg and .png)");
        }
        System.out.println();
    }
}
