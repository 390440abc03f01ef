package io.trestle.http1;

import io.trestle.HttpDate;
import java.time.ZoneOffset;

/**
 * Dates in the two fixed English formats the server writes: the HTTP date of {@code Date} and
 * {@code Last-Modified} (RFC 9110 §5.6.7, formatted by the API's {@link HttpDate}) and the Common
 * Log Format's time stamp, cut from the HTTP date of the same wall-clock time so that the day and
 * month names and the digits are written in one place.
 *
 * <pre>{@code
 * DateTexts.httpDate(1795487680);                  // "Tue, 24 Nov 2026 02:34:40 GMT"
 * DateTexts.commonLog(1795487680, ZoneOffset.UTC); // "24/Nov/2026:02:34:40 +0000"
 * }</pre>
 */
public final class DateTexts {
    private DateTexts() {
    }

    /** The IMF-fixdate of an epoch second, in GMT: {@code Tue, 24 Nov 2026 02:34:40 GMT}. */
    public static String httpDate(long epochSecond) {
        return HttpDate.format(epochSecond);
    }

    /** The Common Log Format's stamp of an epoch second at {@code offset}: {@code 24/Nov/2026:02:34:40 +0000}. */
    public static String commonLog(long epochSecond, ZoneOffset offset) {
        // "Tue, 24 Nov 2026 02:34:40 GMT" of the local time: day at 5, month at 8, year from 12
        // up to the time, which with " GMT" is the last 12 characters whatever the year's length.
        String http = HttpDate.format(epochSecond + offset.getTotalSeconds());
        int timeStart = http.length() - 12;
        StringBuilder s = new StringBuilder(26)
                .append(http, 5, 7).append('/').append(http, 8, 11).append('/')
                .append(http, 12, timeStart - 1).append(':')
                .append(http, timeStart, timeStart + 8).append(' ');
        int minutes = offset.getTotalSeconds() / 60;
        s.append(minutes < 0 ? '-' : '+');
        minutes = Math.abs(minutes);
        return twoDigits(twoDigits(s, minutes / 60), minutes % 60).toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
