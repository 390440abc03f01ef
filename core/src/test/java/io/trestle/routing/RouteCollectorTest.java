package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteCollectorTest {

    public static final class HelloA implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }
    }

    public static final class HelloB implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }
    }

    @Test
    void twoHandlersOnOneMethodAndPatternConflictNamingBothAndTheirJars() {
        RouteCollector c = new RouteCollector();
        c.source("a.jar").get("/hello/{name}", new HelloA());
        c.source("b.jar").get("/hello/{name}", new HelloB());
        RouteConflictException e = assertThrows(RouteConflictException.class, c::build);
        assertEquals("GET /hello/{} is claimed by " + HelloA.class.getName() + " (a.jar) and "
                + HelloB.class.getName() + " (b.jar)", e.getMessage());
    }

    @Test
    void patternsDifferingOnlyInParameterNamesConflict() {
        RouteCollector c = new RouteCollector().get("/hello/{name}", new HelloA()).get("/hello/{who}", new HelloB());
        RouteConflictException e = assertThrows(RouteConflictException.class, c::build);
        assertTrue(e.getMessage().startsWith("GET /hello/{} is claimed by"), e.getMessage());
    }

    @Test
    void everyConflictIsReportedAtOnce() {
        RouteCollector c = new RouteCollector()
                .get("/a", new HelloA()).get("/a", new HelloB())
                .add(Set.of(Method.PUT), "/b/{x...}", new HelloA(), -1).add(Set.of(Method.PUT), "/b/{y...}", new HelloB(), -1);
        String message = assertThrows(RouteConflictException.class, c::build).getMessage();
        assertEquals(2, message.lines().count(), message);
        assertTrue(message.contains("GET /a is claimed by"), message);
        assertTrue(message.contains("PUT /b/{...} is claimed by"), message);
    }

    @Test
    void differentMethodsOnOnePatternDoNotConflict() {
        RouteTable table = Tables.build(new RouteCollector().get("/a", new HelloA()).post("/a", new HelloB()));
        assertEquals(2, table.routes().size());
    }

    @Test
    void theSameInstanceRegisteredTwiceIsKeptOnce() {
        Handler h = (req, res) -> { };
        RouteCollector c = new RouteCollector().get("/a", h);
        c.source("other.jar").get("/a", h);
        assertEquals(1, Tables.build(c).routes().size());
    }

    @Test
    void theSameClassFromTheSameSourceIsKeptOnce() {
        RouteCollector c = new RouteCollector().source("classpath");
        c.get("/a", new HelloA()).get("/a", new HelloA());
        RouteTable table = Tables.build(c);
        assertEquals(1, table.routes().size());
        assertEquals(new Origin(HelloA.class.getName(), "classpath"), table.routes().getFirst().origin());
    }

    @Test
    void theSameClassFromTwoSourcesConflicts() {
        RouteCollector c = new RouteCollector();
        c.source("one.jar").get("/a", new HelloA());
        c.source("two.jar").get("/a", new HelloA());
        String message = assertThrows(RouteConflictException.class, c::build).getMessage();
        assertTrue(message.contains("(one.jar) and " + HelloA.class.getName() + " (two.jar)"), message);
    }

    @Test
    void twoDifferentLambdasConflict() {
        RouteCollector c = new RouteCollector().get("/a", (req, res) -> { }).get("/a", (req, res) -> res.text("x"));
        assertThrows(RouteConflictException.class, c::build);
    }

    @Test
    void originNamesTheHandlerClassAndDefaultsToCode() {
        RouteTable table = Tables.build(new RouteCollector().get("/lambda", (req, res) -> { }).get("/class", new HelloA()));
        Origin lambda = table.match(Method.GET, "/lambda").route().origin();
        assertEquals(Origin.CODE, lambda.source());
        assertEquals("lambda in " + RouteCollectorTest.class.getName(), lambda.name());
        assertEquals(HelloA.class.getName(), table.match(Method.GET, "/class").route().origin().name());
    }

    @Test
    void routesAreListedByCanonicalPatternThenMethod() {
        RouteTable table = Tables.of("POST /b", "GET /b", "DELETE /a/{id}", "GET /a/{id}", "GET /a", "PUT /{x...}");
        List<String> listed = table.routes().stream().map(r -> r.method() + " " + r.pattern()).toList();
        assertEquals(List.of("GET /a", "GET /a/{id}", "DELETE /a/{id}", "GET /b", "POST /b", "PUT /{x...}"), listed);
        assertThrows(UnsupportedOperationException.class, () -> table.routes().clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "/a//b", "/{}", "/{x...}/y", "/{x}/{x}", "/a{b}"})
    void badPatternsAreRejectedAtRegistration(String path) {
        RouteCollector c = new RouteCollector();
        assertThrows(IllegalArgumentException.class, () -> c.get(path, Tables.NOOP));
        assertThrows(IllegalArgumentException.class, () -> c.filter(path, 0, (req, res, chain) -> { }));
        assertEquals(0, Tables.build(c).routes().size(), "nothing half-registered");
    }

    @Test
    void registrationChecksItsArguments() {
        RouteCollector c = new RouteCollector();
        assertThrows(NullPointerException.class, () -> c.get("/a", null));
        assertThrows(IllegalArgumentException.class, () -> c.add(Set.of(), "/a", Tables.NOOP, -1));
        assertThrows(IllegalArgumentException.class, () -> c.add(null, "/a", Tables.NOOP, -1));
        Set<Method> withNull = new HashSet<>();
        withNull.add(Method.GET);
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> c.add(withNull, "/a", Tables.NOOP, -1));
        assertThrows(IllegalArgumentException.class, () -> c.add(Set.of(Method.PUT), "/a", Tables.NOOP, -2));
        assertThrows(IllegalArgumentException.class, () -> c.source(" "));
        assertThrows(NullPointerException.class, () -> c.filter("/a", 0, null));
        assertThrows(NullPointerException.class, () -> c.exception(RuntimeException.class, null));
        assertThrows(NullPointerException.class, () -> c.annotated(null));
        assertEquals(0, Tables.build(c).routes().size(), "nothing half-registered");
        assertDoesNotThrow(() -> c.add(Set.of(Method.PUT), "/a", Tables.NOOP, 0));
        assertDoesNotThrow(() -> c.add(Set.of(Method.POST), "/a", Tables.NOOP, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 200, 302, 399, 600, 1000})
    void errorPagesAreOnlyForErrorStatuses(int status) {
        assertThrows(IllegalArgumentException.class, () -> new RouteCollector().errorPage(status, Tables.NOOP));
    }

    @Test
    void errorPagesAreLookedUpByStatusAndTheLastRegistrationWins() {
        Handler notFound = (req, res) -> { };
        Handler first500 = (req, res) -> { };
        Handler last500 = (req, res) -> { };
        RouteTable table = Tables.build(new RouteCollector().errorPage(404, notFound).errorPage(599, first500)
                .errorPage(599, last500).errorPage(400, first500));
        assertSame(notFound, table.errorPage(404));
        assertSame(last500, table.errorPage(599));
        assertSame(first500, table.errorPage(400));
        assertNull(table.errorPage(405));
        assertNull(table.errorPage(200));
        assertNull(table.errorPage(600));
        assertNull(table.errorPage(-1));
    }

    @Test
    void aBuiltTableIsASnapshot() {
        RouteCollector c = new RouteCollector().get("/a", Tables.NOOP);
        RouteTable before = Tables.build(c);
        c.get("/b", Tables.NOOP);
        RouteTable after = Tables.build(c);
        assertEquals(1, before.routes().size());
        assertEquals(2, after.routes().size());
        assertSame(RouteMatch.NOT_FOUND, before.match(Method.GET, "/b"));
        assertNotSame(before, after);
    }
}
