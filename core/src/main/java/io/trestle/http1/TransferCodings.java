package io.trestle.http1;

/**
 * The Transfer-Encoding list of a request (RFC 9112 §6.1, §7): Trestle decodes only
 * {@code chunked}, which must appear exactly once and last.
 *
 * <pre>
 * chunked                 accepted
 * Chunked , chunked       400 chunked twice
 * chunked, gzip           400 chunked not last (the body length would be unknowable)
 * gzip, chunked           501 gzip is not implemented
 * identity                501 (removed from HTTP in RFC 7230)
 * chunked,  / "" / ,chunked   400 malformed list (stricter than RFC 9110 §5.6.1)
 * </pre>
 */
final class TransferCodings {
    private static final String CHUNKED = "chunked";

    private TransferCodings() {
    }

    /** Checks a (combined) Transfer-Encoding value; returns normally only for exactly {@code chunked}. */
    static void requireChunkedOnly(String list) throws HttpParseException {
        boolean chunked = false;
        boolean unsupported = false;
        int n = list.length();
        int i = 0;
        while (true) {
            i = skipOws(list, i);
            int start = i;
            i = skipToken(list, i);
            if (i == start) {
                throw ParseRule.TRANSFER_ENCODING_LIST.violation();
            }
            boolean isChunked = i - start == CHUNKED.length() && list.regionMatches(true, start, CHUNKED, 0, i - start);
            i = skipOws(list, i);
            if (i < n && list.charAt(i) == ';') {
                if (isChunked) {
                    // RFC 9112 §7.1: chunked has no parameters.
                    throw ParseRule.TRANSFER_ENCODING_LIST.violation();
                }
                i = skipParameters(list, i);
            }
            if (chunked) {
                throw isChunked ? ParseRule.CHUNKED_TWICE.violation() : ParseRule.CHUNKED_NOT_LAST.violation();
            }
            chunked = isChunked;
            unsupported |= !isChunked;
            if (i == n) {
                break;
            }
            if (list.charAt(i) != ',') {
                throw ParseRule.TRANSFER_ENCODING_LIST.violation();
            }
            i++;
        }
        if (unsupported) {
            throw ParseRule.TRANSFER_CODING_UNSUPPORTED.violation();
        }
    }

    /** {@code *( OWS ";" OWS token "=" ( token / quoted-string ) )} from {@code list[i]}, a {@code ;}. */
    private static int skipParameters(String list, int i) throws HttpParseException {
        int n = list.length();
        while (i < n && list.charAt(i) == ';') {
            i = skipOws(list, i + 1);
            int name = i;
            i = skipToken(list, i);
            if (i == name || i == n || list.charAt(i) != '=') {
                throw ParseRule.TRANSFER_ENCODING_LIST.violation();
            }
            i++;
            int value = i;
            i = i < n && list.charAt(i) == '"' ? skipQuoted(list, i) : skipToken(list, i);
            if (i == value) {
                throw ParseRule.TRANSFER_ENCODING_LIST.violation();
            }
            i = skipOws(list, i);
        }
        return i;
    }

    /** Past the quoted-string starting at {@code list[i]}; 400 if it is not closed. */
    private static int skipQuoted(String list, int i) throws HttpParseException {
        int n = list.length();
        for (i++; i < n; i++) {
            char c = list.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
            }
        }
        throw ParseRule.TRANSFER_ENCODING_LIST.violation();
    }

    static int skipOws(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static int skipToken(String s, int i) {
        while (i < s.length() && s.charAt(i) < 0x80 && HttpChars.isToken((byte) s.charAt(i))) {
            i++;
        }
        return i;
    }
}
