package adjoint.testkit;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.NodeRule;
import adjoint.expr.BinaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Domain;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.quicktheories.core.Gen;

/**
 * Generators of random expressions, with a point at which each is valid and smooth.
 * <pre>{@code
 * qt().forAll(Expressions.scalar().samples()).checkAssert(Laws::gradientMatchesFiniteDifferences);
 * }</pre>
 *
 * <p>An expression is built bottom-up together with its value at a random point. Each op is
 * drawn from the specs that can produce the wanted shape; when an input's value falls outside
 * the op's {@link Domain}, the input is shifted by a constant into it, so every node is
 * evaluated where it is defined and smooth. Sub-expressions are reused at random, so the
 * expressions are graphs with shared nodes, not only trees. All choices come from QuickTheories,
 * so a failing sample shrinks towards fewer, simpler nodes.
 */
public final class Expressions {

    /** How often a node takes the sample's focus op rather than any op. */
    private static final int FOCUS_PERCENT = 30;

    /**
     * How often a node gives way to one of its inputs. Rare in generation; it is there for
     * shrinking, which can then remove the nodes above a faulty one. Every draw is made on
     * both paths, so the draws of the rest of the expression stay where they were.
     */
    private static final int COLLAPSE_PERCENT = 1;

    private final Seq<OpSpec> ops;
    private final int maxDepth;
    private final int maxDim;
    private final int leafPercent;
    private final int sharePercent;

    private Expressions(Seq<OpSpec> ops, int maxDepth, int maxDim, int leafPercent, int sharePercent) {
        this.ops = ops;
        this.maxDepth = maxDepth;
        this.maxDim = maxDim;
        this.leafPercent = leafPercent;
        this.sharePercent = sharePercent;
    }

    /** {@return a generator of scalar expressions of scalar variables, depth up to 7, over every core op} */
    public static Expressions scalar() {
        return new Expressions(CoreOps.all(), 7, 1, 15, 15);
    }

    /** {@return a generator of scalar-valued expressions over matrices up to 3x3, depth up to 6} */
    public static Expressions matrix() {
        return new Expressions(CoreOps.all(), 6, 3, 15, 15);
    }

    /** {@return this generator with {@code extra} ops besides its own} */
    public Expressions withOps(Seq<? extends OpSpec> extra) {
        return new Expressions(ops.appendAll(extra), maxDepth, maxDim, leafPercent, sharePercent);
    }

    /** {@return this generator with only the given ops} */
    public Expressions withOnly(Seq<? extends OpSpec> only) {
        if (only.isEmpty()) {
            throw new IllegalArgumentException("at least one op is needed");
        }
        return new Expressions(Array.ofAll(only), maxDepth, maxDim, leafPercent, sharePercent);
    }

    /** {@return this generator with another maximum depth} */
    public Expressions withMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        return new Expressions(ops, depth, maxDim, leafPercent, sharePercent);
    }

    /** {@return the ops this generator draws from} */
    public Seq<OpSpec> ops() {
        return ops;
    }

    /** {@return a generator of scalar-valued samples} */
    public Gen<Sample> samples() {
        return samples(Shape.SCALAR);
    }

    /** {@return a generator of samples whose value has the given shape} */
    public Gen<Sample> samples(Shape root) {
        Objects.requireNonNull(root, "root is null");
        Gen<Sample> gen = in -> new Builder(new Draw(in, maxDim)).sample(root);
        return gen.describedAs(Sample::toString);
    }

    /** {@return a generator of two scalar-valued expressions over shared variables, at one point} */
    public Gen<SamplePair> pairs() {
        Gen<SamplePair> gen = in -> {
            Builder b = new Builder(new Draw(in, maxDim));
            Expr f = b.node(Shape.SCALAR, b.draw.between(1, maxDepth), true).expr();
            Expr g = b.node(Shape.SCALAR, b.draw.between(1, maxDepth), true).expr();
            return new SamplePair(f, g, b.point());
        };
        return gen.describedAs(SamplePair::toString);
    }

    /** A node generated so far, with its value at the point. */
    private record Node(Expr expr, RealMatrix value) {}

    /** The state of building one sample. */
    private final class Builder {
        private final Draw draw;
        private final Map<String, Node> variables = new LinkedHashMap<>();
        private final List<Node> pool = new ArrayList<>();
        /** One op that each node favours: shrinking makes every node this op, isolating a faulty one. */
        private final OpSpec focus;

        Builder(Draw draw) {
            this.draw = draw;
            this.focus = draw.oneOf(ops.asJava());
        }

        Sample sample(Shape root) {
            Expr e = node(root, draw.between(1, maxDepth), true).expr();
            return new Sample(e, point(), CompiledFunction.of(e).nodeCount());
        }

        Bindings point() {
            Bindings point = Bindings.empty();
            for (Map.Entry<String, Node> v : variables.entrySet()) {
                point = point.and(v.getKey(), v.getValue().value());
            }
            return point;
        }

        private Node node(Shape shape, int depth, boolean root) {
            if (!root && (depth <= 1 || draw.chance(leafPercent))) {
                return leaf(shape);
            }
            if (!root) {
                List<Node> same = pool.stream().filter(p -> p.expr().shape().equals(shape)).toList();
                if (!same.isEmpty() && draw.chance(sharePercent)) {
                    return draw.oneOf(same);
                }
            }
            List<OpSpec> candidates = ops.filter(s -> s.produces(shape)).asJava();
            if (candidates.isEmpty()) {
                return leaf(shape);
            }
            OpSpec spec = candidates.contains(focus) && draw.chance(FOCUS_PERCENT) ? focus : draw.oneOf(candidates);
            Seq<Shape> shapes = spec.inputShapes(shape, draw).get();
            List<Node> inputs = new ArrayList<>();
            for (Shape s : shapes) {
                inputs.add(node(s, depth - 1, false));
            }
            Seq<Expr> generated = Array.ofAll(inputs).map(Node::expr);
            Expr op = spec.build(generated, shape, draw);
            boolean collapse = draw.chance(COLLAPSE_PERCENT);
            int keep = draw.between(0, inputs.size() - 1);
            if (collapse && inputs.get(keep).expr().shape().equals(shape)) {
                return inputs.get(keep);
            }
            boolean shifted = false;
            for (int k = 0; k < inputs.size(); k++) {
                Node moved = intoDomain(inputs.get(k), spec.domain(op, k));
                shifted |= moved != inputs.get(k);
                inputs.set(k, moved);
            }
            Seq<Expr> moved = Array.ofAll(inputs).map(Node::expr);
            if (shifted) {
                op = OpInputs.replace(op, generated, moved);
            }
            RealMatrix value = NodeRule.of(op).value(OpInputs.values(op, moved, Array.ofAll(inputs).map(Node::value)).asJava());
            if (!bounded(value)) {
                return leaf(shape);
            }
            Node n = new Node(op, value);
            pool.add(n);
            return n;
        }

        private Node leaf(Shape shape) {
            if (draw.chance(75)) {
                int index = draw.between(0, 2);
                String name = shape.isScalar() ? "x" + index : "m" + index + "_" + shape;
                return variables.computeIfAbsent(name, k -> new Node(new Leaf.Variable(k, shape), randomMatrix(shape)));
            }
            RealMatrix value = randomMatrix(shape);
            Expr c = shape.isScalar() ? new Leaf.Constant(value.getEntry(0, 0)) : new Leaf.MatrixConstant(value);
            return new Node(c, value);
        }

        private RealMatrix randomMatrix(Shape shape) {
            RealMatrix m = new Array2DRowRealMatrix(shape.rows(), shape.cols());
            for (int i = 0; i < shape.rows(); i++) {
                for (int j = 0; j < shape.cols(); j++) {
                    m.setEntry(i, j, Math.rint(draw.between(-2.0, 2.0) * 1000) / 1000);
                }
            }
            return m;
        }

        /** {@return the node, or the node plus a constant that moves every entry into the domain} */
        private Node intoDomain(Node n, Domain domain) {
            RealMatrix v = n.value();
            RealMatrix shift = new Array2DRowRealMatrix(v.getRowDimension(), v.getColumnDimension());
            boolean needed = false;
            for (int i = 0; i < v.getRowDimension(); i++) {
                for (int j = 0; j < v.getColumnDimension(); j++) {
                    double x = v.getEntry(i, j);
                    if (!domain.test(x)) {
                        shift.setEntry(i, j, domain.into().applyAsDouble(x) - x);
                        needed = true;
                    }
                }
            }
            if (!needed) {
                return n;
            }
            Expr c = shift.getRowDimension() * shift.getColumnDimension() == 1
                    ? new Leaf.Constant(shift.getEntry(0, 0)) : new Leaf.MatrixConstant(shift);
            return new Node(new Binary(BinaryOp.ADD, n.expr(), c), v.add(shift));
        }

        private boolean bounded(RealMatrix m) {
            for (int i = 0; i < m.getRowDimension(); i++) {
                for (int j = 0; j < m.getColumnDimension(); j++) {
                    if (!(Math.abs(m.getEntry(i, j)) <= 1e6)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
