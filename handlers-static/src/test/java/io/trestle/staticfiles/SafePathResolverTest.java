package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.HttpException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathResolverTest {

    static Stream<Arguments> goodPaths() {
        return Stream.of(
                Arguments.of("/", List.of(), true),
                Arguments.of("/index.html", List.of("index.html"), false),
                Arguments.of("/css/site.css", List.of("css", "site.css"), false),
                Arguments.of("/docs/", List.of("docs"), true),
                Arguments.of("/a%20b.txt", List.of("a b.txt"), false),
                Arguments.of("/%C3%A9t%C3%A9.txt", List.of("été.txt"), false),
                Arguments.of("/%E2%82%AC/%F0%9F%98%80", List.of("€", "\uD83D\uDE00"), false),
                Arguments.of("//etc/passwd", List.of("etc", "passwd"), false),
                Arguments.of("/a//b", List.of("a", "b"), false),
                Arguments.of("/./a/./b", List.of("a", "b"), false),
                Arguments.of("/%252e%252e/x", List.of("%2e%2e", "x"), false),
                Arguments.of("/a+b", List.of("a+b"), false),
                Arguments.of("/a;b.txt", List.of("a;b.txt"), false),
                Arguments.of("/.well-known/security.txt", List.of(".well-known", "security.txt"), false),
                Arguments.of("/.well-known/", List.of(".well-known"), true),
                Arguments.of("/a...", List.of("a..."), false));
    }

    @ParameterizedTest
    @MethodSource("goodPaths")
    void decodesAndSplitsSafePaths(String raw, List<String> segments, boolean trailingSlash) {
        RequestPath path = SafePathResolver.parse(raw);
        assertEquals(segments, path.segments());
        assertEquals(trailingSlash, path.trailingSlash());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../x", "/a/../../x", "/..", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/%2e./x",
        "/%2e%2e%2fx", "/..%2fx", "/a%2f..%2f..%2fx", "/%2fetc%2fpasswd",
        "/..%5cx", "/%5c..%5cx", "/..\\x", "/a\\b", "/%5C",
        "/%00", "/a.txt%00.html", "/a%0d%0aSet-Cookie:x", "/a%09b", "/a%7f", "/a\u0001",
        "/..;/x", "/..;jsessionid=1/x", "/a/..;/..;/x", "/.;/x",
        "/%", "/%2", "/%zz", "/%g0", "/a%2",
        "/%c3", "/%ff", "/%c0%ae%c0%ae/x", "/%e0%80%af", "/%C2%85",
        "/é", "relative", ""})
    void refusesTraversalAndMalformedPathsWith400(String raw) {
        HttpException e = assertThrows(HttpException.class, () -> SafePathResolver.parse(raw));
        assertEquals(400, e.status(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/a/.htpasswd", "/.well-known/.secret",
        "/a/.well-known/x", "/...", "/.hidden/", "/%2egit/config"})
    void hidesDotFilesWith404(String raw) {
        HttpException e = assertThrows(HttpException.class, () -> SafePathResolver.parse(raw));
        assertEquals(404, e.status(), raw);
    }

    @Test
    void reEncodesForRedirects() {
        RequestPath path = SafePathResolver.parse("/a%20b/%C3%A9/%3Cx%3E");
        assertEquals("/a%20b/%C3%A9/%3Cx%3E/", path.encoded(true));
        assertEquals("/", SafePathResolver.parse("/").encoded(true));
        assertEquals("/a/b", SafePathResolver.parse("//a//b").encoded(false));
    }
}
