package adjoint.graph;

import adjoint.expr.Binary;
import adjoint.expr.Unary;
import adjoint.expr.Leaf;
import adjoint.expr.Expr;
import java.util.Arrays;

/**
 * The one topological order of a graph: its nodes in the order they were made, which is the
 * order of their ids, with a custom node (which has no id) right after the newest of its inputs.
 * Inputs are made before the nodes that use them, so this puts inputs first, and it is the order
 * the program was written in, as a Wengert list records it.
 *
 * <p>A graph of core nodes made in one go is swept in an array indexed by {@code root.id - id}
 * (the old nodes it uses, such as parameters made long before, on pages: see {@link IdPages}),
 * with no hashing and no stack. Any other graph (one with custom nodes, nodes made far apart, or
 * ids given by hand) is walked depth first over an identity index and then sorted into the same
 * order; if its ids do not put every input before its user (ids given by hand), the depth-first
 * order itself is used. Either way the result is one {@link Order}.
 */
final class Linearizer {

    private Linearizer() {}

    /** {@return the nodes of {@code root} in topological order, the root last} */
    static Order run(Expr root) {
        Sweep sweep = new Sweep(root);
        return sweep.mark() ? sweep.emit() : byDepth(root);
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

    /** The fast path: every node of a graph of core nodes, placed in {@link IdPages}, then put in order oldest first. */
    private static final class Sweep {
        private final Expr root;
        /** The root's id, from which offsets are counted. */
        private final long top;
        private final IdPages pages;
        /** The flat array's offsets below which every slot holds a node, 0 if some slot is empty. */
        private long denseEnd;
        /** Where the node at offset 0 goes, when {@link #denseEnd} is not 0. */
        private long denseBase;
        /** A node's input positions while it is put in order, one reused array for each small arity. */
        private final int[][] buffers = {new int[0], new int[1], new int[2]};

        Sweep(Expr root) {
            this.root = root;
            this.top = IdPages.id(root);
            this.pages = new IdPages(top);
        }

        /** {@return whether every node was placed}; false if the graph needs the depth-first walk */
        boolean mark() {
            if (IdPages.id(root) <= 0 || !place(root, -1)) {
                return false;
            }
            // Placing inputs can grow the flat array and make pages, regions and directories: read them afresh each time.
            for (int o = 0; o < pages.flat().length; o++) {
                Expr node = pages.flat()[o];
                if (node != null && !placeInputs(node, o)) {
                    return false;
                }
            }
            for (int r = 0; r <= pages.lastRegion(); r++) {
                for (int q = 0; pages.region(r) != null && q < pages.region(r).length; q++) {
                    Expr[] page = pages.region(r)[q];
                    for (int s = 0; page != null && s < IdPages.PAGE; s++) {
                        Expr node = page[s];
                        if (node != null && !placeInputs(node, IdPages.offset(r, q, s))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** {@return whether every input of {@code node}, at {@code offset}, has its slot} */
        private boolean placeInputs(Expr node, long offset) {
            // The elementwise records here, the rest in a method of its own: kept small, so that the loop takes it in.
            if (node instanceof Binary b) {
                return place(b.b(), offset) && place(b.a(), offset);
            }
            if (node instanceof Unary u) {
                return place(u.a(), offset);
            }
            return placeOtherInputs(node, offset);
        }

        /** {@return whether every input of {@code node}, at {@code offset}, neither binary nor unary, has its slot} */
        private boolean placeOtherInputs(Expr node, long offset) {
            for (int k = node.arity() - 1; k >= 0; k--) {
                if (!place(required(node, k), offset)) {
                    return false;
                }
            }
            return true;
        }

        /** {@return whether {@code node}, an input of the node at {@code user}, older than it, has its slot} */
        private boolean place(Expr node, long user) {
            long offset = pages.offset(node);
            return offset > user && pages.place(offset, node, pages.placed());
        }

        /** {@return the placed nodes oldest first}: those on pages, then those in the flat array */
        Order emit() {
            if (pages.placed() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a graph of " + pages.placed() + " nodes is too large to order");
            }
            Order order = new Order((int) pages.placed());
            int i = 0;
            for (int r = pages.lastRegion(); r >= 0; r--) {
                Expr[][] region = pages.region(r);
                for (int q = region == null ? -1 : region.length - 1; q >= 0; q--) {
                    Expr[] page = region[q];
                    int[] own = page == null ? null : pages.numbers(r, q);
                    for (int s = page == null ? -1 : IdPages.PAGE - 1; s >= 0; s--) {
                        if (page[s] != null) {
                            put(order, i, page[s]);
                            own[s] = i++;
                        }
                    }
                }
            }
            Expr[] flat = pages.flat();
            int end = flat.length;
            while (end > 0 && flat[end - 1] == null) {
                end--;
            }
            int[] own = null;
            if (end == pages.placed() - pages.onPages()) {
                // No gap below the root: the node at offset o goes to i + end - 1 - o, with no numbers kept.
                denseEnd = end;
                denseBase = i + end - 1;
            } else {
                own = pages.flatNumbers();
            }
            Expr[] nodes = order.nodes;
            int[] first = order.first;
            int[] second = order.second;
            // The elementwise records in the loop itself: a call for each, to a method the JIT would not take in, cost more.
            for (int o = end - 1; o >= 0; o--) {
                Expr node = flat[o];
                if (node == null) {
                    continue;
                }
                if (node instanceof Binary b) {
                    nodes[i] = node;
                    first[i] = number(b.a());
                    second[i] = number(b.b());
                } else if (node instanceof Unary u) {
                    nodes[i] = node;
                    first[i] = number(u.a());
                    second[i] = -1;
                } else {
                    put(order, i, node);
                }
                if (own != null) {
                    own[o] = i;
                }
                i++;
            }
            return order;
        }

        /** Puts {@code node} at position {@code i} of {@code order}, its inputs numbered before it. */
        private void put(Order order, int i, Expr node) {
            int k = arity(node);
            int[] in = k < buffers.length ? buffers[k] : new int[k];
            for (int j = 0; j < k; j++) {
                in[j] = number(input(node, j));
            }
            order.put(i, node, in);
        }

        /** {@return the position given to {@code node}}, placed and numbered before */
        private int number(Expr node) {
            // Its offset was checked when it was placed.
            long offset = top - IdPages.id(node);
            return offset < denseEnd ? (int) (denseBase - offset) : pages.number(offset);
        }
    }

    /** The general path: a depth-first walk over an identity index, then sorted by id where ids allow. */
    private static Order byDepth(Expr root) {
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
        int[] position = new int[count];
        for (int i = 0; i < count; i++) {
            position[sorted[i]] = i;
        }
        Order out = new Order(count);
        int[][] buffers = {new int[0], new int[1], new int[2]};
        for (int i = 0; i < count; i++) {
            int[] own = inputs[sorted[i]];
            int[] in = own.length < buffers.length ? buffers[own.length] : new int[own.length];
            for (int k = 0; k < own.length; k++) {
                in[k] = position[own[k]];
            }
            out.put(i, order[sorted[i]], in);
        }
        return out;
    }

    /**
     * {@return the depth-first positions sorted by id}, a custom node keyed by its newest input
     * and placed after it, ties kept in depth-first order; the depth-first order itself if some
     * core node's id is not larger than its inputs'
     */
    private static int[] byId(Expr[] order, int[][] inputs, int count) {
        long[] key = new long[count];
        boolean[] custom = new boolean[count];
        for (int j = 0; j < count; j++) {
            long id = IdPages.id(order[j]);
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
        int[] sorted = new int[count];
        int positionBits = 64 - Integer.numberOfLeadingZeros(Math.max(1, count - 1));
        long largest = 0;
        for (long k : key) {
            largest = Math.max(largest, k);
        }
        if (64 - Long.numberOfLeadingZeros(largest) + 1 + positionBits <= 63) {
            // Key, custom flag and position packed into one long each: a primitive sort, no boxing.
            long[] packed = new long[count];
            for (int j = 0; j < count; j++) {
                packed[j] = key[j] << (positionBits + 1) | (custom[j] ? 1L : 0L) << positionBits | j;
            }
            Arrays.sort(packed);
            for (int j = 0; j < count; j++) {
                sorted[j] = (int) (packed[j] & ((1L << positionBits) - 1));
            }
            return sorted;
        }
        Integer[] positions = new Integer[count];
        Arrays.setAll(positions, j -> j);
        Arrays.sort(positions, (x, y) -> key[x] != key[y] ? Long.compare(key[x], key[y])
                : custom[x] != custom[y] ? Boolean.compare(custom[x], custom[y]) : Integer.compare(x, y));
        for (int j = 0; j < count; j++) {
            sorted[j] = positions[j];
        }
        return sorted;
    }
}
