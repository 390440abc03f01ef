package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Look-ups in both kinds of headers, whose absent names are ruled out by length before any scan. */
class HeadersLookupTest {

    @Test
    void findsNamesInAnyCaseAndMissesAbsentOnes() {
        ReceivedHeaders h = new ReceivedHeaders(2);
        h.addParsed("Content-Type", "text/plain");
        h.addParsed("host", "example.org");
        assertEquals("text/plain", h.get("content-type"));
        assertEquals("example.org", h.get("HOST"));
        assertNull(h.get("Origin"));
        assertNull(h.get("Hosts"), "same prefix, other length");
        assertNull(h.get("Date"), "same length as a present name, other name");
        assertFalse(h.contains("X-Content-Type-Options"));
    }

    @Test
    void namesWhoseLengthsAgreeModulo64AreStillToldApart() {
        ResponseHeaders h = new ResponseHeaders(16);
        String a = "X-" + "a".repeat(62);  // length 64: the same bit as the empty name
        h.add(a, "1");
        assertEquals("1", h.get(a.toUpperCase()));
        assertNull(h.get("X-" + "b".repeat(62)));
        h.add("Ab", "2");
        assertNull(h.get("X-" + "a".repeat(64)), "a 66-character name shares bit 2 with Ab");
        assertEquals("2", h.get("AB"));
    }

    @Test
    void removeSetAndClearKeepLookupsRight() {
        ResponseHeaders h = new ResponseHeaders(2);
        h.add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("Vary", "Accept");
        assertEquals(List.of("a=1", "b=2"), h.all("set-cookie"));
        assertTrue(h.remove("SET-COOKIE"));
        assertFalse(h.remove("Set-Cookie"), "nothing left to remove");
        assertNull(h.get("Set-Cookie"));
        assertEquals("Accept", h.get("vary"));
        h.set("Vary", "Origin");
        assertEquals(List.of("Origin"), h.all("Vary"));
        assertEquals(1, h.size());
        h.clear();
        assertNull(h.get("Vary"));
        assertTrue(h.isEmpty());
        h.add("Vary", "again");
        assertEquals("again", h.get("VARY"));
    }
}
