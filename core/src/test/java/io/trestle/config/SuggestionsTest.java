package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "port, port, 0",
            "prot, port, 1",
            "por, port, 1",
            "portt, port, 1",
            "bort, port, 1",
            "'', port, 4",
            "kitten, sitting, 3",
            "ca, abc, 3"})
    void distance(String a, String b, int expected) {
        assertEquals(expected, Suggestions.distance(a, b));
        assertEquals(expected, Suggestions.distance(b, a));
    }

    @Test
    void closestWithinTheAllowanceOnly() {
        List<String> names = List.of("host", "port", "root", "max-headers", "max-header-size");
        assertEquals(Optional.of("port"), Suggestions.closest("prot", names));
        assertEquals(Optional.empty(), Suggestions.closest("pr", names), "two edits are too many for a short name");
        assertEquals(Optional.of("max-headers"), Suggestions.closest("max-header", names));
        assertEquals(Optional.of("max-header-size"), Suggestions.closest("max-headr-size", names));
        assertEquals(Optional.empty(), Suggestions.closest("verbose", names));
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertEquals(Optional.of("host"), Suggestions.closest("oost", List.of("host", "post")));
        assertEquals(Optional.of("post"), Suggestions.closest("oost", List.of("post", "host")));
    }
}
