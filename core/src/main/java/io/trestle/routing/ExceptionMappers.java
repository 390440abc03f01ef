package io.trestle.routing;

import io.trestle.ExceptionMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exception mappers by exception type; a lookup walks up the thrown type's superclasses and the
 * closest registered type wins. Answers are cached per thrown class, so an exception type costs
 * the walk once per route table.
 */
final class ExceptionMappers {
    /** Cached "no mapper" (a ConcurrentHashMap holds no nulls). */
    private static final ExceptionMapper<Throwable> NONE = (e, req, res) -> { };

    private final Map<Class<? extends Throwable>, ExceptionMapper<?>> registered;
    private final Map<Class<?>, ExceptionMapper<Throwable>> cache = new ConcurrentHashMap<>();

    ExceptionMappers(Map<Class<? extends Throwable>, ExceptionMapper<?>> registered) {
        this.registered = Map.copyOf(registered);
    }

    ExceptionMapper<Throwable> find(Class<? extends Throwable> type) {
        if (registered.isEmpty() || type == null) {
            return null;
        }
        ExceptionMapper<Throwable> mapper = cache.get(type);
        if (mapper == null) {
            mapper = cache.computeIfAbsent(type, this::closest);
        }
        return mapper == NONE ? null : mapper;
    }

    // Safe: a mapper registered for T is only returned for T and its subclasses.
    @SuppressWarnings("unchecked")
    private ExceptionMapper<Throwable> closest(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ExceptionMapper<?> mapper = registered.get(c);
            if (mapper != null) {
                return (ExceptionMapper<Throwable>) mapper;
            }
        }
        return NONE;
    }
}
