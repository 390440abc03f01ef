package io.trestle.http1;

import io.trestle.Status;
import java.nio.charset.StandardCharsets;

/**
 * The default error bodies: an HTML page in the style of the status table of Python's
 * {@code http.server} (code, message, explanation), or {@code {"message": ..., "code": ...}}.
 */
public final class ErrorPages {
    private ErrorPages() {
    }

    public static byte[] html(int status, String message) {
        String reason = Status.reason(status);
        String text = message == null || message.isEmpty() ? reason : message;
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + status + " " + escapeHtml(reason) + "</title>\n</head>\n<body>\n"
                + "<h1>Error response</h1>\n"
                + "<p>Error code: " + status + "</p>\n"
                + "<p>Message: " + escapeHtml(text) + ".</p>\n"
                + "<p>Error code explanation: " + status + " - " + escapeHtml(explanation(status)) + "</p>\n"
                + "</body>\n</html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] json(int status, String message, int code) {
        String text = message == null || message.isEmpty() ? Status.reason(status) : message;
        return ("{\"message\":\"" + escapeJson(text) + "\",\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** A whole response, ready to write, for answers given without a request (503 at the cap). */
    public static byte[] prebuilt(int status, String message) {
        return prebuilt(status, message, DefaultHeaders.NONE);
    }

    /**
     * Like {@link #prebuilt(int, String)}, carrying the server's default headers; the page is
     * HTML, so those meant for HTML documents too (frame options, content security policy).
     */
    public static byte[] prebuilt(int status, String message, DefaultHeaders defaults) {
        byte[] body = html(status, message);
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(Status.reason(status)).append("\r\n")
                .append("Server: Trestle\r\n")
                .append("Content-Type: text/html; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (status == Status.SERVICE_UNAVAILABLE) {
            head.append("Retry-After: 1\r\n");
        }
        for (int i = 0; i < defaults.size(); i++) {
            head.append(new String(defaults.line(i), StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < defaults.htmlSize(); i++) {
            head.append(new String(defaults.htmlLine(i), StandardCharsets.US_ASCII));
        }
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    static String explanation(int status) {
        return switch (status) {
            case 400 -> "Bad request syntax or unsupported method.";
            case 401 -> "No permission -- see authorization schemes.";
            case 403 -> "Request forbidden -- authorization will not help.";
            case 404 -> "Nothing matches the given URI.";
            case 405 -> "Specified method is invalid for this resource.";
            case 408 -> "Request timed out; try again later.";
            case 411 -> "Client must specify Content-Length.";
            case 412 -> "Precondition in headers is false.";
            case 413 -> "Content is larger than the server will accept.";
            case 414 -> "URI is too long.";
            case 415 -> "Entity body in unsupported format.";
            case 416 -> "Cannot satisfy request range.";
            case 417 -> "Expect condition could not be satisfied.";
            case 429 -> "The user has sent too many requests in a given amount of time.";
            case 431 -> "The server refused this request because its header fields are too large.";
            case 500 -> "Server got itself in trouble.";
            case 501 -> "Server does not support this operation.";
            case 503 -> "The server cannot process the request due to a high load.";
            case 505 -> "Cannot fulfill request.";
            default -> Status.reason(status) + ".";
        };
    }

    public static String escapeHtml(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    public static String escapeJson(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append("\\u").append(Character.forDigit(c >> 12 & 15, 16)).append(Character.forDigit(c >> 8 & 15, 16))
                                .append(Character.forDigit(c >> 4 & 15, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
