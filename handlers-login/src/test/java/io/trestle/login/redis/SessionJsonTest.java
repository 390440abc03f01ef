package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.login.Session;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionJsonTest {
    static final String ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    final Session session = new Session(ID, "eiger \"the\" üser", Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(2_500),
            Instant.ofEpochMilli(1_802_500));

    @Test
    void roundTrips() {
        String json = SessionJson.write(session);
        assertEquals("{\"user\":\"eiger \\\"the\\\" üser\",\"created\":1000,\"lastAccess\":2500,\"expires\":1802500}", json);
        assertEquals(session, SessionJson.read(ID, json));
    }

    @Test
    void theIdIsNotStored() {
        assertFalse(SessionJson.write(session).contains(ID));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"v\":{\"x\":[1,2]},\"user\":\"ann\",\"created\":1,\"lastAccess\":2,\"expires\":3,\"roles\":[\"a\"]}";
        assertEquals("ann", SessionJson.read(ID, json).username());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "\"x\"", "{", "{\"user\":\"ann\"}", "{\"user\":\"\",\"created\":1,\"lastAccess\":2,\"expires\":3}",
        "{\"user\":1,\"created\":1,\"lastAccess\":2,\"expires\":3}",
        "{\"user\":\"ann\",\"created\":\"1\",\"lastAccess\":2,\"expires\":3}",
        "{\"user\":\"ann\",\"created\":1,\"lastAccess\":2.5,\"expires\":3}",
        "{\"user\":\"ann\",\"created\":1,\"lastAccess\":2,\"expires\":-3}",
        "{\"user\":\"ann\",\"created\":1,\"lastAccess\":2,\"expires\":99999999999999999999999}",
    })
    void refusesWhatIsNoSession(String json) {
        assertThrows(IllegalArgumentException.class, () -> SessionJson.read(ID, json));
    }
}
