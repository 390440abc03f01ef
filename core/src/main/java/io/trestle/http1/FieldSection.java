package io.trestle.http1;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a field section — the header fields of a request head, or the trailer fields after a
 * chunked body — line by line from the connection's buffer, up to and including its empty line.
 *
 * <p>The size bound counts every field line with its CRLF (not the final empty line); the count
 * bound counts field lines. Both are checked before a line is parsed, so an oversized section is
 * refused without reading past the limit.
 */
final class FieldSection {
    private FieldSection() {
    }

    /** Reads header fields into {@code into}, the values of known names through {@code recent} (may be null); 431 past the limits. */
    static void readHeaders(ConnectionInput in, ReceivedHeaders into, Limits limits, RecentStrings recent) throws IOException {
        read(in, into, limits.maxHeaderBytes(), limits.maxHeaderCount(),
                ParseRule.HEADERS_TOO_LARGE, ParseRule.TOO_MANY_HEADERS, recent);
    }

    /** Reads trailer fields into {@code into}; 431 past the same limits as headers. */
    static void readTrailers(ConnectionInput in, ReceivedHeaders into, Limits limits) throws IOException {
        read(in, into, limits.maxHeaderBytes(), limits.maxHeaderCount(),
                ParseRule.TRAILERS_TOO_LARGE, ParseRule.TOO_MANY_TRAILERS, null);
    }

    private static void read(ConnectionInput in, ReceivedHeaders into, int maxBytes, int maxCount,
                             ParseRule tooLarge, ParseRule tooMany, RecentStrings recent) throws IOException {
        int budget = maxBytes;
        int count = 0;
        while (true) {
            // +2: the empty line ending the section does not count against the budget.
            int lf = in.findLineEnd((int) Math.min(Integer.MAX_VALUE - 8, budget + 2L));
            if (lf == ConnectionInput.EOF) {
                throw new EOFException("connection closed inside a field section");
            }
            if (lf == ConnectionInput.TOO_LONG) {
                throw tooLarge.violation();
            }
            byte[] buf = in.buffer();
            int start = in.position();
            int end = lineContentEnd(buf, start, lf);
            in.consumeTo(lf + 1);
            if (end == start) {
                return;
            }
            budget -= lf + 1 - start;
            if (budget < 0) {
                throw tooLarge.violation();
            }
            if (++count > maxCount) {
                throw tooMany.violation();
            }
            parseField(buf, start, end, into, recent);
        }
    }

    /** The end of a line's content: the index of the CR before {@code lf}; 400 for a bare LF. */
    static int lineContentEnd(byte[] buf, int start, int lf) throws HttpParseException {
        if (lf == start || buf[lf - 1] != '\r') {
            throw ParseRule.BARE_LF.violation();
        }
        return lf - 1;
    }

    /**
     * Parses {@code name ":" OWS value OWS} in {@code buf[start, end)} (line end excluded); a known
     * name's value comes from {@code recent} (may be null) when it repeats.
     */
    static void parseField(byte[] buf, int start, int end, ReceivedHeaders into, RecentStrings recent) throws HttpParseException {
        if (HttpChars.isWhitespace(buf[start])) {
            throw ParseRule.OBS_FOLD.violation();
        }
        int colon = start;
        while (colon < end && HttpChars.isToken(buf[colon])) {
            colon++;
        }
        if (colon == end) {
            throw ParseRule.FIELD_NO_COLON.violation();
        }
        byte stop = buf[colon];
        if (stop != ':') {
            throw HttpChars.isWhitespace(stop) ? ParseRule.WHITESPACE_BEFORE_COLON.violation()
                    : stop == '\r' ? ParseRule.BARE_CR.violation()
                    : ParseRule.FIELD_NAME_INVALID.violation();
        }
        if (colon == start) {
            throw ParseRule.FIELD_NAME_INVALID.violation();
        }
        int from = colon + 1;
        while (from < end && HttpChars.isWhitespace(buf[from])) {
            from++;
        }
        int to = end;
        while (to > from && HttpChars.isWhitespace(buf[to - 1])) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!HttpChars.isFieldValueChar(buf[i])) {
                throw buf[i] == '\r' ? ParseRule.BARE_CR.violation() : ParseRule.FIELD_VALUE_CHARACTER.violation();
            }
        }
        String known = HeaderNames.lookup(buf, start, colon);
        String name = known != null ? known : new String(buf, start, colon - start, StandardCharsets.ISO_8859_1);
        String value = known != null && recent != null ? recent.of(known, buf, from, to)
                : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        into.addParsed(name, value);
    }
}
