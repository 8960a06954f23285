package adjoint.graph;

/**
 * A map from objects, compared by identity, to non-negative ints: open addressing with linear
 * probing over {@link System#identityHashCode}. Linearizing a graph looks up every node once or
 * twice; this avoids the boxed values and entry churn of an {@code IdentityHashMap}.
 */
final class IdentityIndex {

    private Object[] keys;
    private int[] values;
    private int size;

    IdentityIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new Object[capacity];
        values = new int[capacity];
    }

    /** {@return the value of {@code key}, or -1 if it has none} */
    int get(Object key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == null) {
                return -1;
            }
        }
    }

    /** Sets the value of {@code key}, which must not have one yet. */
    void put(Object key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    private void grow() {
        Object[] oldKeys = keys;
        int[] oldValues = values;
        keys = new Object[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(Object key, int mask) {
        int h = System.identityHashCode(key) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
