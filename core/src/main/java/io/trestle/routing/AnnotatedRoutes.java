package io.trestle.routing;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the {@link Route} annotations of an object: on its class when it is a {@link Handler},
 * and on its public {@code void (Request, Response)} methods, each bound once to a
 * {@link MethodHandle} so a request costs no reflection.
 */
final class AnnotatedRoutes {
    private static final Route[] NONE = {};
    private static final MethodType HANDLE_TYPE = MethodType.methodType(void.class, Request.class, Response.class);
    /** By name, then by {@code toString()}. A class, not Comparator.comparing: no lambdas to spin at start-up. */
    private static final Comparator<java.lang.reflect.Method> BY_NAME_THEN_SIGNATURE = new Comparator<>() {
        @Override
        public int compare(java.lang.reflect.Method a, java.lang.reflect.Method b) {
            int byName = a.getName().compareTo(b.getName());
            return byName != 0 ? byName : a.toString().compareTo(b.toString());
        }
    };

    /**
     * One route an object declares.
     *
     * @param name     for the route's origin: the class name, or {@code com.acme.Users#list}
     * @param identity equal for the same class (or class and method) found twice, to dedupe
     */
    record Binding(Route route, Handler handler, String name, Object identity) {
    }

    private AnnotatedRoutes() {
    }

    /** @throws IllegalArgumentException when nothing is annotated or an annotated method is unfit */
    static List<Binding> of(Object instance) {
        Class<?> type = instance.getClass();
        List<Binding> bindings = new ArrayList<>();
        Route[] onClass = routesOn(type);
        if (onClass.length > 0) {
            if (!(instance instanceof Handler handler)) {
                throw new IllegalArgumentException(type.getName() + " has @Route on its class but does not implement "
                        + Handler.class.getName() + " (put @Route on its (Request, Response) methods instead)");
            }
            for (Route route : onClass) {
                bindings.add(new Binding(route, handler, type.getName(), type));
            }
        }
        rejectNonPublic(type);
        java.lang.reflect.Method[] methods = type.getMethods();
        // getMethods() has no defined order; a fixed one keeps registration (and listings) stable.
        Arrays.sort(methods, BY_NAME_THEN_SIGNATURE);
        for (java.lang.reflect.Method m : methods) {
            if (m.getDeclaringClass() == Object.class) {
                continue; // never routes; reading their JDK annotations would make 4 proxy classes at start-up
            }
            Route[] routes = routesOn(m);
            if (routes.length == 0 || m.isBridge()) {
                continue;
            }
            String name = type.getName() + "#" + m.getName();
            checkSignature(m, name);
            Handler handler = new MethodHandler(bind(instance, m, name), name);
            for (Route route : routes) {
                bindings.add(new Binding(route, handler, name, List.of(type, m)));
            }
        }
        if (bindings.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Route: annotate the class (when it is a"
                    + " Handler) or its public void (Request, Response) methods");
        }
        return bindings;
    }

    /** getMethods() skips non-public methods, so an annotated one would silently serve nothing. */
    private static void rejectNonPublic(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) && routesOn(m).length > 0) {
                    throw new IllegalArgumentException("@Route method " + c.getName() + "#" + m.getName()
                            + " must be public");
                }
            }
        }
    }

    /**
     * What {@code getAnnotationsByType(Route.class)} returns, for a type or method: {@code Route} is
     * not {@code @Inherited}, so it is the direct annotation and the container's. Asked this way the
     * JDK need not read {@code Route}'s own meta-annotations ({@code @Repeatable} and the rest),
     * three proxy classes spun at start-up.
     */
    private static Route[] routesOn(AnnotatedElement element) {
        Route single = element.getDeclaredAnnotation(Route.class);
        Route.List list = element.getDeclaredAnnotation(Route.List.class);
        if (list == null) {
            return single == null ? NONE : new Route[] {single};
        }
        if (single == null) {
            return list.value();
        }
        Route[] listed = list.value();
        Route[] both = new Route[listed.length + 1];
        both[0] = single;
        System.arraycopy(listed, 0, both, 1, listed.length);
        return both;
    }

    private static void checkSignature(java.lang.reflect.Method m, String name) {
        Class<?>[] params = m.getParameterTypes();
        boolean fits = m.getReturnType() == void.class
                && params.length == 2 && params[0] == Request.class && params[1] == Response.class;
        if (!fits) {
            throw new IllegalArgumentException("@Route method " + name + " must be declared as public void "
                    + m.getName() + "(Request, Response), not " + m.toGenericString());
        }
    }

    private static MethodHandle bind(Object instance, java.lang.reflect.Method m, String name) {
        MethodHandle handle;
        try {
            handle = MethodHandles.lookup().unreflect(m);
        } catch (IllegalAccessException notAccessible) {
            // A public method of a non-public class: allowed when the class's module is open to us.
            try {
                m.setAccessible(true);
                handle = MethodHandles.lookup().unreflect(m);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalArgumentException("cannot call @Route method " + name
                        + ": make its class public (or open its package to io.trestle)", e);
            }
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            handle = handle.bindTo(instance);
        }
        return handle.asType(HANDLE_TYPE);
    }

    /** A handler calling a bound method; what the method throws passes through unchanged. */
    private static final class MethodHandler implements Handler {
        private final MethodHandle target;
        private final String name;

        MethodHandler(MethodHandle target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public void handle(Request req, Response res) throws Exception {
            try {
                target.invokeExact(req, res);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
