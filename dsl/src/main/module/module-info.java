/**
 * adjoint's fluent DSL ({@code adjoint.dsl.Adjoint}) and text syntax ({@code adjoint.dsl.Syntax}),
 * with the core it builds on.
 */
module adjoint.dsl {
    requires transitive adjoint.core;

    exports adjoint.dsl;
}
