package io.trestle.body;

import io.trestle.Headers;
import io.trestle.http1.ReceivedHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the header section of one multipart part (up to the empty line) from a
 * {@link MultipartInput}, within a byte limit. Lines end with CRLF; a folded line (starting with
 * a space or tab) continues the previous field. Header text is UTF-8, as browsers send file
 * names, or ISO-8859-1 when it is not valid UTF-8 (older clients).
 */
final class PartHeaderReader {
    private PartHeaderReader() {
    }

    static Headers read(MultipartInput input, int maxBytes) throws IOException {
        ReceivedHeaders.Builder headers = new ReceivedHeaders.Builder(4);
        byte[] line = new byte[128];
        int total = 0;
        String name = null;
        StringBuilder value = new StringBuilder();
        while (true) {
            int n = 0;
            while (true) {
                int b = input.readByte();
                if (b < 0) {
                    throw MultipartInput.bad("multipart body ends inside part headers");
                }
                if (++total > maxBytes) {
                    throw MultipartInput.bad("multipart part headers larger than " + maxBytes + " bytes");
                }
                if (b == '\r') {
                    if (input.readByte() != '\n') {
                        throw MultipartInput.bad("malformed multipart part header line");
                    }
                    total++;
                    break;
                }
                if (b == '\n' || (b < 0x20 && b != '\t') || b == 0x7F) {
                    throw MultipartInput.bad("malformed multipart part header line");
                }
                if (n == line.length) {
                    line = Arrays.copyOf(line, n * 2);
                }
                line[n++] = (byte) b;
            }
            boolean folded = n > 0 && (line[0] == ' ' || line[0] == '\t');
            if (!folded && name != null) {
                headers.add(name, value.toString().strip());
                name = null;
            }
            if (n == 0) {
                return headers.build();
            }
            String text = decode(line, n);
            if (folded) {
                if (name == null) {
                    throw MultipartInput.bad("malformed multipart part header line");
                }
                value.append(' ').append(text.strip());
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || !isToken(text, colon)) {
                throw MultipartInput.bad("malformed multipart part header line");
            }
            name = text.substring(0, colon);
            value.setLength(0);
            value.append(text, colon + 1, text.length());
        }
    }

    private static String decode(byte[] line, int n) {
        String utf8 = Utf8.decodeOrNull(line, 0, n);
        return utf8 != null ? utf8 : new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (!HeaderParams.isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
