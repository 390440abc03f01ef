package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.trestle.Method;
import io.trestle.routing.RouteMatch.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which pattern wins for a path: literal > parameter > rest, segment by segment, with backtracking. */
class RouteMatchingTest {

    private static final List<String> USERS = List.of(
            "/users/new", "/users/{id}", "/users/{id}/posts", "/users/{path...}", "/{any...}");
    private static final List<String> BACKTRACK = List.of("/a/{x}/c", "/{p}/b/d");
    private static final List<String> DEEP_BACKTRACK = List.of("/a/b/{x}/z", "/a/{y}/c/d", "/{p}/{q}/c/{r...}");
    private static final List<String> LEFT_FIRST = List.of("/{x}/b", "/a/{y}");
    private static final List<String> PARAM_OR_REST = List.of("/a/{x}", "/a/{r...}");
    private static final List<String> SLASHES = List.of("/a", "/a/", "/");
    private static final List<String> STRICT = List.of("/a", "/b/");
    private static final List<String> ROOT_REST = List.of("/{path...}");
    private static final List<String> DECODED = List.of("/ü", "/files/{name}", "/100%", "/a b/{x}", "/日本/{x...}");
    private static final List<String> PREFIXES = List.of("/ab", "/abc", "/About");
    private static final List<String> STATIC = List.of("/static/{path...}", "/static/index.html");

    static Stream<Arguments> precedence() {
        return Stream.of(
                row(USERS, "/users/new", "/users/new"),
                row(USERS, "/users/42", "/users/{id}", "id", "42"),
                row(USERS, "/users/42/posts", "/users/{id}/posts", "id", "42"),
                row(USERS, "/users/new/posts", "/users/{id}/posts", "id", "new"),
                row(USERS, "/users/42/comments", "/users/{path...}", "path", "42/comments"),
                row(USERS, "/users", "/users/{path...}", "path", ""),
                row(USERS, "/users/", "/users/{path...}", "path", ""),
                row(USERS, "/users//x", "/users/{path...}", "path", "/x"),
                row(USERS, "/other", "/{any...}", "any", "other"),
                row(USERS, "/", "/{any...}", "any", ""),
                row(USERS, "/Users/42", "/{any...}", "any", "Users/42"),
                row(BACKTRACK, "/a/b/d", "/{p}/b/d", "p", "a"),
                row(BACKTRACK, "/a/b/c", "/a/{x}/c", "x", "b"),
                row(BACKTRACK, "/x/b/d", "/{p}/b/d", "p", "x"),
                row(BACKTRACK, "/a/b", null),
                row(BACKTRACK, "/a/b/e", null),
                row(DEEP_BACKTRACK, "/a/b/c/d", "/a/{y}/c/d", "y", "b"),
                row(DEEP_BACKTRACK, "/a/b/q/z", "/a/b/{x}/z", "x", "q"),
                row(DEEP_BACKTRACK, "/a/b/c/e/f", "/{p}/{q}/c/{r...}", "p", "a", "q", "b", "r", "e/f"),
                row(DEEP_BACKTRACK, "/a/b/c", "/{p}/{q}/c/{r...}", "p", "a", "q", "b", "r", ""),
                row(LEFT_FIRST, "/a/b", "/a/{y}", "y", "b"),
                row(LEFT_FIRST, "/z/b", "/{x}/b", "x", "z"),
                row(PARAM_OR_REST, "/a/b", "/a/{x}", "x", "b"),
                row(PARAM_OR_REST, "/a/b/c", "/a/{r...}", "r", "b/c"),
                row(PARAM_OR_REST, "/a", "/a/{r...}", "r", ""),
                row(PARAM_OR_REST, "/a/", "/a/{r...}", "r", ""),
                row(SLASHES, "/a", "/a"),
                row(SLASHES, "/a/", "/a/"),
                row(SLASHES, "/", "/"),
                row(SLASHES, "//", null),
                row(SLASHES, "/a//", null),
                row(STRICT, "/a/", null),
                row(STRICT, "/b", null),
                row(STRICT, "/b/", "/b/"),
                row(ROOT_REST, "//", "/{path...}", "path", "/"),
                row(ROOT_REST, "/a/b/c/d/e/f/g", "/{path...}", "path", "a/b/c/d/e/f/g"),
                row(ROOT_REST, "", null),
                row(ROOT_REST, "*", null),
                row(ROOT_REST, "a/b", null),
                row(DECODED, "/ü", "/ü"),
                row(DECODED, "/files/a b", "/files/{name}", "name", "a b"),
                row(DECODED, "/files/ü.txt", "/files/{name}", "name", "ü.txt"),
                row(DECODED, "/files/50%", "/files/{name}", "name", "50%"),
                row(DECODED, "/100%", "/100%"),
                row(DECODED, "/100%25", null),
                row(DECODED, "/a b/c d", "/a b/{x}", "x", "c d"),
                row(DECODED, "/日本/東京/駅", "/日本/{x...}", "x", "東京/駅"),
                row(DECODED, "/u", null),
                row(PREFIXES, "/abc", "/abc"),
                row(PREFIXES, "/ab", "/ab"),
                row(PREFIXES, "/a", null),
                row(PREFIXES, "/abcd", null),
                row(PREFIXES, "/about", null),
                row(STATIC, "/static/index.html", "/static/index.html"),
                row(STATIC, "/static/css/site.css", "/static/{path...}", "path", "css/site.css"),
                row(STATIC, "/static/a/b/c/d/e.css", "/static/{path...}", "path", "a/b/c/d/e.css"),
                row(STATIC, "/static", "/static/{path...}", "path", ""));
    }

    /** @param expected the winning pattern, or null for no match; then name, value pairs */
    private static Arguments row(List<String> patterns, String path, String expected, String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return Arguments.of(patterns, path, expected, map);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2} {3}")
    @MethodSource("precedence")
    void mostSpecificPatternWins(List<String> patterns, String path, String expected, Map<String, String> params) {
        List<String> routes = new ArrayList<>();
        patterns.forEach(p -> routes.add("GET " + p));
        RouteMatch match = Tables.of(routes.toArray(String[]::new)).match(Method.GET, path);
        if (expected == null) {
            assertSame(RouteMatch.NOT_FOUND, match);
            return;
        }
        assertEquals(Kind.FOUND, match.kind(), match::toString);
        assertEquals(expected, match.pattern());
        assertEquals(expected, match.route().pattern());
        assertEquals(params, match.params());
        params.forEach((name, value) -> assertEquals(value, match.param(name)));
    }

    @Test
    void registrationOrderDoesNotChangeTheWinner() {
        List<String> reversed = new ArrayList<>(USERS.reversed());
        RouteTable a = Tables.of(USERS.stream().map(p -> "GET " + p).toArray(String[]::new));
        RouteTable b = Tables.of(reversed.stream().map(p -> "GET " + p).toArray(String[]::new));
        for (String path : List.of("/users/new", "/users/7", "/users/7/posts", "/users/7/x", "/x")) {
            assertEquals(a.match(Method.GET, path).pattern(), b.match(Method.GET, path).pattern(), path);
        }
    }

    @Test
    void manyLiteralSiblingsIncludingHashCollisionsAllResolve() {
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            routes.add("GET /r" + i + "/x");
        }
        routes.add("GET /Aa"); // "Aa" and "BB" have the same String hash code
        routes.add("GET /BB");
        RouteTable table = Tables.of(routes.toArray(String[]::new));
        for (int i = 0; i < 300; i++) {
            assertEquals("/r" + i + "/x", table.match(Method.GET, "/r" + i + "/x").pattern());
        }
        assertEquals("/Aa", table.match(Method.GET, "/Aa").pattern());
        assertEquals("/BB", table.match(Method.GET, "/BB").pattern());
        assertSame(RouteMatch.NOT_FOUND, table.match(Method.GET, "/r300/x"));
        assertSame(RouteMatch.NOT_FOUND, table.match(Method.GET, "/C#"));
    }

    @Test
    void aVeryDeepPathAgainstShallowPatternsIsCheap() {
        RouteTable table = Tables.of("GET /a/{x}", "GET /{p...}");
        String deep = "/a".repeat(4000);
        assertEquals("a/".repeat(3999) + "a", table.match(Method.GET, deep).param("p"));
        assertSame(RouteMatch.NOT_FOUND, Tables.of("GET /a/{x}").match(Method.GET, "/".repeat(8000)));
    }

    @Test
    void emptyTableFindsNothing() {
        assertSame(RouteMatch.NOT_FOUND, RouteTable.empty().match(Method.GET, "/"));
        assertEquals(0, RouteTable.empty().routes().size());
        assertEquals(0, RouteTable.empty().filtersFor("/").length);
    }

    @Test
    void notFoundCarriesNothing() {
        RouteMatch m = Tables.of("GET /a").match(Method.GET, "/b");
        assertEquals(Kind.NOT_FOUND, m.kind());
        assertNull(m.route());
        assertNull(m.allow());
        assertNull(m.pattern());
        assertNull(m.param("x"));
        assertEquals(Map.of(), m.params());
    }
}
