/**
 * Expressions and trained models as text that can leave the JVM: {@link adjoint.wire.WireFormat}
 * for an expression graph, {@link adjoint.wire.SavedModel} for a loss with its parameters.
 */
package adjoint.wire;
