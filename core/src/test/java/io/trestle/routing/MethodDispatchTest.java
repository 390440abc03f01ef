package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.routing.RouteMatch.Kind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The pattern is chosen first, then the method: 405 with Allow, HEAD by GET, automatic OPTIONS. */
class MethodDispatchTest {

    @Test
    void aMoreSpecificPatternWithoutTheMethodIs405NotAFallThrough() {
        RouteTable table = Tables.of("POST /api/login", "GET /{path...}");
        RouteMatch m = table.match(Method.GET, "/api/login");
        assertEquals(Kind.METHOD_NOT_ALLOWED, m.kind());
        assertEquals("POST, OPTIONS", m.allow());
        assertNull(m.route());
        assertEquals("/api/login", m.pattern());
        assertEquals(Kind.FOUND, table.match(Method.GET, "/api/other").kind());
        assertEquals(Kind.FOUND, table.match(Method.POST, "/api/login").kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            GET                          | GET, HEAD, OPTIONS
            POST                         | POST, OPTIONS
            HEAD                         | HEAD, OPTIONS
            OPTIONS                      | OPTIONS
            DELETE PUT GET               | GET, HEAD, PUT, DELETE, OPTIONS
            PATCH POST HEAD GET          | GET, HEAD, POST, PATCH, OPTIONS
            TRACE CONNECT OPTIONS DELETE | DELETE, OPTIONS
            """)
    void allowListsMethodsInEnumOrderWithHeadForGetAndAlwaysOptions(String methods, String allow) {
        RouteCollector c = new RouteCollector();
        Set<Method> set = EnumSet.noneOf(Method.class);
        for (String m : methods.split(" ")) {
            set.add(Method.valueOf(m));
        }
        c.add(set, "/x", Tables.NOOP, -1);
        RouteTable table = Tables.build(c);
        Method missing = EnumSet.complementOf(EnumSet.copyOf(set)).stream()
                .filter(m -> m != Method.HEAD && m != Method.OPTIONS).findFirst().orElseThrow();
        RouteMatch m = table.match(missing, "/x");
        assertEquals(Kind.METHOD_NOT_ALLOWED, m.kind());
        assertEquals(allow, m.allow());
    }

    @Test
    void headIsServedByTheGetRoute() {
        Handler get = (req, res) -> { };
        RouteTable table = Tables.build(new RouteCollector().get("/users/{id}", get));
        RouteMatch m = table.match(Method.HEAD, "/users/7");
        assertEquals(Kind.FOUND, m.kind());
        assertSame(get, m.route().handler());
        assertEquals(Method.GET, m.route().method());
        assertEquals("7", m.param("id"));
        assertNull(m.allow());
    }

    @Test
    void anExplicitHeadRouteWins() {
        Handler get = (req, res) -> { };
        Handler head = (req, res) -> { };
        RouteTable table = Tables.build(new RouteCollector().add(Set.of(Method.GET), "/a", get, -1)
                .add(Set.of(Method.HEAD), "/a", head, -1));
        assertSame(head, table.match(Method.HEAD, "/a").route().handler());
        assertEquals(Method.HEAD, table.match(Method.HEAD, "/a").route().method());
        assertSame(get, table.match(Method.GET, "/a").route().handler());
    }

    @Test
    void headWithoutGetOrHeadIs405() {
        RouteMatch m = Tables.of("POST /a").match(Method.HEAD, "/a");
        assertEquals(Kind.METHOD_NOT_ALLOWED, m.kind());
        assertEquals("POST, OPTIONS", m.allow());
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        RouteMatch m = Tables.of("GET /items/{id}", "DELETE /items/{id}").match(Method.OPTIONS, "/items/3");
        assertEquals(Kind.OPTIONS, m.kind());
        assertEquals("GET, HEAD, DELETE, OPTIONS", m.allow());
        assertNull(m.route());
        assertEquals("3", m.param("id"));
    }

    @Test
    void anExplicitOptionsRouteWins() {
        Handler options = (req, res) -> { };
        RouteTable table = Tables.build(new RouteCollector().get("/a", Tables.NOOP)
                .add(Set.of(Method.OPTIONS), "/a", options, -1));
        RouteMatch m = table.match(Method.OPTIONS, "/a");
        assertEquals(Kind.FOUND, m.kind());
        assertSame(options, m.route().handler());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void anUnmatchedPathIs404ForEveryMethod(Method method) {
        assertSame(RouteMatch.NOT_FOUND, Tables.of("GET /a", "POST /b/{x}").match(method, "/c"));
    }

    @Test
    void eachMethodKeepsItsOwnParameterNames() {
        RouteTable table = Tables.of("GET /users/{id}", "DELETE /users/{userId}");
        assertEquals(Map.of("id", "5"), table.match(Method.GET, "/users/5").params());
        assertEquals(Map.of("id", "5"), table.match(Method.HEAD, "/users/5").params());
        assertEquals(Map.of("userId", "5"), table.match(Method.DELETE, "/users/5").params());
        assertEquals("/users/{userId}", table.match(Method.DELETE, "/users/5").pattern());
        RouteMatch notAllowed = table.match(Method.PUT, "/users/5");
        assertEquals("5", notAllowed.param("id"), "405 carries the first registered pattern's names");
        assertEquals("GET, HEAD, DELETE, OPTIONS", notAllowed.allow());
    }

    @Test
    void paramsAreUnmodifiableAndInPatternOrder() {
        RouteMatch m = Tables.of("GET /{b}/{a}/{z...}").match(Method.GET, "/1/2/3/4");
        assertEquals("[b, a, z]", m.params().keySet().toString());
        assertEquals("3/4", m.param("z"));
        assertNull(m.param("c"));
        assertThrows(UnsupportedOperationException.class, () -> m.params().put("c", "x"));
    }

    @Test
    void routeEntryCarriesItsBodyLimit() {
        RouteTable table = Tables.build(new RouteCollector().add(Set.of(Method.PUT), "/upload", Tables.NOOP, 100L << 20)
                .get("/small", Tables.NOOP));
        assertEquals(100L << 20, table.match(Method.PUT, "/upload").route().maxBodySize());
        assertEquals(-1, table.match(Method.GET, "/small").route().maxBodySize());
    }
}
