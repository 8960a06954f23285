package adjoint.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every structural record declares its {@link Structural.Kind}, and the kind builds nodes of
 * that record from the shapes its examples give.
 */
class KindsTest {

    @Test
    void everyPermittedRecordHasAKindOfItsOwnName() {
        Class<?>[] records = Structural.class.getPermittedSubclasses();
        List<Structural.Kind> kinds = Structural.kinds();
        int declared = 0;
        for (Class<?> r : records) {
            List<Structural.Kind> own = Structural.kindsOf(r.asSubclass(Structural.class));
            assertThat(own).as(r.getSimpleName()).isNotEmpty();
            declared += own.size();
        }
        assertThat(kinds).hasSize(declared);
        assertThat(kinds.stream().map(Structural.Kind::name).distinct()).hasSize(declared);
        for (Structural.Kind k : kinds) {
            assertThat(Structural.named(k.name())).contains(k);
        }
        assertThat(Structural.named("no_such_op")).isEmpty();
    }

    @Test
    void eachKindBuildsItsOwnRecordFromItsExamples() {
        Random random = new Random(11);
        Structural.Choices choices = new Structural.Choices() {
            @Override
            public int dim() {
                return 1 + random.nextInt(3);
            }

            @Override
            public int between(int lo, int hi) {
                return lo + random.nextInt(hi - lo + 1);
            }
        };
        for (Class<?> record : Structural.class.getPermittedSubclasses()) {
            for (Structural.Kind kind : Structural.kindsOf(record.asSubclass(Structural.class))) {
            int built = 0;
            for (int rows = 1; rows <= 3; rows++) {
                for (int cols = 1; cols <= 3; cols++) {
                    Shape out = Shape.of(rows, cols);
                    Optional<List<Shape>> in = kind.examples().inputShapes(out, choices);
                    if (in.isEmpty()) {
                        continue;
                    }
                    List<Expr> inputs = new ArrayList<>();
                    for (int k = 0; k < in.get().size(); k++) {
                        inputs.add(new Leaf.Variable("x" + k, in.get().get(k)));
                    }
                    Expr node = kind.build(inputs, kind.examples().parameters(in.get(), out, choices));
                    assertThat(node).as(kind.name()).isInstanceOf(record);
                    assertThat(node.shape()).as(kind.name() + " for " + out).isEqualTo(out);
                    assertThat(node.op()).isEqualTo(kind.op());
                    assertThat(((Structural) node).kind()).isSameAs(kind);
                    assertThat(((Structural) node).withInputs(inputs)).isEqualTo(node);
                    built++;
                }
            }
            assertThat(built).as(kind.name() + " produces some shape up to 3x3").isPositive();
            }
        }
    }
}
