package io.trestle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler to a path pattern and methods. Put it on a class that implements
 * {@link Handler}, or on public {@code (Request, Response)} methods of a public class with a
 * no-argument constructor (or one taking {@link Config}).
 *
 * <p>Patterns are made of literal segments, {@code {name}} segments (one segment, read with
 * {@link Request#pathParam}) and a trailing {@code {name...}} that takes the rest of the path
 * (zero or more segments). When several patterns match, literal beats parameter beats rest,
 * segment by segment from the left.
 *
 * <pre>{@code
 * public final class UsersApi {
 *     @Route(path = "/api/users", methods = Method.GET)
 *     public void list(Request req, Response res) { ... }
 *
 *     @Route(path = "/api/users/{id}", methods = {Method.PUT, Method.DELETE})
 *     public void change(Request req, Response res) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Route.List.class)
public @interface Route {

    /** The path pattern, starting with {@code /}. */
    String path();

    /** The methods served; HEAD is served by GET routes automatically. */
    Method[] methods() default Method.GET;

    /** The largest request body this route accepts, in bytes; -1 keeps the server's limit. */
    long maxBodySize() default -1;

    /** Holds repeated {@link Route} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Route[] value();
    }
}
