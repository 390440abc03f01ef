package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedResolverTest {
    private static final String TRUSTED_PEER = "10.0.0.1";
    private final ForwardedResolver resolver = new ForwardedResolver(List.of("10.0.0.0/8", "::1", "192.168.1.7", "2001:db8:ffff::/48"));

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByAddress(IpLiteral.parse(literal)); // never a DNS lookup
    }

    /** Headers from "Name: value" lines. */
    private static ReceivedHeaders headers(String... lines) {
        ReceivedHeaders h = new ReceivedHeaders(lines.length);
        for (String line : lines) {
            int colon = line.indexOf(':');
            h.addParsed(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return h;
    }

    private ForwardedResolver.Resolved resolve(String peer, String... lines) throws UnknownHostException {
        return resolver.resolve(ip(peer), headers(lines), false);
    }

    @Test
    void untrustedPeerIgnoresEveryHeader() throws UnknownHostException {
        var r = resolve("203.0.113.9", "Forwarded: for=1.2.3.4;proto=https", "X-Forwarded-For: 5.6.7.8",
                "X-Forwarded-Proto: https");
        assertEquals(new ForwardedResolver.Resolved("203.0.113.9", "http"), r);
        assertEquals("https", resolver.resolve(ip("203.0.113.9"), headers(), true).scheme());
    }

    @Test
    void noTrustedProxiesMeansThePeerAlways() throws UnknownHostException {
        var none = new ForwardedResolver(List.of());
        assertEquals(new ForwardedResolver.Resolved("10.0.0.1", "https"),
                none.resolve(ip("10.0.0.1"), headers("X-Forwarded-For: 1.2.3.4", "X-Forwarded-Proto: http"), true));
    }

    @Test
    void trustedPeerWithoutHeadersIsTheClient() throws UnknownHostException {
        assertEquals(new ForwardedResolver.Resolved("10.0.0.1", "http"), resolve(TRUSTED_PEER));
    }

    @ParameterizedTest(name = "{0} => {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // Forwarded (RFC 7239)
        "Forwarded: for=203.0.113.7|203.0.113.7|http",
        "Forwarded: for=203.0.113.7;proto=https|203.0.113.7|https",
        "Forwarded: For=203.0.113.7;PROTO=HTTPS;by=10.0.0.1;host=example.com|203.0.113.7|https",
        "Forwarded: for=\"203.0.113.7:4711\"|203.0.113.7|http",
        "Forwarded: for=\"[2001:db8:cafe::17]:4711\";proto=https|2001:db8:cafe::17|https",
        "Forwarded: for=\"[2001:DB8:0:0:0:0:0:17]\"|2001:db8::17|http",
        "Forwarded: for=\"[::ffff:203.0.113.7]\"|203.0.113.7|http",
        "Forwarded: proto=https;for=203.0.113.7 , for=10.0.0.2;proto=http|203.0.113.7|https",
        "Forwarded: for=203.0.113.7;proto=https, for=10.2.3.4|203.0.113.7|https",
        "Forwarded: for=192.168.1.7, for=10.0.0.5|192.168.1.7|http",
        "Forwarded: for=198.51.100.1, for=203.0.113.7, for=10.0.0.5|203.0.113.7|http",
        "Forwarded: for=\"[2001:db8:ffff::1]\", for=\"[2001:db8::9]\"|2001:db8::9|http",
        "Forwarded: proto=https|10.0.0.1|https",
        "Forwarded: for=unknown;proto=https|10.0.0.1|https",
        "Forwarded: for=_hidden, for=10.0.0.9|10.0.0.9|http",
        "Forwarded: for=\"_gazonk:_port\"|10.0.0.1|http",
        "Forwarded: for=203.0.113.7;proto=gopher|203.0.113.7|http",
        "Forwarded: , for=203.0.113.7,|203.0.113.7|http",
        "Forwarded: for=203.0.113.7;x-ext=\"a,b;c\"|203.0.113.7|http",
        // tolerated non-standard spellings
        "Forwarded: for=203.0.113.7:80|203.0.113.7|http",
        "Forwarded: for=\"2001:db8::5\"|2001:db8::5|http",
        // X-Forwarded-*
        "X-Forwarded-For: 203.0.113.7|203.0.113.7|http",
        "X-Forwarded-For: 203.0.113.7, 10.0.0.3|203.0.113.7|http",
        "X-Forwarded-For: 198.51.100.1,203.0.113.7,,10.0.0.3|203.0.113.7|http",
        "X-Forwarded-For: 2001:db8::7|2001:db8::7|http",
        "X-Forwarded-For: [2001:db8::7]:1234|2001:db8::7|http",
        "X-Forwarded-For: 203.0.113.7:5555|203.0.113.7|http",
        "X-Forwarded-For: ::ffff:203.0.113.7|203.0.113.7|http",
        "X-Forwarded-Proto: https|10.0.0.1|https",
        "X-Forwarded-For: unknown|10.0.0.1|http",
    })
    void readsTheChainBehindATrustedPeer(String header, String client, String scheme) throws UnknownHostException {
        assertEquals(new ForwardedResolver.Resolved(client, scheme), resolve(TRUSTED_PEER, header));
    }

    @Test
    void xForwardedProtoPairsWithItsHopWhenListsMatch() throws UnknownHostException {
        assertEquals(new ForwardedResolver.Resolved("203.0.113.7", "https"),
                resolve(TRUSTED_PEER, "X-Forwarded-For: 203.0.113.7, 10.0.0.3", "X-Forwarded-Proto: https, http"));
        // lists of different lengths: the nearest proxy's (last) value counts
        assertEquals(new ForwardedResolver.Resolved("203.0.113.7", "https"),
                resolve(TRUSTED_PEER, "X-Forwarded-For: 198.51.100.1, 203.0.113.7", "X-Forwarded-Proto: https"));
        assertEquals("https", resolve(TRUSTED_PEER, "X-Forwarded-For: 203.0.113.7",
                "X-Forwarded-Proto: http, https, https").scheme());
    }

    @Test
    void forwardedWinsOverXForwarded() throws UnknownHostException {
        var r = resolve(TRUSTED_PEER, "X-Forwarded-For: 198.51.100.1", "X-Forwarded-Proto: http",
                "Forwarded: for=203.0.113.7;proto=https");
        assertEquals(new ForwardedResolver.Resolved("203.0.113.7", "https"), r);
    }

    @Test
    void repeatedFieldLinesFormOneChain() throws UnknownHostException {
        assertEquals("203.0.113.7", resolve(TRUSTED_PEER, "X-Forwarded-For: 198.51.100.1",
                "X-Forwarded-For: 203.0.113.7, 10.0.0.4").clientAddress());
        assertEquals("203.0.113.7", resolve(TRUSTED_PEER, "Forwarded: for=198.51.100.1",
                "Forwarded: for=203.0.113.7").clientAddress());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // a client prepends fake hops; the trusted proxy appended the real one
        "X-Forwarded-For: 10.0.0.99, 203.0.113.7",
        "X-Forwarded-For: 127.0.0.1, 203.0.113.7",
        "X-Forwarded-For: 1.1.1.1, garbage, 203.0.113.7",
        "Forwarded: for=10.0.0.99, for=203.0.113.7",
        "Forwarded: for=\"garbage\", for=203.0.113.7",
        "Forwarded: for=1.2.3.4;for=5.6.7.8, for=203.0.113.7",
        "Forwarded: for=\"[::1]\";;;, for=203.0.113.7",
        "Forwarded: )(*&, for=203.0.113.7",
        "Forwarded: for=unknown, for=203.0.113.7",
    })
    void clientCannotSpoofByPrependingHops(String header) throws UnknownHostException {
        assertEquals("203.0.113.7", resolve(TRUSTED_PEER, header).clientAddress());
    }

    @Test
    void unclosedQuoteInOneLineDoesNotSwallowTheNext() throws UnknownHostException {
        assertEquals("203.0.113.7", resolve(TRUSTED_PEER, "Forwarded: for=\"1.2.3.4", "Forwarded: for=203.0.113.7")
                .clientAddress());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Forwarded: for=\"1.2.3.4",
        "Forwarded: for=example.com",
        "Forwarded: for=1.2.3",
        "Forwarded: for=01.2.3.4",
        "Forwarded: for=256.1.1.1",
        "Forwarded: for=\"[2001:db8::1\"",
        "Forwarded: for=\"[1.2.3.4]\"",
        "Forwarded: for=\"[::1]:99999\"",
        "Forwarded: for=\"[::1]x\"",
        "Forwarded: for=1.2.3.4:http",
        "Forwarded: for=\"fe80::1%eth0\"",
        "Forwarded: for=1.2.3.4;for=5.6.7.8",
        "Forwarded: for=1.2.3.4 junk",
        "Forwarded: for",
        "Forwarded: for=",
        "Forwarded: =1.2.3.4",
        "Forwarded: for=\"\"",
        "Forwarded: for=203.0.113.7;proto=https, for=10.0.0.2;proto=https, garbage",
        "X-Forwarded-For: localhost",
        "X-Forwarded-For: 203.0.113.7, 1.2.3.4.5",
        "X-Forwarded-For: 2001:db8::zz",
    })
    void malformedNearestHopFallsBackToThePeer(String header) throws UnknownHostException {
        assertEquals(new ForwardedResolver.Resolved("10.0.0.1", "http"), resolve(TRUSTED_PEER, header));
    }

    @Test
    void ipv6AndMappedPeers() throws UnknownHostException {
        assertEquals(new ForwardedResolver.Resolved("203.0.113.7", "http"),
                resolve("::1", "X-Forwarded-For: 203.0.113.7"));
        // a peer seen as IPv4-mapped IPv6 matches an IPv4 block
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        assertEquals("203.0.113.7", resolver.resolve(InetAddress.getByAddress(mapped),
                headers("X-Forwarded-For: 203.0.113.7"), false).clientAddress());
        assertEquals("2001:db8::1", resolve("2001:db8:0:0::1", "X-Forwarded-For: 1.2.3.4").clientAddress());
    }

    @Test
    void nullPeerHasNoAddress() {
        assertEquals(new ForwardedResolver.Resolved("", "https"), resolver.resolve(null, headers(), true));
    }

    @Test
    void tellsWhetherAnAddressIsTrusted() throws UnknownHostException {
        assertTrue(resolver.isTrusted(ip("10.255.255.255")));
        assertTrue(resolver.isTrusted(ip("2001:db8:ffff:1::5")));
        assertFalse(resolver.isTrusted(ip("11.0.0.0")));
        assertFalse(resolver.isTrusted(ip("::2")));
        assertFalse(resolver.isTrusted(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1",
        "10.0.0.0/8/8", "1.2.3", "", "[10.0.0.1]", "fe80::1%eth0", "10.0.0.0/ 8"})
    void refusesBadTrustedEntriesNamingThem(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ForwardedResolver(List.of("127.0.0.1", entry)));
        assertTrue(e.getMessage().contains("'" + entry + "'"), e.getMessage());
    }

    @Nested
    class Literals {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "0.0.0.0|0.0.0.0",
            "255.255.255.255|255.255.255.255",
            "192.0.2.1|192.0.2.1",
            "::|::",
            "::1|::1",
            "1::|1::",
            "2001:DB8::1|2001:db8::1",
            "2001:db8:0:0:0:0:0:1|2001:db8::1",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
            "2001:0db8:0000:0001:0000:0000:0000:0001|2001:db8:0:1::1",
            "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
            "1:0:2:3:4:5:6:7|1:0:2:3:4:5:6:7",
            "::ffff:192.0.2.1|192.0.2.1",
            "::FFFF:c000:0201|192.0.2.1",
            "::192.0.2.1|::c000:201",
            "64:ff9b::192.0.2.1|64:ff9b::c000:201",
            "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
            "fe80::|fe80::",
        })
        void parsesAndFormatsCanonically(String literal, String canonical) {
            assertEquals(canonical, IpLiteral.format(IpLiteral.parse(literal)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "256.0.0.1", "01.0.0.1",
            "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "0x1.2.3.4", "1234.1.1.1", "localhost",
            ":", ":::", "1:2", ":1::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
            "12345::", "g::", "1:", ":1", "fe80::1%eth0", "[::1]", "::1.2.3", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:1.2.3.256", "1.2.3.4::"})
        void refusesNonLiterals(String s) {
            assertNull(IpLiteral.parse(s), s);
        }

        @Test
        void mappedIsReducedToFourBytes() {
            assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, IpLiteral.parse("::ffff:192.0.2.1"));
            assertEquals(16, IpLiteral.parse("::1").length);
        }
    }

    @Nested
    class Blocks {
        @ParameterizedTest(name = "{0} contains {1}: {2}")
        @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8|10.255.0.1|true",
            "10.0.0.0/8|11.0.0.1|false",
            "10.1.2.3/8|10.9.9.9|true",
            "127.0.0.1/32|127.0.0.1|true",
            "127.0.0.1/32|127.0.0.2|false",
            "127.0.0.1|127.0.0.1|true",
            "0.0.0.0/0|203.0.113.7|true",
            "0.0.0.0/0|::1|false",
            "172.16.0.0/12|172.31.255.255|true",
            "172.16.0.0/12|172.32.0.0|false",
            "192.168.1.128/25|192.168.1.127|false",
            "192.168.1.128/25|192.168.1.200|true",
            "::1|::1|true",
            "::1|::2|false",
            "[::1]|::1|true",
            "[fd00::]/8|fdab::1|true",
            "fd00::/8|fe00::1|false",
            "2001:db8::/32|2001:db8:1234::1|true",
            "2001:db8::/33|2001:db8:8000::1|false",
            "::ffff:10.0.0.0/104|10.1.1.1|true",
            "::ffff:10.0.0.0/104|11.1.1.1|false",
            "::/0|10.1.1.1|true",
            "::/0|2001:db8::1|true",
            "10.0.0.0/8|::ffff:10.0.0.1|true",
        })
        void matches(String block, String address, boolean expected) {
            assertEquals(expected, IpBlock.parse(block).contains(IpLiteral.parse(address)));
        }

        @Test
        void printsTheMaskedNetwork() {
            assertEquals("10.0.0.0/8", IpBlock.parse("10.1.2.3/8").toString());
            assertEquals("2001:db8::/32", IpBlock.parse("2001:db8:ffff::/32").toString());
            assertEquals("10.0.0.0/8", IpBlock.parse("::ffff:10.0.0.0/104").toString());
        }
    }
}
