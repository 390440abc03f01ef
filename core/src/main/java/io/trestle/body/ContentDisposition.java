package io.trestle.body;

import io.trestle.HttpException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a {@code multipart/form-data} part (RFC 7578 §4.2):
 * {@code form-data; name="field"; filename="a b.txt"}. An RFC 8187 {@code filename*}
 * ({@code UTF-8''na%C3%AFve.txt}, UTF-8 or ISO-8859-1) wins over {@code filename}; one that cannot
 * be read is ignored.
 *
 * @param name     the form field name
 * @param filename the client's file name ({@code ""} for a file field left empty), or {@code null}
 */
record ContentDisposition(String name, String filename) {

    /** @throws HttpException 400 when the header is missing, malformed, not form-data or has no name */
    static ContentDisposition parse(String header) {
        if (header == null) {
            throw MultipartInput.bad("multipart part without Content-Disposition");
        }
        HeaderParams params = HeaderParams.parse(header);
        if (params == null) {
            throw MultipartInput.bad("malformed Content-Disposition in multipart part");
        }
        if (!params.value().equals("form-data")) {
            throw MultipartInput.bad("multipart part is not form-data");
        }
        String name = params.get("name");
        if (name == null) {
            throw MultipartInput.bad("multipart part without a name");
        }
        String extended = params.get("filename*");
        String filename = extended == null ? null : extendedValue(extended);
        return new ContentDisposition(name, filename != null ? filename : params.get("filename"));
    }

    /** Decodes {@code charset'language'percent-encoded}; {@code null} when it is not that. */
    static String extendedValue(String v) {
        int first = v.indexOf('\'');
        int second = first < 0 ? -1 : v.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charset = v.substring(0, first);
        int length = v.length() - second - 1;
        byte[] bytes = new byte[length];
        int n = 0;
        for (int i = second + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%') {
                int hi = i + 2 < v.length() ? PercentDecoder.hexValue(v.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : PercentDecoder.hexValue(v.charAt(i + 2));
                if (lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c > ' ' && c < 0x7F) {
                bytes[n++] = (byte) c;
            } else {
                return null;
            }
        }
        if (charset.equalsIgnoreCase("UTF-8")) {
            return Utf8.decodeOrNull(bytes, 0, n);
        }
        if (charset.equalsIgnoreCase("ISO-8859-1")) {
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        return null;
    }
}
