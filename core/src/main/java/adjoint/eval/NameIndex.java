package adjoint.eval;

/**
 * Variable names to node numbers, for telling variables apart by name while a {@link Program}
 * is built: open addressing with linear probing over the names' hash codes, with no boxed
 * numbers and no entry objects. Each slot keeps its name's hash, so growing the table and most
 * failed comparisons read no string. Names are never removed.
 */
final class NameIndex {

    private String[] keys;
    private int[] hashes;
    private int[] values;
    private int size;

    /** An empty index. */
    NameIndex() {
        this(4);
    }

    /** An empty index that takes {@code expected} names without growing. */
    NameIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, 2 * expected + 1)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
    }

    /** {@return the number of {@code name}, or -1 if it had none and now has {@code value}} */
    int putIfAbsent(String name, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int h = name.hashCode();
        int mask = keys.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = name;
                hashes[i] = h;
                values[i] = value;
                size++;
                return -1;
            }
            if (hashes[i] == h && k.equals(name)) {
                return values[i];
            }
        }
    }

    /** {@return the number of {@code name}, or -1 if it has none} */
    int get(String name) {
        int h = name.hashCode();
        int mask = keys.length - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && k.equals(name)) {
                return values[i];
            }
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        keys = new String[2 * oldKeys.length];
        hashes = new int[2 * oldKeys.length];
        values = new int[2 * oldKeys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int slot(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
