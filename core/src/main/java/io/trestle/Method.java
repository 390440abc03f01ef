package io.trestle;

/**
 * The request methods Trestle knows. Anything else on the wire is answered with 501.
 *
 * <pre>{@code
 * @Route(path = "/api/items", methods = {Method.GET, Method.POST})
 * }</pre>
 */
public enum Method {
    GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, CONNECT;

    private static final Method[] VALUES = values();

    /**
     * The method whose name is {@code bytes[from, to)}, or {@code null} when it is no known method.
     * Compares bytes in place so the parser builds no String per request.
     */
    public static Method fromBytes(byte[] bytes, int from, int to) {
        int length = to - from;
        for (Method m : VALUES) {
            String name = m.name();
            if (name.length() != length) {
                continue;
            }
            int i = 0;
            while (i < length && bytes[from + i] == name.charAt(i)) {
                i++;
            }
            if (i == length) {
                return m;
            }
        }
        return null;
    }
}
