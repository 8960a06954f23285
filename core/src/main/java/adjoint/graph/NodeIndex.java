package adjoint.graph;

import adjoint.expr.Expr;
import adjoint.expr.NodeIds;
/**
 * The numbers given to the nodes of one graph while it is walked depth first, found by node
 * identity. A core node is kept in {@link IdPages} at its offset below the root's id, with no
 * hashing; a custom node, a node whose slot is taken (two nodes given one {@code id} by hand), a
 * node out of reach and every node once pages would be too sparse go to an identity hash table
 * instead. Every lookup compares identity: ids decide where a node is looked for, never whether
 * two nodes are the same.
 */
final class NodeIndex {

    private final IdPages pages;
    private long lookups;
    private IdentityIndex others;

    /** An empty index for the nodes of {@code root}. */
    NodeIndex(Expr root) {
        long id = IdPages.id(root);
        this.pages = new IdPages(id > 0 ? id : NodeIds.last());
    }

    /** {@return the number of {@code node}, or -1 if it has none} */
    int get(Expr node) {
        lookups++;
        long offset = pages.offset(node);
        if (offset >= 0 && pages.hasPage(offset)) {
            Expr there = pages.node(offset);
            if (there == node) {
                return pages.number(offset);
            }
            if (there == null) {
                return -1;
            }
        }
        return others == null ? -1 : others.get(node);
    }

    /** Gives {@code node}, which has no number yet, the number {@code number}. */
    void put(Expr node, int number) {
        long offset = pages.offset(node);
        if (offset >= 0 && pages.node(offset) == null && pages.place(offset, node, lookups)) {
            pages.number(offset, number);
            return;
        }
        if (others == null) {
            others = new IdentityIndex(16);
        }
        others.put(node, number);
    }
}
