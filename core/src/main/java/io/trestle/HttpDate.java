package io.trestle;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The HTTP date (RFC 9110 §5.6.7) in its preferred form, IMF-fixdate, as the server writes it in
 * {@code Date} and the static files module in {@code Last-Modified}. For handlers that set a
 * date header of their own:
 *
 * <pre>{@code
 * HttpDate.format(784111777L);  // "Sun, 06 Nov 1994 08:49:37 GMT"
 * res.headers().set("Last-Modified", HttpDate.format(file.lastModified().getEpochSecond()));
 * }</pre>
 *
 * <p>Always in GMT with English day and month names, whatever the default locale and time zone.
 * Why not a {@code DateTimeFormatter}: a pattern with {@code EEE} or {@code MMM} loads the locale
 * data on first use, about 40 ms of the example app's first response on one CPU, for names that
 * never change. Each call formats anew: a caller that writes the same second often keeps the text.
 */
public final class HttpDate {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDate() {
    }

    /**
     * The IMF-fixdate of {@code epochSecond} seconds since 1970-01-01T00:00:00Z:
     * {@code Tue, 24 Nov 2026 02:34:40 GMT}. Years 0 to 9999 take four digits; others are written
     * as they are.
     */
    public static String format(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(s, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        int year = t.getYear();
        if (year >= 0 && year < 1000) {
            s.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        s.append(year).append(' ');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        return twoDigits(s, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
