package io.trestle.login.redis;

import io.trestle.login.Session;
import io.trestle.login.SessionStore;
import io.trestle.login.StoreUnavailableException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * Keeps sessions in Redis, so every server behind a load balancer knows every session and a
 * sign-out on one ends the session on all. Each session is one string key,
 * {@code <prefix>session:<SHA-256 of the id>}, holding {@code {"user", "created", "lastAccess",
 * "expires"}}; the key expires with the session (the earlier of idle and absolute expiry), so
 * Redis drops ended sessions by itself. A refresh only rewrites a key that still exists
 * ({@code SET ... XX}): a session signed out meanwhile stays signed out.
 *
 * <pre>{@code
 * RedisLink redis = RedisLink.connect(RedisAddress.parse("redis://127.0.0.1:6379"), RedisLink.DEFAULT_TIMEOUT);
 * SessionStore store = new RedisSessionStore(redis, "trestle:", Clock.systemUTC());
 * }</pre>
 *
 * <p>Every method throws {@link StoreUnavailableException} when Redis cannot be reached. Closing
 * the store leaves the link open: its owner closes it.
 */
public final class RedisSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    private final RedisLink redis;
    private final String prefix;
    private final Clock clock;

    /** Sessions under keys starting with {@code keyPrefix + "session:"}; {@code clock} for the keys' time to live. */
    public RedisSessionStore(RedisLink redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "session:";
        this.clock = clock;
    }

    @Override
    public Optional<Session> find(String id) {
        String key = key(id);
        String json = redis.call(r -> r.get(key));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionJson.read(id, json));
        } catch (IllegalArgumentException e) {
            log.warn("Dropping a session Redis holds in a form this version cannot read: {}", e.getMessage());
            redis.call(r -> r.del(key));
            return Optional.empty();
        }
    }

    @Override
    public void save(Session session) {
        write(session, SetParams.setParams());
    }

    @Override
    public void refresh(Session session) {
        write(session, SetParams.setParams().xx());
    }

    @Override
    public void delete(String id) {
        String key = key(id);
        redis.call(r -> r.del(key));
    }

    /** The Redis key of the session {@code id}. */
    String key(String id) {
        return prefix + KeyHash.sha256(id);
    }

    private void write(Session session, SetParams params) {
        String key = key(session.id());
        long ttl = session.expiresAt().toEpochMilli() - clock.millis();
        if (ttl <= 0) {
            redis.call(r -> r.del(key));
            return;
        }
        String json = SessionJson.write(session);
        params.px(ttl);
        redis.call(r -> r.set(key, json, params));
    }
}
