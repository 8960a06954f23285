package adjoint.cli;

import adjoint.dsl.Scalar;
import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every evaluating subcommand takes: the expression and the point. */
final class ExpressionAt {

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, for example '1/(2 + sin(x1*w1)^2 + cos(x2*w2))'.")
    String expression;

    @Option(names = "--at", required = true, paramLabel = "NAME=VALUE,...",
            description = "The point: a value for every variable, for example x1=1,w1=2.")
    String at;

    /** {@return the parsed expression} */
    Scalar expression() {
        return Syntax.parse(expression);
    }

    /** {@return the parsed point} */
    Bindings point() {
        return Points.parse(at);
    }
}
