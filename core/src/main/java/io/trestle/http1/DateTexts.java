package io.trestle.http1;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Dates in the two fixed English formats the server writes: the HTTP date of {@code Date} and
 * {@code Last-Modified} (RFC 9110 §5.6.7) and the Common Log Format's time stamp.
 *
 * <pre>{@code
 * DateTexts.httpDate(1795487680);                  // "Tue, 24 Nov 2026 02:34:40 GMT"
 * DateTexts.commonLog(1795487680, ZoneOffset.UTC); // "24/Nov/2026:02:34:40 +0000"
 * }</pre>
 *
 * <p>Why not a {@code DateTimeFormatter}: a pattern with {@code EEE} or {@code MMM} loads the
 * locale data on first use, about 40 ms of the example app's first response on one CPU, for
 * names that never change.
 */
public final class DateTexts {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DateTexts() {
    }

    /** The IMF-fixdate of an epoch second, in GMT: {@code Tue, 24 Nov 2026 02:34:40 GMT}. */
    public static String httpDate(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(s, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        year(s, t.getYear()).append(' ');
        return time(s, t).append(" GMT").toString();
    }

    /** The Common Log Format's stamp of an epoch second at {@code offset}: {@code 24/Nov/2026:02:34:40 +0000}. */
    public static String commonLog(long epochSecond, ZoneOffset offset) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        StringBuilder s = new StringBuilder(26);
        twoDigits(s, t.getDayOfMonth()).append('/').append(MONTHS[t.getMonthValue() - 1]).append('/');
        year(s, t.getYear()).append(':');
        time(s, t).append(' ');
        int minutes = offset.getTotalSeconds() / 60;
        s.append(minutes < 0 ? '-' : '+');
        minutes = Math.abs(minutes);
        return twoDigits(twoDigits(s, minutes / 60), minutes % 60).toString();
    }

    private static StringBuilder time(StringBuilder s, LocalDateTime t) {
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        return twoDigits(s, t.getSecond());
    }

    /** Four digits for years 0-9999, as both formats want; others as they are. */
    private static StringBuilder year(StringBuilder s, int year) {
        if (year >= 0 && year < 1000) {
            s.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        return s.append(year);
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
