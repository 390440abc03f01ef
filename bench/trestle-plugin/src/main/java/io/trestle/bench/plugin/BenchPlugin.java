package io.trestle.bench.plugin;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Routes;

/**
 * The benchmark's two routes, added to the example app the way a user adds routes: this jar is
 * dropped into the app's plugins folder and found through {@code META-INF/services}.
 *
 * <pre>{@code
 * GET /plaintext  ->  text/plain        Hello, World!
 * GET /json       ->  application/json  {"message":"Hello, World!"}   (serialized per request)
 * }</pre>
 */
public final class BenchPlugin implements Plugin {

    /** The JSON body's shape; a fresh instance is serialized on every request. */
    public record Message(String message) {
    }

    @Override
    public void install(Routes routes, Config config) {
        routes.get("/plaintext", (req, res) -> res.text("Hello, World!"));
        routes.get("/json", (req, res) -> res.json(new Message("Hello, World!")));
    }
}
