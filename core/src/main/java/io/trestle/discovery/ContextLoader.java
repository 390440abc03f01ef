package io.trestle.discovery;

/**
 * Runs plugin code (constructors, {@code settings}, {@code install}, {@code close}) with the
 * plugin's class loader as the thread's context class loader, as libraries bundled in a plugin
 * (JAXB, logging back ends, ServiceLoader callers) expect when they look resources up.
 */
final class ContextLoader {

    /** Work that may throw a checked exception. */
    interface Action<T, E extends Exception> {
        T run() throws E;
    }

    private ContextLoader() {
    }

    static <T, E extends Exception> T with(ClassLoader loader, Action<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
