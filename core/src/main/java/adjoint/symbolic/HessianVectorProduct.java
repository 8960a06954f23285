package adjoint.symbolic;

import adjoint.eval.Gradient;
import adjoint.eval.Layout;
import adjoint.eval.UnknownVariableException;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixTerm;
import adjoint.expr.MatrixText;
import adjoint.expr.ScalarTerm;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A scalar expression's value, gradient and Hessian-vector product {@code H v} at a point, read
 * like a {@link Gradient}: {@code hvp.of(x)} is the part of {@code H v} for variable {@code x}.
 * Immutable; arrays and matrices are copied on the way out.
 */
public final class HessianVectorProduct {

    private final double value;
    private final double[] gradient;
    private final double[] product;
    private final Layout layout;

    HessianVectorProduct(double value, double[] gradient, double[] product, List<Leaf.Variable> parameters) {
        this.value = value;
        this.gradient = gradient;
        this.product = product;
        this.layout = Layout.of(parameters);
    }

    /** {@return the expression's value at the point} */
    public double value() {
        return value;
    }

    /** {@return the gradient at the point} */
    public Gradient gradient() {
        return Gradient.of(value, layout, gradient);
    }

    /** {@return {@code H v}, a new array laid out as a flat point} */
    public double[] toArray() {
        return product.clone();
    }

    /**
     * {@return the part of {@code H v} for a scalar variable}
     *
     * @param variable a parameter
     */
    public double of(ScalarTerm variable) {
        return part(variable)[0][0];
    }

    /**
     * {@return the part of {@code H v} for a matrix or vector variable, a new matrix of its shape}
     *
     * @param variable a parameter
     */
    public RealMatrix of(MatrixTerm variable) {
        return new org.apache.commons.math3.linear.Array2DRowRealMatrix(part(variable), false);
    }

    private double[][] part(Term variable) {
        if (!(Objects.requireNonNull(variable, "variable is null").expr() instanceof Leaf.Variable v)) {
            throw new IllegalArgumentException("not a variable: " + variable.expr());
        }
        String name = v.name();
        for (int k = 0; k < layout.parameters().size(); k++) {
            if (layout.parameters().get(k).name().equals(name)) {
                return layout.part(product, k);
            }
        }
        throw new UnknownVariableException("no variable " + name + " in this product; its variables are "
                + String.join(", ", layout.parameters().stream().map(Leaf.Variable::name).toList()));
    }

    /** {@return the value, then each variable's part of {@code H v}, one per line: {@code value 24}, {@code Hv/x 1204}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("value ").append(Structure.number(value));
        for (int k = 0; k < layout.parameters().size(); k++) {
            sb.append(System.lineSeparator()).append("Hv/").append(layout.parameters().get(k).name()).append(' ')
                    .append(MatrixText.of(layout.part(product, k)));
        }
        return sb.toString();
    }
}
