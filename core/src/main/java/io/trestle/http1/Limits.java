package io.trestle.http1;

import io.trestle.Config;
import java.time.Duration;

/**
 * The limits and timeouts of the HTTP/1.1 connection, fixed when a server is built. Users set
 * them through {@code Server.Builder}'s named setters (or the matching settings); this value is
 * what the connection code reads. Its {@link Builder} holds the checks and, through
 * {@link #DEFAULTS}, the defaults, so both live in one place.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxBodySize(100L << 20).idleTimeout(Duration.ofSeconds(5)).build();
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

    /** The defaults; the settings' declared defaults say the same (a test keeps them equal). */
    public static final Limits DEFAULTS = new Limits(8 * 1024, 16 * 1024, 100, 10L * 1024 * 1024,
            Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 10_000, Duration.ofSeconds(10),
            Duration.ofSeconds(30), 256, 256, Duration.ofSeconds(10), 0);

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects limits by name; what is not set keeps its {@link #DEFAULTS} value. Each setter
     * checks its argument and names itself in the {@link IllegalArgumentException}, so the
     * message fits {@code Server.Builder}, whose setters of the same names delegate here.
     */
    public static final class Builder {
        private Integer maxRequestLine;
        private Integer maxHeaderSize;
        private Integer maxHeaders;
        private Long maxBodySize;
        private Duration headTimeout;
        private Duration idleTimeout;
        private Duration bodyTimeout;
        private Integer maxConnections;
        private Duration shutdownGrace;
        private Duration writeTimeout;
        private Long minRequestDataRate;
        private Long minResponseDataRate;
        private Duration dataRateWindow;
        private Integer maxConnectionsPerClient;

        private Builder() {
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = atLeast("maxConnections", connections, 1, "");
            return this;
        }

        public Builder maxConnectionsPerClient(int connections) {
            this.maxConnectionsPerClient = atLeast("maxConnectionsPerClient", connections, 0, " (0 is no limit)");
            return this;
        }

        public Builder maxRequestLine(int bytes) {
            this.maxRequestLine = atLeast("maxRequestLine", bytes, 1, " byte");
            return this;
        }

        public Builder maxHeaderSize(int bytes) {
            this.maxHeaderSize = atLeast("maxHeaderSize", bytes, 1, " byte");
            return this;
        }

        public Builder maxHeaders(int count) {
            this.maxHeaders = atLeast("maxHeaders", count, 1, "");
            return this;
        }

        public Builder maxBodySize(long bytes) {
            this.maxBodySize = atLeast("maxBodySize", bytes, 0, " bytes");
            return this;
        }

        public Builder headTimeout(Duration timeout) {
            this.headTimeout = positive("headTimeout", timeout);
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = positive("bodyTimeout", timeout);
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("writeTimeout", timeout);
            return this;
        }

        public Builder minRequestDataRate(long bytesPerSecond) {
            this.minRequestDataRate = atLeast("minRequestDataRate", bytesPerSecond, 0, " bytes per second (0 turns it off)");
            return this;
        }

        public Builder minResponseDataRate(long bytesPerSecond) {
            this.minResponseDataRate = atLeast("minResponseDataRate", bytesPerSecond, 0, " bytes per second (0 turns it off)");
            return this;
        }

        public Builder dataRateWindow(Duration window) {
            this.dataRateWindow = positive("dataRateWindow", window);
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            if (grace == null) {
                throw new IllegalArgumentException("shutdownGrace must not be null (Duration.ZERO does not wait)");
            }
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace must not be negative, got " + Config.formatDuration(grace));
            }
            this.shutdownGrace = grace;
            return this;
        }

        /** Takes every value set on {@code other}, over this builder's own (explicit settings over a config's). */
        public Builder putAll(Builder other) {
            maxRequestLine = other.maxRequestLine != null ? other.maxRequestLine : maxRequestLine;
            maxHeaderSize = other.maxHeaderSize != null ? other.maxHeaderSize : maxHeaderSize;
            maxHeaders = other.maxHeaders != null ? other.maxHeaders : maxHeaders;
            maxBodySize = other.maxBodySize != null ? other.maxBodySize : maxBodySize;
            headTimeout = other.headTimeout != null ? other.headTimeout : headTimeout;
            idleTimeout = other.idleTimeout != null ? other.idleTimeout : idleTimeout;
            bodyTimeout = other.bodyTimeout != null ? other.bodyTimeout : bodyTimeout;
            maxConnections = other.maxConnections != null ? other.maxConnections : maxConnections;
            shutdownGrace = other.shutdownGrace != null ? other.shutdownGrace : shutdownGrace;
            writeTimeout = other.writeTimeout != null ? other.writeTimeout : writeTimeout;
            minRequestDataRate = other.minRequestDataRate != null ? other.minRequestDataRate : minRequestDataRate;
            minResponseDataRate = other.minResponseDataRate != null ? other.minResponseDataRate : minResponseDataRate;
            dataRateWindow = other.dataRateWindow != null ? other.dataRateWindow : dataRateWindow;
            maxConnectionsPerClient = other.maxConnectionsPerClient != null ? other.maxConnectionsPerClient : maxConnectionsPerClient;
            return this;
        }

        public Limits build() {
            Limits d = DEFAULTS;
            return new Limits(
                    maxRequestLine != null ? maxRequestLine : d.maxRequestLineBytes(),
                    maxHeaderSize != null ? maxHeaderSize : d.maxHeaderBytes(),
                    maxHeaders != null ? maxHeaders : d.maxHeaderCount(),
                    maxBodySize != null ? maxBodySize : d.maxBodyBytes(),
                    headTimeout != null ? headTimeout : d.headTimeout(),
                    idleTimeout != null ? idleTimeout : d.idleTimeout(),
                    bodyTimeout != null ? bodyTimeout : d.bodyReadTimeout(),
                    maxConnections != null ? maxConnections : d.maxConnections(),
                    shutdownGrace != null ? shutdownGrace : d.shutdownGrace(),
                    writeTimeout != null ? writeTimeout : d.writeTimeout(),
                    minRequestDataRate != null ? minRequestDataRate : d.minRequestBytesPerSecond(),
                    minResponseDataRate != null ? minResponseDataRate : d.minResponseBytesPerSecond(),
                    dataRateWindow != null ? dataRateWindow : d.dataRateWindow(),
                    maxConnectionsPerClient != null ? maxConnectionsPerClient : d.maxConnectionsPerClient());
        }

        private static int atLeast(String setter, int value, int min, String unit) {
            if (value < min) {
                throw new IllegalArgumentException(setter + " must be at least " + min + unit + ", got " + value);
            }
            return value;
        }

        private static long atLeast(String setter, long value, long min, String unit) {
            if (value < min) {
                throw new IllegalArgumentException(setter + " must be at least " + min + unit + ", got " + value);
            }
            return value;
        }

        private static Duration positive(String setter, Duration value) {
            if (value == null) {
                throw new IllegalArgumentException(setter + " must not be null");
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setter + " must be longer than 0, got " + Config.formatDuration(value));
            }
            return value;
        }
    }
}
