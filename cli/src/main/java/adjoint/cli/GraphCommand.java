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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: .dot, .svg, .png or .pdf,"
            + " in a folder that exists.")
    Path out;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Option(names = "--constants", description = "Draw every constant operand as a node of its own; by default a constant is"
            + " written into the label of the node that uses it, as drawn by hand.")
    boolean constants;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write " + out + ": " + (java.nio.file.Files.exists(folder)
                    ? folder + " is not a folder" : "the folder " + folder + " does not exist"));
        }
        if (java.nio.file.Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + " exists; give --force to replace it");
        }
        Graphviz.write(Dot.of(adjoint.show.Trace.of(Backprop.tape(input.expression().expr(), input.bindings()), constants)), out);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
