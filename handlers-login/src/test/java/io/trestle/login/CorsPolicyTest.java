package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "https://app.example.com, https://app.example.com",
        "HTTPS://App.Example.COM, https://app.example.com",
        "https://app.example.com:443, https://app.example.com",
        "http://localhost:80, http://localhost",
        "http://localhost:8080, http://localhost:8080",
        "http://localhost:08080, http://localhost:8080",
        "https://[::1]:8443, https://[::1]:8443",
        "https://[::1], https://[::1]",
        "http://127.0.0.1:3000, http://127.0.0.1:3000",
    })
    void originsCompareInCanonicalForm(String origin, String canonical) {
        assertEquals(canonical, CorsPolicy.normalize(origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "example.com", "ftp://example.com", "https://", "https://example.com/",
        "https://example.com/path", "https://user@example.com", "https://example.com:0", "https://example.com:65536",
        "https://example.com:x", "https://example.com:", "https://exa mple.com", "https://[::1", "https://::1",
        "https://example.com?q", "https://example.com#f", "file:///etc/passwd"})
    void textThatIsNoOriginIsRefused(String origin) {
        assertNull(CorsPolicy.normalize(origin));
        assertThrows(IllegalArgumentException.class, () -> CorsPolicy.of(List.of(origin)));
    }

    @Test
    void aWildcardIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsPolicy.of(List.of("*")));
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }

    @Test
    void onlyListedOriginsAreAllowed() {
        CorsPolicy p = CorsPolicy.of(List.of("https://app.example.com", "http://localhost:3000"));
        assertTrue(p.allows("https://app.example.com"));
        assertTrue(p.allows("https://APP.example.com:443"));
        assertTrue(p.allows("http://localhost:3000"));
        assertFalse(p.allows("http://app.example.com"), "another scheme is another origin");
        assertFalse(p.allows("http://localhost:3001"));
        assertFalse(p.allows("https://app.example.com.evil.test"));
        assertFalse(p.allows("null"));
        assertFalse(p.isEmpty());
    }

    @Test
    void byDefaultNoOriginIsAllowed() {
        CorsPolicy p = CorsPolicy.of(List.of());
        assertTrue(p.isEmpty());
        assertFalse(p.allows("http://localhost"));
    }
}
