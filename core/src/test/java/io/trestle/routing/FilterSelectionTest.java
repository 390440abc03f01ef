package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.trestle.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSelectionTest {

    /** A filter that knows its name, so selections read well in assertions. */
    private record Named(String name, String path, int order) implements Filter {
        Named(String name) {
            this(name, "/{path...}", 0);
        }

        @Override
        public void filter(io.trestle.Request req, io.trestle.Response res, Chain chain) {
        }
    }

    private static String names(Filter[] filters) {
        StringBuilder sb = new StringBuilder();
        for (Filter f : filters) {
            sb.append(sb.isEmpty() ? "" : " ").append(((Named) f).name());
        }
        return sb.toString();
    }

    @Test
    void filtersRunByOrderThenRegistration() {
        RouteTable table = Tables.build(new RouteCollector()
                .filter("/{p...}", 5, new Named("a"))
                .filter("/{p...}", -1, new Named("b"))
                .filter("/{p...}", 5, new Named("c"))
                .filter("/{p...}", 0, new Named("d"))
                .filter("/{p...}", Integer.MIN_VALUE, new Named("e")));
        assertEquals("e b d a c", names(table.filtersFor("/anything")));
        assertEquals(List.of(Integer.MIN_VALUE, -1, 0, 5, 5), table.filters().stream().map(FilterEntry::order).toList());
    }

    @Test
    void aFilterRegisteredByItselfUsesItsOwnPathAndOrder() {
        RouteTable table = Tables.build(new RouteCollector().source("auth.jar")
                .filter(new Named("late", "/{p...}", 10))
                .filter(new Named("admin", "/admin/{rest...}", 1)));
        assertEquals("admin late", names(table.filtersFor("/admin/users")));
        assertEquals("late", names(table.filtersFor("/public")));
        FilterEntry admin = table.filters().getFirst();
        assertEquals("/admin/{rest...}", admin.pattern());
        assertEquals(new Origin(Named.class.getName(), "auth.jar"), admin.origin());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /                  | all
            /admin             | all admin
            /admin/users/1     | all admin
            /administrator     | all
            /api/items         | all api
            /api/items/3       | all item
            /api/              | all
            /api/items/        | all
            """)
    void onlyFiltersWhosePatternMatchesAreSelected(String path, String expected) {
        RouteTable table = Tables.build(new RouteCollector()
                .filter(new Named("all"))
                .filter("/admin/{rest...}", 0, new Named("admin"))
                .filter("/api/{x}", 0, new Named("api"))
                .filter("/api/items/{id}", 0, new Named("item")));
        assertEquals(expected, names(table.filtersFor(path)));
    }

    @Test
    void filtersForEveryPathAreOneSharedArray() {
        RouteTable table = Tables.build(new RouteCollector().filter(new Named("a")).filter("/{rest...}", 1, new Named("b")));
        Filter[] first = table.filtersFor("/x");
        assertSame(first, table.filtersFor("/y/z"));
        assertEquals("a b", names(first));
        assertEquals(0, table.filtersFor("*").length, "an asterisk-form target is no path");
    }

    @Test
    void whenNoFilterMatchesTheEmptyArrayIsShared() {
        RouteTable table = Tables.build(new RouteCollector().filter("/admin/{r...}", 0, new Named("admin")));
        Filter[] none = table.filtersFor("/public");
        assertEquals(0, none.length);
        assertSame(none, table.filtersFor("/other"));
        assertSame(none, Tables.of().filtersFor("/x"));
    }

    @Test
    void whenAllFiltersMatchTheSharedArrayIsReturnedAndAPartialMatchIsFresh() {
        Named admin = new Named("admin");
        Named adminApi = new Named("adminApi");
        RouteTable table = Tables.build(new RouteCollector()
                .filter("/admin/{r...}", 0, admin).filter("/admin/api/{r...}", 0, adminApi));
        assertSame(table.filtersFor("/admin/api/x"), table.filtersFor("/admin/api/y"));
        assertArrayEquals(new Filter[] {admin}, table.filtersFor("/admin/page"));
    }

    @Test
    void filtersMatchDecodedPaths() {
        RouteTable table = Tables.build(new RouteCollector().filter("/ü/{x}", 0, new Named("u")));
        assertEquals("u", names(table.filtersFor("/ü/a b")));
        assertEquals("", names(table.filtersFor("/u/a")));
    }
}
