package adjoint.cli;

import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Leaf;
import io.vavr.collection.Array;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code adjoint grad}: the value and the gradient with respect to every bound variable. */
@Command(name = "grad", mixinStandardHelpOptions = true, description = "Print the value and the gradient.")
final class GradCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V, \"gradient\": {\"x\": Gx, ...}}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scalar f = input.expression();
        Bindings at = input.point();
        Array<Leaf.Variable> bound = at.names().map(Leaf.Variable::new).toArray();
        Array<Leaf.Variable> unbound = CompiledFunction.of(f.expr()).parameters()
                .filter(v -> !at.contains(v.name())).toArray();
        Gradient g = CompiledFunction.of(f.expr(), bound.appendAll(unbound)).gradient(at);
        Array<Leaf.Variable> vars = bound;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"value\": ").append(Json.number(g.value())).append(", \"gradient\": {");
            for (int i = 0; i < vars.size(); i++) {
                String name = vars.get(i).name();
                sb.append(i == 0 ? "" : ", ").append(Json.string(name)).append(": ").append(Json.number(g.scalar(name)));
            }
            out.println(sb.append("}}"));
        } else {
            out.printf(Locale.ROOT, "value %s%n", g.value());
            for (Leaf.Variable v : vars) {
                out.printf(Locale.ROOT, "d/d%s %s%n", v.name(), g.scalar(v.name()));
            }
        }
        return 0;
    }
}
