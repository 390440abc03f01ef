package io.trestle.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately plain decoder of chunked bodies (RFC 9112 §7.1), written from the grammar
 * and with Trestle's documented strictness, to check {@link io.trestle.http1.ChunkedInputStream}
 * against: it works on the whole input at once, line by line, with regular expressions, and
 * shares no code with the real one. It answers with the status the server should send (400, 413,
 * 431), "eof" when the input ends inside the body, or the decoded bytes and where the body ended.
 */
final class ReferenceChunkedDecoder {
    /** ChunkedInputStream.MAX_CHUNK_LINE: the longest chunk-size line without its CRLF. */
    static final int MAX_CHUNK_LINE = 4096;

    private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]++";
    private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t\\x20-\\x7E\\x80-\\xFF])*+\"";
    /** chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) */
    private static final Pattern CHUNK_EXT = Pattern.compile(
            "(?:[ \\t]*+;[ \\t]*+" + TOKEN + "(?:[ \\t]*+=[ \\t]*+(?:" + TOKEN + "|" + QUOTED + "))?+)*+");
    private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9A-Fa-f]++");
    /** field-line = field-name ":" OWS field-value OWS: after the colon only VCHAR, obs-text, SP, HTAB. */
    private static final Pattern FIELD_LINE = Pattern.compile(TOKEN + ":[\\t\\x20-\\x7E\\x80-\\xFF]*+");

    /** The verdict: {@code outcome} is "body", "eof" or the status as a number. */
    record Result(String outcome, byte[] decoded, int end) {
    }

    private final byte[] in;
    private final long maxBody;
    private final int maxFieldBytes;
    private final int maxFields;
    private int pos;
    private Trouble trouble;

    private enum Trouble { EOF, TOO_LONG, BARE_LF }

    private ReferenceChunkedDecoder(byte[] in, long maxBody, int maxFieldBytes, int maxFields) {
        this.in = in;
        this.maxBody = maxBody;
        this.maxFieldBytes = maxFieldBytes;
        this.maxFields = maxFields;
    }

    static Result decode(byte[] input, long maxBody, int maxFieldBytes, int maxFields) {
        return new ReferenceChunkedDecoder(input, maxBody, maxFieldBytes, maxFields).run();
    }

    private Result run() {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        long extensionBytes = 0;
        while (true) {
            String line = line(MAX_CHUNK_LINE + 2);
            if (line == null) {
                return trouble == Trouble.EOF ? eof() : status(400);
            }
            Matcher size = CHUNK_SIZE.matcher(line);
            if (!size.lookingAt() || size.end() > 16 || new BigInteger(size.group(), 16).bitLength() > 63) {
                return status(400);
            }
            String ext = line.substring(size.end());
            extensionBytes += ext.length();
            if (extensionBytes > maxFieldBytes || !CHUNK_EXT.matcher(ext).matches()) {
                return status(400);
            }
            long n = Long.parseLong(size.group(), 16);
            if (n == 0) {
                return trailers(decoded);
            }
            if (n > maxBody - decoded.size()) {
                return status(413);
            }
            if (in.length - pos < n) {
                return eof();
            }
            decoded.write(in, pos, (int) n);
            pos += (int) n;
            for (char c : new char[] {'\r', '\n'}) {
                if (pos == in.length) {
                    return eof();
                }
                if (in[pos++] != c) {
                    return status(400);
                }
            }
        }
    }

    private Result trailers(ByteArrayOutputStream decoded) {
        int budget = maxFieldBytes;
        int count = 0;
        while (true) {
            String line = line(budget + 2);
            if (line == null) {
                return trouble == Trouble.EOF ? eof() : status(trouble == Trouble.TOO_LONG ? 431 : 400);
            }
            if (line.isEmpty()) {
                return new Result("body", decoded.toByteArray(), pos);
            }
            budget -= line.length() + 2;
            if (budget < 0 || ++count > maxFields) {
                return status(431);
            }
            if (!FIELD_LINE.matcher(line).matches()) {
                return status(400);
            }
        }
    }

    /** The next line without its CRLF, or {@code null} with the {@link #trouble} that stopped it. */
    private String line(int max) {
        int limit = (int) Math.min(in.length, (long) pos + max);
        for (int i = pos; i < limit; i++) {
            if (in[i] == '\n') {
                if (i == pos || in[i - 1] != '\r') {
                    trouble = Trouble.BARE_LF;
                    return null;
                }
                String line = new String(in, pos, i - 1 - pos, StandardCharsets.ISO_8859_1);
                pos = i + 1;
                return line;
            }
        }
        trouble = limit - pos >= max ? Trouble.TOO_LONG : Trouble.EOF;
        return null;
    }

    private Result status(int status) {
        return new Result(Integer.toString(status), null, -1);
    }

    private Result eof() {
        return new Result("eof", null, -1);
    }
}
