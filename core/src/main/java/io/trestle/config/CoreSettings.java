package io.trestle.config;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.Setting.Kind;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.Limits;
import io.trestle.server.TlsPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings of the server and the application itself. Plugins and commands add their own.
 *
 * <pre>{@code
 * RawSettings raw = RawSettings.parse(args, System.getenv());
 * Config core = raw.resolveKnown(CoreSettings.ALL);          // enough to find the plugins
 * Limits limits = CoreSettings.limits(core);             // what Server.Builder builds from them
 * int port = core.integer(CoreSettings.PORT.name(), 8080);
 * }</pre>
 */
public final class CoreSettings {

    public static final Setting HOST = Setting.of("host", Kind.STRING, "127.0.0.1",
            "address to listen on; 0.0.0.0 or :: for every interface");
    public static final Setting PORT = Setting.of("port", Kind.INT, "8080",
            "TCP port to listen on; 0 picks a free one");
    public static final Setting ROOT = Setting.of("root", Kind.PATH, "resources",
            "web root: the folder static files are served from");
    public static final Setting PLUGINS = Setting.of("plugins", Kind.PATH, "plugins",
            "folder of plugin jars");
    public static final Setting CONFIG = Setting.of("config", Kind.PATH, null,
            "properties file with more settings (name=value lines)");
    public static final Setting SCAN = Setting.of("scan", Kind.LIST, null,
            "packages to scan for @Route classes, comma-separated");
    public static final Setting TRUSTED_PROXIES = Setting.of("trusted-proxies", Kind.LIST, null,
            "proxies (IPs, CIDR blocks) whose Forwarded/X-Forwarded-* headers are believed");
    public static final Setting STRICT = Setting.flag("strict",
            "a broken plugin jar stops start-up instead of being skipped");
    public static final Setting MAX_CONNECTIONS = Setting.of("max-connections", Kind.INT, "10000",
            "open connections at most; beyond, a new one gets 503");
    public static final Setting MAX_REQUEST_LINE = Setting.of("max-request-line", Kind.SIZE, "8KiB",
            "longest request line; beyond, 414");
    public static final Setting MAX_HEADER_SIZE = Setting.of("max-header-size", Kind.SIZE, "16KiB",
            "largest header section; beyond, 431");
    public static final Setting MAX_HEADERS = Setting.of("max-headers", Kind.INT, "100",
            "most header fields in a request; beyond, 431");
    public static final Setting MAX_BODY_SIZE = Setting.of("max-body-size", Kind.SIZE, "10MiB",
            "largest request body, unless a route says otherwise; beyond, 413");
    public static final Setting HEAD_TIMEOUT = Setting.of("head-timeout", Kind.DURATION, "20s",
            "time for a whole request head to arrive; then 408");
    public static final Setting IDLE_TIMEOUT = Setting.of("idle-timeout", Kind.DURATION, "30s",
            "how long a kept-alive connection waits for its next request");
    public static final Setting BODY_TIMEOUT = Setting.of("body-timeout", Kind.DURATION, "30s",
            "longest stall while reading a request body");
    public static final Setting WRITE_TIMEOUT = Setting.of("write-timeout", Kind.DURATION, "30s",
            "longest a write to a client may block (a client that stops reading); then it is closed");
    public static final Setting MIN_REQUEST_DATA_RATE = Setting.of("min-request-data-rate", Kind.STRING, "256B/s",
            "slowest a request body may arrive, averaged over --data-rate-window while the server waits for it; "
                    + "slower: 408 and close; 0 turns it off");
    public static final Setting MIN_RESPONSE_DATA_RATE = Setting.of("min-response-data-rate", Kind.STRING, "256B/s",
            "slowest a client may take a response, averaged over --data-rate-window while a write waits for it; "
                    + "slower: closed; 0 turns it off");
    public static final Setting DATA_RATE_WINDOW = Setting.of("data-rate-window", Kind.DURATION, "10s",
            "the time the minimum data rates are averaged over");
    public static final Setting MAX_CONNECTIONS_PER_CLIENT = Setting.of("max-connections-per-client", Kind.INT, "0",
            "open connections from one client address (the TCP peer) at most; beyond, 503; 0 is no limit");
    public static final Setting SHUTDOWN_GRACE = Setting.of("shutdown-grace", Kind.DURATION, "10s",
            "how long stopping lets running requests finish");
    public static final Setting ACCESS_LOG = Setting.of("access-log", Kind.BOOLEAN, "true",
            "log one line per request");
    public static final Setting ACCESS_LOG_TO = Setting.of("access-log-to", Kind.STRING, "stdout",
            "where access-log lines go: stdout, logger (the trestle.access logger) or a file to append to");
    public static final Setting SECURITY_HEADERS = Setting.of("security-headers", Kind.BOOLEAN, "true",
            "send X-Content-Type-Options, Referrer-Policy, HSTS over TLS, and on HTML the two below,"
                    + " unless a handler sets them");
    public static final Setting FRAME_OPTIONS = Setting.of("frame-options", Kind.STRING, DefaultHeaders.FRAME_OPTIONS,
            "X-Frame-Options of HTML responses and error pages: DENY or SAMEORIGIN; empty sends none");
    public static final Setting CONTENT_SECURITY_POLICY = Setting.of("content-security-policy", Kind.STRING,
            DefaultHeaders.CONTENT_SECURITY_POLICY,
            "Content-Security-Policy of HTML responses and error pages; empty sends none");
    public static final Setting TLS_KEYSTORE = Setting.of("tls-keystore", Kind.PATH, null,
            "PKCS#12 keystore with the server's key and certificate: serve HTTPS (TLS 1.2/1.3)");
    public static final Setting TLS_PASSWORD_FILE = Setting.of("tls-password-file", Kind.PATH, null,
            "file holding the keystore's password (first line)");
    public static final Setting TLS_PROTOCOLS = Setting.of("tls-protocols", Kind.LIST,
            String.join(",", TlsPolicy.DEFAULT.protocols()), "TLS versions offered, comma-separated");
    public static final Setting TLS_CIPHERS = Setting.of("tls-ciphers", Kind.LIST, null,
            "cipher suites offered, JSSE names, preferred first (default: TLS 1.3's, and TLS 1.2's with ECDHE "
                    + "and AES-GCM or ChaCha20-Poly1305)");
    public static final Setting REDIRECT_HTTP = Setting.of("redirect-http", Kind.INT, null,
            "with TLS: also listen for plain HTTP on this port and redirect it to HTTPS");
    public static final Setting RELOAD = Setting.of("reload", Kind.BOOLEAN, "true",
            "watch the plugins folder: deploy added, replaced and removed jars while running");
    public static final Setting HELP = Setting.flag("help", "print this help and exit (also -h)");

    /** Every core setting, in the order the help text lists them. */
    public static final List<Setting> ALL = List.of(HOST, PORT, ROOT, PLUGINS, CONFIG, SCAN, TRUSTED_PROXIES,
            STRICT, RELOAD, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT, MAX_REQUEST_LINE, MAX_HEADER_SIZE, MAX_HEADERS,
            MAX_BODY_SIZE, HEAD_TIMEOUT, IDLE_TIMEOUT, BODY_TIMEOUT, WRITE_TIMEOUT, MIN_REQUEST_DATA_RATE,
            MIN_RESPONSE_DATA_RATE, DATA_RATE_WINDOW, SHUTDOWN_GRACE, ACCESS_LOG, ACCESS_LOG_TO,
            SECURITY_HEADERS, FRAME_OPTIONS, CONTENT_SECURITY_POLICY, TLS_KEYSTORE, TLS_PASSWORD_FILE, TLS_PROTOCOLS,
            TLS_CIPHERS, REDIRECT_HTTP, HELP);

    private static final Map<String, Setting> BY_NAME = byName();

    private CoreSettings() {
    }

    /**
     * The connection limits and timeouts in {@code config}; a setting it lacks keeps its
     * default. The values go through the same named setters as {@code Server.Builder}'s.
     *
     * <pre>{@code
     * Duration grace = CoreSettings.limits(raw.resolve(settings)).shutdownGrace();
     * }</pre>
     *
     * @throws UsageException when a value is out of range (possible only for a config not made
     *                        by {@link RawSettings#resolve}, which checks them already)
     */
    public static Limits limits(Config config) {
        return limitsBuilder(config).build();
    }

    /**
     * The limits {@code config} sets, on a builder that leaves the rest unset: what
     * {@code Server.Builder} starts from before its own setters are applied over them.
     *
     * @throws UsageException naming each setting whose value is out of range
     */
    public static Limits.Builder limitsBuilder(Config config) {
        Limits.Builder b = Limits.builder();
        List<String> problems = new ArrayList<>();
        apply(config, MAX_CONNECTIONS, problems, v -> b.maxConnections(Integer.parseInt(v)));
        apply(config, MAX_CONNECTIONS_PER_CLIENT, problems, v -> b.maxConnectionsPerClient(Integer.parseInt(v)));
        apply(config, MAX_REQUEST_LINE, problems, v -> b.maxRequestLine(sizeAsInt(v)));
        apply(config, MAX_HEADER_SIZE, problems, v -> b.maxHeaderSize(sizeAsInt(v)));
        apply(config, MAX_HEADERS, problems, v -> b.maxHeaders(Integer.parseInt(v)));
        apply(config, MAX_BODY_SIZE, problems, v -> b.maxBodySize(Config.parseSize(v)));
        apply(config, HEAD_TIMEOUT, problems, v -> b.headTimeout(Config.parseDuration(v)));
        apply(config, IDLE_TIMEOUT, problems, v -> b.idleTimeout(Config.parseDuration(v)));
        apply(config, BODY_TIMEOUT, problems, v -> b.bodyTimeout(Config.parseDuration(v)));
        apply(config, WRITE_TIMEOUT, problems, v -> b.writeTimeout(Config.parseDuration(v)));
        apply(config, MIN_REQUEST_DATA_RATE, problems, v -> b.minRequestDataRate(parseRate(v)));
        apply(config, MIN_RESPONSE_DATA_RATE, problems, v -> b.minResponseDataRate(parseRate(v)));
        apply(config, DATA_RATE_WINDOW, problems, v -> b.dataRateWindow(Config.parseDuration(v)));
        apply(config, SHUTDOWN_GRACE, problems, v -> b.shutdownGrace(Config.parseDuration(v)));
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return b;
    }

    /** Checks the value as {@code --help} describes it, then hands it to the builder's setter, whose check is the last word. */
    private static void apply(Config config, Setting s, List<String> problems, Consumer<String> setter) {
        String value = config.get(s.name()).orElse(null);
        if (value == null) {
            return;
        }
        String problem = ValueCheck.problem(s, value);
        if (problem == null) {
            try {
                setter.accept(value.trim());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            problems.add(s.name() + ": " + problem);
        }
    }

    private static int sizeAsInt(String value) {
        long n = Config.parseSize(value);
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /**
     * A data rate in bytes per second: a size with or without {@code /s} ({@code 256}, {@code 256B/s},
     * {@code 1KiB/s}); {@code 0} means off.
     *
     * @throws IllegalArgumentException when it is none
     */
    public static long parseRate(String text) {
        String v = text.trim();
        if (v.regionMatches(true, Math.max(0, v.length() - 2), "/s", 0, 2)) {
            v = v.substring(0, v.length() - 2);
        }
        try {
            return Config.parseSize(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a data rate: '" + text + "' (use e.g. 256B/s, 1KiB/s, or 0 for none)");
        }
    }

    /**
     * The TLS versions and cipher suites of {@code tls-protocols} and {@code tls-ciphers}; a
     * setting the config lacks keeps its {@link TlsPolicy#DEFAULT} value.
     *
     * @throws UsageException naming a version or suite this JDK does not support, or a version
     *                        left without a suite
     */
    public static TlsPolicy tlsPolicy(Config config) {
        List<String> protocols = config.get(TLS_PROTOCOLS.name()).isPresent()
                ? config.list(TLS_PROTOCOLS.name()) : TlsPolicy.DEFAULT.protocols();
        List<String> suites = config.get(TLS_CIPHERS.name()).isPresent()
                ? config.list(TLS_CIPHERS.name()) : TlsPolicy.DEFAULT.cipherSuites();
        if (protocols.equals(TlsPolicy.DEFAULT.protocols()) && suites.equals(TlsPolicy.DEFAULT.cipherSuites())) {
            return TlsPolicy.DEFAULT;
        }
        List<String> problems = TlsPolicy.problems(protocols, suites);
        if (!problems.isEmpty()) {
            throw new UsageException(problems.stream().map(p -> "--tls-protocols/--tls-ciphers: " + p).toList());
        }
        return new TlsPolicy(protocols, suites);
    }

    /**
     * The headers responses get unless their handler set them, as {@code config} says
     * ({@code security-headers}, {@code frame-options}, {@code content-security-policy}); a
     * setting it lacks has its default.
     *
     * <pre>{@code
     * DefaultHeaders https = CoreSettings.securityHeaders(config, true);
     * }</pre>
     *
     * @param tls whether they are for HTTPS responses (which add HSTS)
     * @throws UsageException when a value is not allowed (possible only for a config not made by
     *                        {@link RawSettings#resolve}, which checks them already)
     */
    public static DefaultHeaders securityHeaders(Config config, boolean tls) {
        List<String> problems = new ArrayList<>();
        for (Setting s : List.of(SECURITY_HEADERS, FRAME_OPTIONS, CONTENT_SECURITY_POLICY)) {
            String value = config.get(s.name()).orElse(null);
            String problem = value == null ? null : ValueCheck.problem(s, value);
            if (problem != null) {
                problems.add(s.name() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        if (!config.bool(SECURITY_HEADERS.name(), true)) {
            return DefaultHeaders.NONE;
        }
        String frameOptions = config.get(FRAME_OPTIONS.name()).orElse(DefaultHeaders.FRAME_OPTIONS).strip();
        return DefaultHeaders.security(tls, frameOptions.toUpperCase(Locale.ROOT),
                config.get(CONTENT_SECURITY_POLICY.name()).orElse(DefaultHeaders.CONTENT_SECURITY_POLICY));
    }

    /** The core setting called {@code name}, or {@code null}. */
    static Setting named(String name) {
        return BY_NAME.get(name);
    }

    private static Map<String, Setting> byName() {
        Map<String, Setting> map = new LinkedHashMap<>();
        for (Setting s : ALL) {
            map.put(s.name(), s);
        }
        return Map.copyOf(map);
    }
}
