package io.trestle.routing;

import io.trestle.Filter;

/** A filter with the path pattern it applies to and its order (lower runs first). */
public record FilterEntry(String pattern, int order, Filter filter, Origin origin) {
}
