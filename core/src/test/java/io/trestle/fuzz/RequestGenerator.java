package io.trestle.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Valid HTTP/1.1 and 1.0 requests built from a seeded {@link Random} — varied targets, Host forms,
 * header spellings, bodies framed by Content-Length or chunked (sizes in either case, extensions,
 * trailers) — and mutations of them: byte flips, inserted CR/LF/SP/HTAB/NUL, deleted bytes,
 * duplicated header lines, case changes in {@code chunked}, a second framing header, bare LF line
 * ends, whitespace before a colon, truncation. The same seed always gives the same cases.
 */
final class RequestGenerator {
    private static final String[] METHODS = {"GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH"};
    private static final String[] SEGMENTS = {"a", "b", "echo", "x-y", "%41", "caf%C3%A9", "~u", "a.b", "z;p=1"};
    private static final String[] HOSTS = {"x", "h.example:8080", "[::1]:80", "127.0.0.1", "a-b.example"};
    private static final String[] EXTRA_HEADERS = {
        "Accept: */*", "User-Agent: gen/1.0 (test)", "X-Trace: abc-123", "Cookie: a=b; c=d",
        "Accept-Language: en;q=0.8, de", "Connection: keep-alive", "Cache-Control: no-cache", "X-Empty:",
        "X-Tab:\tv\t", "Accept-Encoding: gzip, br", "X-Obs-Text: caf\u00e9",
    };
    private static final byte[] INSERTED = {'\r', '\n', ' ', '\t', 0, ':', ',', ';', '"', 0x0B, 0x7F};

    /** One generated input, named by how it was made. */
    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Random random;

    RequestGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code valid} valid requests, each followed by {@code mutationsEach} mutations of it. */
    static List<Case> cases(long seed, int valid, int mutationsEach) {
        RequestGenerator g = new RequestGenerator(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            byte[] request = g.validRequest();
            cases.add(new Case("valid " + i, request));
            for (int m = 0; m < mutationsEach; m++) {
                cases.add(g.mutate(i, request));
            }
        }
        return cases;
    }

    byte[] validRequest() {
        String method = pick(METHODS);
        boolean http10 = random.nextInt(8) == 0;
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target())
                .append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        if (!http10 || random.nextBoolean()) {
            head.append(casing("Host")).append(": ").append(pick(HOSTS)).append("\r\n");
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            String field = pick(EXTRA_HEADERS);
            int colon = field.indexOf(':');
            head.append(casing(field.substring(0, colon))).append(field.substring(colon)).append("\r\n");
        }
        boolean hasBody = !method.equals("GET") && random.nextInt(5) > 0;
        byte[] body = hasBody ? content() : new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (hasBody && random.nextInt(8) == 0) {
            head.append("Expect: 100-continue\r\n");
        }
        if (hasBody && !http10 && random.nextBoolean()) {
            head.append(casing("Transfer-Encoding")).append(": ").append(random.nextBoolean() ? "chunked" : "Chunked")
                    .append("\r\n\r\n");
            write(out, head);
            chunked(out, body);
        } else {
            if (hasBody || random.nextInt(6) == 0) {
                head.append(casing("Content-Length")).append(": ").append(body.length).append("\r\n");
            }
            write(out, head.append("\r\n"));
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private String target() {
        if (random.nextInt(10) == 0) {
            return "http://" + pick(HOSTS) + "/abs/" + pick(SEGMENTS);
        }
        StringBuilder t = new StringBuilder("/");
        for (int i = random.nextInt(4); i > 0; i--) {
            t.append(pick(SEGMENTS)).append(i > 1 ? "/" : "");
        }
        if (random.nextInt(4) == 0) {
            t.append("?q=1&r=%20s&e=");
        }
        return t.toString();
    }

    /** Mostly text, sometimes bytes a head must never contain: a body is opaque. */
    private byte[] content() {
        byte[] body = new byte[random.nextInt(8) == 0 ? 65 + random.nextInt(40) : random.nextInt(41)];
        boolean binary = random.nextInt(4) == 0;
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (binary ? random.nextInt(256) : 'a' + random.nextInt(26));
        }
        return body;
    }

    private void chunked(ByteArrayOutputStream out, byte[] body) {
        int pos = 0;
        while (pos < body.length) {
            int n = 1 + random.nextInt(body.length - pos);
            String size = Integer.toHexString(n);
            size = random.nextBoolean() ? size.toUpperCase(Locale.ROOT) : size;
            if (random.nextInt(6) == 0) {
                size = "00" + size;
            }
            write(out, size + extension() + "\r\n");
            out.write(body, pos, n);
            write(out, "\r\n");
            pos += n;
        }
        write(out, "0" + extension() + "\r\n");
        if (random.nextInt(4) == 0) {
            write(out, "X-Checksum: " + Integer.toHexString(body.length) + "\r\n");
        }
        write(out, "\r\n");
    }

    private String extension() {
        return switch (random.nextInt(6)) {
            case 0 -> ";name=value";
            case 1 -> " ; q=\"a \\\"b\\\" c\"";
            case 2 -> ";flag";
            default -> "";
        };
    }

    Case mutate(int of, byte[] valid) {
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        int at = random.nextInt(valid.length);
        String prefix = "valid " + of + " ";
        return switch (random.nextInt(11)) {
            case 0 -> {
                byte[] b = valid.clone();
                b[at] = (byte) random.nextInt(256);
                yield new Case(prefix + "byte " + at + " = " + (b[at] & 0xFF), b);
            }
            case 1, 2 -> {
                byte inserted = INSERTED[random.nextInt(INSERTED.length)];
                yield new Case(prefix + "insert " + (inserted & 0xFF) + " at " + at,
                        bytes(text.substring(0, at) + (char) (inserted & 0xFF) + text.substring(at)));
            }
            case 3 -> new Case(prefix + "delete " + at, bytes(text.substring(0, at) + text.substring(at + 1)));
            case 4 -> {
                int lineStart = text.lastIndexOf("\r\n", Math.min(at, headEnd(text))) + 2;
                int lineEnd = text.indexOf("\r\n", lineStart) + 2;
                String line = lineStart >= 2 && lineEnd > lineStart + 2 ? text.substring(lineStart, lineEnd) : "";
                yield new Case(prefix + "duplicate line " + lineStart,
                        bytes(text.substring(0, lineEnd) + line + text.substring(lineEnd)));
            }
            case 5 -> new Case(prefix + "recase chunked", bytes(text.replace("chunked", "cHuNkEd")));
            case 6 -> new Case(prefix + "add chunked", bytes(text.replaceFirst("\r\n", "\r\nTransfer-Encoding: chunked\r\n")));
            case 7 -> new Case(prefix + "add Content-Length",
                    bytes(text.replaceFirst("\r\n", "\r\nContent-Length: " + random.nextInt(30) + "\r\n")));
            case 8 -> {
                int crlf = text.indexOf("\r\n", at);
                yield new Case(prefix + "bare LF at " + crlf,
                        crlf < 0 ? valid : bytes(text.substring(0, crlf) + text.substring(crlf + 1)));
            }
            case 9 -> new Case(prefix + "space before colon", bytes(text.replaceFirst(":", " :")));
            default -> new Case(prefix + "truncate at " + at, bytes(text.substring(0, at)));
        };
    }

    private static int headEnd(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text.length() : end;
    }

    /** A header name in canonical, lower or upper case. */
    private String casing(String name) {
        return switch (random.nextInt(5)) {
            case 0 -> name.toLowerCase(Locale.ROOT);
            case 1 -> name.toUpperCase(Locale.ROOT);
            default -> name;
        };
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, CharSequence latin1) {
        out.writeBytes(latin1.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
