package io.trestle.http1;

import io.trestle.Config;
import io.trestle.Headers;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served on its own virtual thread by a plain blocking loop: wait for a
 * request, read its head, hand it to the handler, finish and drain, repeat.
 *
 * <p>States, as the graceful shutdown sees them: {@code IDLE} — waiting for the first byte of a
 * request; closing the socket now loses nothing. {@code READING} — a head is arriving, under the
 * head timeout. {@code BUSY} — a request is being handled; shutdown lets it finish (within its
 * grace period), and the response then says {@code Connection: close}. {@code CLOSED} — done;
 * it may still be lingering (discarding what the client sends after the last response), and
 * closing the socket now loses nothing.
 */
public final class Http1Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Http1Connection.class);
    /** At most a line a second about clients closed for being too slow: a flood of them must not flood the log. */
    private static final LogLimiter SLOW_CLIENTS = new LogLimiter(1, TimeUnit.SECONDS);
    /** Per direction; the input buffer grows for larger heads (up to the limits) and shrinks back. */
    private static final int BUFFER_SIZE = 8 * 1024;
    /** Unread request bodies up to this size are skipped to keep the connection; larger ones close it. */
    private static final long MAX_DRAIN = 256 * 1024;
    /** How long, and how much, a connection the server closes reads and discards first (RFC 9112 §9.6). */
    private static final int LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 1024 * 1024;

    public enum State { IDLE, READING, BUSY, CLOSED }

    private final SocketChannel channel;
    private final Socket socket;
    /** The TCP socket (beneath the TLS layer, if any): what an abortive close resets. */
    private final Socket tcp;
    private final InetSocketAddress peer;
    private final boolean secure;
    private final ConnectionContext ctx;
    private final Http1Request.ClientInfo clientInfo;
    private final DefaultHeaders defaultHeaders;
    private final Limits limits;
    private volatile State state = State.READING;
    private volatile Thread thread;
    private volatile ConnectionOutput output;
    private ConnectionInput input;
    /** The minimum rate of request bodies, or null when off. */
    private final DataRate requestRate;
    /** Read timeouts the server's sweeper keeps, over TLS too (on the TCP socket beneath it). */
    private final WatchedReads watchedReads;
    private final Exchange exchange = new Exchange();
    private final ExchangeView view = new ExchangeView();
    private final long id;
    private boolean linger;
    /** Idle waits so far: every other one yields first. */
    private int idleWaits;

    /**
     * @param channel the accepted connection
     * @param tls     a TLS layer over {@code channel} that requests are read from and responses
     *                written to (files are then copied through it instead of sent with
     *                {@code transferTo}), or {@code null} for plain HTTP
     * @param id      the connection's number on its server, for observers and thread names
     */
    public Http1Connection(SocketChannel channel, SSLSocket tls, ConnectionContext ctx, long id) {
        this.id = id;
        this.secure = tls != null;
        this.channel = secure ? null : channel;
        this.socket = secure ? tls : channel.socket();
        this.ctx = ctx;
        this.limits = ctx.limits();
        this.clientInfo = new PerConnection(ctx.clientInfo(secure));
        this.defaultHeaders = ctx.defaultHeaders(secure);
        // Over TLS the sweeper shuts the input of the TCP socket beneath the TLS layer: the TLS
        // read then ends as at a close by the peer, and the guard turns that into a timeout.
        this.watchedReads = new WatchedReads(channel.socket());
        this.tcp = channel.socket();
        this.peer = (InetSocketAddress) tcp.getRemoteSocketAddress();
        this.requestRate = limits.minRequestBytesPerSecond() > 0
                ? new DataRate(limits.minRequestBytesPerSecond(), limits.dataRateWindow()) : null;
    }

    /** The TCP peer's address (never taken from Forwarded headers); null if it closed before accept finished. */
    public InetSocketAddress peer() {
        return peer;
    }

    /** The connection's number on its server. */
    public long id() {
        return id;
    }

    /** Whether the connection is TLS. */
    public boolean secure() {
        return secure;
    }

    public State state() {
        return state;
    }

    /** Closes the socket; a thread blocked on it wakes with an exception and ends. */
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    /**
     * Closes the connection at once with a TCP reset (SO_LINGER 0): what the kernel still holds
     * for a client that reads too slowly is dropped rather than trickled out for minutes.
     */
    public void abort() {
        try {
            tcp.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        try {
            tcp.close();
        } catch (IOException e) {
            LOG.debug("aborting {}: {}", peer, e.toString());
        }
        close();
    }

    /**
     * Closes the connection if the write under way has fallen below the minimum response data
     * rate (the server's sweeper calls this a few times a second).
     *
     * @return whether it did
     */
    public boolean abortIfReadingTooSlowly(long now) {
        ConnectionOutput out = output;
        if (out == null || !out.mayBeTooSlow(now)) {
            return false; // the usual case: no getsockopt call
        }
        int sendBuffer;
        try {
            sendBuffer = tcp.getSendBufferSize();
        } catch (IOException e) {
            sendBuffer = 0;
        }
        if (!out.tooSlow(now, sendBuffer)) {
            return false;
        }
        long skipped = SLOW_CLIENTS.permit();
        if (skipped >= 0) {
            LOG.info("closing {}: it reads the response too slowly: {}{}", peer, out.rateDescription(now), LogLimiter.more(skipped));
        }
        abort();
        return true;
    }

    /**
     * Closes the connection, with a reset, when its write has been blocked longer than
     * {@code writeTimeoutNanos}: a client that stopped reading (the server's sweeper calls this).
     *
     * @return whether it did
     */
    public boolean abortIfWriteStalled(long now, long writeTimeoutNanos) {
        long blocked = writeBlockedNanos(now);
        if (blocked <= writeTimeoutNanos) {
            return false;
        }
        long skipped = SLOW_CLIENTS.permit();
        if (skipped >= 0) {
            LOG.info("closing {}: a write to it has been blocked for {} ms (the write timeout){}", peer,
                    TimeUnit.NANOSECONDS.toMillis(blocked), LogLimiter.more(skipped));
        }
        abort();
        return true;
    }

    /** How long a write to the client has been blocked (0 when none is), for the write timeout. */
    public long writeBlockedNanos(long now) {
        ConnectionOutput out = output;
        return out == null ? 0 : out.writeBlockedNanos(now);
    }

    /**
     * Ends a read that has run past its timeout, so the connection answers 408 or closes (the
     * server's sweeper calls this a few times a second).
     *
     * @return whether a read was ended
     */
    public boolean expireReads(long now) {
        return watchedReads.expire(now);
    }

    /** Interrupts the connection's thread (shutdown, after the grace period). */
    public void interrupt() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            ctx.opened(this);
            serve();
        } catch (IOException e) {
            // The client went away or the server is closing: nothing to answer.
            LOG.debug("connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("connection {} failed", socket.getRemoteSocketAddress(), e);
        } finally {
            state = State.CLOSED;
            if (linger && !secure) {
                lingerBeforeClose(); // SSLSocket has no half-close: TLS connections close at once
            }
            close();
            ctx.closed(this);
        }
    }

    private void serve() throws IOException {
        socket.setTcpNoDelay(true); // responses leave whole; waiting on delayed ACKs only adds latency
        ConnectionInput input = new ConnectionInput(socket.getInputStream(), BUFFER_SIZE, watchedReads);
        ConnectionOutput output = new ConnectionOutput(socket.getOutputStream(), channel, BUFFER_SIZE);
        if (limits.minResponseBytesPerSecond() > 0) {
            output.minimumRate(new DataRate(limits.minResponseBytesPerSecond(), limits.dataRateWindow()));
        }
        this.input = input;
        this.output = output;
        input.flushBeforeBlocking(output); // no response waits for the client's next bytes
        RequestHeadParser parser = new RequestHeadParser(limits);
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        long headTimeoutNanos = limits.headTimeout().toNanos();
        long headDeadline = System.nanoTime() + headTimeoutNanos;
        boolean first = true;
        while (true) {
            if (!first) {
                // An empty line after a request (RFC 9112 §2.2) starts no head: wait at rest.
                parser.skipBufferedEmptyLines(input);
                if (!input.hasBuffered()) {
                    output.flush(); // one write per batch of pipelined responses
                    state = State.IDLE;
                    if (ctx.closing()) {
                        return;
                    }
                    input.deadline(0);
                    input.readTimeout(millis(limits.idleTimeout().toNanos()));
                    // Every other time, let the other ready connections run before reading: the
                    // client has only just got its response, so a read now finds nothing and costs
                    // a failed read, an epoll registration, a park and a wake-up; after the others'
                    // turn its next request is usually here. Not every time: a connection that
                    // always finds its next request after yielding never parks, and the carrier
                    // runs such connections before any the I/O poller wakes (those wait outside
                    // its queue). Yielding every time: p99 0.3-2.2 s at 256 connections; never:
                    // 21-29 CPU-us per request; every other time: 16-18 us, p99 26-32 ms
                    // (bench/results/2026-11-24-tuning.md).
                    if ((++idleWaits & 1) == 0) {
                        Thread.yield();
                    }
                    try {
                        if (!input.awaitData()) {
                            return;
                        }
                    } catch (SocketTimeoutException e) {
                        LOG.debug("closing idle connection {}", remote);
                        return;
                    }
                    if (parser.skipBufferedEmptyLines(input) && !input.hasBuffered()) {
                        continue; // only an empty line came: still at rest
                    }
                }
            } else {
                // A new connection that has sent nothing yet is idle too: shutdown closes it at once.
                state = State.IDLE;
                if (ctx.closing()) {
                    return;
                }
                input.deadline(headDeadline);
                try {
                    if (!input.awaitData()) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    LOG.debug("408 for {}: nothing received within {}", remote, Config.formatDuration(limits.headTimeout()));
                    refuse(output, Status.REQUEST_TIMEOUT, "request head not received in time", remote, 0, System.nanoTime());
                    return;
                }
            }
            state = State.READING;
            if (first) {
                input.deadline(headDeadline); // the first head's clock started at accept
            } else {
                input.deadlineAfter(headTimeoutNanos);
            }
            first = false;
            long started = ctx.timesExchanges() ? System.nanoTime() : 0; // 0: nobody asks how long it took
            long received = input.consumed();
            RequestHead head;
            try {
                head = parser.parse(input);
            } catch (HttpParseException e) {
                LOG.debug("{} from {}: {}", e.status(), remote, e.getMessage());
                refuse(output, e.status(), e.getMessage(), remote, input.consumed() - received, started);
                return;
            } catch (SocketTimeoutException e) {
                LOG.debug("408 for {}: request head not complete within {}", remote, Config.formatDuration(limits.headTimeout()));
                refuse(output, Status.REQUEST_TIMEOUT, "request head not received in time", remote,
                        input.consumed() - received, started);
                return;
            }
            if (head == null) {
                return;
            }
            input.deadline(0);
            input.readTimeout(millis(limits.bodyReadTimeout().toNanos()));
            input.minimumRate(head.hasBody() ? requestRate : null); // a body's waits only, never a head's
            state = State.BUSY;
            boolean again = exchange(head, input, output, remote, received, started);
            input.minimumRate(null);
            if (!again) {
                output.flush();
                linger = !ctx.closing();
                return;
            }
        }
    }

    /** Nanoseconds since {@code started}, or 0 when the exchange was not timed ({@code started} 0). */
    private static long elapsedSince(long started) {
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    /** Serves one request; returns whether the connection may carry another. */
    private boolean exchange(RequestHead head, ConnectionInput input, ConnectionOutput output,
                             InetSocketAddress remote, long receivedBefore, long started) throws IOException {
        String target = head.target();
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        long written = output.written();
        Exchange exchange = this.exchange;
        exchange.start(head);
        Http1Response res = new Http1Response(output, exchange, head.method(), head.isHttp11());
        RequestBody body = new RequestBody(head, input, output, limits, res);
        exchange.body = body;
        String path;
        HttpException badPath = null;
        if (rawPath.equals("*")) {
            path = "*";
        } else {
            try {
                path = PathDecoder.decode(rawPath);
            } catch (HttpException e) {
                badPath = e;
                path = rawPath;
            }
        }
        Http1Request req = new Http1Request(head, rawPath, path, query, remote, body, clientInfo);
        exchange.request = req;
        if (badPath != null) {
            LOG.debug("{} from {}: {}", badPath.status(), remote, badPath.getMessage());
            res.closeConnection();
            ctx.handler().error(req, res, badPath.status(), badPath.getMessage());
        } else {
            ctx.handler().handle(req, res);
        }
        try {
            res.complete();
        } catch (IOException | RuntimeException e) {
            LOG.debug("completing the response to {} failed: {}", remote, e.toString());
            res.closeConnection();
        }
        view.answered(req, res, output.written() - written, input.consumed() - receivedBefore, elapsedSince(started));
        try {
            ctx.exchanged(view);
        } finally {
            view.clear();
        }
        if (input.tooSlow()) {
            long skipped = SLOW_CLIENTS.permit();
            if (skipped >= 0) {
                LOG.info("{} for {} ({} {}): request body too slow: {}{}", res.isCommitted() ? res.status() : "close",
                        remote, head.method(), rawPath, input.rateDescription(), LogLimiter.more(skipped));
            }
            return false;
        }
        if (res.closesConnection() || !head.keepAlive() || ctx.closing()) {
            return false;
        }
        return body.drain(MAX_DRAIN);
    }

    /** Answers a request that could not be parsed, then the connection closes. */
    private void refuse(ConnectionOutput output, int status, String message, InetSocketAddress remote, long received,
                        long started) {
        long written = output.written();
        Http1Response res = null;
        try {
            exchange.start(null);
            res = new Http1Response(output, exchange, Method.GET, true);
            res.closeConnection();
            res.status(status);
            res.contentType("text/html; charset=utf-8");
            res.send(ErrorPages.html(status, message));
            output.flush();
            linger = true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send {}: {}", status, e.toString());
        }
        if (res != null) {
            view.refused(remote, res, output.written() - written, received, elapsedSince(started));
            try {
                ctx.exchanged(view);
            } finally {
                view.clear();
            }
        }
    }

    /**
     * Closes in stages, as RFC 9112 §9.6 asks of a server that closes first: a FIN after the last
     * response, then what the client still sends (the rest of a refused body, pipelined requests) is
     * read and discarded for a while. Closing at once with unread bytes makes the TCP stack send a
     * reset, which can destroy the response before the client has read it.
     */
    private void lingerBeforeClose() {
        try {
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] discard = new byte[8192];
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
            for (long left = LINGER_BYTES; left > 0; ) {
                long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (millis <= 0) {
                    return;
                }
                socket.setSoTimeout((int) millis);
                int n = in.read(discard);
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("lingering close of {}: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    private static int millis(long nanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** The response's view of this exchange: close decisions and error rendering. */
    private final class Exchange implements Http1Response.Exchange {
        private RequestHead head;
        private RequestBody body;
        private Http1Request request;
        private final ResponseHeaders responseHeaders = new ResponseHeaders(4);

        /** One instance per connection, reset for each exchange: a connection serves one at a time. */
        void start(RequestHead head) {
            this.head = head;
            this.body = null;
            this.request = null;
        }

        @Override
        public boolean mustClose() {
            return head == null || !head.keepAlive() || ctx.closing() || (body != null && !body.reusable(MAX_DRAIN))
                    || (watchedReads != null && watchedReads.expired()) || (input != null && input.tooSlow());
        }

        @Override
        public DefaultHeaders defaultHeaders() {
            return defaultHeaders;
        }

        @Override
        public ResponseHeaders responseHeaders() {
            responseHeaders.reuse(); // the last response locked it when it committed
            return responseHeaders;
        }

        @Override
        public void error(Http1Response res, int status, String message) {
            if (request == null) {
                res.contentType("text/html; charset=utf-8");
                res.send(ErrorPages.html(status, message));
            } else {
                ctx.handler().error(request, res, status, message);
            }
        }
    }

    /**
     * A peer that is no trusted proxy gives the same answer for every request on the connection:
     * resolve it once rather than format its address per request (the access log asks each time).
     */
    private static final class PerConnection implements Http1Request.ClientInfo {
        private final Http1Request.ClientInfo delegate;
        private ForwardedResolver.Resolved direct;
        private Boolean readsHeaders;

        PerConnection(Http1Request.ClientInfo delegate) {
            this.delegate = delegate;
        }

        @Override
        public ForwardedResolver.Resolved resolve(InetSocketAddress peer, io.trestle.Headers headers) {
            if (direct != null) {
                return direct;
            }
            ForwardedResolver.Resolved resolved = delegate.resolve(peer, headers);
            if (readsHeaders == null) {
                readsHeaders = delegate.readsHeaders(peer);
            }
            if (!readsHeaders) {
                direct = resolved;
            }
            return resolved;
        }
    }
}
