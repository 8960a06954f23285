package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.expr.Leaf;
import java.util.ArrayList;
import java.util.List;

/** What {@code hvp} and {@code hessian} share: their parameters, in the order the point gives them. */
final class SecondCommands {

    private SecondCommands() {}

    /** {@return the expression's variables: those of the point in its order, then any it does not bind} */
    static List<Leaf.Variable> parameters(ExpressionAt input) {
        Bindings at = input.bindings();
        List<Leaf.Variable> parameters = new ArrayList<>();
        for (String n : at.names()) {
            parameters.add(new Leaf.Variable(n, at.shapeOf(n).orElseThrow()));
        }
        input.variables().stream().filter(v -> !at.contains(v.name())).forEach(parameters::add);
        return parameters;
    }
}
