package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.expr.Leaf;
import adjoint.symbolic.HessianVectorProduct;
import adjoint.symbolic.SecondOrder;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint hvp}: the value and the Hessian times a direction, by forward over reverse mode. */
@Command(name = "hvp", mixinStandardHelpOptions = true,
        description = "Print the value and the Hessian times --along, exactly, by forward mode over the reverse pass.")
final class HvpCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Mixin
    Along along;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V, \"hvp\": {\"x\": Hv_x, \"W\": [[...], ...]}},"
            + " each part in its variable's form.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Bindings at = input.bindings();
        List<Leaf.Variable> parameters = Parameters.inPointOrder(input);
        SecondOrder second = SecondOrder.of(input.expression().asScalar(), parameters);
        HessianVectorProduct hvp = second.hvp(at, along.bindings());
        double[] flat = hvp.toArray();
        var out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder(json ? "{\"value\": " + Json.number(hvp.value()) + ", \"hvp\": {" : "value " + hvp.value());
        for (int k = 0; k < parameters.size(); k++) {
            String name = parameters.get(k).name();
            String part = Literal.of(second.layout().part(flat, k), !input.point().flat().contains(name), json);
            sb.append(json ? (k == 0 ? "" : ", ") + Json.string(name) + ": " + part : System.lineSeparator() + "Hv/" + name + " " + part);
        }
        out.println(json ? sb.append("}}") : sb);
        return 0;
    }
}
