package io.trestle.http1;

/**
 * One hop of a forwarding chain as a proxy reported it: the node that connected to it (the
 * {@code for} of a {@code Forwarded} element, an {@code X-Forwarded-For} entry; {@code null} when
 * not given) and the protocol of that connection ({@code null} when not given).
 *
 * @param malformed the proxy's report could not be read; nothing in it can be used
 */
record ProxyHop(String node, String proto, boolean malformed) {
    static final ProxyHop MALFORMED = new ProxyHop(null, null, true);
}
