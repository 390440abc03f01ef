package io.trestle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One route of the table in service: a pattern, the methods one handler serves on it, where it
 * came from, and the attributes modules attached ({@code Routes.attribute(...)}, e.g. the login
 * module's {@code login.protected=true}). Computed once per route table.
 *
 * <pre>{@code
 * for (RouteInfo r : server.routes()) {
 *     boolean secured = "true".equals(r.attributes().get("login.protected"));
 *     System.out.println(r.methods() + " " + r.pattern() + (secured ? " (sign-in needed)" : ""));
 * }
 * }</pre>
 *
 * @param pattern    the path pattern as registered ({@code /hello/{name}})
 * @param methods    the methods this handler serves on it
 * @param handler    a readable name: the class, {@code Class.method} for an annotated method,
 *                   or {@code lambda in Class}
 * @param source     where it was registered: {@code code}, a class name, or a jar file name
 * @param attributes what modules attached, by name
 */
public record RouteInfo(String pattern, Set<Method> methods, String handler, String source, Map<String, String> attributes) {

    public RouteInfo {
        methods = Collections.unmodifiableSet(EnumSet.copyOf(methods)); // enum order reads best
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
