package adjoint.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adjoint eval}: the value only, of an expression of any shape; one with no variables needs no point. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Print the value.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, for example 'sin(pi/6)' or 'W @ x'.")
    String expression;

    @Option(names = "--at", paramLabel = "NAME=VALUE,...", description = "The point: a value for every variable;"
            + " not needed for an expression without variables. May be repeated.")
    List<String> at;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V}, a matrix as a list of rows, a column as a flat list.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExpressionAt input = ExpressionAt.optional(expression, at);
        double[][] value = input.expression().compile().evaluate(input.bindings()).getData();
        String literal = Literal.of(value, true, json);
        spec.commandLine().getOut().println(json ? "{\"value\": " + literal + "}" : "value " + literal);
        return 0;
    }
}
