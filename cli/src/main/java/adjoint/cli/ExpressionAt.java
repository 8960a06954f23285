package adjoint.cli;

import adjoint.dsl.Matrix;
import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Cost;
import adjoint.expr.Leaf;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every evaluating subcommand takes: the expression and the point. */
final class ExpressionAt {

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, for example '1/(2 + sin(x1*w1)^2 + cos(x2*w2))'"
            + " or 'sum(sigmoid(W @ x)^2)'. One that starts with a minus sign may come anywhere, after -- or not.")
    String expression;

    @Option(names = "--at", required = true, paramLabel = "NAME=VALUE,...",
            description = "The point: a value for every variable, such as x1=1,w1=2 or 'W=[[1,0],[0,1]],x=[1,2]' (a column);"
                    + " may be repeated.")
    List<String> at;

    private Points.Point point;
    /** Whether the expression must fit the heap ({@link #requireFits}): on the command line; the page has its own, smaller budget. */
    private boolean heapRule = true;

    /**
     * {@return the options as the web page gives them}: an expression and one point text, which
     * may be blank for an expression without variables
     */
    static ExpressionAt of(String expression, String at) {
        ExpressionAt input = new ExpressionAt();
        input.expression = expression;
        input.at = at.isBlank() ? List.of() : List.of(at);
        input.heapRule = false;
        return input;
    }
    /**
     * {@return the options of a subcommand whose point is optional}: an expression with no
     * variables needs none; the heap rule holds as for every subcommand
     */
    static ExpressionAt optional(String expression, List<String> at) {
        ExpressionAt input = new ExpressionAt();
        input.expression = expression;
        input.at = at == null ? List.of() : at;
        return input;
    }

    private Matrix parsed;
    private List<Leaf.Variable> variables;

    /** {@return the point} */
    Points.Point point() {
        if (point == null) {
            point = Points.parse(at);
        }
        return point;
    }

    /** {@return the bindings of the point} */
    Bindings bindings() {
        return point().bindings();
    }

    /**
     * {@return the parsed expression, each variable of its bound value's shape}
     *
     * @throws IllegalArgumentException if the point binds a name that is not a variable of the expression
     */
    Matrix expression() {
        if (parsed == null) {
            Bindings b = bindings();
            Matrix e = Syntax.parse(expression, Points.shapes(b));
            if (heapRule) {
                requireFits(Cost.of(e), Runtime.getRuntime().maxMemory());
            }
            List<Leaf.Variable> found = CompiledFunction.of(e).parameters();
            List<String> names = found.stream().map(Leaf.Variable::name).toList();
            Set<String> extra = b.names().stream().filter(n -> !names.contains(n)).collect(Collectors.toSet());
            if (!extra.isEmpty()) {
                throw new IllegalArgumentException("--at binds " + String.join(", ", extra.stream().sorted().toList())
                        + ", which " + (extra.size() == 1 ? "is not a variable" : "are not variables") + " of the expression; its variables are "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            parsed = e;
            variables = found;
        }
        return parsed;
    }

    /**
     * Refuses work whose values and gradients cannot fit the heap: the rule is that their
     * entries, 8 bytes each, must take at most half of the JVM's maximum heap ({@code -Xmx}).
     *
     * @throws IllegalArgumentException naming the cost and the heap, if they do not fit
     */
    static void requireFits(Cost cost, long maxHeap) {
        if (cost.bytes() > maxHeap / 2) {
            throw new IllegalArgumentException("this expression needs " + cost + " for one gradient, more than half of"
                    + " the JVM's heap of " + maxHeap / (1L << 20) + " MB (raise it with JAVA_TOOL_OPTIONS=-Xmx...)");
        }
    }

    /** {@return the expression's variables, in the order first met} */
    List<Leaf.Variable> variables() {
        expression();
        return variables;
    }
}
