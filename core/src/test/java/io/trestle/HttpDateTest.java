package io.trestle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void formatsImfFixdateInGmt() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(784_111_777L)); // RFC 9110's example
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDate.format(0));
        assertEquals("Wed, 31 Dec 1969 23:59:59 GMT", HttpDate.format(-1));
        assertEquals("Mon, 01 Jan 0001 00:00:00 GMT", HttpDate.format(-62_135_596_800L)); // four-digit year
    }

    @Test
    void ignoresTheDefaultLocaleAndTimeZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            assertEquals("Tue, 24 Nov 2026 02:34:40 GMT", HttpDate.format(1_795_487_680L));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void matchesJavaTime() {
        SplittableRandom random = new SplittableRandom(784111777);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(253_402_300_800L); // up to 9999-12-31
            assertEquals(RFC_1123.format(Instant.ofEpochSecond(second)), HttpDate.format(second), "second " + second);
        }
    }
}
