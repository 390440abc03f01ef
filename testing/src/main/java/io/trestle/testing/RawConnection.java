package io.trestle.testing;

import io.trestle.Headers;
import io.trestle.http1.ReceivedHeaders;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket to a server, for what an HTTP client library won't send: malformed requests,
 * pipelining, forbidden headers, partial bodies.
 *
 * <pre>{@code
 * try (RawConnection c = RawConnection.open("127.0.0.1", port)) {
 *     c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
 *     RawResponse a = c.readResponse();
 *     RawResponse b = c.readResponse();
 * }
 * }</pre>
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects with a 10 s read timeout, so a test never hangs forever. */
    public static RawConnection open(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new RawConnection(socket);
    }

    public RawConnection timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response, its body framed by Content-Length, chunked coding, or the end of the stream. */
    public RawResponse readResponse() throws IOException {
        return readResponse(false);
    }

    /** Reads one response to a HEAD request (headers only, whatever they announce). */
    public RawResponse readHeadResponse() throws IOException {
        return readResponse(true);
    }

    private RawResponse readResponse(boolean head) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        ReceivedHeaders.Builder fields = new ReceivedHeaders.Builder(16);
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            fields.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        Headers headers = fields.build();
        if (status / 100 == 1) {
            return new RawResponse(statusLine, status, headers, new byte[0], false);
        }
        if (head || status == 204 || status == 304) {
            return new RawResponse(statusLine, status, headers, new byte[0], false);
        }
        String te = headers.get("Transfer-Encoding");
        if (te != null && te.toLowerCase().contains("chunked")) {
            return new RawResponse(statusLine, status, headers, readChunked(), true);
        }
        String cl = headers.get("Content-Length");
        byte[] body = cl != null ? in.readNBytes(Integer.parseInt(cl)) : in.readAllBytes();
        return new RawResponse(statusLine, status, headers, body, false);
    }

    /** Everything until the server closes (or the timeout passes), as text. */
    public String readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // return what came
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether the server has closed its side: a read returns end of stream within {@code millis}. */
    public boolean isClosedByServer(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        } finally {
            socket.setSoTimeout(old);
        }
    }

    public Socket socket() {
        return socket;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                for (String t = readLine(); t != null && !t.isEmpty(); t = readLine()) {
                    // trailers are dropped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
