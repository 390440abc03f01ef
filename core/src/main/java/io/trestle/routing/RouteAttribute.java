package io.trestle.routing;

/** A name and value {@code Routes.attribute} attaches to the routes whose pattern {@code covering} matches. */
record RouteAttribute(PathPattern covering, String name, String value) {

    /** Whether it applies to a route on {@code routePattern}: its pattern text, taken as a path, matches. */
    boolean covers(String routePattern) {
        return covering.matches(routePattern);
    }
}
