package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.login.Session;
import io.trestle.login.SessionManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions in a real Redis: hashed keys, TTLs, sign-out winning over a concurrent refresh. */
class RedisSessionStoreTest extends RealRedisTest {
    RedisSessionStore store;

    @BeforeEach
    void newStore() {
        store = new RedisSessionStore(link, "test:", clock);
    }

    @AfterEach
    void closeStore() {
        store.close(); // leaves the shared link open
    }

    /** An id like the login module's: 32 random bytes, base64url. */
    static String newId() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Session session(String user, Duration left) {
        Instant now = clock.instant();
        return new Session(newId(), user, now, now, now.plus(left));
    }

    @Test
    void aSavedSessionIsFoundWithAllItsFields() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        assertEquals(Optional.of(s), store.find(s.id()));
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertEquals(Optional.empty(), store.find(newId()));
    }

    @Test
    void theKeyIsTheHashOfTheIdAndTheIdIsNowhereInRedis() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        Set<String> keys = inspect.keys("*");
        assertEquals(Set.of("test:session:" + KeyHash.sha256(s.id())), keys);
        String value = inspect.get(keys.iterator().next());
        assertFalse(value.contains(s.id()), value);
        assertTrue(value.contains("\"user\":\"eiger\""), value);
    }

    @Test
    void theKeyExpiresWithTheSession() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        long ttl = inspect.pttl(store.key(s.id()));
        assertTrue(ttl > Duration.ofMinutes(29).toMillis() && ttl <= Duration.ofMinutes(30).toMillis(), "TTL " + ttl);
    }

    @Test
    void aSessionAlreadyOverIsNotStored() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        clock.advance(Duration.ofMinutes(30));
        store.save(new Session(s.id(), "eiger", s.createdAt(), clock.instant(), s.expiresAt()));
        assertFalse(inspect.exists(store.key(s.id())), "saving an ended session removes it");
    }

    @Test
    void deleteEndsTheSession() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        store.delete(s.id());
        assertEquals(Optional.empty(), store.find(s.id()));
        store.delete(s.id()); // twice is harmless
    }

    @Test
    void aRefreshMovesTheExpiryOfALiveSession() {
        Session s = session("eiger", Duration.ofMinutes(1));
        store.save(s);
        clock.advance(Duration.ofSeconds(30));
        Session touched = new Session(s.id(), "eiger", s.createdAt(), clock.instant(), clock.instant().plus(Duration.ofMinutes(10)));
        store.refresh(touched);
        assertEquals(Optional.of(touched), store.find(s.id()));
        assertTrue(inspect.pttl(store.key(s.id())) > Duration.ofMinutes(9).toMillis());
    }

    @Test
    void aRefreshDoesNotBringBackASessionSignedOutMeanwhile() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        store.delete(s.id()); // signed out on another server after this one looked the session up
        store.refresh(new Session(s.id(), "eiger", s.createdAt(), clock.instant(), s.expiresAt()));
        assertEquals(Optional.empty(), store.find(s.id()));
    }

    @Test
    void anUnreadableValueIsDroppedAndFindsNothing() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        inspect.set(store.key(s.id()), "{\"user\":");
        assertEquals(Optional.empty(), store.find(s.id()));
        assertFalse(inspect.exists(store.key(s.id())));
    }

    @Test
    void twoServersShareSessionsThroughOneRedis() {
        RedisSessionStore other = new RedisSessionStore(link, "test:", clock);
        SessionManager here = new SessionManager(store, clock, Duration.ofMinutes(30), Duration.ofHours(12));
        SessionManager there = new SessionManager(other, clock, Duration.ofMinutes(30), Duration.ofHours(12));
        Session s = here.create("eiger");
        assertEquals("eiger", there.find(s.id()).orElseThrow().username());
        there.end(s.id());
        assertEquals(Optional.empty(), here.find(s.id()));
    }

    @Test
    void anotherPrefixIsAnotherApplication() {
        Session s = session("eiger", Duration.ofMinutes(30));
        store.save(s);
        assertEquals(Optional.empty(), new RedisSessionStore(link, "shop:", clock).find(s.id()));
    }
}
