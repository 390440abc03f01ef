package io.trestle.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.discovery.fixtures.app.AbstractApi;
import io.trestle.discovery.fixtures.app.HelloHandler;
import io.trestle.discovery.fixtures.app.UsersApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstantiatorTest {

    @Test
    void theConfigConstructorIsPreferred() throws DiscoveryException {
        Object hello = Instantiator.instantiate(HelloHandler.class, Config.of(java.util.Map.of("greeting", "hi there")));
        assertEquals("hi there", assertInstanceOf(HelloHandler.class, hello).greeting());
    }

    @Test
    void theNoArgumentConstructorIsUsedOtherwise() throws DiscoveryException {
        assertInstanceOf(UsersApi.class, Instantiator.instantiate(UsersApi.class, Config.empty()));
    }

    public static final class NoUsableConstructor {
        public NoUsableConstructor(String name) {
        }
    }

    public static final class ThrowingConstructor {
        public ThrowingConstructor() {
            throw new IllegalStateException("database is down");
        }
    }

    static final class NotPublic {
    }

    public final class Inner {
    }

    public static final class PrivateConstructor {
        private PrivateConstructor() {
        }
    }

    public static final class FailingStaticInit {
        static final int VALUE = Integer.parseInt("not a number");
    }

    static Stream<Arguments> unfit() {
        return Stream.of(
                Arguments.of(AbstractApi.class, "AbstractApi is abstract"),
                Arguments.of(Runnable.class, "java.lang.Runnable is abstract"),
                Arguments.of(NoUsableConstructor.class, "needs a public constructor taking io.trestle.Config or no arguments"),
                Arguments.of(PrivateConstructor.class, "needs a public constructor"),
                Arguments.of(ThrowingConstructor.class, "the constructor of " + ThrowingConstructor.class.getName()
                        + " failed: IllegalStateException: database is down"),
                Arguments.of(NotPublic.class, "NotPublic must be public"),
                Arguments.of(Inner.class, "Inner is an inner class; make it static"),
                Arguments.of(FailingStaticInit.class, "NumberFormatException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfit")
    void unfitClassesAreRefusedWithTheReason(Class<?> type, String reason) {
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> Instantiator.instantiate(type, Config.empty()));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(type.getSimpleName()), "names the class: " + e.getMessage());
    }
}
