package io.trestle.http1;

import java.time.Duration;

/**
 * The limits and timeouts of the HTTP/1.1 connection, all configurable.
 *
 * <pre>{@code
 * Limits limits = Limits.DEFAULTS.withMaxBodyBytes(100L << 20).withIdleTimeout(Duration.ofSeconds(5))
 *         .withMinRequestDataRate(1024).withMaxConnectionsPerClient(32);
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
 * @param minRequestBytesPerSecond slowest a request body may arrive, in bytes per second averaged over {@code dataRateWindow}, counted only while the server waits for body bytes; slower: 408 and close. 0 turns it off
 * @param minResponseBytesPerSecond slowest a client may take a response, in bytes per second averaged over {@code dataRateWindow}, counted only while a write waits for the client; slower: the connection closes. 0 turns it off
 * @param dataRateWindow       the time both data rates are averaged over
 * @param maxConnectionsPerClient open connections from one client address (the TCP peer) at most; beyond, a prebuilt 503 and close. 0 is no limit
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
                     Duration writeTimeout,
                     long minRequestBytesPerSecond,
                     long minResponseBytesPerSecond,
                     Duration dataRateWindow,
                     int maxConnectionsPerClient) {

    public static final Limits DEFAULTS = new Limits(8 * 1024, 16 * 1024, 100, 10L * 1024 * 1024,
            Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 10_000, Duration.ofSeconds(10),
            Duration.ofSeconds(30), 256, 256, Duration.ofSeconds(10), 0);

    public Limits {
        if (minRequestBytesPerSecond < 0 || minResponseBytesPerSecond < 0) {
            throw new IllegalArgumentException("a minimum data rate must not be negative");
        }
        if (dataRateWindow.isNegative() || dataRateWindow.isZero()) {
            throw new IllegalArgumentException("the data rate window must be positive: " + dataRateWindow);
        }
        if (maxConnectionsPerClient < 0) {
            throw new IllegalArgumentException("max connections per client must not be negative: " + maxConnectionsPerClient);
        }
    }

    public Limits withMaxRequestLineBytes(int v) {
        return new Limits(v, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMaxHeaderBytes(int v) {
        return new Limits(maxRequestLineBytes, v, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMaxHeaderCount(int v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, v, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMaxBodyBytes(long v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, v, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withHeadTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, v, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withIdleTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, v, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withBodyReadTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, v, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMaxConnections(int v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, v, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withShutdownGrace(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, v, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withWriteTimeout(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, v, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMinRequestDataRate(long v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, v, minResponseBytesPerSecond, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withMinResponseDataRate(long v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, v, dataRateWindow, maxConnectionsPerClient);
    }

    public Limits withDataRateWindow(Duration v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, v, maxConnectionsPerClient);
    }

    public Limits withMaxConnectionsPerClient(int v) {
        return new Limits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headTimeout, idleTimeout, bodyReadTimeout, maxConnections, shutdownGrace, writeTimeout, minRequestBytesPerSecond, minResponseBytesPerSecond, dataRateWindow, v);
    }
}
