package io.trestle.login.redis;

import io.trestle.login.AttemptCounter;
import io.trestle.login.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Counts sign-in attempts in Redis, so every server behind a load balancer throttles together.
 * Each key ({@code <prefix>attempts:<SHA-256 of the key>}) is a sorted set of attempt times, a
 * sliding window like {@link io.trestle.login.InMemoryAttemptCounter}'s: one Lua script drops
 * the times that left the window, checks the count and records the attempt in one atomic step,
 * and the set expires when its newest attempt leaves the window.
 *
 * <pre>{@code
 * AttemptCounter attempts = new RedisAttemptCounter(redis, "trestle:", Clock.systemUTC());
 * Duration wait = attempts.attempt("user:eiger", 5, Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>Times come from {@code clock}, so the servers' clocks should agree (NTP) to well within the
 * window. Every method throws {@link StoreUnavailableException} when Redis cannot be reached.
 */
public final class RedisAttemptCounter implements AttemptCounter {
    // KEYS[1] the set; ARGV: now (ms), window (ms), limit, a member unique to this attempt.
    // Returns 0 after recording, else the milliseconds until an attempt would be allowed.
    static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            if count >= limit then
              local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
              local wait = tonumber(oldest[2]) + window - now
              if wait < 1 then wait = 1 end
              return wait
            end
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[1], window)
            return 0
            """;
    private static final String SCRIPT_SHA1 = KeyHash.scriptSha1(SCRIPT);

    private final RedisLink redis;
    private final String prefix;
    private final Clock clock;
    // Members must be unique per attempt; the same member sent twice (a retried call) counts once.
    private final String instance = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final AtomicLong sequence = new AtomicLong();

    /** Counts under keys starting with {@code keyPrefix + "attempts:"}, at the times {@code clock} tells. */
    public RedisAttemptCounter(RedisLink redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "attempts:";
        this.clock = clock;
    }

    @Override
    public Duration attempt(String key, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        long now = clock.millis();
        List<String> keys = List.of(key(key));
        List<String> args = List.of(Long.toString(now), Long.toString(window.toMillis()), Integer.toString(limit),
                now + ":" + instance + ":" + sequence.incrementAndGet());
        Object wait = redis.call(r -> run(r, keys, args));
        return Duration.ofMillis(((Number) wait).longValue());
    }

    @Override
    public void forgive(String key) {
        String k = key(key);
        redis.call(r -> r.zpopmax(k));
    }

    @Override
    public void clear(String key) {
        String k = key(key);
        redis.call(r -> r.del(k));
    }

    /** The Redis key counting {@code key}. */
    String key(String key) {
        return prefix + KeyHash.sha256(key);
    }

    private static Object run(UnifiedJedis r, List<String> keys, List<String> args) {
        try {
            return r.evalsha(SCRIPT_SHA1, keys, args);
        } catch (JedisNoScriptException e) {
            return r.eval(SCRIPT, keys, args); // first use, or Redis restarted: EVAL also caches it
        }
    }
}
