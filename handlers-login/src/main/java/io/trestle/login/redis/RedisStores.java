package io.trestle.login.redis;

import java.time.Clock;
import java.time.Duration;

/**
 * A link to Redis with the session store and the attempt counter that share it: what the login
 * plugin opens for {@code --sessions redis://host:port}. Closing it closes the link.
 *
 * <pre>{@code
 * RedisStores redis = RedisStores.open(RedisAddress.parse("redis://127.0.0.1:6379"),
 *         RedisLink.DEFAULT_TIMEOUT, "trestle:", Clock.systemUTC());
 * new LoginPlugin(redis.sessions(), redis.attempts(), Clock.systemUTC());
 * }</pre>
 *
 * @param link     the connection pool
 * @param sessions sessions under {@code <prefix>session:}
 * @param attempts attempt counts under {@code <prefix>attempts:}
 */
public record RedisStores(RedisLink link, RedisSessionStore sessions, RedisAttemptCounter attempts)
        implements AutoCloseable {

    /** Opens a link to {@code address} (lazily: Redis need not be up yet) and the stores on it. */
    public static RedisStores open(RedisAddress address, Duration timeout, String keyPrefix, Clock clock) {
        RedisLink link = RedisLink.connect(address, timeout);
        return new RedisStores(link, new RedisSessionStore(link, keyPrefix, clock),
                new RedisAttemptCounter(link, keyPrefix, clock));
    }

    @Override
    public void close() {
        link.close();
    }
}
