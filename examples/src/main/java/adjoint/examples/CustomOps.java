package adjoint.examples;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.examples.ops.LogGamma.logGamma;
import static adjoint.examples.ops.RowSoftmax.softmaxRows;

import adjoint.check.GradientCheck;
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
 * Ops defined outside the library, used like built-ins: {@code logGamma} (elementwise, derivative
 * digamma) and {@code softmaxRows} (a matrix op with its own vector-Jacobian product), in
 * formulas, traces, graph pictures and the gradient checker, each under its own name.
 */
public final class CustomOps {

    private CustomOps() {}

    /** Prints a formula, a trace and a gradient check that use both ops, and writes the graph. */
    public static void main(String[] args) throws IOException {
        Scalar x = scalar("x");
        Scalar w = scalar("w");
        Scalar f = logGamma(x.times(w)).plus(logGamma(x));
        Bindings point = at(x, 1.5, w, 2.0);
        System.out.println("f = " + Formula.unicode(f.expr()));
        System.out.println(Trace.of(f.expr(), point).text());
        System.out.println(GradientCheck.defaults().check(f, point).render());

        Matrix a = matrix("A", 2, 3);
        Scalar h = sum(softmaxRows(a).squared());
        Bindings pa = at(a, new double[][] {{1, 2, 3}, {0.5, -1, 0}});
        System.out.println("h = " + Formula.unicode(h.expr()));
        System.out.println(GradientCheck.defaults().check(h, pa).render());
        Tape tape = Backprop.tape(h.expr(), pa);
        Path dir = Path.of(args.length > 0 ? args[0] : "target/pictures");
        java.nio.file.Files.createDirectories(dir);
        Graphviz.write(Dot.of(tape), dir.resolve("custom.dot"));
        if (Graphviz.available()) {
            Graphviz.write(Dot.of(tape), dir.resolve("custom.png"));
        }
        System.out.println("graph: " + dir.resolve(Graphviz.available() ? "custom.png" : "custom.dot"));
    }
}
