package io.trestle.server;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Status;
import io.trestle.http1.ErrorPages;
import io.trestle.http1.FileShrankException;
import io.trestle.http1.Http1Handler;
import io.trestle.http1.Http1Request;
import io.trestle.http1.Http1Response;
import io.trestle.http1.HttpParseException;
import io.trestle.routing.RouteMatch;
import io.trestle.routing.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request and runs its filters and handler: the matched route, or an automatic answer
 * (404, 405 with Allow, OPTIONS). Exceptions become responses here: {@link HttpException} its
 * status, a mapped exception its mapper's answer, anything else a logged 500.
 */
public final class Dispatcher implements Http1Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Supplier<RouteTable> table;

    public Dispatcher(Supplier<RouteTable> table) {
        this.table = table;
    }

    @Override
    public void handle(Http1Request req, Http1Response res) {
        RouteTable routes = acquireCurrent(); // one table for the whole exchange, even during a reload
        try {
            dispatch(routes, req, res);
        } catch (Throwable e) {
            handleFailure(routes, req, res, e);
        } finally {
            routes.release();
        }
    }

    /**
     * The current table, acquired. Checking again after acquiring closes the race with a swap: a
     * reload that swaps and then sees the old table idle knows no request will still start on it.
     */
    private RouteTable acquireCurrent() {
        RouteTable t = table.get();
        while (true) {
            t.acquire();
            RouteTable now = table.get();
            if (now == t) {
                return t;
            }
            t.release();
            t = now;
        }
    }

    private void dispatch(RouteTable routes, Http1Request req, Http1Response res) throws Exception {
        Method method = req.method();
        String path = req.path();
        if (path.equals("*")) {
            // OPTIONS * asks about the server as a whole (RFC 9110 §9.3.7): what some route serves.
            res.status(Status.NO_CONTENT).header("Allow", routes.allowAnywhere());
            res.send(new byte[0]);
            return;
        }
        if (method == Method.TRACE) {
            // Echoing requests back helps cross-site tracing; never do it. A 405 says what the
            // resource does serve (RFC 9110 §15.5.6); where nothing is routed, 404 as for any method.
            String allow = routes.allow(path);
            if (allow == null) {
                throw new HttpException(Status.NOT_FOUND, "Not Found");
            }
            res.header("Allow", allow);
            throw new HttpException(Status.METHOD_NOT_ALLOWED, "TRACE is not allowed");
        }
        RouteMatch match = routes.match(method, path);
        if (match.kind() == RouteMatch.Kind.FOUND) {
            req.pathParams(match.params());
            req.route(match.route().pattern());
            req.requestBody().limit(match.route().maxBodySize());
            if (req.requestBody().declaredTooLarge()) {
                res.closeConnection(); // the body stays unread
                throw new HttpException(Status.CONTENT_TOO_LARGE,
                        "request body over " + req.requestBody().limit() + " bytes");
            }
        }
        Filter[] filters = routes.filtersFor(path);
        if (filters.length == 0) {
            answer(match, req, res);
        } else {
            new Chain(filters, match, req, res).proceed();
        }
    }

    /** The end of the chain: the handler, or the automatic answer when no route serves the method. */
    static void answer(RouteMatch match, Http1Request req, Http1Response res) throws Exception {
        switch (match.kind()) {
            case FOUND -> {
                Handler handler = match.route().handler();
                handler.handle(req, res);
            }
            case NOT_FOUND -> throw new HttpException(Status.NOT_FOUND, "Not Found");
            case METHOD_NOT_ALLOWED -> {
                res.header("Allow", match.allow());
                throw new HttpException(Status.METHOD_NOT_ALLOWED, "Method Not Allowed");
            }
            case OPTIONS -> {
                res.status(Status.NO_CONTENT).header("Allow", match.allow());
                res.send(new byte[0]);
            }
        }
    }

    private void handleFailure(RouteTable routes, Http1Request req, Http1Response res, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (res.isCommitted()) {
            // Part of the answer is on the wire; closing is the only way to say it is incomplete.
            res.abort();
            if (cause instanceof FileShrankException) {
                LOG.warn("{} {}: {}", req.method(), req.path(), cause.getMessage());
            } else if (isClientGone(cause)) {
                LOG.debug("{} {}: client went away: {}", req.method(), req.path(), cause.toString());
            } else {
                LOG.error("{} {} failed after the response was committed", req.method(), req.path(), cause);
            }
            return;
        }
        ExceptionMapper<Throwable> mapper = routes.exceptionMapper(cause.getClass());
        if (mapper != null) {
            try {
                res.resetKeeping("Allow");
                mapper.handle(cause, req, res);
                return;
            } catch (Throwable mapperFailure) {
                cause = mapperFailure;
                LOG.error("exception mapper for {} failed", e.getClass().getName(), mapperFailure);
                if (res.isCommitted()) {
                    res.abort();
                    return;
                }
            }
        }
        if (cause instanceof HttpException he) {
            LOG.debug("{} {} -> {} {}", req.method(), req.path(), he.status(), he.getMessage());
            error(routes, req, res, he.status(), he.getMessage(), he.code());
        } else if (cause instanceof HttpParseException pe) {
            // The body was malformed or too large: its framing is lost, so is the connection.
            LOG.debug("{} {} -> {} {}", req.method(), req.path(), pe.status(), pe.getMessage());
            res.closeConnection();
            error(routes, req, res, pe.status(), pe.getMessage(), pe.status());
        } else if (cause instanceof SocketTimeoutException) {
            LOG.debug("{} {} -> 408: the request body stalled", req.method(), req.path());
            res.closeConnection();
            error(routes, req, res, Status.REQUEST_TIMEOUT, "request body not received in time", Status.REQUEST_TIMEOUT);
        } else if (isClientGone(cause)) {
            LOG.debug("{} {}: client went away: {}", req.method(), req.path(), cause.toString());
            res.abort();
        } else {
            LOG.error("{} {} failed", req.method(), req.path(), cause);
            error(routes, req, res, Status.INTERNAL_SERVER_ERROR, "Internal Server Error", Status.INTERNAL_SERVER_ERROR);
        }
    }

    @Override
    public void error(Http1Request req, Http1Response res, int status, String message) {
        error(table.get(), req, res, status, message, status);
    }

    private void error(RouteTable routes, Http1Request req, Http1Response res, int status, String message, int code) {
        if (!res.resetKeeping("Allow", "Retry-After")) {
            res.closeConnection();
            return;
        }
        res.status(status);
        if (status == Status.CONTENT_TOO_LARGE || status == Status.REQUEST_TIMEOUT) {
            res.closeConnection();
        }
        Handler page = routes.errorPage(status);
        if (page != null) {
            try {
                req.attribute("trestle.error.message", message);
                page.handle(req, res);
                return;
            } catch (Exception pageFailure) {
                LOG.error("error page for {} failed", status, pageFailure);
                if (!res.reset()) {
                    res.closeConnection();
                    return;
                }
                res.status(status);
            }
        }
        if (req.prefersJson()) {
            res.contentType("application/json");
            res.send(ErrorPages.json(status, message, code));
        } else {
            res.contentType("text/html; charset=utf-8");
            res.send(ErrorPages.html(status, message));
        }
    }

    private static boolean isClientGone(Throwable e) {
        return e instanceof IOException && !(e instanceof HttpParseException);
    }

    /** Walks the filters, then answers; a filter that doesn't proceed ends the chain. */
    private static final class Chain implements Filter.Chain {
        private final Filter[] filters;
        private final RouteMatch match;
        private final Http1Request req;
        private final Http1Response res;
        private int next;

        Chain(Filter[] filters, RouteMatch match, Http1Request req, Http1Response res) {
            this.filters = filters;
            this.match = match;
            this.req = req;
            this.res = res;
        }

        @Override
        public void proceed() throws Exception {
            if (next < filters.length) {
                filters[next++].filter(req, res, this);
            } else if (next++ == filters.length) {
                answer(match, req, res);
            } else {
                throw new IllegalStateException("Filter.Chain.proceed() called twice");
            }
        }
    }
}
