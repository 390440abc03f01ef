package io.trestle.login.redis;

import io.trestle.login.StoreUnavailableException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A pool of connections to one Redis server, shared by the Redis stores, that never lets a
 * request hang and heals by itself:
 * <ul>
 *   <li>connecting and every command time out after the given timeout (500 ms by default);</li>
 *   <li>a lost connection (Redis restarted) drops the pool's idle connections and the command
 *       is sent once more on a fresh one, so a restart costs no failed request;</li>
 *   <li>after a failed connection, calls fail at once for {@link #PAUSE_AFTER_FAILURE}, then one
 *       call tries Redis again: during an outage, requests get a quick 503 instead of each
 *       waiting for a timeout;</li>
 *   <li>every failure becomes a {@link StoreUnavailableException}, and an outage is logged once
 *       (see {@link OutageLog}), not once per request.</li>
 * </ul>
 *
 * <pre>{@code
 * try (RedisLink redis = RedisLink.connect(RedisAddress.parse("redis://127.0.0.1:6379"), Duration.ofMillis(500))) {
 *     String pong = redis.call(UnifiedJedis::ping);
 * }
 * }</pre>
 */
public final class RedisLink implements AutoCloseable {
    /**
     * {@link #DEFAULT_TIMEOUT} in milliseconds: a compile-time constant, so the login settings can
     * name the default without loading this class, Jedis and commons-pool (8 classes) when Redis
     * is not used.
     */
    public static final long DEFAULT_TIMEOUT_MILLIS = 500;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final int MAX_CONNECTIONS = 64;

    private final RedisAddress address;
    private final RedisClient client;
    private final Clock clock;
    private final OutageLog outage;
    // 0 while calls go through; else when the next call may try Redis again after a failure.
    private final AtomicLong pausedUntil = new AtomicLong();
    private volatile String lastFailure = "";

    private RedisLink(RedisAddress address, RedisClient client, Clock clock) {
        this.address = address;
        this.client = client;
        this.clock = clock;
        this.outage = new OutageLog(address.toString(), clock);
    }

    /** A link to {@code address}; connects lazily, so Redis need not be up yet. */
    public static RedisLink connect(RedisAddress address, Duration timeout) {
        return connect(address, timeout, Clock.systemUTC());
    }

    static RedisLink connect(RedisAddress address, Duration timeout, Clock clock) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(address.database())
                .clientName("trestle")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                // RESP2 outright: negotiating RESP3 costs a round trip, and a second connection
                // (another full timeout) when Redis does not answer.
                .resp2()
                .ssl(address.tls());
        if (address.user() != null) {
            config.user(address.user());
        }
        if (address.password() != null) {
            config.password(address.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(Duration.ofMillis(millis));
        pool.setJmxEnabled(false);
        RedisClient client = RedisClient.builder()
                .hostAndPort(address.host(), address.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
        return new RedisLink(address, client, clock);
    }

    public RedisAddress address() {
        return address;
    }

    /**
     * Runs {@code command} on a pooled connection and returns its result.
     *
     * @throws StoreUnavailableException when Redis cannot be reached, times out or refuses
     */
    public <T> T call(Function<UnifiedJedis, T> command) {
        long paused = pausedUntil.get();
        if (paused != 0) {
            long now = clock.millis();
            // One caller per pause gets to try Redis again; the others fail at once.
            if (now < paused || !pausedUntil.compareAndSet(paused, now + PAUSE_AFTER_FAILURE.toMillis())) {
                throw new StoreUnavailableException("Redis at " + address + " is unavailable (" + lastFailure + ")");
            }
        }
        try {
            T result = withOneRetry(command);
            if (paused != 0 || outage.isDown()) {
                pausedUntil.set(0);
                outage.succeeded();
            }
            return result;
        } catch (JedisConnectionException e) {
            pausedUntil.set(clock.millis() + PAUSE_AFTER_FAILURE.toMillis());
            throw unavailable(e);
        } catch (JedisException e) {
            throw unavailable(e); // an error reply (NOAUTH, LOADING, OOM...): Redis is there, so no pause
        }
    }

    private <T> T withOneRetry(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(client);
        } catch (JedisConnectionException e) {
            if (isTimeout(e)) {
                throw e; // Redis is slow or gone: a second try would only double the wait
            }
            // Idle connections from before a Redis restart are all dead: drop them, try a fresh one.
            client.getPool().clear();
            return command.apply(client);
        }
    }

    private StoreUnavailableException unavailable(JedisException e) {
        String cause = describe(e);
        lastFailure = cause;
        outage.failed(cause);
        return new StoreUnavailableException("Redis at " + address + " is unavailable (" + cause + ")", e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The exception's message and its root cause's (Jedis adds a refused connection as suppressed), on one line. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getSuppressed().length > 0) {
            root = root.getSuppressed()[0];
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message;
    }

    @Override
    public void close() {
        client.close();
    }
}
