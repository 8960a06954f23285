package adjoint.spark;

import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.Layout;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.wire.WireFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * What travels to the executors: the loss of a full batch and of the last, shorter one, in the
 * wire form, with the names of the parameters and of the data variables. Each executor JVM
 * compiles a wire form once and keeps it ({@link #compiled}).
 *
 * @param full the loss of {@code batchRows} rows, in the wire form
 * @param last the loss of the last batch's rows, or null if every batch is full
 * @param parameters the parameters' names, in the order of a flat point
 * @param data the data variables' names, in the order a row's entries fill them
 * @param customs the custom ops the loss uses, by name, to read it with
 */
record Shapes(String full, String last, List<String> parameters, List<String> data,
        java.util.HashMap<String, Class<? extends adjoint.expr.Custom>> customs) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Compiled losses by their wire form, one per executor JVM. */
    private static final Map<String, CompiledFunction> COMPILED = new ConcurrentHashMap<>();

    /** {@return the loss of a wire form, compiled with the parameters first, then the data variables, once per JVM} */
    CompiledFunction compiled(String wire) {
        return COMPILED.computeIfAbsent(wire, text -> {
            Expr loss = WireFormat.withCustoms(customs).read(text);
            List<Leaf.Variable> all = CompiledFunction.of(loss).parameters();
            List<Leaf.Variable> ordered = new ArrayList<>();
            for (String n : parameters) {
                ordered.add(find(all, n));
            }
            for (String n : data) {
                ordered.add(find(all, n));
            }
            return CompiledFunction.of(loss, ordered);
        });
    }

    private static Leaf.Variable find(List<Leaf.Variable> all, String name) {
        return all.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "the loss has no variable " + name + "; its variables are " + all.stream().map(Leaf.Variable::name).toList()));
    }

    /**
     * {@return the value of one batch's loss, its parameters' gradient written into {@code gradient}}
     *
     * @param block the batch: for each data variable, its rows
     * @param point the parameters, flat
     * @param gradient receives the parameters' gradient, flat
     */
    double batch(Block block, double[] point, double[] gradient) {
        CompiledFunction f = compiled(block.rows() == rowsOf(full) ? full : last);
        Layout params = Layout.of(f.parameters().subList(0, parameters.size()));
        adjoint.eval.Bindings at = adjoint.eval.Bindings.empty();
        for (int k = 0; k < parameters.size(); k++) {
            at = at.and(parameters.get(k), new Array2DRowRealMatrix(params.part(point, k), false));
        }
        for (int k = 0; k < data.size(); k++) {
            at = at.and(data.get(k), new Array2DRowRealMatrix(block.data()[k], false));
        }
        Gradient g = f.gradient(at);
        double[] flat = params.flatten(g);
        System.arraycopy(flat, 0, gradient, 0, flat.length);
        return g.value();
    }

    /** The rows of the full batch, read from the first data variable's shape in the wire form. */
    private int rowsOf(String wire) {
        return compiled(wire).parameters().get(parameters.size()).shape().rows();
    }
}
