package io.trestle.discovery;

import io.trestle.Route;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Re-checks a class named by a {@code @Route} index once it is loaded: an index left behind by an
 * earlier build may name a class that has since lost its routes or become abstract. Such a class
 * is skipped, exactly as if a scan had not found it. Costs one {@code getDeclaredMethods} per class
 * and superclass, which registering the routes does anyway.
 *
 * <pre>{@code
 * if (!RouteCheck.isRouteClass(type)) { ... skip it ... }
 * }</pre>
 */
final class RouteCheck {

    private RouteCheck() {
    }

    /**
     * Whether {@code type} is concrete and has {@code @Route} on the class or on a method it
     * declares, or inherits a non-private {@code @Route} method.
     */
    static boolean isRouteClass(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        if (annotated(type)) {
            return true;
        }
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (annotated(m) && (c == type || !Modifier.isPrivate(m.getModifiers()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean annotated(AnnotatedElement element) {
        return element.isAnnotationPresent(Route.class) || element.isAnnotationPresent(Route.List.class);
    }
}
