package com.example.hello;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Routes;
import io.trestle.Setting;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jar's programmatic part, found through {@code META-INF/services/io.trestle.Plugin}: it
 * declares the setting {@code --hello-greeting}, registers {@code GET /hello} in code and a filter
 * that marks every answer under {@code /hello/} and {@code /api/notes}, and logs when it is
 * installed and closed (a hot reload closes the old version after its last request).
 */
public final class HelloPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(HelloPlugin.class);
    static final String VERSION = "1.0";

    /** {@code --hello-greeting}, also {@code TRESTLE_HELLO_GREETING} or {@code hello-greeting=} in the properties file. */
    static final Setting GREETING = Setting.of("hello-greeting", Setting.Kind.STRING, "Hello",
            "the word /hello/{name} greets with");

    @Override
    public List<Setting> settings() {
        return List.of(GREETING);
    }

    @Override
    public void install(Routes routes, Config config) {
        routes.get("/hello", (req, res) -> res.json(Map.of(
                "plugin", "hello-plugin " + VERSION,
                "try", List.of("/hello/Ada", "/api/notes", "/hello-plugin/"))));
        routes.filter("/hello/{rest...}", 0, (req, res, chain) -> {
            res.header("X-Hello-Plugin", VERSION);
            chain.proceed();
        });
        routes.filter("/api/notes/{rest...}", 0, (req, res, chain) -> {
            res.header("X-Hello-Plugin", VERSION);
            chain.proceed();
        });
        LOG.info("hello-plugin {} installed, greeting with '{}'", VERSION, config.string(GREETING.name(), GREETING.defaultValue()));
    }

    @Override
    public void close() {
        LOG.info("hello-plugin {} closed", VERSION);
    }
}
