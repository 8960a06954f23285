package adjoint.expr;

import java.util.Arrays;

/**
 * The numbers given to the nodes of one graph while it is linearised, found by node identity.
 * A core node sits at offset {@code root.id - id} in pages of 256 slots made as they are needed,
 * so a graph built in one go is indexed without hashing. A custom node, a node whose slot is
 * taken (two nodes given the same {@code id} by hand), a node too far from the root (made long
 * before the rest), and every node once the pages would be too sparse to pay, go to an identity
 * hash table instead. Every lookup compares identity: ids decide where a node is looked for,
 * never whether two nodes are the same.
 */
final class NodeIndex {

    private static final int PAGE_BITS = 8;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Offsets from here on go to the hash table, keeping the page directory under 16,384 entries. */
    private static final long REACH = 1L << 22;

    /** The id that offsets count down from. */
    private final long top;
    private Expr[][] nodes = new Expr[4][];
    private int[][] numbers = new int[4][];
    private long pages;
    private long lookups;
    /** Whether a page was refused; no page is made after that, so an empty slot means no number. */
    private boolean sparse;
    private IdentityIndex others;

    /** An empty index for the nodes of {@code root}. */
    NodeIndex(Expr root) {
        long id = id(root);
        this.top = id > 0 ? id : NodeIds.last();
    }

    /** {@return the number of {@code node}, or -1 if it has none} */
    int get(Expr node) {
        lookups++;
        long id = id(node);
        long offset = top - id;
        if (id > 0 && offset >= 0 && offset < REACH) {
            int page = (int) (offset >>> PAGE_BITS);
            Expr[] slots = page < nodes.length ? nodes[page] : null;
            if (slots != null) {
                int slot = (int) offset & (PAGE - 1);
                Expr there = slots[slot];
                if (there == node) {
                    return numbers[page][slot];
                }
                if (there == null) {
                    return -1;
                }
            }
        }
        return others == null ? -1 : others.get(node);
    }

    /** Gives {@code node}, which has no number yet, the number {@code number}. */
    void put(Expr node, int number) {
        long id = id(node);
        long offset = top - id;
        if (id > 0 && offset >= 0 && offset < REACH) {
            int page = (int) (offset >>> PAGE_BITS);
            if ((page < nodes.length && nodes[page] != null) || makePage(page)) {
                int slot = (int) offset & (PAGE - 1);
                if (nodes[page][slot] == null) {
                    nodes[page][slot] = node;
                    numbers[page][slot] = number;
                    return;
                }
            }
        }
        if (others == null) {
            others = new IdentityIndex(16);
        }
        others.put(node, number);
    }

    /** {@return whether page {@code page} was made}: not once pages hold fewer than one node in sixteen looked up */
    private boolean makePage(int page) {
        if (sparse || (pages + 1) * PAGE > 16 * lookups + 4 * PAGE) {
            sparse = true;
            return false;
        }
        if (page >= nodes.length) {
            int length = Math.max(2 * nodes.length, Integer.highestOneBit(page) << 1);
            nodes = Arrays.copyOf(nodes, length);
            numbers = Arrays.copyOf(numbers, length);
        }
        nodes[page] = new Expr[PAGE];
        numbers[page] = new int[PAGE];
        pages++;
        return true;
    }

    /** {@return the id of a core node, or 0 for a custom one} */
    static long id(Expr node) {
        if (node instanceof Binary b) {
            return b.id();
        }
        if (node instanceof Unary u) {
            return u.id();
        }
        if (node instanceof Leaf.Constant c) {
            return c.id();
        }
        if (node instanceof Leaf.Variable v) {
            return v.id();
        }
        if (node instanceof Leaf l) {
            return l.id();
        }
        if (node instanceof MatrixOp m) {
            return m.id();
        }
        return 0;
    }
}
