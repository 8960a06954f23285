package adjoint.cli;

import adjoint.eval.Backprop;
import adjoint.show.Dot;
import adjoint.show.Graphviz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint graph}: the computational graph as DOT, SVG or PNG. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Write the computational graph with values and gradients: .dot, or .svg/.png/.pdf through Graphviz.")
final class GraphCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: .dot, .svg, .png or .pdf.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Graphviz.write(Dot.of(Backprop.tape(input.expression().expr(), input.bindings())), out);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
