package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentStringsTest {
    private final RecentStrings recent = new RecentStrings();

    private String of(Object key, String text) {
        // Padded on both sides so the offsets matter.
        byte[] buf = ("##" + text + "##").getBytes(StandardCharsets.ISO_8859_1);
        return recent.of(key, buf, 2, buf.length - 2);
    }

    @Test
    void theSameBytesUnderTheSameKeyGiveTheSameInstance() {
        String first = of(HeaderNames.HOST, "example.com:8080");
        assertEquals("example.com:8080", first);
        assertSame(first, of(HeaderNames.HOST, "example.com:8080"));
    }

    @Test
    void differentBytesGiveANewStringAndReplaceTheOld() {
        String a = of(HeaderNames.HOST, "a.example");
        String b = of(HeaderNames.HOST, "b.example");
        assertEquals("b.example", b);
        assertSame(b, of(HeaderNames.HOST, "b.example"));
        String a2 = of(HeaderNames.HOST, "a.example");
        assertEquals("a.example", a2);
        assertNotSame(a, a2);
        // Same length, one byte apart; and a prefix of the kept value.
        assertEquals("a.exampld", of(HeaderNames.HOST, "a.exampld"));
        assertEquals("a.exampl", of(HeaderNames.HOST, "a.exampl"));
    }

    @Test
    void keysAreKeptApart() {
        String host = of(HeaderNames.HOST, "same");
        String agent = of(HeaderNames.USER_AGENT, "same");
        String target = of(RecentStrings.TARGET, "same");
        assertEquals("same", agent);
        assertNotSame(host, agent);
        assertNotSame(agent, target);
        assertSame(host, of(HeaderNames.HOST, "same"));
        assertSame(target, of(RecentStrings.TARGET, "same"));
    }

    @Test
    void longValuesAreNotKept() {
        String value = "v".repeat(RecentStrings.MAX_LENGTH + 1);
        String first = of(HeaderNames.COOKIE, value);
        assertEquals(value, first);
        assertNotSame(first, of(HeaderNames.COOKIE, value));
        String fits = "v".repeat(RecentStrings.MAX_LENGTH);
        assertSame(of(HeaderNames.COOKIE, fits), of(HeaderNames.COOKIE, fits));
    }

    @Test
    void moreKeysThanSlotsStillGiveTheRightValues() {
        List<String> names = List.of(HeaderNames.ACCEPT, HeaderNames.ACCEPT_ENCODING, HeaderNames.ACCEPT_LANGUAGE,
                HeaderNames.CACHE_CONTROL, HeaderNames.CONNECTION, HeaderNames.COOKIE, HeaderNames.HOST,
                HeaderNames.ORIGIN, HeaderNames.REFERER, HeaderNames.USER_AGENT, HeaderNames.PRAGMA);
        for (int round = 0; round < 3; round++) {
            for (String name : names) {
                assertEquals(name + "=" + round, of(name, name + "=" + round));
                assertEquals(name + "=" + round, of(name, name + "=" + round));
            }
        }
    }

    @Test
    void theHostNameFollowsTheHostInstance() {
        String host = of(HeaderNames.HOST, "example.com:8080");
        assertEquals("example.com", recent.hostName(host));
        assertSame(recent.hostName(host), recent.hostName(of(HeaderNames.HOST, "example.com:8080")));
        assertEquals("other.example", recent.hostName(of(HeaderNames.HOST, "other.example")));
        assertNull(recent.hostName(of(HeaderNames.HOST, "bad host")));
        assertEquals("[::1]", recent.hostName(of(HeaderNames.HOST, "[::1]:1")));
    }

    @Test
    void oneParserOnOneConnectionSeesEveryRequestsOwnValues() throws IOException {
        String requests = "GET /a HTTP/1.1\r\nHost: one:1\r\nUser-Agent: x\r\nAccept: */*\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHost: one:1\r\nUser-Agent: x\r\n\r\n"
                + "GET /b?q=1 HTTP/1.1\r\nHost: two\r\nUser-Agent: y\r\nAccept: text/html\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHOST: one:1\r\nuser-agent: x\r\nX-Custom: x\r\n\r\n"
                + "GET /b?q=2 HTTP/1.1\r\nHost: two\r\nAccept: text/html\r\nAccept: text/html\r\n\r\n";
        ConnectionInput in = new ConnectionInput(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1)), 64, null);
        RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS);
        List<String> seen = new ArrayList<>();
        RequestHead head;
        while ((head = parser.parse(in)) != null) {
            seen.add(head.target() + " " + head.host() + " " + head.headers().get("Host") + " "
                    + head.headers().all("User-Agent") + " " + head.headers().all("Accept") + " " + head.headers().get("X-Custom"));
        }
        assertEquals(List.of(
                "/a one one:1 [x] [*/*] null",
                "/a one one:1 [x] [] null",
                "/b?q=1 two two [y] [text/html] null",
                "/a one one:1 [x] [] x",
                "/b?q=2 two two [] [text/html, text/html] null"), seen);
    }
}
