package io.trestle.staticfiles;

import static io.trestle.staticfiles.Preconditions.Outcome.FAILED;
import static io.trestle.staticfiles.Preconditions.Outcome.NOT_MODIFIED;
import static io.trestle.staticfiles.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreconditionsTest {
    static final String ETAG = "\"5f3a-10\"";
    static final long MODIFIED = 784111777L;                 // Sun, 06 Nov 1994 08:49:37 GMT
    static final String AT = "Sun, 06 Nov 1994 08:49:37 GMT";
    static final String BEFORE = "Sun, 06 Nov 1994 08:49:36 GMT";
    static final String AFTER = "Sun, 06 Nov 1994 08:49:38 GMT";

    private static Preconditions.Outcome eval(String ifMatch, String ifUnmodified, String ifNoneMatch,
                                              String ifModified) {
        return Preconditions.evaluate(ifMatch, ifUnmodified, ifNoneMatch, ifModified, ETAG, MODIFIED);
    }

    @Test
    void noConditionsProceed() {
        assertEquals(PROCEED, eval(null, null, null, null));
    }

    @Test
    void ifNoneMatch() {
        assertEquals(NOT_MODIFIED, eval(null, null, ETAG, null));
        assertEquals(NOT_MODIFIED, eval(null, null, "W/" + ETAG, null), "weak comparison");
        assertEquals(NOT_MODIFIED, eval(null, null, "\"other\", " + ETAG, null));
        assertEquals(NOT_MODIFIED, eval(null, null, "*", null));
        assertEquals(PROCEED, eval(null, null, "\"other\"", null));
        assertEquals(PROCEED, eval(null, null, "\"5f3a-1\"", null));
        assertEquals(PROCEED, eval(null, null, "5f3a-10", null), "unquoted is malformed");
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertEquals(PROCEED, eval(null, null, "\"other\"", AFTER));
        assertEquals(NOT_MODIFIED, eval(null, null, ETAG, BEFORE));
    }

    @Test
    void ifModifiedSince() {
        assertEquals(NOT_MODIFIED, eval(null, null, null, AT));
        assertEquals(NOT_MODIFIED, eval(null, null, null, AFTER));
        assertEquals(PROCEED, eval(null, null, null, BEFORE));
        assertEquals(PROCEED, eval(null, null, null, "yesterday"), "invalid dates are ignored");
        assertEquals(NOT_MODIFIED, eval(null, null, null, "Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(NOT_MODIFIED, eval(null, null, null, "Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void ifMatch() {
        assertEquals(PROCEED, eval(ETAG, null, null, null));
        assertEquals(PROCEED, eval("*", null, null, null));
        assertEquals(PROCEED, eval("\"a\", " + ETAG, null, null, null));
        assertEquals(FAILED, eval("\"other\"", null, null, null));
        assertEquals(FAILED, eval("W/" + ETAG, null, null, null), "strong comparison");
        assertEquals(FAILED, Preconditions.evaluate(ETAG, null, null, null, "W/" + ETAG, MODIFIED));
    }

    @Test
    void ifUnmodifiedSince() {
        assertEquals(PROCEED, eval(null, AT, null, null));
        assertEquals(PROCEED, eval(null, AFTER, null, null));
        assertEquals(FAILED, eval(null, BEFORE, null, null));
        assertEquals(PROCEED, eval(null, "garbage", null, null));
        assertEquals(PROCEED, eval(ETAG, BEFORE, null, null), "If-Match present: If-Unmodified-Since is not evaluated");
    }

    @Test
    void failedPreconditionBeatsNotModified() {
        assertEquals(FAILED, eval("\"x\"", null, ETAG, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null|true",
        "\"5f3a-10\"|true",
        "W/\"5f3a-10\"|false",
        "\"other\"|false",
        "Sun, 06 Nov 1994 08:49:37 GMT|true",
        "Sun, 06 Nov 1994 08:49:38 GMT|false",
        "not a date|false"})
    void ifRange(String ifRange, boolean allowed) {
        assertEquals(allowed, Preconditions.rangeAllowed(ifRange, ETAG, MODIFIED));
    }

    @Test
    void ifRangeNeverMatchesAWeakCurrentTag() {
        assertFalse(Preconditions.rangeAllowed("W/" + ETAG, "W/" + ETAG, MODIFIED));
        assertTrue(Preconditions.rangeAllowed(null, "W/" + ETAG, MODIFIED));
    }

    @Test
    void entityTagListsMayHoldCommasInsideQuotes() {
        assertTrue(EntityTags.listMatches("\"a,b\", \"c\"", "\"c\"", true));
        assertTrue(EntityTags.listMatches("\"a,b\"", "\"a,b\"", true));
        assertFalse(EntityTags.listMatches("\"a,b\"", "\"b\"", false));
        assertFalse(EntityTags.listMatches("\"unterminated", "\"unterminated\"", false));
    }
}
