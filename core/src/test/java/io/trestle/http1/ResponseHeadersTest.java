package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.WritableHeaders;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A response's headers check every name and value written, through every method that writes. */
class ResponseHeadersTest {

    /** Every way to write a value into response headers. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("add", (WriteValue) (h, v) -> h.add("X-Name", v)),
                Arguments.of("set", (WriteValue) (h, v) -> h.set("X-Name", v)),
                Arguments.of("add as name", (WriteValue) (h, v) -> h.add(v, "1")),
                Arguments.of("set as name", (WriteValue) (h, v) -> h.set(v, "1")));
    }

    interface WriteValue {
        void write(WritableHeaders headers, String value);
    }

    static Stream<Arguments> splittingAttempts() {
        List<String> values = List.of("a\r\nSet-Cookie: sid=evil", "a\nSet-Cookie: sid=evil", "a\rSet-Cookie: sid=evil",
                "a\u0000b", "a\u0001b", "a\u001fb", "a\u007fb", "caf\u00e9 \u20ac");
        return writes().flatMap(w -> values.stream().map(v -> Arguments.of(w.get()[0], w.get()[1], v)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("splittingAttempts")
    void refusesControlCharactersAndWideCharactersOnEveryWritePath(String how, WriteValue write, String value) {
        ResponseHeaders h = new ResponseHeaders(4);
        h.add("X-Name", "kept");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write.write(h, value));
        assertTrue(e.getMessage().startsWith("header "), e.getMessage());
        assertEquals(List.of("kept"), h.all("X-Name"), "a refused write changes nothing");
        assertEquals(1, h.size());
    }

    @Test
    void namesTheFieldAndTheCharacterInTheMessage() {
        ResponseHeaders h = new ResponseHeaders(4);
        var value = assertThrows(IllegalArgumentException.class, () -> h.add("X-Name", "a\r\nSet-Cookie: sid=evil"));
        assertEquals("header value of X-Name has a CR at index 1: a value may not hold CR, LF, NUL or other control"
                + " characters (tab excepted), nor characters above U+00FF", value.getMessage());
        var name = assertThrows(IllegalArgumentException.class, () -> h.add("X-A\r\nSet-Cookie", "sid=evil"));
        assertEquals("header name \"X-A\\u000D\\u000ASet-Cookie\" has a CR at index 3: a name may hold only letters,"
                + " digits and !#$%&'*+-.^_`|~", name.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.add("X-A", null)).getMessage().contains("null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.add(null, "v")).getMessage().contains("null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.add("", "v")).getMessage().contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Name", "X:Name", "X(Name)", "X,Name", "X/Name", "X\"Name", "X@Name", "Nämé", "X\tName"})
    void namesMustBeTokens(String name) {
        ResponseHeaders h = new ResponseHeaders(4);
        assertThrows(IllegalArgumentException.class, () -> h.add(name, "v"));
        assertThrows(IllegalArgumentException.class, () -> h.set(name, "v"));
        assertThrows(IllegalArgumentException.class, () -> h.remove(name));
        assertTrue(h.isEmpty());
    }

    @Test
    void acceptsTokensTabsSpacesAndObsText() {
        ResponseHeaders h = new ResponseHeaders(4);
        h.add("!#$%&'*+-.^_`|~09azAZ", "v");
        h.add("X-Tab", "a\tb c");
        h.add("X-Latin", "caf\u00e9 \u0080\u00ff");
        h.add("X-Empty", "");
        assertEquals("a\tb c", h.get("x-tab"));
        assertEquals("caf\u00e9 \u0080\u00ff", h.get("X-LATIN"));
        assertEquals(4, h.size());
    }

    @Test
    void everyWriteThrowsOnceLockedAndAReusedListIsEmptyAndWritable() {
        ResponseHeaders h = new ResponseHeaders(4);
        h.add("Vary", "Accept");
        h.lock();
        List<Consumer<ResponseHeaders>> writes = List.of(x -> x.add("A", "1"), x -> x.set("A", "1"),
                x -> x.remove("Vary"), ResponseHeaders::clear);
        for (Consumer<ResponseHeaders> write : writes) {
            assertThrows(IllegalStateException.class, () -> write.accept(h));
        }
        assertEquals("Accept", h.get("Vary"));
        h.reuse();
        assertTrue(h.isEmpty());
        h.add("Vary", "Origin");
        assertEquals("Origin", h.get("vary"));
    }
}
