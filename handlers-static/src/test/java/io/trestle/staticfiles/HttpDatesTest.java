package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    @Test
    void formatsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(784111777L));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(0));
        assertEquals("Tue, 29 Feb 2028 23:59:59 GMT", HttpDates.format(1835481599L));
    }

    @Test
    void formatAgreesWithJavaTimeOnRandomInstants() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(0, 253402300799L);   // up to 9999-12-31
            assertEquals(reference.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds),
                    ZoneOffset.UTC)), HttpDates.format(seconds), "at " + seconds);
        }
    }

    @Test
    void parsesAllThreeForms() {
        assertEquals(784111777L, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(784111777L, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(784111777L, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(784111777L, HttpDates.parse(" " + HttpDates.format(784111777L) + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z", "784111777"})
    void invalidDatesAreInvalid(String text) {
        assertEquals(HttpDates.INVALID, HttpDates.parse(text));
    }
}
