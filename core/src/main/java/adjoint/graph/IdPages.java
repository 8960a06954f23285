package adjoint.graph;

import adjoint.expr.Binary;
import adjoint.expr.Unary;
import adjoint.expr.Leaf;
import adjoint.expr.Expr;
import adjoint.expr.Structural;
import java.util.Arrays;

/**
 * Nodes, and the numbers given to them, placed by their offset {@code top - id} below a top id.
 * The nearest offsets are kept in one flat array, which grows while it stays dense and never
 * reaches a page; the others in pages of 256 slots, grouped in regions of up to 4,096 pages, each
 * made when first needed, so memory follows the pages used and not the distance between ids. A
 * graph made in one go lies in the flat array, and the few old nodes it uses (parameters made
 * long before) in pages. Neither the flat array nor the pages grow to hold fewer than one node in
 * sixteen of the given weight; once a page is refused, no page is made, so a missing page or an
 * empty slot is a reliable "not here". The linearizer's sweep and its depth-first index both keep
 * their nodes here.
 */
final class IdPages {

    static final int PAGE_BITS = 8;
    static final int PAGE = 1 << PAGE_BITS;
    static final int REGION_BITS = 12;
    static final int REGION = 1 << REGION_BITS;
    /** Offsets from here on (2^36 nodes made since) are never placed. */
    private static final long REACH = 1L << 36;
    /** The longest flat array. */
    private static final int MAX_FLAT = 1 << 30;

    private final long top;
    /** The nodes at offsets below its length, where no page is. */
    private Expr[] flat = new Expr[16];
    /** The numbers of the nodes in {@link #flat}, made on first use. */
    private int[] flatNumbers;
    /** The first offset of the first page made: the flat array never grows to it. */
    private long pagesFrom = REACH;
    private Expr[][][] regions = new Expr[4][][];
    private int[][][] numbers = new int[4][][];
    private int lastRegion;
    private long made;
    private long placed;
    private long onPages;
    private boolean refused;

    /** Empty pages below {@code top}. */
    IdPages(long top) {
        this.top = top;
    }

    /** {@return the offset of {@code node}}, or -1 if it has no id or lies out of reach */
    long offset(Expr node) {
        long id = id(node);
        long offset = top - id;
        return id > 0 && offset >= 0 && offset < REACH ? offset : -1;
    }

    /** {@return the node at {@code offset}, or null if none is there} */
    Expr node(long offset) {
        if (offset < flat.length) {
            return flat[(int) offset];
        }
        Expr[] page = page(offset);
        return page == null ? null : page[slot(offset)];
    }

    /** {@return whether the page of {@code offset} exists}: a node not on an existing page was never placed there */
    boolean hasPage(long offset) {
        return offset < flat.length || page(offset) != null;
    }

    /**
     * {@return whether {@code node} is at {@code offset} now}: placed there if the slot was empty,
     * or found there; false if another node holds the slot or the page is refused
     *
     * @param weight the nodes placed or looked up so far, against which a new page is weighed
     */
    boolean place(long offset, Expr node, long weight) {
        // Kept small, so that the sweep's loop takes it in: a slot of the flat array, empty or this node's.
        if (offset < flat.length) {
            Expr there = flat[(int) offset];
            if (there == null) {
                flat[(int) offset] = node;
                placed++;
                return true;
            }
            return there == node;
        }
        return placeBeyond(offset, node, weight);
    }

    /** {@return whether {@code node} is at {@code offset}, beyond the flat array, now}; grows the array if it may */
    private boolean placeBeyond(long offset, Expr node, long weight) {
        // Once a page is refused the flat array stops too, so that an empty slot still means "never placed".
        long limit = Math.min(Math.min(pagesFrom, MAX_FLAT), (16 * weight + 4 * PAGE) & -PAGE);
        if (!refused && offset < limit) {
            int length = (int) Math.min(limit, Math.max(2L * flat.length, Long.highestOneBit(offset) << 1));
            flat = Arrays.copyOf(flat, length);
            if (flatNumbers != null) {
                flatNumbers = Arrays.copyOf(flatNumbers, length);
            }
            return place(offset, node, weight);
        }
        Expr[] page = page(offset);
        if (page == null) {
            page = newPage(offset, weight);
            if (page == null) {
                return false;
            }
        }
        int s = slot(offset);
        Expr there = page[s];
        if (there == null) {
            page[s] = node;
            placed++;
            onPages++;
            return true;
        }
        return there == node;
    }

    /** {@return a new page for {@code offset}}, with its region and directory, or null if the page is refused */
    private Expr[] newPage(long offset, long weight) {
        if (refused || (made + 1) * PAGE > 16 * weight + 4 * PAGE) {
            refused = true;
            return null;
        }
        int r = region(offset);
        if (r >= regions.length) {
            regions = Arrays.copyOf(regions, Math.max(2 * regions.length, Integer.highestOneBit(r) << 1));
        }
        Expr[][] region = regions[r];
        int q = (int) (offset >>> PAGE_BITS) & (REGION - 1);
        if (region == null || q >= region.length) {
            // A region's directory grows as its pages are used, so a small graph makes a small one.
            int length = Math.min(REGION, Math.max(4, Integer.highestOneBit(q) << 1));
            length = region == null ? length : Math.max(length, 2 * region.length);
            region = regions[r] = region == null ? new Expr[length][] : Arrays.copyOf(region, length);
            lastRegion = Math.max(lastRegion, r);
        }
        made++;
        pagesFrom = Math.min(pagesFrom, offset & -PAGE);
        return region[q] = new Expr[PAGE];
    }

    /** {@return the number given to the node at {@code offset}} */
    int number(long offset) {
        if (offset < flat.length) {
            return flatNumbers[(int) offset];
        }
        return numbers[region(offset)][(int) (offset >>> PAGE_BITS) & (REGION - 1)][slot(offset)];
    }

    /** Gives the node at {@code offset}, placed before, the number {@code number}. */
    void number(long offset, int number) {
        if (offset < flat.length) {
            flatNumbers()[(int) offset] = number;
            return;
        }
        numbers(region(offset), (int) (offset >>> PAGE_BITS) & (REGION - 1))[slot(offset)] = number;
    }

    /** {@return the numbers of page {@code q} of region {@code r}, which holds nodes}, made on first use */
    int[] numbers(int r, int q) {
        if (r >= numbers.length) {
            numbers = Arrays.copyOf(numbers, regions.length);
        }
        if (numbers[r] == null || q >= numbers[r].length) {
            numbers[r] = numbers[r] == null ? new int[regions[r].length][] : Arrays.copyOf(numbers[r], regions[r].length);
        }
        if (numbers[r][q] == null) {
            numbers[r][q] = new int[PAGE];
        }
        return numbers[r][q];
    }

    /** {@return the flat array, nodes by offset from 0; read afresh, as placing can replace it} */
    Expr[] flat() {
        return flat;
    }

    /** {@return the numbers of the nodes of the flat array, by offset}, made on first use; read afresh, as placing can replace it */
    int[] flatNumbers() {
        if (flatNumbers == null) {
            flatNumbers = new int[flat.length];
        }
        return flatNumbers;
    }

    /** {@return the number of nodes placed} */
    long placed() {
        return placed;
    }

    /** {@return the number of nodes placed on pages}, the others being in the flat array */
    long onPages() {
        return onPages;
    }

    /** {@return the last region that may hold pages} */
    int lastRegion() {
        return lastRegion;
    }

    /** {@return the pages of region {@code r}, null where none is made; read afresh, as placing can replace it} */
    Expr[][] region(int r) {
        return regions[r];
    }

    /** {@return the offset of slot {@code s} of page {@code q} of region {@code r}} */
    static long offset(int r, int q, int s) {
        return ((((long) r << REGION_BITS) + q) << PAGE_BITS) + s;
    }

    /** {@return the id of a core node, or 0 for a custom one} */
    static long id(Expr node) {
        // The records of a scalar graph first, by exact class; the others in a method of their own.
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
        return otherId(node);
    }

    private static long otherId(Expr node) {
        if (node instanceof Leaf l) {
            return l.id();
        }
        if (node instanceof Structural m) {
            return m.id();
        }
        return 0;
    }

    private Expr[] page(long offset) {
        int r = region(offset);
        if (r >= regions.length || regions[r] == null) {
            return null;
        }
        int q = (int) (offset >>> PAGE_BITS) & (REGION - 1);
        return q < regions[r].length ? regions[r][q] : null;
    }

    private static int region(long offset) {
        return (int) (offset >>> (PAGE_BITS + REGION_BITS));
    }

    private static int slot(long offset) {
        return (int) offset & (PAGE - 1);
    }
}
