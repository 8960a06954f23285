package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Leaf;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint grad}: the value and the gradient with respect to every bound variable. */
@Command(name = "grad", mixinStandardHelpOptions = true, description = "Print the value and the gradient.")
final class GradCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V, \"gradient\": {\"x\": Gx, \"W\": [[...], ...]}},"
            + " each gradient in its variable's form: a number, a flat list for a column, else a list of rows.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var f = input.expression();
        Bindings at = input.bindings();
        List<Leaf.Variable> parameters = Parameters.inPointOrder(input);
        List<Leaf.Variable> bound = parameters.subList(0, at.names().size());
        Gradient g = CompiledFunction.of(f, parameters).gradient(at);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"value\": ").append(Json.number(g.value())).append(", \"gradient\": {");
            for (int i = 0; i < bound.size(); i++) {
                String name = bound.get(i).name();
                sb.append(i == 0 ? "" : ", ").append(Json.string(name)).append(": ").append(literal(g, name, true));
            }
            out.println(sb.append("}}"));
        } else {
            out.printf(Locale.ROOT, "value %s%n", g.value());
            for (Leaf.Variable v : bound) {
                out.printf(Locale.ROOT, "d/d%s %s%n", v.name(), literal(g, v.name(), false));
            }
        }
        return 0;
    }

    /** {@return the gradient with respect to {@code name} in its variable's form, as JSON or as the text syntax's literal} */
    private String literal(Gradient g, String name, boolean json) {
        return Literal.of(g.matrix(name).getData(), !input.point().flat().contains(name), json);
    }
}
