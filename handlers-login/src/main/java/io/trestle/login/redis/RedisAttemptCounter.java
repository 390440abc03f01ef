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
import redis.clients.jedis.params.SetParams;

/**
 * Counts sign-in attempts in Redis, so every server behind a load balancer throttles together.
 * Each key ({@code <prefix>attempts:<SHA-256 of the key>}) is a sorted set of attempt times, a
 * sliding window like {@link io.trestle.login.InMemoryAttemptCounter}'s: one Lua script drops
 * the times that left the window, checks the count and records the attempt in one atomic step,
 * and the set expires when its newest attempt leaves the window. A limit with backoff keeps when
 * the next attempt may pass and the pause after it in a hash beside the set
 * ({@code <prefix>attempts-backoff:<SHA-256>}), updated by the same kind of script. A remembered
 * key ({@code <prefix>remembered:<SHA-256>}) holds the millisecond its window ends, by
 * {@code clock}, and expires then.
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

    // KEYS[1] the set, KEYS[2] the backoff hash; ARGV: now (ms), window (ms), limit, a member unique
    // to this attempt, first pause (ms), longest pause (ms). Returns 0 after recording, else the
    // milliseconds until the next attempt may pass.
    static final String BACKOFF_SCRIPT = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            if count < limit then
              redis.call('DEL', KEYS[2])
            else
              local state = redis.call('HMGET', KEYS[2], 'next', 'pause')
              local nextAt = tonumber(state[1]) or 0
              if now < nextAt then
                return nextAt - now
              end
              local maxPause = tonumber(ARGV[6])
              local pause = math.min(tonumber(state[2]) or tonumber(ARGV[5]), maxPause)
              redis.call('HSET', KEYS[2], 'next', now + pause, 'pause', math.min(pause * 2, maxPause))
              redis.call('PEXPIRE', KEYS[2], window)
            end
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[1], window)
            return 0
            """;
    private static final String BACKOFF_SCRIPT_SHA1 = KeyHash.scriptSha1(BACKOFF_SCRIPT);

    private final RedisLink redis;
    private final String prefix;
    private final String backoffPrefix;
    private final String rememberedPrefix;
    private final Clock clock;
    // Members must be unique per attempt; the same member sent twice (a retried call) counts once.
    private final String instance = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final AtomicLong sequence = new AtomicLong();

    /** Counts under keys starting with {@code keyPrefix + "attempts:"}, at the times {@code clock} tells. */
    public RedisAttemptCounter(RedisLink redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "attempts:";
        this.backoffPrefix = keyPrefix + "attempts-backoff:";
        this.rememberedPrefix = keyPrefix + "remembered:";
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
                member(now));
        Object wait = redis.call(r -> run(r, SCRIPT_SHA1, SCRIPT, keys, args));
        return Duration.ofMillis(((Number) wait).longValue());
    }

    @Override
    public Duration attemptWithBackoff(String key, int limit, Duration window, Duration firstPause, Duration maxPause) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        long now = clock.millis();
        String hash = KeyHash.sha256(key);
        List<String> keys = List.of(prefix + hash, backoffPrefix + hash);
        List<String> args = List.of(Long.toString(now), Long.toString(window.toMillis()), Integer.toString(limit),
                member(now), Long.toString(firstPause.toMillis()), Long.toString(maxPause.toMillis()));
        Object wait = redis.call(r -> run(r, BACKOFF_SCRIPT_SHA1, BACKOFF_SCRIPT, keys, args));
        return Duration.ofMillis(((Number) wait).longValue());
    }

    @Override
    public void remember(String key, Duration window) {
        String k = rememberedPrefix + KeyHash.sha256(key);
        // The value is the end by our clock, so remembers() agrees with the counting (tests move
        // the clock); the expiry only cleans up.
        String until = Long.toString(clock.millis() + window.toMillis());
        redis.call(r -> r.set(k, until, SetParams.setParams().px(Math.max(1, window.toMillis()))));
    }

    @Override
    public boolean remembers(String key) {
        String k = rememberedPrefix + KeyHash.sha256(key);
        String until = redis.call(r -> r.get(k));
        if (until == null) {
            return false;
        }
        try {
            return clock.millis() < Long.parseLong(until);
        } catch (NumberFormatException e) {
            return false; // not written by us: as if never remembered
        }
    }

    @Override
    public void forgive(String key) {
        String k = key(key);
        redis.call(r -> r.zpopmax(k));
    }

    @Override
    public void clear(String key) {
        String hash = KeyHash.sha256(key);
        redis.call(r -> r.del(prefix + hash, backoffPrefix + hash));
    }

    /** The Redis key counting {@code key}. */
    String key(String key) {
        return prefix + KeyHash.sha256(key);
    }

    /** A member unique to this attempt. */
    private String member(long now) {
        return now + ":" + instance + ":" + sequence.incrementAndGet();
    }

    private static Object run(UnifiedJedis r, String sha1, String script, List<String> keys, List<String> args) {
        try {
            return r.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException e) {
            return r.eval(script, keys, args); // first use, or Redis restarted: EVAL also caches it
        }
    }
}
