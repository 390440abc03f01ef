package com.example.hello;

import io.trestle.Config;
import io.trestle.Handler;
import io.trestle.HttpException;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import io.trestle.Status;

/**
 * {@code GET /hello/{name}} answers {@code {"message":"Hello, Ada!","name":"Ada"}}. Found by the
 * {@code @Route} scan of the jar: nothing registers it. Its constructor takes the configuration, so
 * it can read the plugin's setting {@code --hello-greeting}.
 */
@Route(path = "/hello/{name}")
public final class HelloHandler implements Handler {
    static final int MAX_NAME = 64;

    private final String greeting;

    public HelloHandler(Config config) {
        this.greeting = config.string(HelloPlugin.GREETING.name(), HelloPlugin.GREETING.defaultValue());
    }

    @Override
    public void handle(Request req, Response res) {
        String name = req.pathParam("name");
        if (name.length() > MAX_NAME) {
            throw new HttpException(Status.BAD_REQUEST, "a name has at most " + MAX_NAME + " characters");
        }
        res.json(new Greeting(greeting + ", " + name + "!", name));
    }
}
