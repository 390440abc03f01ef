package io.trestle.http1;

import io.trestle.Headers;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Part;
import io.trestle.Request;
import io.trestle.Status;
import io.trestle.body.FormBody;
import io.trestle.body.HeaderParams;
import io.trestle.body.MultipartReader;
import io.trestle.body.QueryString;
import io.trestle.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request of one exchange. Everything beyond the head (decoded query, cookies, client
 * address, body) is worked out only when a handler asks for it.
 */
public final class Http1Request implements Request {
    private final RequestHead head;
    private final String rawPath;
    private final String path;
    private final String query;
    private final InetSocketAddress remote;
    private final RequestBody body;
    private final ClientInfo clientInfo;
    private Map<String, String> pathParams = Map.of();
    private Map<String, List<String>> queryParams;
    private Map<String, String> cookies;
    private Map<String, List<String>> form;
    private MultipartReader parts;
    private Map<String, Object> attributes;
    private ForwardedResolver.Resolved resolved;
    private String user;
    /** The matched route's pattern, for observers; null until (or unless) routing matched one. */
    private String route;

    /** How the connection tells the request about its client, resolved lazily. */
    public interface ClientInfo {
        ForwardedResolver.Resolved resolve(InetSocketAddress peer, Headers headers);

        /** Whether the answer may depend on the headers (the peer is a trusted proxy). */
        default boolean readsHeaders(InetSocketAddress peer) {
            return true;
        }
    }

    /**
     * @param path the decoded path (the caller decodes it first, since routing needs it)
     */
    public Http1Request(RequestHead head, String rawPath, String path, String query, InetSocketAddress remote,
                        RequestBody body, ClientInfo clientInfo) {
        this.head = head;
        this.rawPath = rawPath;
        this.path = path;
        this.query = query;
        this.remote = remote;
        this.body = body;
        this.clientInfo = clientInfo;
    }

    /** Set once routing has matched. */
    public void pathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    /** Set once routing has matched: the route's pattern as registered. */
    public void route(String pattern) {
        this.route = pattern;
    }

    /** The matched route's pattern, or {@code null} when no route answered. */
    public String route() {
        return route;
    }

    /** The signed-in user or {@code null}, without an Optional (per request, for observers). */
    public String userOrNull() {
        return user;
    }

    public RequestHead head() {
        return head;
    }

    public RequestBody requestBody() {
        return body;
    }

    @Override
    public Method method() {
        return head.method();
    }

    @Override
    public String target() {
        return head.target();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public String queryParam(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> queryParams(String name) {
        List<String> values = queryParams().get(name);
        return values == null ? List.of() : values;
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (queryParams == null) {
            queryParams = query == null ? Map.of() : QueryString.parse(query);
        }
        return queryParams;
    }

    @Override
    public String protocol() {
        return head.version();
    }

    @Override
    public String header(String name) {
        return head.headers().get(name);
    }

    @Override
    public Headers headers() {
        return head.headers();
    }

    @Override
    public String cookie(String name) {
        return cookies().get(name);
    }

    @Override
    public Map<String, String> cookies() {
        if (cookies == null) {
            List<String> values = head.headers().all("Cookie");
            cookies = values.isEmpty() ? Map.of() : CookieParser.parse(values);
        }
        return cookies;
    }

    @Override
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    @Override
    public Map<String, String> pathParams() {
        return pathParams;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String clientAddress() {
        return resolved().clientAddress();
    }

    @Override
    public String scheme() {
        return resolved().scheme();
    }

    @Override
    public String host() {
        return head.host();
    }

    @Override
    public long contentLength() {
        return head.contentLength();
    }

    @Override
    public String contentType() {
        return head.headers().get("Content-Type");
    }

    @Override
    public InputStream body() {
        return body.stream();
    }

    @Override
    public byte[] bodyBytes() {
        try {
            return body.readAll();
        } catch (HttpParseException e) {
            throw new HttpException(e.status(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bodyString() {
        return new String(bodyBytes(), charset());
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        return JsonCodec.read(bodyBytes(), type);
    }

    @Override
    public Map<String, List<String>> form() {
        if (form == null) {
            String type = contentType();
            if (type == null || !mediaType(type).equals("application/x-www-form-urlencoded")) {
                form = Map.of();
            } else {
                try {
                    form = FormBody.parse(body.stream(), charset(), body.limit());
                } catch (HttpParseException e) {
                    throw new HttpException(e.status(), e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return form;
    }

    @Override
    public Iterable<Part> parts() {
        String type = contentType();
        if (type == null || !mediaType(type).equals("multipart/form-data")) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE, "expected a multipart/form-data body");
        }
        if (parts == null) {
            // One reader per body: a second call must not start over on a consumed stream.
            parts = new MultipartReader(body.stream(), type, body.limit(), body.limit());
        }
        return parts;
    }

    @Override
    public Object attribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    @Override
    public void attribute(String name, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(8);
        }
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public void user(String name) {
        this.user = name;
    }

    /** Whether the client said it prefers JSON to HTML (for error bodies). */
    public boolean prefersJson() {
        String accept = head.headers().get("Accept");
        return accept != null && AcceptHeader.prefersJson(accept);
    }

    private ForwardedResolver.Resolved resolved() {
        if (resolved == null) {
            resolved = clientInfo.resolve(remote, head.headers());
        }
        return resolved;
    }

    /**
     * The body's charset: Content-Type's {@code charset} parameter, UTF-8 when there is none.
     * Parsed like every parameterised header ({@link HeaderParams}), so {@code xcharset=} or a
     * {@code charset=} inside another parameter's quoted value is not mistaken for it.
     */
    private Charset charset() {
        String type = contentType();
        if (type == null) {
            return StandardCharsets.UTF_8;
        }
        HeaderParams params = HeaderParams.parse(type);
        if (params == null) {
            throw new HttpException(Status.BAD_REQUEST, "malformed Content-Type");
        }
        String name = params.get("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE, "unknown charset " + name);
        }
    }

    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
