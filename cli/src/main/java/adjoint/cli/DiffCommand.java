package adjoint.cli;

import adjoint.dsl.Syntax;
import adjoint.expr.Expr;
import adjoint.dsl.Matrix;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.show.Formula;
import adjoint.symbolic.Simplify;
import adjoint.symbolic.Symbolic;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adjoint diff}: the simplified symbolic derivative. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Print the symbolic derivative, simplified as a reader writes it.")
final class DiffCommand implements Callable<Integer> {

    /** The derivative's notation. */
    enum Format { unicode, latex, text }

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression.")
    String expression;

    @Option(names = "--wrt", required = true, paramLabel = "NAME", description = "The variable to differentiate with respect to.")
    String wrt;

    @Option(names = "--shape", paramLabel = "NAME=ROWSxCOLS", description = "A variable's shape, such as W=3x3 (a scalar"
            + " if not given); may be repeated or separated by commas.", split = ",")
    java.util.List<String> shapes = java.util.List.of();

    @Option(names = "--format", defaultValue = "unicode",
            description = "unicode, latex, or text (this command's own syntax, to feed back in) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    /** {@return a dimension of {@code --shape}, from 1 to 2^31 - 1} */
    private static int dimension(String digits, String option) {
        long v = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("malformed --shape '" + Text.visible(option) + "': a dimension must be from 1 to "
                    + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    @Override
    public Integer call() {
        if (!Syntax.isName(wrt)) {
            throw new IllegalArgumentException("--wrt '" + wrt + "' is not a variable name");
        }
        java.util.Map<String, Shape> byName = new java.util.LinkedHashMap<>();
        for (String s : shapes) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(.+?)\\s*=\\s*(\\d+)\\s*x\\s*(\\d+)\\s*").matcher(s);
            if (!m.matches() || !Syntax.isName(m.group(1))) {
                throw new IllegalArgumentException("malformed --shape '" + Text.visible(s) + "': expected name=ROWSxCOLS, such as W=3x3");
            }
            int rows = dimension(m.group(2), s);
            int cols = dimension(m.group(3), s);
            if (byName.put(m.group(1), Shape.of(rows, cols)) != null) {
                throw new IllegalArgumentException("--shape gives " + m.group(1) + " twice");
            }
        }
        Matrix f = Syntax.parse(expression, byName);
        java.util.List<String> names = adjoint.eval.CompiledFunction.of(f).parameters().stream().map(Leaf.Variable::name).toList();
        if (!names.contains(wrt)) {
            throw new IllegalArgumentException("the expression has no variable " + wrt + "; its variables are "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        Expr d = Simplify.readable(Symbolic.derivative(f, new Leaf.Variable(wrt, byName.getOrDefault(wrt, Shape.SCALAR))));
        spec.commandLine().getOut().println(switch (format) {
            case unicode -> Formula.unicode(d);
            case latex -> Formula.latex(d);
            case text -> Syntax.print(d);
        });
        return 0;
    }
}
