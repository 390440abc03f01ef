package io.trestle.staticfiles;

import io.trestle.HttpDate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three allowed forms.
 *
 * <pre>{@code
 * HttpDates.format(784111777L);                      // "Sun, 06 Nov 1994 08:49:37 GMT"
 * HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"); // 784111777
 * }</pre>
 */
final class HttpDates {
    /** What {@link #parse} answers for text that is no HTTP date. */
    static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** Two-digit years fall in the 100 years up to 50 years from now (RFC 9110 §5.6.7). */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** Formats seconds since the epoch as an IMF-fixdate (the API's {@link HttpDate}, as the Date header). */
    static String format(long epochSeconds) {
        return HttpDate.format(epochSeconds);
    }

    /** Seconds since the epoch, or {@link #INVALID} (callers then ignore the header, as RFC 9110 says). */
    static long parse(String text) {
        if (text == null) {
            return INVALID;
        }
        String value = text.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(value, f).toEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return INVALID;
    }
}
