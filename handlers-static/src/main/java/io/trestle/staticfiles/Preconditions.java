package io.trestle.staticfiles;

import io.trestle.Request;

/**
 * The conditional request headers of RFC 9110 §13, evaluated in the order §13.2.2 prescribes,
 * for GET and HEAD. Unparseable dates are ignored, as the RFC asks.
 *
 * <pre>{@code
 * switch (Preconditions.evaluate(req, etag, lastModifiedSeconds)) {
 *     case FAILED -> throw new HttpException(412, "Precondition Failed");
 *     case NOT_MODIFIED -> { res.status(304); res.send(new byte[0]); }
 *     case PROCEED -> sendBody();
 * }
 * }</pre>
 */
final class Preconditions {
    /** What the preconditions decide. */
    enum Outcome {
        /** Send the representation (possibly a range of it). */
        PROCEED,
        /** 304: the client's copy is current. */
        NOT_MODIFIED,
        /** 412: {@code If-Match} or {@code If-Unmodified-Since} failed. */
        FAILED
    }

    private Preconditions() {
    }

    static Outcome evaluate(Request req, String etag, long lastModifiedSeconds) {
        return evaluate(req.header("If-Match"), req.header("If-Unmodified-Since"),
                req.header("If-None-Match"), req.header("If-Modified-Since"), etag, lastModifiedSeconds);
    }

    static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch,
                            String ifModifiedSince, String etag, long lastModifiedSeconds) {
        if (ifMatch != null) {
            if (!EntityTags.listMatches(ifMatch, etag, true)) {
                return Outcome.FAILED;
            }
        } else if (ifUnmodifiedSince != null) {
            long date = HttpDates.parse(ifUnmodifiedSince);
            if (date != HttpDates.INVALID && lastModifiedSeconds > date) {
                return Outcome.FAILED;
            }
        }
        if (ifNoneMatch != null) {
            return EntityTags.listMatches(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        if (ifModifiedSince != null) {
            long date = HttpDates.parse(ifModifiedSince);
            if (date != HttpDates.INVALID && lastModifiedSeconds <= date) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a {@code Range} may be honoured given {@code If-Range} (§13.1.5): absent, or an
     * entity tag that matches strongly, or exactly the {@code Last-Modified} date.
     */
    static boolean rangeAllowed(String ifRange, String etag, long lastModifiedSeconds) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return !EntityTags.isWeak(value) && !EntityTags.isWeak(etag) && value.equals(etag);
        }
        long date = HttpDates.parse(value);
        return date != HttpDates.INVALID && date == lastModifiedSeconds;
    }
}
