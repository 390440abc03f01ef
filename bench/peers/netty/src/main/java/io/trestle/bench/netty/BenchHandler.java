package io.trestle.bench.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.trestle.bench.peer.Payloads;
import java.io.File;
import java.nio.file.Path;

/**
 * Answers each request head as it arrives (the benchmark's requests have no body). Writes go
 * out without a flush; {@link #channelReadComplete} flushes once for everything a read produced.
 * Files are sent as a {@link DefaultFileRegion}, which is sendfile on epoll and NIO alike.
 */
final class BenchHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final Path staticDir;

    BenchHandler(Path staticDir) {
        this.staticDir = staticDir;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest req)) {
            return; // body content: none expected
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String uri = req.uri();
        switch (uri) {
            case "/plaintext" -> full(ctx, keepAlive, Payloads.TEXT_PLAIN, Payloads.HELLO);
            case "/json" -> full(ctx, keepAlive, Payloads.APPLICATION_JSON, Payloads.json());
            default -> {
                if (uri.startsWith("/static/")) {
                    file(ctx, keepAlive, uri.substring("/static/".length()));
                } else {
                    notFound(ctx, keepAlive);
                }
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void full(ChannelHandlerContext ctx, boolean keepAlive, String type, byte[] body) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type).setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        send(ctx, keepAlive, res);
    }

    private void file(ChannelHandlerContext ctx, boolean keepAlive, String name) {
        Path path = staticDir.resolve(name).normalize();
        File f = path.toFile();
        if (!path.startsWith(staticDir) || !f.isFile()) {
            notFound(ctx, keepAlive);
            return;
        }
        long length = f.length();
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, name.endsWith(".txt") ? "text/plain" : "application/octet-stream")
                .set(HttpHeaderNames.CONTENT_LENGTH, length);
        if (!keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.write(res);
        ctx.write(new DefaultFileRegion(f, 0, length));
        ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void notFound(ChannelHandlerContext ctx, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        send(ctx, keepAlive, res);
    }

    /** Writes without flushing; a response that ends the connection is flushed and closes it. */
    private static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse res) {
        if (keepAlive) {
            ctx.write(res, ctx.voidPromise());
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
