package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Building an access-log line as bytes, and escaping what the client sent. */
class AccessLineTest {

    private static String escaped(String s) {
        return new AccessLine().appendEscaped(s).toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "curl/8.0|curl/8.0",
            "agent \"quoted\"|agent \\\"quoted\\\"",
            "back\\slash|back\\\\slash",
            "tab\there|tab\\x09here",
            "del\u007f|del\\x7f",
            "caf\u00e9|caf\\xe9",
            "\u20ac5|\\xe2\\x82\\xac5",
            "\u00df\u0101|\\xdf\\xc4\\x81",
            "smile \ud83d\ude00!|smile \\xf0\\x9f\\x98\\x80!",
            "lone \ud83d.|lone \\xef\\xbf\\xbd.",
            "end \ude00|end \\xef\\xbf\\xbd",
    })
    void escapesWhatIsNotPrintableAscii(String in, String out) {
        assertEquals(out, escaped(in));
    }

    @Test
    void escapesControlCharactersThatCouldForgeALine() {
        assertEquals("a\\x0d\\x0a127.0.0.1 - admin", escaped("a\r\n127.0.0.1 - admin"));
    }

    @Test
    void growsPastItsFirstBufferWithoutLosingBytes() {
        String quotes = "\"".repeat(300);
        String line = new AccessLine().appendAscii("x").appendEscaped(quotes).append('y').toString();
        assertEquals("x" + "\\\"".repeat(300) + "y", line);
        String euros = "\u20ac".repeat(100);
        assertEquals("\\xe2\\x82\\xac".repeat(100), escaped(euros));
    }

    @Test
    void aMemoReusesTheEscapedBytesOfTheSameStringOnly() {
        AccessLine.Memo memo = new AccessLine.Memo();
        String agent = "agent \"x\" " + "\u00e9".repeat(40); // escapes to more than the memo's first 64 bytes
        String expected = "agent \\\"x\\\" " + "\\xe9".repeat(40);
        AccessLine line = new AccessLine();
        assertEquals(expected, line.clear().appendEscaped(agent, memo).toString());
        assertEquals("[" + expected + "]", line.clear().append('[').appendEscaped(agent, memo).append(']').toString());
        assertEquals("b\\\"", line.clear().appendEscaped("b\"", memo).toString(), "another value is escaped afresh");
        String equalButNotSame = new String("b\"");
        assertEquals("b\\\"", line.clear().appendEscaped(equalButNotSame, memo).toString());
        assertEquals(expected, line.clear().appendEscaped(agent, memo).toString());
    }

    @ParameterizedTest
    @CsvSource({"0", "7", "10", "404", "1048576", "9223372036854775807"})
    void writesNumbersInDecimal(long n) {
        assertEquals(Long.toString(n), new AccessLine().append(n).toString());
    }

    @Test
    void clearStartsANewLineInTheSameBuffer() {
        AccessLine line = new AccessLine().appendAscii("first line");
        byte[] buffer = line.bytes();
        line.clear().appendAscii("second");
        assertEquals("second", line.toString());
        assertEquals(6, line.length());
        assertSame(buffer, line.bytes(), "reused, not reallocated");
        assertEquals("[x]", new AccessLine().append('[').append("x".getBytes()).append(']').toString());
    }
}
