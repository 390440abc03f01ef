package io.trestle.server;

import io.trestle.Server;
import java.util.function.Function;

/**
 * Reaches the {@link ServerRuntime} behind a {@link Server} from the implementation's other
 * packages (the hot deployer tells its observers about plugin jars), without a public method on
 * {@code Server} that users would see: {@code Server} hands over the way in when it loads, as the
 * JDK's {@code SharedSecrets} do.
 */
public final class ServerAccess {
    private static volatile Function<Server, ServerRuntime> runtimeOf;

    private ServerAccess() {
    }

    /** Called once, by {@code Server}'s static initializer. */
    public static void grant(Function<Server, ServerRuntime> access) {
        if (runtimeOf != null) {
            throw new IllegalStateException("already granted");
        }
        runtimeOf = access;
    }

    /** The runtime behind {@code server}. */
    public static ServerRuntime runtime(Server server) {
        return runtimeOf.apply(server); // set: a Server instance exists, so its class was initialized
    }
}
