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

    @Option(names = "--constants", description = "Give every constant operand a row of its own, with the upstream gradient"
            + " it receives; by default a constant is written into the row that uses it, as drawn by hand.")
    boolean constants;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Trace t = Trace.of(adjoint.eval.Backprop.tape(input.expression().expr(), input.bindings()), constants);
        spec.commandLine().getOut().print(switch (format) {
            case text -> t.text();
            case markdown -> t.markdown();
            case latex -> t.latex();
        });
        return 0;
    }
}
