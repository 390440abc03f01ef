package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisAddressTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("redis://127.0.0.1:6379", new RedisAddress("127.0.0.1", 6379, 0, null, null, false)),
                Arguments.of("redis://cache", new RedisAddress("cache", 6379, 0, null, null, false)),
                Arguments.of("redis://cache:6380/", new RedisAddress("cache", 6380, 0, null, null, false)),
                Arguments.of("redis://10.0.0.5:6380/2", new RedisAddress("10.0.0.5", 6380, 2, null, null, false)),
                Arguments.of("REDIS://Cache.Example:1", new RedisAddress("Cache.Example", 1, 0, null, null, false)),
                Arguments.of("redis://[::1]:7000/15", new RedisAddress("::1", 7000, 15, null, null, false)),
                Arguments.of("redis://:s3cret@cache:6379", new RedisAddress("cache", 6379, 0, null, "s3cret", false)),
                Arguments.of("redis://app:s3cret@cache:6379/1", new RedisAddress("cache", 6379, 1, "app", "s3cret", false)),
                Arguments.of("redis://s3cret@cache", new RedisAddress("cache", 6379, 0, null, "s3cret", false)),
                Arguments.of("redis://:p%40ss@cache", new RedisAddress("cache", 6379, 0, null, "p@ss", false)),
                Arguments.of("rediss://cache:6390", new RedisAddress("cache", 6390, 0, null, null, true)),
                Arguments.of("  redis://cache:6379  ", new RedisAddress("cache", 6379, 0, null, null, false)));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parses(String text, RedisAddress expected) {
        assertEquals(expected, RedisAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "redis", "127.0.0.1:6379", "http://127.0.0.1:6379", "redis:/cache", "redis://", "redis://:6379",
        "redis://cache:0", "redis://cache:65536", "redis://cache:port", "redis://cache/x", "redis://cache/-1",
        "redis://cache/1/2", "redis://cache/1234567890", "redis://cache?db=1", "redis://cache#x", "redis://ca che",
        "redis://under_score:6379",
    })
    void refusesWhatIsNoRedisAddress(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void printingHidesThePassword() {
        assertEquals("redis://:***@cache:6379/0", RedisAddress.parse("redis://:s3cret@cache").toString());
        assertEquals("redis://app:***@cache:6379/3", RedisAddress.parse("redis://app:s3cret@cache/3").toString());
        assertEquals("rediss://[::1]:7000/0", RedisAddress.parse("rediss://[::1]:7000").toString());
        assertFalse(RedisAddress.parse("redis://app:s3cret@cache").toString().contains("s3cret"));
    }

    @Test
    void aMistakeIsReportedWithoutThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisAddress.parse("redis://:s3cret@cache:6379/db"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("database number"), e.getMessage());
    }
}
