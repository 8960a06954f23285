package adjoint.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import adjoint.expr.Sum;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.optim.Adam;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelTest {

    static final Leaf.Variable W = new Leaf.Variable("w", Shape.of(2, 1));
    static final Leaf.Variable B = new Leaf.Variable("b");
    static final Leaf.Variable X = new Leaf.Variable("X", Shape.of(3, 2));

    /** {@code sum((tanh(X w + b) - 0.5)^2)} with the data {@code X} fixed: a loss of w and b. */
    static Expr loss() {
        Expr z = new Binary(BinaryOp.ADD, new MatMul(X, W), new adjoint.expr.Broadcast(B, Shape.of(3, 1)));
        Expr r = new Binary(BinaryOp.SUB, new Unary(UnaryOp.TANH, z), new adjoint.expr.Broadcast(new Leaf.Constant(0.5), Shape.of(3, 1)));
        return new Sum(new Unary(UnaryOp.SQUARE, r));
    }

    static final double[][] DATA = {{1, -2}, {0.5, 3}, {-1, 0.25}};

    static double lossAt(CompiledFunction f, double[] point, double[] gradient) {
        double[] full = new double[point.length + 6];
        System.arraycopy(point, 0, full, 0, point.length);
        for (int i = 0; i < 6; i++) {
            full[point.length + i] = DATA[i / 2][i % 2];
        }
        double[] g = new double[full.length];
        double v = f.valueAndGradient(full, g);
        System.arraycopy(g, 0, gradient, 0, point.length);
        return v;
    }

    @Test
    void aSavedTrainingResumesExactlyAsIfItHadNeverStopped(@TempDir Path dir) throws Exception {
        Expr loss = loss();
        CompiledFunction f = CompiledFunction.of(loss, W, B, X);
        Adam adam = Adam.of(0.05);
        Training straight = adam.minimize((p, g) -> lossAt(f, p, g), new double[] {0.1, -0.2, 0.3}, 20);
        Training half = adam.minimize((p, g) -> lossAt(f, p, g), new double[] {0.1, -0.2, 0.3}, 10);
        Path file = dir.resolve("model.txt");
        SavedModel.of(loss, List.of(W, B), half.point()).trainedBy(adam, half).save(file);
        SavedModel back = SavedModel.load(file);
        assertThat(back.loss()).isEqualTo(loss);
        assertThat(back.parameters()).containsExactly(W, B);
        assertThat(back.optimizer()).isEqualTo(adam);
        assertThat(back.state()).isEqualTo(half.state());
        CompiledFunction g = back.compile();
        Training rest = back.optimizer().minimize((p, gr) -> lossAt(g, p, gr), back.point(), 10, Progress.none(),
                back.optimizer().resume(back.state()));
        assertThat(rest.point()).as("ten steps, saved, loaded and ten more: the twenty steps' point, bit for bit")
                .isEqualTo(straight.point());
        assertThat(Files.readString(file)).startsWith("adjoint-model 1\nparameter \"w\" 2 1 ").contains("\noptimizer adam 0.05 0.9 0.999 1.0E-8\n")
                .contains("\nstate 10 2 ").contains("\nexpression\nadjoint-expression 1\n");
        assertThat(back.bindings().names()).containsExactly("w", "b");
    }

    @Test
    void aModelWithoutAnOptimizerAndBadFilesNameTheLine() {
        SavedModel m = SavedModel.of(loss(), List.of(W, B), new double[] {1, 2, 3});
        String text = m.text(WireFormat.standard());
        SavedModel back = SavedModel.parse(text, WireFormat.standard());
        assertThat(back.point()).containsExactly(1, 2, 3);
        assertThat(back.optimizer()).isNull();
        assertThatThrownBy(() -> SavedModel.of(loss(), List.of(W, B), new double[2])).hasMessage(
                "the point has 2 entries; the parameters have 3");
        assertThatThrownBy(() -> SavedModel.parse("adjoint-model 9\n", WireFormat.standard())).hasMessage(
                "line 1: version 9 is not supported; this reader reads version 1");
        assertThatThrownBy(() -> SavedModel.parse("adjoint-model 1\nparameter \"w\" 2 1 1\n", WireFormat.standard())).hasMessage(
                "line 2: expected a number, found the end of the line");
        assertThatThrownBy(() -> SavedModel.parse("adjoint-model 1\nparameter \"b\" 1 1 1\n", WireFormat.standard())).hasMessage(
                "line 3: expected 'expression' and the loss: the text is truncated");
        String cut = text.substring(0, text.lastIndexOf("root"));
        assertThatThrownBy(() -> SavedModel.parse(cut, WireFormat.standard())).isInstanceOf(WireFormatException.class)
                .hasMessageEndingWith("the text is truncated after " + (cut.lines().count() - 5) + " nodes");
        assertThatThrownBy(() -> SavedModel.parse("adjoint-model 1\nweights 1\n", WireFormat.standard())).hasMessage(
                "line 2: expected parameter, optimizer, state or expression, found 'weights'");
    }
}
