package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.HttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathDecoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/|/",
        "/a/b/c|/a/b/c",
        "/a/./b|/a/b",
        "/a/b/../c|/a/c",
        "/a/b/..|/a/",
        "/a/b/.|/a/b/",
        "/.|/",
        "/a/..|/",
        "/./a|/a",
        "/a//../b|/a/b",
        "/a/.//b|/a//b",
        "/a/b/c/../../d|/a/d",
        "/caf%C3%A9|/café",
        "/a%20b|/a b",
        "/%E2%82%AC/%F0%9F%98%80|/€/😀",
        "/a+b|/a+b",
        "/100%25|/100%",
        "/%252e%252e/x|/%2e%2e/x",
        "/a%2eb|/a.b",
        "/...|/...",
        "/.../x|/.../x",
        "/.a/..b/c.|/.a/..b/c.",
        "/a;b/c;d=1|/a;b/c;d=1",
        "/..;/x|/..;/x",
        "/a/..;/b|/a/..;/b",
        "/%3B|/;",
        "/a%3F%23b|/a?#b",
        "/x/%41%42|/x/AB",
        "/a/./%41/../b|/a/b",
        "//double|//double",
    })
    void decodesAndNormalizes(String raw, String expected) {
        assertEquals(expected, PathDecoder.decode(raw));
    }

    @Test
    void emptyPathIsRoot() {
        assertEquals("/", PathDecoder.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/a/b/c.txt", "/.well-known/x", "/a..b/..c", "/api/v1/users;jsessionid=1"})
    void returnsTheSameInstanceWhenNothingToDo(String raw) {
        assertSame(raw, PathDecoder.decode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../x", "/..", "/a/../../x", "/a/b/../../..", "/./..",
        "/%2e%2e/x", "/%2E%2E/x", "/%2e%2E", "/.%2e/x", "/%2e./x", "/%2e/x", "/a/%2E", "/a/%2e%2e",
        "/%2e%2e%2fx", "/..%2fx", "/a%2Fb", "/a%2fb", "/..%5cx", "/a%5Cb", "/a%5cb",
        "/%00", "/a.txt%00.html", "/a%0Ab", "/a%0d%0a", "/%1F", "/%7F", "/%09",
        "/%", "/%2", "/%zz", "/%2g", "/a%", "/a%%41", "/%-1",
        "/%C3", "/%C3%28", "/%80", "/%C0%AF", "/%C0%AE%C0%AE/x", "/%E0%80%AF", "/%ED%A0%80", "/%F4%90%80%80", "/%FF",
        "relative", "*",
    })
    void refusesAmbiguousOrMalformedPaths(String raw) {
        HttpException e = assertThrows(HttpException.class, () -> PathDecoder.decode(raw));
        assertEquals(400, e.status(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\\b", "/a\u0000b", "/a\nb", "/a%41/\u007f"})
    void refusesLiteralControlsAndBackslashesTheParserShouldHaveStopped(String raw) {
        assertEquals(400, assertThrows(HttpException.class, () -> PathDecoder.decode(raw)).status());
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertEquals("an encoded '/' (%2F) in the path is ambiguous",
                assertThrows(HttpException.class, () -> PathDecoder.decode("/..%2fx")).getMessage());
        assertEquals("an encoded dot-segment in the path is ambiguous",
                assertThrows(HttpException.class, () -> PathDecoder.decode("/%2e%2e/x")).getMessage());
        assertEquals("the path climbs above the root",
                assertThrows(HttpException.class, () -> PathDecoder.decode("/a/../../x")).getMessage());
        assertEquals("malformed percent-escape in path",
                assertThrows(HttpException.class, () -> PathDecoder.decode("/%zz")).getMessage());
        assertEquals("invalid UTF-8 in path",
                assertThrows(HttpException.class, () -> PathDecoder.decode("/%C0%AF")).getMessage());
    }

    @Test
    void decodesExactlyOnce() {
        String once = PathDecoder.decode("/%2541");
        assertEquals("/%41", once);
        assertEquals("/A", PathDecoder.decode(once));
    }
}
