package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import io.trestle.routing.RouteMatch.Kind;
import io.trestle.routing.fixtures.Fixtures;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotatedRoutesTest {

    @Route(path = "/hello/{name}")
    @Route(path = "/greetings", methods = {Method.POST, Method.PUT}, maxBodySize = 1024)
    public static final class Hello implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }
    }

    public static final class UsersApi {
        final List<String> calls = new java.util.ArrayList<>();
        Request lastRequest;
        Response lastResponse;

        @Route(path = "/api/users")
        public void list(Request req, Response res) {
            calls.add("list");
            lastRequest = req;
            lastResponse = res;
        }

        @Route(path = "/api/users/{id}", methods = {Method.PUT, Method.DELETE})
        @Route(path = "/api/people/{id}", methods = Method.DELETE)
        public void change(Request req, Response res) {
            calls.add("change");
        }

        @Route(path = "/api/users", methods = Method.POST, maxBodySize = 4096)
        public static void create(Request req, Response res) {
        }

        public void notARoute(Request req, Response res) {
            calls.add("notARoute");
        }
    }

    /** A handler class that also has method routes: both kinds are registered. */
    @Route(path = "/both")
    public static final class Both implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }

        @Route(path = "/both/extra")
        public void extra(Request req, Response res) {
        }
    }

    /** One {@code @Route} beside an explicit container: both count, as getAnnotationsByType has it. */
    @Route(path = "/single")
    @Route.List({@Route(path = "/listed/a"), @Route(path = "/listed/b")})
    public static final class SingleAndList implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }

        @Route(path = "/m/single")
        @Route.List(@Route(path = "/m/listed"))
        public void both(Request req, Response res) {
        }
    }

    public static class BaseApi {
        @Route(path = "/base")
        public void base(Request req, Response res) {
        }
    }

    public static final class DerivedApi extends BaseApi {
    }

    public static final class Throwing {
        static final IOException CHECKED = new IOException("disk gone");
        static final IllegalStateException UNCHECKED = new IllegalStateException("bad state");
        static final AssertionError ERROR = new AssertionError("broken");

        @Route(path = "/checked")
        public void checked(Request req, Response res) throws IOException {
            throw CHECKED;
        }

        @Route(path = "/unchecked")
        public void unchecked(Request req, Response res) {
            throw UNCHECKED;
        }

        @Route(path = "/error")
        public void error(Request req, Response res) {
            throw ERROR;
        }
    }

    public static final class ReturnsString {
        @Route(path = "/x")
        public String wrong(Request req, Response res) {
            return "";
        }
    }

    public static final class RequestOnly {
        @Route(path = "/x")
        public void wrong(Request req) {
        }
    }

    public static final class Swapped {
        @Route(path = "/x")
        public void wrong(Response res, Request req) {
        }
    }

    public static final class ExtraParameter {
        @Route(path = "/x")
        public void wrong(Request req, Response res, String extra) {
        }
    }

    public static final class PackagePrivateMethod {
        @Route(path = "/x")
        void wrong(Request req, Response res) {
        }
    }

    public static final class PrivateMethod {
        @Route(path = "/x")
        private void wrong(Request req, Response res) {
        }
    }

    public static final class BadPattern {
        @Route(path = "users/{id}")
        public void wrong(Request req, Response res) {
        }
    }

    /** Its good route must not be kept when its other one is rejected. */
    public static final class HalfBad {
        @Route(path = "/ok")
        public void good(Request req, Response res) {
        }

        @Route(path = "/a//b")
        public void wrong(Request req, Response res) {
        }
    }

    public static final class NoMethods {
        @Route(path = "/x", methods = {})
        public void wrong(Request req, Response res) {
        }
    }

    public static final class NegativeLimit {
        @Route(path = "/x", maxBodySize = -5)
        public void wrong(Request req, Response res) {
        }
    }

    @Route(path = "/x")
    public static final class NotAHandler {
    }

    public static final class NoRoutes {
        public void handle(Request req, Response res) {
        }
    }

    private static RouteTable table(Object... instances) {
        RouteCollector c = new RouteCollector().source("app.jar");
        for (Object instance : instances) {
            c.annotated(instance);
        }
        return Tables.build(c);
    }

    @Test
    void aHandlerClassIsRegisteredForEachOfItsRoutes() {
        Hello hello = new Hello();
        RouteTable table = table(hello);
        assertEquals(3, table.routes().size());
        RouteMatch get = table.match(Method.GET, "/hello/ann");
        assertSame(hello, get.route().handler());
        assertEquals("ann", get.param("name"));
        assertEquals(new Origin(Hello.class.getName(), "app.jar"), get.route().origin());
        for (Method m : List.of(Method.POST, Method.PUT)) {
            RouteEntry route = table.match(m, "/greetings").route();
            assertSame(hello, route.handler());
            assertEquals(1024, route.maxBodySize());
        }
        assertEquals(Kind.METHOD_NOT_ALLOWED, table.match(Method.GET, "/greetings").kind());
    }

    @Test
    void annotatedMethodsBecomeHandlersCallingThem() throws Exception {
        UsersApi api = new UsersApi();
        RouteTable table = table(api);
        Request req = Tables.request();
        Response res = Tables.response();
        table.match(Method.GET, "/api/users").route().handler().handle(req, res);
        assertSame(req, api.lastRequest);
        assertSame(res, api.lastResponse);
        table.match(Method.PUT, "/api/users/1").route().handler().handle(req, res);
        table.match(Method.DELETE, "/api/people/1").route().handler().handle(req, res);
        assertEquals(List.of("list", "change", "change"), api.calls);
    }

    @Test
    void methodRoutesAreNamedClassHashMethodAndCarryTheirBodyLimit() {
        RouteTable table = table(new UsersApi());
        RouteEntry list = table.match(Method.GET, "/api/users").route();
        assertEquals(new Origin(UsersApi.class.getName() + "#list", "app.jar"), list.origin());
        assertEquals(UsersApi.class.getName() + "#list", list.handler().toString());
        RouteEntry create = table.match(Method.POST, "/api/users").route();
        assertEquals(UsersApi.class.getName() + "#create", create.origin().name());
        assertEquals(4096, create.maxBodySize());
        assertEquals(-1, list.maxBodySize());
        assertEquals(5, table.routes().size(), "list, create, change x3; notARoute is not one");
    }

    @Test
    void aHandlerClassWithMethodRoutesRegistersBoth() {
        RouteTable table = table(new Both());
        assertEquals(Both.class.getName(), table.match(Method.GET, "/both").route().origin().name());
        assertEquals(Both.class.getName() + "#extra", table.match(Method.GET, "/both/extra").route().origin().name());
    }

    @Test
    void aSingleRouteAndAnExplicitContainerAreBothRead() {
        RouteTable table = table(new SingleAndList());
        for (String path : List.of("/single", "/listed/a", "/listed/b")) {
            assertEquals(SingleAndList.class.getName(), table.match(Method.GET, path).route().origin().name(), path);
        }
        for (String path : List.of("/m/single", "/m/listed")) {
            assertEquals(SingleAndList.class.getName() + "#both", table.match(Method.GET, path).route().origin().name(),
                    path);
        }
        assertEquals(5, table.routes().size());
    }

    @Test
    void inheritedRouteMethodsAreRegisteredUnderTheSubclass() {
        RouteTable table = table(new DerivedApi());
        assertEquals(DerivedApi.class.getName() + "#base", table.match(Method.GET, "/base").route().origin().name());
    }

    @Test
    void aPublicMethodOfANonPublicClassIsCallable() throws Exception {
        Object api = Fixtures.hiddenApi();
        RouteTable table = table(api);
        table.match(Method.GET, "/hidden").route().handler().handle(Tables.request(), Tables.response());
        assertEquals(1, Fixtures.calls(api));
    }

    @Test
    void exceptionsFromTheMethodPropagateUnwrapped() {
        RouteTable table = table(new Throwing());
        assertSame(Throwing.CHECKED, assertThrows(IOException.class, () -> call(table, "/checked")));
        assertSame(Throwing.UNCHECKED, assertThrows(IllegalStateException.class, () -> call(table, "/unchecked")));
        assertSame(Throwing.ERROR, assertThrows(AssertionError.class, () -> call(table, "/error")));
    }

    private static void call(RouteTable table, String path) throws Exception {
        table.match(Method.GET, path).route().handler().handle(Tables.request(), Tables.response());
    }

    @Test
    void theSameAnnotatedClassFoundTwiceIsRegisteredOnce() {
        RouteTable table = table(new UsersApi(), new UsersApi(), new Hello(), new Hello());
        assertEquals(8, table.routes().size());
    }

    @Test
    void theSameAnnotatedClassFromTwoJarsConflicts() {
        RouteCollector c = new RouteCollector();
        c.source("one.jar").annotated(new UsersApi());
        c.source("two.jar").annotated(new UsersApi());
        String message = assertThrows(RouteConflictException.class, c::build).getMessage();
        assertTrue(message.contains("GET /api/users is claimed by " + UsersApi.class.getName() + "#list (one.jar) and "
                + UsersApi.class.getName() + "#list (two.jar)"), message);
    }

    static Stream<Arguments> unfitMethods() {
        return Stream.of(
                Arguments.of(new ReturnsString(), ReturnsString.class.getName() + "#wrong"),
                Arguments.of(new RequestOnly(), RequestOnly.class.getName() + "#wrong"),
                Arguments.of(new Swapped(), Swapped.class.getName() + "#wrong"),
                Arguments.of(new ExtraParameter(), ExtraParameter.class.getName() + "#wrong"),
                Arguments.of(new PackagePrivateMethod(), PackagePrivateMethod.class.getName() + "#wrong must be public"),
                Arguments.of(new PrivateMethod(), PrivateMethod.class.getName() + "#wrong must be public"),
                Arguments.of(new BadPattern(), "users/{id}"),
                Arguments.of(new HalfBad(), "'/a//b'"),
                Arguments.of(new NoMethods(), "no methods given for /x (" + NoMethods.class.getName() + "#wrong)"),
                Arguments.of(new NegativeLimit(), "not -5"),
                Arguments.of(new NotAHandler(), NotAHandler.class.getName() + " has @Route on its class but does not implement"),
                Arguments.of(new NoRoutes(), NoRoutes.class.getName() + " has no @Route"),
                Arguments.of(new Object(), "java.lang.Object has no @Route"));
    }

    @ParameterizedTest
    @MethodSource("unfitMethods")
    void unfitAnnotationsAreRejectedNamingTheCulprit(Object instance, String expected) {
        RouteCollector c = new RouteCollector();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.annotated(instance));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(0, Tables.build(c).routes().size());
    }

    @Test
    void aLambdaHasNoRoutes() {
        Handler lambda = (req, res) -> { };
        assertThrows(IllegalArgumentException.class, () -> new RouteCollector().annotated(lambda));
    }
}
