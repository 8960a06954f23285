package adjoint.expr;

import java.util.Arrays;

/**
 * The one topological order of a graph: its nodes in the order they were made, which is the
 * order of their ids, with a custom node (which has no id) right after the newest of its inputs.
 * Inputs are made before the nodes that use them, so this puts inputs first, and it is the order
 * the program was written in, as a Wengert list records it.
 *
 * <p>A graph of core nodes made in one go is swept in pages indexed by {@code root.id - id},
 * with no hashing and no stack. Any other graph (one with custom nodes, nodes made far apart, or
 * ids given by hand) is walked depth first over an identity index and then sorted into the same
 * order; if its ids do not put every input before its user (ids given by hand), the depth-first
 * order itself is used.
 */
final class Linearizer {

    private static final int PAGE_BITS = 8;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Offsets from here on are left to the depth-first walk, keeping the page directory small. */
    private static final long REACH = 1L << 22;

    private Linearizer() {}

    /** Visits the nodes of {@code root} in topological order, the root last. */
    static void run(Expr root, Exprs.Visitor visitor) {
        Sweep sweep = new Sweep(root);
        if (sweep.mark()) {
            sweep.emit(visitor);
        } else {
            byDepth(root, visitor);
        }
    }

    /** {@return the number of inputs of {@code node}}, read without an interface call for the common nodes */
    static int arity(Expr node) {
        if (node instanceof Binary) {
            return 2;
        }
        if (node instanceof Unary) {
            return 1;
        }
        if (node instanceof Leaf.Constant || node instanceof Leaf.Variable) {
            return 0;
        }
        return node.arity();
    }

    /** {@return input {@code k} of {@code node}}, read without an interface call for the common nodes */
    static Expr input(Expr node, int k) {
        if (node instanceof Binary b) {
            return k == 0 ? b.a() : b.b();
        }
        if (node instanceof Unary u) {
            return u.a();
        }
        return node.input(k);
    }

    /** {@return input {@code k} of {@code node}, which must not be null} */
    private static Expr required(Expr node, int k) {
        Expr in = input(node, k);
        if (in == null) {
            throw new NullPointerException(node.op() + ": input " + k + " is null");
        }
        return in;
    }

    /** The fast path: every node of a graph of core nodes, placed by id in pages, then visited oldest first. */
    private static final class Sweep {
        private final Expr root;
        private final long top;
        private Expr[][] pages = new Expr[4][];
        private int[][] numbers;
        private int lastPage;
        private long made;
        private long placed;

        Sweep(Expr root) {
            this.root = root;
            this.top = NodeIndex.id(root);
        }

        /** {@return whether every node was placed}; false if the graph needs the depth-first walk */
        boolean mark() {
            if (top <= 0 || !place(root, -1)) {
                return false;
            }
            for (int p = 0; p <= lastPage; p++) {
                Expr[] page = pages[p];
                if (page == null) {
                    continue;
                }
                for (int s = 0; s < PAGE; s++) {
                    Expr node = page[s];
                    if (node == null) {
                        continue;
                    }
                    long offset = ((long) p << PAGE_BITS) + s;
                    boolean ok;
                    if (node instanceof Binary b) {
                        ok = place(b.b(), offset) && place(b.a(), offset);
                    } else if (node instanceof Unary u) {
                        ok = place(u.a(), offset);
                    } else {
                        ok = true;
                        for (int k = node.arity() - 1; k >= 0 && ok; k--) {
                            ok = place(required(node, k), offset);
                        }
                    }
                    if (!ok) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** {@return whether {@code node}, an input of the node at {@code user}, has its slot} */
        private boolean place(Expr node, long user) {
            long id = NodeIndex.id(node);
            long offset = top - id;
            if (id <= 0 || offset <= user || offset >= REACH) {
                return false;
            }
            int p = (int) (offset >>> PAGE_BITS);
            if (p >= pages.length) {
                pages = Arrays.copyOf(pages, Math.max(2 * pages.length, Integer.highestOneBit(p) << 1));
            }
            Expr[] page = pages[p];
            if (page == null) {
                if ((made + 1) * PAGE > 16 * placed + 4 * PAGE) {
                    return false;
                }
                page = pages[p] = new Expr[PAGE];
                made++;
                lastPage = Math.max(lastPage, p);
            }
            int s = (int) offset & (PAGE - 1);
            Expr there = page[s];
            if (there == null) {
                page[s] = node;
                placed++;
                return true;
            }
            return there == node;
        }

        /** Visits the placed nodes oldest first. */
        void emit(Exprs.Visitor visitor) {
            visitor.expect((int) Math.min(placed, Integer.MAX_VALUE - 8));
            numbers = new int[pages.length][];
            int[][] buffers = {new int[0], new int[1], new int[2]};
            for (int p = lastPage; p >= 0; p--) {
                Expr[] page = pages[p];
                if (page == null) {
                    continue;
                }
                int[] own = numbers[p] = new int[PAGE];
                for (int s = PAGE - 1; s >= 0; s--) {
                    Expr node = page[s];
                    if (node == null) {
                        continue;
                    }
                    int k = arity(node);
                    int[] in = k < buffers.length ? buffers[k] : new int[k];
                    for (int i = 0; i < k; i++) {
                        long offset = top - NodeIndex.id(input(node, i));
                        in[i] = numbers[(int) (offset >>> PAGE_BITS)][(int) offset & (PAGE - 1)];
                    }
                    own[s] = visitor.visit(node, in);
                }
            }
        }
    }

    /** The general path: a depth-first walk over an identity index, then sorted by id where ids allow. */
    private static void byDepth(Expr root, Exprs.Visitor visitor) {
        NodeIndex index = new NodeIndex(root);
        Expr[] order = new Expr[64];
        int[][] inputs = new int[64][];
        int count = 0;
        Expr[] stack = new Expr[64];
        int[] next = new int[64];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            Expr top = stack[sp - 1];
            int k = next[sp - 1];
            if (k < arity(top)) {
                next[sp - 1] = k + 1;
                Expr child = required(top, k);
                if (index.get(child) < 0) {
                    if (sp == stack.length) {
                        stack = Arrays.copyOf(stack, sp * 2);
                        next = Arrays.copyOf(next, sp * 2);
                    }
                    stack[sp] = child;
                    next[sp] = 0;
                    sp++;
                }
                continue;
            }
            // A node is pushed only while unnumbered, and only its ancestors are below it: it is finished once.
            sp--;
            stack[sp] = null;
            int[] in = new int[k];
            for (int i = 0; i < k; i++) {
                in[i] = index.get(input(top, i));
            }
            if (count == order.length) {
                order = Arrays.copyOf(order, count * 2);
                inputs = Arrays.copyOf(inputs, count * 2);
            }
            order[count] = top;
            inputs[count] = in;
            index.put(top, count++);
        }
        int[] sorted = byId(order, inputs, count);
        visitor.expect(count);
        int[] number = new int[count];
        int[][] buffers = {new int[0], new int[1], new int[2]};
        for (int j : sorted) {
            int[] own = inputs[j];
            int[] in = own.length < buffers.length ? buffers[own.length] : new int[own.length];
            for (int i = 0; i < own.length; i++) {
                in[i] = number[own[i]];
            }
            number[j] = visitor.visit(order[j], in);
        }
    }

    /**
     * {@return the depth-first positions sorted by id}, a custom node keyed by its newest input
     * and placed after it, ties kept in depth-first order; the depth-first order itself if some
     * core node's id is not larger than its inputs'
     */
    private static int[] byId(Expr[] order, int[][] inputs, int count) {
        long[] key = new long[count];
        boolean[] custom = new boolean[count];
        Integer[] positions = new Integer[count];
        for (int j = 0; j < count; j++) {
            positions[j] = j;
            long id = NodeIndex.id(order[j]);
            long newest = 0;
            for (int in : inputs[j]) {
                newest = Math.max(newest, key[in]);
            }
            if (id > 0 && newest >= id) {
                int[] depthFirst = new int[count];
                Arrays.setAll(depthFirst, i -> i);
                return depthFirst;
            }
            custom[j] = id <= 0;
            key[j] = custom[j] ? newest : id;
        }
        Arrays.sort(positions, (x, y) -> key[x] != key[y] ? Long.compare(key[x], key[y])
                : custom[x] != custom[y] ? Boolean.compare(custom[x], custom[y]) : Integer.compare(x, y));
        int[] sorted = new int[count];
        for (int j = 0; j < count; j++) {
            sorted[j] = positions[j];
        }
        return sorted;
    }
}
