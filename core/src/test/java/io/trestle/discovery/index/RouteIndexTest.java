package io.trestle.discovery.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index file format: what is read, what is refused. */
class RouteIndexTest {

    @Test
    void formatAndParseRoundTrip() throws RouteIndex.MalformedException {
        RouteIndex index = RouteIndex.of(List.of(
                new RouteIndex.Entry("com.acme.B", RouteIndex.Kind.ABSTRACT, false, true, true, "java.lang.Object"),
                new RouteIndex.Entry("com.acme.A$1", RouteIndex.Kind.CLASS, true, false, false, null)));
        RouteIndex read = RouteIndex.parse(index.format());
        assertEquals(List.copyOf(index.entries()), List.copyOf(read.entries()));
        assertEquals("com.acme.A$1", read.entries().iterator().next().name(), "sorted by name");
    }

    @Test
    void filesConcatenatedByAShadeTransformerAreOneIndex() throws RouteIndex.MalformedException {
        String first = "# trestle-route-index 1\ncom.a.X class a java.lang.Object\n";
        String second = "# trestle-route-index 1\ncom.b.Y class - java.lang.Object\ncom.a.X class a java.lang.Object\n";
        RouteIndex both = RouteIndex.parse(first + "\n" + second);
        assertTrue(both.get("com.a.X").onType());
        assertEquals("java.lang.Object", both.get("com.b.Y").superclass());
        assertNull(both.get("com.c.Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "com.a.X class a java.lang.Object\n",                                        // no header
        "# trestle-route-index 2\ncom.a.X class a java.lang.Object\n",              // unknown version
        "# trestle-route-index 1\ncom.a.X class a\n",                                // too few fields
        "# trestle-route-index 1\ncom.a.X klass a java.lang.Object\n",              // unknown kind
        "# trestle-route-index 1\ncom.a.X class ax java.lang.Object\n",             // unknown flag
        "# trestle-route-index 1\ncom/a/X class a java.lang.Object\n",              // not a binary name
        "# trestle-route-index 1\ncom.a.X class a -\ncom.a.X class - -\n",          // listed twice, differently
        "# trestle-route-index 1\n\u0000\u0001 class a -\n",                        // binary junk
    })
    void malformedFilesAreRefusedWithAReason(String text) {
        RouteIndex.MalformedException e = assertThrows(RouteIndex.MalformedException.class, () -> RouteIndex.parse(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}
