package io.trestle.http1;

/**
 * Checks chunk extensions (RFC 9112 §7.1.1) and discards them: Trestle gives them no meaning,
 * but a lenient reading of them is how front proxies and servers come to disagree about where a
 * chunk ends (CVE-2026-2332: an unterminated quoted string swallowing the line end;
 * CVE-2025-55315: a lone LF inside an extension).
 *
 * <pre>
 * chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 * chunk-ext-name = token
 * chunk-ext-val  = token / quoted-string
 * </pre>
 * Whitespace after the chunk size is only allowed before a {@code ;}.
 */
final class ChunkExtensions {
    private ChunkExtensions() {
    }

    /** Checks {@code buf[from, to)}, the line after the chunk size without its CRLF. */
    static void check(byte[] buf, int from, int to) throws HttpParseException {
        int i = from;
        while (i < to) {
            i = skipBws(buf, i, to);
            if (i == to || buf[i] != ';') {
                throw i < to && i == from && !HttpChars.isWhitespace(buf[i])
                        ? ParseRule.CHUNK_SIZE_SYNTAX.violation() : ParseRule.CHUNK_EXTENSION_SYNTAX.violation();
            }
            i = skipBws(buf, i + 1, to);
            i = token(buf, i, to);
            int afterName = skipBws(buf, i, to);
            if (afterName < to && buf[afterName] == '=') {
                i = skipBws(buf, afterName + 1, to);
                i = i < to && buf[i] == '"' ? quotedString(buf, i, to) : token(buf, i, to);
            }
        }
    }

    private static int skipBws(byte[] buf, int i, int to) {
        while (i < to && HttpChars.isWhitespace(buf[i])) {
            i++;
        }
        return i;
    }

    /** Past a non-empty token at {@code i}. */
    private static int token(byte[] buf, int i, int to) throws HttpParseException {
        int start = i;
        while (i < to && HttpChars.isToken(buf[i])) {
            i++;
        }
        if (i == start) {
            throw ParseRule.CHUNK_EXTENSION_SYNTAX.violation();
        }
        return i;
    }

    /** Past the quoted-string opening at {@code buf[i]}; it must close before the line ends. */
    private static int quotedString(byte[] buf, int i, int to) throws HttpParseException {
        for (i++; i < to; i++) {
            byte b = buf[i];
            if (b == '"') {
                return i + 1;
            }
            // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ): the same bytes as a field value.
            if (b == '\\' ? ++i == to || !HttpChars.isFieldValueChar(buf[i]) : !HttpChars.isQdText(b)) {
                throw ParseRule.CHUNK_EXTENSION_SYNTAX.violation();
            }
        }
        throw ParseRule.CHUNK_EXTENSION_SYNTAX.violation();
    }
}
