package adjoint;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs work on a new thread with the JVM's default stack size, as a user's thread would have. */
public final class DefaultStack {

    private DefaultStack() {}

    /** {@return what {@code task} returns, run on a fresh default-sized thread}; rethrows what it throws */
    public static <T> T run(Callable<T> task) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
