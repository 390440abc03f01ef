package io.trestle.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.HttpException;
import io.trestle.Part;
import io.trestle.http1.HttpParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
    private static final String B = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    private static final String TYPE = "multipart/form-data; boundary=" + B;
    private static final long BIG = Long.MAX_VALUE;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A body as a browser sends it: each part is its header lines, an empty line and its content. */
    private static byte[] body(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i += 2) {
            sb.append("--").append(B).append("\r\n").append(parts[i]).append("\r\n\r\n").append(parts[i + 1]).append("\r\n");
        }
        return bytes(sb.append("--").append(B).append("--\r\n").toString());
    }

    private static String field(String name) {
        return "Content-Disposition: form-data; name=\"" + name + "\"";
    }

    private static MultipartReader reader(byte[] body) {
        return new MultipartReader(new ByteArrayInputStream(body), TYPE, BIG, BIG);
    }

    private static List<String> texts(MultipartReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        for (Part p : reader) {
            out.add(p.name() + "=" + p.text());
        }
        return out;
    }

    @Test
    void readsSeveralPartsInOrder() throws IOException {
        byte[] body = body(
                field("user"), "ann",
                field("note"), "two\r\nlines",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a b.txt\"\r\nContent-Type: application/octet-stream",
                "file content",
                field("empty"), "");
        Iterator<Part> parts = reader(body).iterator();

        Part user = parts.next();
        assertEquals("user", user.name());
        assertNull(user.filename());
        assertEquals("text/plain", user.contentType());
        assertEquals("ann", user.text());

        Part note = parts.next();
        assertEquals("two\r\nlines", note.text());

        Part file = parts.next();
        assertEquals("file", file.name());
        assertEquals("a b.txt", file.filename());
        assertEquals("application/octet-stream", file.contentType());
        assertEquals("application/octet-stream", file.headers().get("content-type"));
        assertEquals(2, file.headers().size());
        assertFalse(file.headers() instanceof io.trestle.WritableHeaders, "a part's headers are read-only");
        assertArrayEquals(bytes("file content"), file.body().readAllBytes());

        Part empty = parts.next();
        assertEquals("", empty.text());
        assertFalse(parts.hasNext());
        assertThrows(NoSuchElementException.class, parts::next);
    }

    @Test
    void emptyMultipartHasNoParts() {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(bytes("--" + B + "--\r\n")), TYPE, BIG, BIG);
        assertFalse(reader.iterator().hasNext());
    }

    @Test
    void skipsPreambleEpilogueAndTransportPadding() throws IOException {
        String raw = "This is the preamble.\r\nIt is ignored.\r\n--" + B + " \t\r\n" + field("a") + "\r\n\r\n1\r\n--" + B
                + "\r\n" + field("b") + "\r\n\r\n2\r\n--" + B + "--\r\nepilogue, also ignored\r\n--" + B + "\r\nnot a part";
        assertEquals(List.of("a=1", "b=2"), texts(reader(bytes(raw))));
    }

    @Test
    void toleratesALeadingCrlfAndNoCrlfAfterTheClosingDelimiter() throws IOException {
        String raw = "\r\n--" + B + "\r\n" + field("a") + "\r\n\r\nx\r\n--" + B + "--";
        assertEquals(List.of("a=x"), texts(reader(bytes(raw))));
    }

    @Test
    void dataThatLooksAlmostLikeTheDelimiterIsData() throws IOException {
        String tricky = "--" + B + " not at line start\r\n-" + B + "\r\n--" + B.substring(0, 20) + "\r\n\r\n\r\r\n-\r\n--";
        byte[] body = body(field("t"), tricky, field("u"), "--" + B);
        assertEquals(List.of("t=" + tricky, "u=--" + B), texts(reader(body)));
    }

    @Test
    void theSameAtEveryReadSize() throws IOException {
        String tricky = "a\r\n--" + B.substring(0, 30) + "\r\nb\r\n\r\n";
        byte[] body = body(field("x"), tricky, "Content-Disposition: form-data; name=f; filename=\"r.bin\"", "z".repeat(20_000),
                field("y"), "");
        List<String> expected = List.of("x=" + tricky, "f=" + "z".repeat(20_000), "y=");
        assertEquals(expected, texts(new MultipartReader(new OneByteInputStream(body), TYPE, BIG, BIG)));
        for (int split = 1; split < 200; split++) {
            InputStream two = new SequenceInputStream(new ByteArrayInputStream(body, 0, split),
                    new ByteArrayInputStream(body, split, body.length - split));
            assertEquals(expected, texts(new MultipartReader(two, TYPE, BIG, BIG)), "split at " + split);
        }
    }

    @Test
    void fileReadInSmallReadsMatchesByteForByte() throws IOException {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        for (int i = 0; i < content.length; i += 997) {
            content[i] = '\r';
            content[i + 1] = '\n';
            content[i + 2] = '-';
            content[i + 3] = '-'; // delimiter prefixes all over the file
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(bytes("--" + B + "\r\nContent-Disposition: form-data; name=\"up\"; filename=\"r.bin\"\r\n\r\n"));
        raw.writeBytes(content);
        raw.writeBytes(bytes("\r\n--" + B + "--\r\n"));
        Part part = reader(raw.toByteArray()).iterator().next();
        InputStream in = part.body();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Random sizes = new Random(7);
        byte[] buf = new byte[64];
        int n;
        while ((n = in.read(buf, 0, 1 + sizes.nextInt(buf.length))) > 0) {
            got.write(buf, 0, n);
        }
        assertEquals(-1, in.read());
        assertArrayEquals(content, got.toByteArray());
    }

    @Test
    void singleByteReadsAndSkip() throws IOException {
        Part p = reader(body(field("a"), "hello world")).iterator().next();
        InputStream in = p.body();
        assertEquals('h', in.read());
        assertEquals(5, in.skip(5));
        assertEquals('w', in.read());
        assertTrue(in.available() >= 0);
        assertArrayEquals(bytes("orld"), in.readAllBytes());
        assertEquals(-1, in.read());
        assertEquals(0, in.skip(10));
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        byte[] body = body(field("a"), "x".repeat(50_000), field("b"), "y".repeat(10), field("c"), "wanted");
        List<String> names = new ArrayList<>();
        String c = null;
        for (Part p : reader(body)) {
            names.add(p.name());
            if (p.name().equals("b")) {
                assertEquals('y', p.body().read()); // partly read
            }
            if (p.name().equals("c")) {
                c = p.text();
            }
        }
        assertEquals(List.of("a", "b", "c"), names);
        assertEquals("wanted", c);
    }

    @Test
    void aPartLeftBehindCannotBeRead() throws IOException {
        Iterator<Part> it = reader(body(field("a"), "1", field("b"), "2")).iterator();
        Part a = it.next();
        InputStream aBody = a.body();
        Part b = it.next();
        IOException e = assertThrows(IOException.class, aBody::read);
        assertTrue(e.getMessage().contains("left behind"), e.getMessage());
        assertEquals("2", b.text());
        assertThrows(IOException.class, () -> b.body().read()); // closed by text()
    }

    @Test
    void iteratesOnlyOnce() {
        MultipartReader reader = reader(body(field("a"), "1"));
        reader.iterator();
        assertThrows(IllegalStateException.class, reader::iterator);
    }

    @Test
    void fileNames() {
        byte[] body = body(
                "Content-Disposition: form-data; name=\"f1\"; filename=\"na\u00efve r\u00e9sum\u00e9.pdf\"", "",
                "Content-Disposition: form-data; name=\"f2\"; filename=\"x.txt\"; filename*=UTF-8''na%C3%AFve%20%E2%82%AC.txt", "",
                "Content-Disposition: form-data; name=\"f3\"; filename*=iso-8859-1'en'caf%E9.txt", "",
                "Content-Disposition: form-data; name=\"f4\"; filename=\"C:\\Users\\ann\\a.txt\"", "",
                "Content-Disposition: form-data; name=\"f5\"; filename=\"say \\\"hi\\\".txt\"", "",
                "Content-Disposition: form-data; name=\"f6\"; filename=\"\"", "",
                "Content-Disposition: form-data; name=\"f7\"; filename=\"ok.txt\"; filename*=UTF-8''bad%C3", "",
                "Content-Disposition: form-data; name=\"f8\"; filename*=KOI8-R''x", "",
                "content-disposition: FORM-DATA; NAME=plain; FileName=unquoted.txt", "");
        List<String> names = new ArrayList<>();
        for (Part p : reader(body)) {
            names.add(p.name() + ":" + p.filename());
        }
        assertEquals(List.of("f1:na\u00efve r\u00e9sum\u00e9.pdf", "f2:na\u00efve \u20ac.txt", "f3:caf\u00e9.txt",
                "f4:C:\\Users\\ann\\a.txt", "f5:say \"hi\".txt", "f6:", "f7:ok.txt", "f8:null", "plain:unquoted.txt"), names);
    }

    @Test
    void foldedHeaderLinesAreJoined() throws IOException {
        byte[] body = body("Content-Disposition: form-data;\r\n name=\"folded\"\r\nContent-Type: text/csv;\r\n\tcharset=utf-8", "a,b");
        Part p = reader(body).iterator().next();
        assertEquals("folded", p.name());
        assertEquals("text/csv; charset=utf-8", p.contentType());
        assertEquals("a,b", p.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "multipart/form-data; boundary=\"" + B + "\"",
        "Multipart/Form-Data;boundary=" + B,
        "multipart/form-data; charset=utf-8; boundary=" + B + " ",
        "multipart/mixed; boundary=" + B,
    })
    void acceptsBoundarySpellings(String type) throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(field("a"), "1")), type, BIG, BIG);
        assertEquals("1", reader.iterator().next().text());
    }

    @Test
    void boundaryWithQuotedSpecials() throws IOException {
        String boundary = "gc0p4Jq0M2Yt08j34c0p/x:y=z?(a)'b,c. d";
        byte[] raw = bytes("--" + boundary + "\r\n" + field("a") + "\r\n\r\nvalue\r\n--" + boundary + "--");
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(raw),
                "multipart/form-data; boundary=\"" + boundary + "\"", BIG, BIG);
        assertEquals("value", reader.iterator().next().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=\"unclosed",
        "multipart/form-data; boundary=a; boundary=b",
        "multipart/form-data; boundary=\"trailing space \"",
        "multipart/form-data; boundary=semi\"quote",
        "multipart/form-data; boundary=\"tab\there\"",
        "multipart/form-data; boundary=\"caf\u00e9\"",
        "multipart/form-data; boundary=\"a*b\"",
        "multipart/form-data; =x",
        "multipart/form-data; boundary",
    })
    void refusesMissingOrInvalidBoundaries(String type) {
        HttpException e = assertThrows(HttpException.class,
                () -> new MultipartReader(new ByteArrayInputStream(new byte[0]), type, BIG, BIG));
        assertEquals(400, e.status(), e.getMessage());
    }

    @Test
    void refusesBoundaryLongerThan70() {
        String type = "multipart/form-data; boundary=" + "b".repeat(71);
        assertEquals(400, assertThrows(HttpException.class,
                () -> new MultipartReader(new ByteArrayInputStream(new byte[0]), type, BIG, BIG)).status());
        assertEquals("b".repeat(70), MultipartReader.boundary("multipart/form-data; boundary=" + "b".repeat(70)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; boundary=x", ""})
    void refusesOtherMediaTypesWith415(String type) {
        assertEquals(415, assertThrows(HttpException.class,
                () -> new MultipartReader(new ByteArrayInputStream(new byte[0]), type, BIG, BIG)).status());
        assertEquals(415, assertThrows(HttpException.class,
                () -> new MultipartReader(new ByteArrayInputStream(new byte[0]), null, BIG, BIG)).status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "",                                                          // nothing at all
        "just some text",                                            // no boundary anywhere
        "--" + B,                                                    // ends right after the boundary
        "--" + B + "\r\n" + "Content-Disposition: form-data; name=a\r\n\r\nno end",
        "--" + B + "\r\n" + "Content-Disposition: form-data; name=a\r\n\r\nx\r\n--" + B,
        "--" + B + "\r\n" + "Content-Disposition: form-data; name=a\r\n\r\nx\r\n--" + B + "-",
        "--" + B + "garbage\r\n" + "Content-Disposition: form-data; name=a\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "-x\r\n",
        "--" + B + " \r",
        "--" + B + "\r\nContent-Disposition: form-data; name=a",      // ends inside headers
        "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n",
        "--" + B + "\r\n\r\nno headers\r\n--" + B + "--",
        "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; filename=a.txt\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nno colon here\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\n: empty name\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nbad name: x\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\n folded first\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; name=a\n\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; name=a\rX\r\n\r\nx\r\n--" + B + "--",
        "--" + B + "\r\nContent-Disposition: form-data; name=a\r\nX-Ctl: a\u0000b\r\n\r\nx\r\n--" + B + "--",
    })
    void refusesMalformedBodiesWith400(String raw) {
        HttpException e = assertThrows(HttpException.class, () -> texts(reader(bytes(raw))));
        assertEquals(400, e.status(), e.getMessage());
    }

    @Test
    void explainsAMissingClosingBoundary() {
        HttpException e = assertThrows(HttpException.class, () -> texts(reader(bytes("--" + B + "\r\n" + field("a") + "\r\n\r\nno end"))));
        assertEquals("multipart body ends before its closing boundary", e.getMessage());
    }

    @Test
    void partHeadersAreLimited() throws IOException {
        String bigHeader = "X-Pad: " + "p".repeat(9000);
        byte[] body = body(field("a") + "\r\n" + bigHeader, "1");
        HttpException e = assertThrows(HttpException.class, () -> texts(reader(body)));
        assertEquals(400, e.status());
        assertEquals("multipart part headers larger than 8192 bytes", e.getMessage());
        assertEquals(List.of("a=1"), texts(new MultipartReader(new ByteArrayInputStream(body), TYPE, BIG, BIG, 16_384)));
    }

    @Test
    void partLimitWhileReading() throws IOException {
        byte[] body = body(field("small"), "12345", field("big"), "123456");
        Iterator<Part> it = new MultipartReader(new ByteArrayInputStream(body), TYPE, 5, BIG).iterator();
        assertEquals("12345", it.next().text());
        Part big = it.next();
        HttpException e = assertThrows(HttpException.class, big::text);
        assertEquals(413, e.status());
        assertEquals("multipart part larger than 5 bytes", e.getMessage());
    }

    @Test
    void partLimitAlsoWhenSkipped() {
        byte[] body = body(field("big"), "x".repeat(100), field("next"), "1");
        Iterator<Part> it = new MultipartReader(new ByteArrayInputStream(body), TYPE, 50, BIG).iterator();
        it.next();
        assertEquals(413, assertThrows(HttpException.class, it::hasNext).status());
    }

    @Test
    void totalLimitCountsEverything() throws IOException {
        byte[] body = body(field("a"), "x".repeat(20_000), field("b"), "y".repeat(20_000));
        assertEquals(2, texts(new MultipartReader(new ByteArrayInputStream(body), TYPE, BIG, body.length)).size());
        HttpException e = assertThrows(HttpException.class,
                () -> texts(new MultipartReader(new ByteArrayInputStream(body), TYPE, BIG, body.length - 1)));
        assertEquals(413, e.status());
        assertEquals("multipart body larger than " + (body.length - 1) + " bytes", e.getMessage());
    }

    @Test
    void clientErrorsFromTheBodyStreamKeepTheirStatus() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new HttpParseException(408, "body read timed out");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return read();
            }
        };
        Iterator<Part> it = new MultipartReader(failing, TYPE, BIG, BIG).iterator();
        HttpException e = assertThrows(HttpException.class, it::hasNext);
        assertEquals(408, e.status());
        assertFalse(it.hasNext()); // the reader gives up after a failure
    }

    @Test
    void clientErrorsWhileReadingAPartBecomeHttpExceptions() throws IOException {
        byte[] head = bytes("--" + B + "\r\n" + field("f") + "\r\n\r\npartial");
        InputStream cut = new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new HttpParseException(400, "malformed chunk");
            }
        });
        Part part = new MultipartReader(cut, TYPE, BIG, BIG).iterator().next();
        HttpException e = assertThrows(HttpException.class, () -> part.body().readAllBytes());
        assertEquals(400, e.status());
        assertEquals("malformed chunk", e.getMessage());
    }

    @Test
    void plainIoErrorsAreUnchecked() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> new MultipartReader(failing, TYPE, BIG, BIG).iterator().hasNext());
    }
}
