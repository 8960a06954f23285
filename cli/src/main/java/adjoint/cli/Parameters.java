package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.expr.Leaf;
import java.util.ArrayList;
import java.util.List;

/** The parameters of {@code grad}, {@code hvp} and {@code hessian}, in the order the point gives them. */
final class Parameters {

    private Parameters() {}

    /** {@return the expression's variables: those of the point in its order, then any it does not bind} */
    static List<Leaf.Variable> inPointOrder(ExpressionAt input) {
        Bindings at = input.bindings();
        List<Leaf.Variable> parameters = new ArrayList<>();
        for (String n : at.names()) {
            parameters.add(new Leaf.Variable(n, at.shapeOf(n).orElseThrow()));
        }
        input.variables().stream().filter(v -> !at.contains(v.name())).forEach(parameters::add);
        return parameters;
    }
}
