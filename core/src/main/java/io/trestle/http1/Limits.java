package io.trestle.http1;

import java.time.Duration;

/**
 * The limits and timeouts of the HTTP/1.1 connection, all configurable.
 *
 * <pre>{@code
 * Limits limits = Limits.DEFAULTS.withMaxBodyBytes(100L << 20).withIdleTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param maxRequestLineBytes  longest request line (method, target, version); beyond: 414
 * @param maxHeaderBytes       largest header section (and, separately, trailer section); beyond: 431
 * @param maxHeaderCount       most header fields; beyond: 431
 * @param maxBodyBytes         largest request body unless a route says otherwise; beyond: 413
 * @param headTimeout          time for a whole request head to arrive; then 408 and close
 * @param idleTimeout          time a kept-alive connection may wait for its next request
 * @param bodyReadTimeout      longest stall while reading a body
 * @param maxConnections       open connections; beyond, a prebuilt 503 and close
 * @param shutdownGrace        how long {@code close()} lets running requests finish
 * @param writeTimeout         longest a single write to a client may block (a client that stops reading); then the connection closes
 */
public record Limits(int maxRequestLineBytes,
                     int maxHeaderBytes,
                     int maxHeaderCount,
                     long maxBodyBytes,
                     Duration headTimeout,
                     Duration idleTimeout,
                     Duration bodyReadTimeout,
                     int maxConnections,
                     Duration shutdownGrace,
                     Duration writeTimeout) {

    public static final Limits DEFAULTS = new Limits(8 * 1024, 16 * 1024, 100, 10L * 1024 * 1024,
            Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 10_000, Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    public Limits withMaxRequestLineBytes(int v) {
        return new Limits(v, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withMaxHeaderBytes(int v) {
        return new Limits(maxRequestLineBytes, v, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withMaxHeaderCount(int v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, v, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withMaxBodyBytes(long v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, v, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withHeadTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, v, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withIdleTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, v, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withBodyReadTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, v, maxConnections, shutdownGrace, writeTimeout);
    }

    public Limits withMaxConnections(int v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, v, shutdownGrace, writeTimeout);
    }

    public Limits withShutdownGrace(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, v, writeTimeout);
    }

    public Limits withWriteTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, v);
    }
}
