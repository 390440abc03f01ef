package io.trestle.routing;

import io.trestle.Handler;
import io.trestle.Method;

/**
 * One method on one path pattern, bound to its handler.
 *
 * @param maxBodySize the largest body accepted in bytes, or -1 for the server's limit
 */
public record RouteEntry(Method method, String pattern, Handler handler, long maxBodySize, Origin origin) {
}
