package adjoint.eval;

/**
 * Variable names to node numbers, for telling variables apart by name while a {@link Program}
 * is built: open addressing with linear probing over the names' hash codes, with no boxed
 * numbers and no entry objects. Names are never removed.
 */
final class NameIndex {

    private String[] keys = new String[16];
    private int[] values = new int[16];
    private int size;

    /** {@return the number of {@code name}, or -1 if it had none and now has {@code value}} */
    int putIfAbsent(String name, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(name, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                keys[i] = name;
                values[i] = value;
                size++;
                return -1;
            }
            if (k.equals(name)) {
                return values[i];
            }
        }
    }

    /** {@return the number of {@code name}, or -1 if it has none} */
    int get(String name) {
        int mask = keys.length - 1;
        for (int i = slot(name, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(name)) {
                return values[i];
            }
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[2 * oldKeys.length];
        values = new int[2 * oldKeys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(String name, int mask) {
        int h = name.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
