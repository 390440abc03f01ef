package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written dates must read exactly as java.time's formatter writes them. */
class DateTextsTest {
    private static final DateTimeFormatter HTTP =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    /** 9999-12-31T23:59:59Z: both formats have four-digit years. */
    private static final long LAST = 253_402_300_799L;

    @Test
    void knownDates() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", DateTexts.httpDate(784_111_777L)); // RFC 9110's example
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", DateTexts.httpDate(0));
        assertEquals("Tue, 24 Nov 2026 02:34:40 GMT", DateTexts.httpDate(1_795_487_680L));
        assertEquals("Tue, 29 Feb 2028 23:59:59 GMT", DateTexts.httpDate(1_835_481_599L));
        assertEquals("24/Nov/2026:02:34:40 +0000", DateTexts.commonLog(1_795_487_680L, ZoneOffset.UTC));
        assertEquals("23/Nov/2026:23:04:40 -0330", DateTexts.commonLog(1_795_487_680L, ZoneOffset.ofHoursMinutes(-3, -30)));
        assertEquals("24/Nov/2026:08:19:40 +0545", DateTexts.commonLog(1_795_487_680L, ZoneOffset.ofHoursMinutes(5, 45)));
    }

    @Test
    void matchesJavaTimeOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(LAST + 1);
            assertEquals(HTTP.format(Instant.ofEpochSecond(second)), DateTexts.httpDate(second), "second " + second);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            if (second + offset.getTotalSeconds() < 0 || second + offset.getTotalSeconds() > LAST) {
                continue;
            }
            assertEquals(CLF.format(Instant.ofEpochSecond(second).atOffset(offset)), DateTexts.commonLog(second, offset),
                    "second " + second + " at " + offset);
        }
    }
}
