package io.trestle.bench.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.trestle.bench.peer.PeerArgs;

/**
 * Netty 4.2 with the raw HTTP codec and no aggregator, epoll when the native transport loads
 * (else NIO). Responses are written per request and flushed once per read batch, the usual
 * TechEmpower shape that makes pipelining cheap.
 */
public final class NettyPeer {
    private NettyPeer() {
    }

    public static void main(String[] args) throws InterruptedException {
        PeerArgs a = PeerArgs.parse("peer-netty", args);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(io);
        Channel ch = new ServerBootstrap()
                .group(group)
                .channel(type)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new BenchHandler(a.staticDir()));
                    }
                })
                .bind("127.0.0.1", a.port()).sync().channel();
        a.listening("netty (" + (epoll ? "epoll" : "nio") + ")");
        ch.closeFuture().sync();
    }
}
