package adjoint.cli;

import adjoint.expr.Leaf;
import adjoint.symbolic.Hessian;
import adjoint.symbolic.SecondOrder;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint hessian}: the value, the gradient and the Hessian in every entry of the variables. */
@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = "Print the value, the gradient and the Hessian, one row and column per variable (a matrix's entries as W[i,j]).")
final class HessianCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Option(names = "--json", description = "Print one JSON object: {\"value\": V, \"gradient\": {\"x\": G}, \"hessian\":"
            + " {\"x\": {\"x\": Hxx, \"y\": Hxy}, ...}}, a matrix variable's entries named W[i,j].")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Leaf.Variable> parameters = Parameters.inPointOrder(input);
        Hessian h = SecondOrder.of(input.expression().asScalar(), parameters).hessian(input.bindings());
        double[] gradient = h.gradient().toArray();
        double[][] m = h.toArray();
        List<String> names = h.names();
        var out = spec.commandLine().getOut();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"value\": ").append(Json.number(h.value())).append(", \"gradient\": {");
            for (int k = 0; k < names.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(Json.string(names.get(k))).append(": ").append(Json.number(gradient[k]));
            }
            sb.append("}, \"hessian\": {");
            for (int r = 0; r < names.size(); r++) {
                sb.append(r == 0 ? "" : ", ").append(Json.string(names.get(r))).append(": {");
                for (int c = 0; c < names.size(); c++) {
                    sb.append(c == 0 ? "" : ", ").append(Json.string(names.get(c))).append(": ").append(Json.number(m[r][c]));
                }
                sb.append('}');
            }
            out.println(sb.append("}}"));
            return 0;
        }
        out.println("value " + h.value());
        for (int k = 0; k < names.size(); k++) {
            out.println("d/d" + names.get(k) + " " + gradient[k]);
        }
        String[][] cells = new String[names.size() + 1][names.size() + 1];
        cells[0][0] = "hessian";
        for (int r = 0; r < names.size(); r++) {
            cells[0][r + 1] = names.get(r);
            cells[r + 1][0] = names.get(r);
            for (int c = 0; c < names.size(); c++) {
                cells[r + 1][c + 1] = Double.toString(m[r][c]);
            }
        }
        int[] width = new int[cells.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : "  ").append(c == row.length - 1 ? row[c] : String.format("%-" + width[c] + "s", row[c]));
            }
            out.println(line);
        }
        return 0;
    }
}
