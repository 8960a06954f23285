package adjoint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Leaf.Constant;
import org.junit.jupiter.api.Test;

/** Where nodes are kept by offset: a flat array for the near ones, pages for the far ones. */
class IdPagesTest {

    private static final long TOP = 10_000_000;

    @Test
    void nearNodesGoToTheFlatArrayWhichGrowsAsTheyArrive() {
        IdPages pages = new IdPages(TOP);
        Expr[] nodes = new Expr[5000];
        for (int o = 0; o < nodes.length; o++) {
            nodes[o] = new Constant(o);
            assertThat(pages.place(o, nodes[o], o)).isTrue();
        }
        assertThat(pages.flat().length).isGreaterThanOrEqualTo(nodes.length);
        assertThat(pages.placed()).isEqualTo(nodes.length);
        for (int o = 0; o < nodes.length; o++) {
            assertThat(pages.node(o)).isSameAs(nodes[o]);
            pages.number(o, 3 * o);
        }
        assertThat(pages.number(4321)).isEqualTo(3 * 4321);
    }

    @Test
    void aNodeFoundAgainIsPlacedOnceAndAnotherNodeCannotTakeItsSlot() {
        IdPages pages = new IdPages(TOP);
        Expr a = new Constant(1);
        assertThat(pages.place(7, a, 1)).isTrue();
        assertThat(pages.place(7, a, 1)).isTrue();
        assertThat(pages.place(7, new Constant(1), 1)).isFalse();
        assertThat(pages.placed()).isEqualTo(1);
    }

    @Test
    void aFarNodeGoesToAPageAndTheFlatArrayNeverGrowsOverIt() {
        IdPages pages = new IdPages(TOP);
        long far = 3_000_000;
        Expr old = new Constant(-1);
        assertThat(pages.place(0, new Constant(0), 0)).isTrue();
        assertThat(pages.place(far, old, 1)).isTrue();
        assertThat(pages.flat().length).isLessThanOrEqualTo((int) (far & -IdPages.PAGE));
        for (int o = 1; o < 200_000; o++) {
            assertThat(pages.place(o, new Constant(o), o)).isTrue();
        }
        assertThat(pages.flat().length).isLessThanOrEqualTo((int) (far & -IdPages.PAGE));
        assertThat(pages.node(far)).isSameAs(old);
        assertThat(pages.hasPage(far)).isTrue();
        assertThat(pages.hasPage(far + 10 * IdPages.PAGE)).isFalse();
        pages.number(far, 42);
        assertThat(pages.number(far)).isEqualTo(42);
    }

    @Test
    void onceAPageIsRefusedTheFlatArrayStopsGrowingSoAnEmptySlotStillMeansNeverPlaced() {
        IdPages pages = new IdPages(TOP);
        int refusedAt = -1;
        for (int k = 1; k <= 64 && refusedAt < 0; k++) {
            if (!pages.place(k * 100_000L, new Constant(k), 1)) {
                refusedAt = k;
            }
        }
        assertThat(refusedAt).isPositive();
        int length = pages.flat().length;
        assertThat(pages.place(length + 5, new Constant(0), 1_000_000)).isFalse();
        assertThat(pages.flat().length).isEqualTo(length);
    }

    @Test
    void aSparseRunOfOffsetsDoesNotGrowTheFlatArrayPastSixteenSlotsANode() {
        IdPages pages = new IdPages(TOP);
        Expr[] nodes = new Expr[100];
        boolean[] placed = new boolean[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = new Constant(k);
            placed[k] = pages.place(k * 64L, nodes[k], k + 1);
            assertThat((long) pages.flat().length).isLessThanOrEqualTo(16L * (k + 1) + 4 * IdPages.PAGE);
        }
        assertThat(placed[0]).isTrue();
        for (int k = 0; k < nodes.length; k++) {
            assertThat(pages.node(k * 64L)).isSameAs(placed[k] ? nodes[k] : null);
        }
    }

    @Test
    void aRunOneSlotInEightStaysFlat() {
        IdPages pages = new IdPages(TOP);
        for (int k = 0; k < 10_000; k++) {
            assertThat(pages.place(k * 8L, new Constant(k), k + 1)).isTrue();
        }
        assertThat(pages.region(0)).isNull();
        assertThat(pages.flat().length).isGreaterThan(8 * 9_999);
    }
}
