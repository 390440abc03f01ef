package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trestle.Config;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations as log lines show them: {@code 30 min}, never {@code PT30M}; and back through the parser. */
class FormatDurationTest {

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "PT0S        | 0 s",
        "PT0.25S     | 250 ms",
        "PT1.5S      | 1500 ms",
        "PT20S       | 20 s",
        "PT90S       | 90 s",
        "PT30M       | 30 min",
        "PT15M       | 15 min",
        "PT1H        | 1 h",
        "PT12H       | 12 h",
        "PT36H       | 36 h",
        "PT48H       | 2 d",
        "PT0.0015S   | 1500 µs",
        "PT0.000000012S | 12 ns",
        "PT-5S       | -5 s",
    })
    void readsInItsLargestWholeUnit(String iso, String text) {
        assertEquals(text, Config.formatDuration(Duration.parse(iso)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0.25S", "PT1.5S", "PT20S", "PT90S", "PT30M", "PT12H", "PT48H", "PT0S", "PT1H1S"})
    void aLoggedDurationCanBeGivenBackAsASetting(String iso) {
        Duration d = Duration.parse(iso);
        assertEquals(d, Config.parseDuration(Config.formatDuration(d)));
    }
}
