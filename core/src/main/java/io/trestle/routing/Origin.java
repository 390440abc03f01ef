package io.trestle.routing;

/**
 * Where a route or filter came from, for start-up logs, the route table listing and clash
 * messages.
 *
 * @param name   the handler, e.g. {@code com.acme.Users#list} or {@code com.acme.Hello}
 * @param source the jar file name it was loaded from, or {@code "classpath"} / {@code "code"}
 */
public record Origin(String name, String source) {
    public static final String CODE = "code";

    public static Origin code(String name) {
        return new Origin(name, CODE);
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
