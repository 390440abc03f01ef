package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.trestle.ExceptionMapper;
import io.trestle.HttpException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExceptionMapperLookupTest {
    private static final ExceptionMapper<RuntimeException> RUNTIME = (e, req, res) -> { };
    private static final ExceptionMapper<IllegalArgumentException> ILLEGAL_ARGUMENT = (e, req, res) -> { };
    private static final ExceptionMapper<IOException> IO = (e, req, res) -> { };
    private static final ExceptionMapper<Throwable> ANY = (e, req, res) -> { };

    private static final RouteTable TABLE = Tables.build(new RouteCollector()
            .exception(RuntimeException.class, RUNTIME)
            .exception(IllegalArgumentException.class, ILLEGAL_ARGUMENT)
            .exception(IOException.class, IO));

    static Stream<Arguments> closestType() {
        return Stream.of(
                Arguments.of(RuntimeException.class, RUNTIME),
                Arguments.of(IllegalArgumentException.class, ILLEGAL_ARGUMENT),
                Arguments.of(NumberFormatException.class, ILLEGAL_ARGUMENT),
                Arguments.of(IllegalStateException.class, RUNTIME),
                Arguments.of(NoSuchElementException.class, RUNTIME),
                Arguments.of(HttpException.class, RUNTIME),
                Arguments.of(UncheckedIOException.class, RUNTIME),
                Arguments.of(IOException.class, IO),
                Arguments.of(FileNotFoundException.class, IO),
                Arguments.of(Exception.class, null),
                Arguments.of(InterruptedException.class, null),
                Arguments.of(StackOverflowError.class, null));
    }

    @ParameterizedTest
    @MethodSource("closestType")
    void theClosestRegisteredSupertypeWins(Class<? extends Throwable> thrown, ExceptionMapper<?> expected) {
        assertSame(expected, TABLE.exceptionMapper(thrown));
        assertSame(expected, TABLE.exceptionMapper(thrown), "the cached answer is the same");
    }

    @Test
    void aThrowableMapperCatchesEverythingElse() {
        RouteTable table = Tables.build(new RouteCollector().exception(Throwable.class, ANY).exception(IOException.class, IO));
        assertSame(ANY, table.exceptionMapper(StackOverflowError.class));
        assertSame(ANY, table.exceptionMapper(RuntimeException.class));
        assertSame(IO, table.exceptionMapper(FileNotFoundException.class));
    }

    @Test
    void theLastMapperForATypeReplacesEarlierOnes() {
        ExceptionMapper<RuntimeException> second = (e, req, res) -> { };
        RouteTable table = Tables.build(new RouteCollector().exception(RuntimeException.class, RUNTIME)
                .exception(RuntimeException.class, second));
        assertSame(second, table.exceptionMapper(IllegalStateException.class));
    }

    @Test
    void noMappersMeansNull() {
        assertNull(Tables.of().exceptionMapper(RuntimeException.class));
        assertNull(TABLE.exceptionMapper(null));
    }
}
