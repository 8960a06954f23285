package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Jvp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint jvp}: the value and the directional derivative along a direction, by forward mode. */
@Command(name = "jvp", mixinStandardHelpOptions = true,
        description = "Print the value and the directional derivative along --along (a Jacobian-vector product), by forward mode.")
final class JvpCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Mixin
    Along along;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V, \"jvp\": D}, a matrix expression's as lists.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Bindings at = input.bindings();
        Jvp jvp = CompiledFunction.of(input.expression()).jvp(at, along.bindings());
        String value = Literal.of(jvp.valueMatrix().getData(), true, json);
        String derivative = Literal.of(jvp.derivativeMatrix().getData(), true, json);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"value\": " + value + ", \"jvp\": " + derivative + "}");
        } else {
            out.println("value " + value);
            out.println("jvp " + derivative);
        }
        return 0;
    }
}
