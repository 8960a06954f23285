package adjoint.cli;

import adjoint.dsl.Syntax;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.show.Formula;
import adjoint.symbolic.Symbolic;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adjoint diff}: the simplified symbolic derivative. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Print the simplified symbolic derivative.")
final class DiffCommand implements Callable<Integer> {

    /** The derivative's notation. */
    enum Format { unicode, latex, text }

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression.")
    String expression;

    @Option(names = "--wrt", required = true, paramLabel = "NAME", description = "The variable to differentiate with respect to.")
    String wrt;

    @Option(names = "--format", defaultValue = "unicode",
            description = "unicode, latex, or text (this command's own syntax, to feed back in) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!wrt.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--wrt '" + wrt + "' is not a variable name");
        }
        Expr d = Symbolic.derivative(Syntax.parse(expression), new Leaf.Variable(wrt));
        spec.commandLine().getOut().println(switch (format) {
            case unicode -> Formula.unicode(d);
            case latex -> Formula.latex(d);
            case text -> Syntax.print(d);
        });
        return 0;
    }
}
