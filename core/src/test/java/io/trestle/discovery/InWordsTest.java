package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, no plugins", "1, 1 plugin", "2, 2 plugins", "12, 12 plugins"})
    void countsPickTheWordThatFits(long n, String text) {
        assertEquals(text, InWords.count(n, "plugin", "plugins"));
    }

    @Test
    void listsReadAsTextAndNoneWhenEmpty() {
        assertEquals("none", InWords.list(List.of()));
        assertEquals("com.acme", InWords.list(List.of("com.acme")));
        assertEquals("a, b, c", InWords.list(List.of("a", "b", "c")));
    }
}
