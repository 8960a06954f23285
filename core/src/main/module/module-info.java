/**
 * adjoint's core: the expression algebra, the interpreters (forward values, backprop), gradient
 * checks, symbolic derivatives, traces and pictures, and optimizers. Matrices cross the API as
 * Commons Math's {@code RealMatrix}, which this module passes on to its readers; Vavr is used
 * inside and never appears in a public signature.
 */
module adjoint.core {
    requires transitive commons.math3;
    requires io.vavr;

    exports adjoint.check;
    exports adjoint.eval;
    exports adjoint.expr;
    exports adjoint.graph;
    exports adjoint.optim;
    exports adjoint.show;
    exports adjoint.symbolic;
    exports adjoint.wire;
}
