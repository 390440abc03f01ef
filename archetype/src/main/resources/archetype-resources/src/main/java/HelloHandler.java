package ${package};

import io.trestle.Handler;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import io.trestle.Status;

/**
 * {@code GET /${artifactId}/hello/{name}} answers {@code {"message":"Hello, Ada!","name":"Ada"}}.
 *
 * <p>Nothing registers this class: the app finds every public {@code @Route} class of a jar in its
 * {@code plugins/} folder. A {@code @Route} without {@code methods} serves GET (and HEAD); here
 * it is spelled out. Add classes like this one, or public {@code (Request, Response)} methods
 * with their own {@code @Route} on one class.
 */
@Route(path = "/${artifactId}/hello/{name}", methods = Method.GET)
public final class HelloHandler implements Handler {
    static final int MAX_NAME = 64;

    @Override
    public void handle(Request req, Response res) {
        String name = req.pathParam("name");
        if (name.length() > MAX_NAME) {
            // A client mistake: 400 with this message (as JSON or an HTML page, as the client accepts).
            throw new HttpException(Status.BAD_REQUEST, "a name has at most " + MAX_NAME + " characters");
        }
        res.json(new Greeting("Hello, " + name + "!", name));   // Content-Type: application/json
    }

    /** The JSON body of the answer, written by the app's Jackson. */
    public record Greeting(String message, String name) {
    }
}
