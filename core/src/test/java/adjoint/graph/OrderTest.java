package adjoint.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.fixtures.Fixtures.Twice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one topological order: nodes in the order they were made, whichever path computes it. */
class OrderTest {

    /** {@return the nodes of {@code root} with the positions of their inputs, as the order gives them} */
    static List<String> visits(Expr root) {
        List<String> out = new ArrayList<>();
        Order order = Order.of(root);
        for (int i = 0; i < order.size(); i++) {
            List<Integer> in = new ArrayList<>();
            for (int k = 0; k < order.arity(i); k++) {
                in.add(order.input(i, k));
            }
            out.add(order.node(i).op() + in);
        }
        return out;
    }

    @Nested
    class Ids {
        @Test
        void aNodeIsNumberedWhenMadeAfterItsInputs() {
            Variable x = new Variable("x");
            Constant two = new Constant(2);
            Binary times = new Binary(BinaryOp.MUL, x, two);
            Unary sin = new Unary(UnaryOp.SIN, times);
            assertThat(x.id()).isPositive();
            assertThat(two.id()).isGreaterThan(x.id());
            assertThat(times.id()).isGreaterThan(two.id());
            assertThat(sin.id()).isGreaterThan(times.id());
        }

        @Test
        void anIdIsNotPartOfEquality() {
            Variable x = new Variable("x");
            Expr a = new Unary(UnaryOp.SIN, x, null, 7);
            Expr b = new Unary(UnaryOp.SIN, new Variable("x"));
            assertThat(((Unary) a).id()).isEqualTo(7);
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(new Constant(1.5, 3)).isEqualTo(new Constant(1.5));
            assertThat(new Binary(BinaryOp.ADD, x, x, null, 0).id()).isPositive();
        }
    }

    @Nested
    class Sorting {
        @Test
        void nodesComeInTheOrderTheyWereMadeNotTheOrderTheyAreUsed() {
            Variable w = new Variable("w");
            Variable x = new Variable("x");
            Binary product = new Binary(BinaryOp.MUL, x, w);
            assertThat(Order.of(product).nodes()).containsExactly(w, x, product);
        }

        @Test
        void aSharedNodeIsVisitedOnceAndItsUsersSeeOneNumber() {
            Variable x = new Variable("x");
            Expr s = new Unary(UnaryOp.SIN, x);
            Expr root = new Binary(BinaryOp.ADD, s, new Binary(BinaryOp.MUL, s, s));
            assertThat(visits(root)).containsExactly("var[]", "sin[0]", "mul[1, 1]", "add[1, 2]");
        }

        @Test
        void aCustomNodeComesRightAfterItsNewestInput() {
            Variable x = new Variable("x");
            Variable y = new Variable("y");
            Expr twice = new Twice(x);
            Expr sin = new Unary(UnaryOp.SIN, y);
            Expr root = new Binary(BinaryOp.ADD, sin, new Twice(twice));
            assertThat(Order.of(root).nodes()).containsExactly(x, twice, new Twice(twice), y, sin, root);
        }

        @Test
        void nodesMadeFarApartComeInTheSameOrderAsNodesMadeTogether() {
            List<Expr> constants = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                constants.add(new Constant(k));
                for (int i = 0; i < 50_000; i++) {
                    new Constant(i);
                }
            }
            Variable x = new Variable("x");
            Expr root = new Unary(UnaryOp.EXP, x);
            for (Expr c : constants.reversed()) {
                root = new Binary(BinaryOp.ADD, root, c);
            }
            List<Expr> order = Order.of(root).nodes();
            assertThat(order.subList(0, 8)).isEqualTo(constants);
            assertThat(order).hasSize(8 + 2 + 8).isSortedAccordingTo(Comparator.comparingLong(IdPages::id));
            assertThat(Backprop.gradient(root, Bindings.of("x", 0.0)).value()).isEqualTo(1 + 28);
        }

        @Test
        void aFreshGraphOverAVariableMadeLongBeforeComesInTheOrderItWasMade() {
            Variable w = new Variable("w");
            for (int i = 0; i < 1_000_000; i++) {
                new Constant(i);
            }
            Variable x = new Variable("x");
            Expr root = x;
            List<Expr> made = new ArrayList<>(List.of(x));
            for (int i = 0; i < 3000; i++) {
                root = i % 2 == 0 ? new Binary(BinaryOp.MUL, root, w) : new Unary(UnaryOp.TANH, root);
                made.add(root);
            }
            List<Expr> order = Order.of(root).nodes();
            assertThat(order.getFirst()).isSameAs(w);
            assertThat(order.subList(1, order.size())).containsExactlyElementsOf(made);
            Expr small = new Binary(BinaryOp.MUL, new Unary(UnaryOp.SIN, x), w);
            assertThat(Backprop.gradient(small, Bindings.of("x", 0.5).and("w", 3.0)).scalar("x"))
                    .isEqualTo(3 * Math.cos(0.5), offset(1e-15));
        }

        @Test
        void nodesMadeAndDroppedBetweenAGraphsOwnLeaveItsOrderAndNumbersAsTheyWere() {
            assertThat(visits(randomGraph(new java.util.Random(7), 0))).isEqualTo(visits(randomGraph(new java.util.Random(7), 3)))
                    .hasSize(602);
        }

        /** {@return a random graph of 600 operations, each using the one before, with {@code dropped} unused constants made after each} */
        private static Expr randomGraph(java.util.Random random, int dropped) {
            List<Expr> made = new ArrayList<>(List.of(new Variable("x"), new Variable("y")));
            for (int i = 0; i < 600; i++) {
                Expr a = made.get(random.nextInt(made.size()));
                Expr b = made.getLast();
                made.add(random.nextBoolean() ? new Binary(BinaryOp.ADD, b, a) : new Unary(UnaryOp.SIN, b));
                for (int k = 0; k < dropped; k++) {
                    new Constant(k);
                }
            }
            return made.getLast();
        }

        @Test
        void theOrderGivesEveryInputsPosition() {
            Variable x = new Variable("x");
            Variable y = new Variable("y");
            Expr wide = new Sum3(x, y, x);
            Expr root = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SIN, wide), y);
            List<String> seen = new ArrayList<>();
            Order order = Order.of(root);
            for (int i = 0; i < order.size(); i++) {
                int[] all = new int[order.arity(i) > 2 ? order.arity(i) : 0];
                for (int k = 0; k < all.length; k++) {
                    all[k] = order.input(i, k);
                }
                seen.add(order.node(i).op() + " " + order.first(i) + " " + order.second(i) + " " + java.util.Arrays.toString(all));
            }
            assertThat(seen).containsExactly("var -1 -1 []", "var -1 -1 []", "three 0 1 [0, 1, 0]", "sin 2 -1 []",
                    "add 3 1 []");
        }

        @Test
        void idsGivenByHandOutOfOrderFallBackToDepthFirstAndStayTopological() {
            Variable x = new Variable("x", Shape.SCALAR, 50);
            Expr a = new Unary(UnaryOp.SIN, x, null, 10);
            Expr b = new Unary(UnaryOp.COS, x, null, 10);
            Expr root = new Binary(BinaryOp.ADD, a, b, null, 5);
            List<Expr> order = Order.of(root).nodes();
            assertThat(order).containsExactly(x, a, b, root);
            assertThat(Backprop.gradient(root, Bindings.of("x", 0.5)).value())
                    .isEqualTo(Math.sin(0.5) + Math.cos(0.5));
        }

        @Test
        void twoNodesGivenOneIdByHandAreStillTwoNodes() {
            Variable x = new Variable("x");
            Expr a = new Unary(UnaryOp.SIN, x, null, x.id() + 1);
            Expr b = new Unary(UnaryOp.COS, x, null, x.id() + 1);
            Expr root = new Binary(BinaryOp.MUL, a, b);
            assertThat(Order.of(root).nodes()).hasSize(4);
            assertThat(Backprop.gradient(root, Bindings.of("x", 0.5)).rows(x)[0][0])
                    .isEqualTo(Math.cos(0.5) * Math.cos(0.5) - Math.sin(0.5) * Math.sin(0.5), offset(1e-15));
        }

        @Test
        void everyPathGivesInputsBeforeUsersAndIdsInOrder() {
            Variable x = new Variable("x");
            Expr e = x;
            List<Expr> made = new ArrayList<>(List.of(x));
            for (int i = 0; i < 2000; i++) {
                e = i % 3 == 0 ? new Binary(BinaryOp.ADD, e, made.get(i / 2)) : new Unary(UnaryOp.TANH, e);
                made.add(e);
            }
            List<Expr> order = Order.of(e).nodes();
            assertThat(order).isSortedAccordingTo(Comparator.comparingLong(IdPages::id));
            assertThat(order.getLast()).isSameAs(e);
        }
    }

    /** A custom op of three inputs, their sum. */
    record Sum3(Expr a, Expr b, Expr c) implements Custom {
        @Override
        public String op() {
            return "three";
        }

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Expr> inputs() {
            return List.of(a, b, c);
        }

        @Override
        public org.apache.commons.math3.linear.RealMatrix forward(List<org.apache.commons.math3.linear.RealMatrix> inputs) {
            return inputs.get(0).add(inputs.get(1)).add(inputs.get(2));
        }

        @Override
        public List<org.apache.commons.math3.linear.RealMatrix> pullback(List<org.apache.commons.math3.linear.RealMatrix> inputs,
                org.apache.commons.math3.linear.RealMatrix out, org.apache.commons.math3.linear.RealMatrix g) {
            return List.of(g, g, g);
        }
    }

    @Test
    void aNodeOfThreeInputsIsDifferentiatedWhetherItsVariablesShareObjectsOrOnlyNames() {
        Variable x = new Variable("x");
        Variable y = new Variable("y");
        Expr shared = new Unary(UnaryOp.SIN, new Sum3(x, y, new Binary(BinaryOp.MUL, x, x)));
        Expr named = new Unary(UnaryOp.SIN, new Sum3(new Variable("x"), new Variable("y"),
                new Binary(BinaryOp.MUL, new Variable("x"), new Variable("x"))));
        for (Expr e : List.of(shared, named)) {
            CompiledFunction f = CompiledFunction.of(e);
            assertThat(f.nodeCount()).isEqualTo(5);
            double[] g = new double[2];
            double v = f.valueAndGradient(new double[] {0.5, 2.0}, g);
            double inner = 0.5 + 2.0 + 0.25;
            assertThat(v).isEqualTo(Math.sin(inner));
            assertThat(g[0]).isEqualTo(Math.cos(inner) * 2, offset(1e-15));
            assertThat(g[1]).isEqualTo(Math.cos(inner), offset(1e-15));
        }
    }

    /** A custom op whose input may be null, as a buggy user record's could be. */
    record Hollow(Expr a) implements Custom {
        @Override
        public String op() {
            return "hollow";
        }

        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }

        @Override
        public List<Expr> inputs() {
            return java.util.Collections.singletonList(a);
        }

        @Override
        public org.apache.commons.math3.linear.RealMatrix forward(List<org.apache.commons.math3.linear.RealMatrix> inputs) {
            return inputs.get(0);
        }

        @Override
        public List<org.apache.commons.math3.linear.RealMatrix> pullback(List<org.apache.commons.math3.linear.RealMatrix> inputs,
                org.apache.commons.math3.linear.RealMatrix out, org.apache.commons.math3.linear.RealMatrix g) {
            return List.of(g);
        }
    }

    @Test
    void aNullInputIsNamedWhicheverPathFindsIt() {
        assertThatThrownBy(() -> Order.of(new Unary(UnaryOp.SIN, new Hollow(null))))
                .isInstanceOf(NullPointerException.class).hasMessage("hollow: input 0 is null");
        assertThatThrownBy(() -> Order.of(new Hollow(null)))
                .isInstanceOf(NullPointerException.class).hasMessage("hollow: input 0 is null");
    }

    @Test
    void aFreshScalarGraphCompilesToTheSameFunctionAsOneMadeInAnotherOrder() {
        int n = 200;
        List<Variable> t = new ArrayList<>();
        Expr sum = null;
        for (int i = 0; i < n; i++) {
            t.add(new Variable("t" + i));
            Expr term = new Unary(UnaryOp.INV, new Binary(BinaryOp.ADD, new Constant(2),
                    new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIN, new Binary(BinaryOp.MUL, t.get(i), new Constant(2))))));
            sum = sum == null ? term : new Binary(BinaryOp.ADD, sum, term);
        }
        CompiledFunction f = CompiledFunction.of(sum, t);
        CompiledFunction g = CompiledFunction.of(Exprs.withInputs(sum, List.of(((Binary) sum).a(), ((Binary) sum).b())),
                t.reversed());
        double[] point = new double[n];
        double[] gf = new double[n];
        double[] gg = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = 0.01 * i;
        }
        double[] reversed = point.clone();
        for (int i = 0; i < n; i++) {
            reversed[i] = point[n - 1 - i];
        }
        assertThat(f.valueAndGradient(point, gf)).isEqualTo(g.valueAndGradient(reversed, gg));
        for (int i = 0; i < n; i++) {
            assertThat(gf[i]).isEqualTo(gg[n - 1 - i]);
            double d = 2 + Math.pow(Math.sin(2 * point[i]), 2);
            assertThat(gf[i]).isCloseTo(-2 * Math.sin(4 * point[i]) / (d * d), offset(1e-12));
        }
    }
}
