package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending a file with sendfile from a virtual thread, as connections do: every byte arrives in
 * order, and a client that reads slowly makes the sender wait rather than spin (a virtual thread's
 * socket is non-blocking underneath, and transferTo returns 0 when its buffer is full).
 */
class ConnectionOutputFileTest {
    @TempDir
    Path tmp;

    @Test
    void aLargeFileToASlowReaderArrivesWholeWithoutBurningTheCpu() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(7).nextBytes(data);
        Path file = Files.write(tmp.resolve("big.bin"), data);
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.socket().getLocalPort());
             SocketChannel accepted = server.accept()) {
            client.setReceiveBufferSize(64 * 1024);
            ConnectionOutput out = new ConnectionOutput(accepted.socket().getOutputStream(), accepted, 8192);
            CompletableFuture<Long> sent = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (FileChannel ch = FileChannel.open(file)) {
                    out.writeLatin1("HEAD\n");
                    sent.complete(out.transferFrom(ch, 0, data.length));
                    out.flush();
                } catch (Throwable t) {
                    sent.completeExceptionally(t);
                }
            });
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            InputStream in = client.getInputStream();
            assertEquals("HEAD\n", new String(in.readNBytes(5), java.nio.charset.StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            while (got.size() < data.length) {
                int n = in.read(chunk, 0, Math.min(chunk.length, data.length - got.size()));
                assertTrue(n > 0, "stream ended after " + got.size() + " bytes");
                got.write(chunk, 0, n);
                Thread.sleep(10); // a slow client: the sender's socket buffer stays full
            }
            long wall = System.nanoTime() - wallBefore;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            assertEquals(data.length, sent.get(10, TimeUnit.SECONDS));
            assertArrayEquals(data, got.toByteArray());
            // A sender retrying transferTo in a loop would keep a core busy the whole time.
            assertTrue(cpu < wall / 2, "process CPU " + cpu / 1_000_000 + " ms over " + wall / 1_000_000 + " ms");
        }
    }
}
