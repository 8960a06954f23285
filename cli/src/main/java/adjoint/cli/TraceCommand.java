package adjoint.cli;

import adjoint.show.Trace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint trace}: the homework-style table of every node. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Print every node's value, local and upstream gradients, in backprop's order.")
final class TraceCommand implements Callable<Integer> {

    /** The table's notation. */
    enum Format { text, markdown, latex }

    @Mixin
    ExpressionAt input;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or latex (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Trace t = Trace.of(input.expression().expr(), input.bindings());
        spec.commandLine().getOut().print(switch (format) {
            case text -> t.text();
            case markdown -> t.markdown();
            case latex -> t.latex();
        });
        return 0;
    }
}
