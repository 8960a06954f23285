package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameIndexTest {

    @Test
    void aNameKeepsItsFirstNumberThroughGrowth() {
        NameIndex index = new NameIndex();
        for (int i = 0; i < 5000; i++) {
            assertThat(index.putIfAbsent("t" + i, i)).isEqualTo(-1);
        }
        for (int i = 0; i < 5000; i++) {
            assertThat(index.putIfAbsent(new String("t" + i), -7)).isEqualTo(i);
            assertThat(index.get("t" + i)).isEqualTo(i);
        }
        assertThat(index.get("t5000")).isEqualTo(-1);
    }

    @Test
    void anIndexSizedForSomeNamesTakesThemAndMore() {
        for (int expected : new int[] {0, 1, 7, 1000}) {
            NameIndex index = new NameIndex(expected);
            for (int i = 0; i < 2 * expected + 20; i++) {
                assertThat(index.putIfAbsent("v" + i, i)).isEqualTo(-1);
            }
            for (int i = 0; i < 2 * expected + 20; i++) {
                assertThat(index.get("v" + i)).isEqualTo(i);
            }
        }
    }

    @Test
    void namesWithOneHashCodeStayApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        NameIndex index = new NameIndex();
        assertThat(index.putIfAbsent("Aa", 1)).isEqualTo(-1);
        assertThat(index.putIfAbsent("BB", 2)).isEqualTo(-1);
        assertThat(index.get("Aa")).isEqualTo(1);
        assertThat(index.get("BB")).isEqualTo(2);
        assertThat(index.putIfAbsent("BB", 3)).isEqualTo(2);
    }
}
