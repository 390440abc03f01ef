package io.trestle.fuzz;

import io.trestle.Headers;
import io.trestle.http1.ConnectionInput;
import io.trestle.http1.HttpParseException;
import io.trestle.http1.Limits;
import io.trestle.http1.ParseRule;
import io.trestle.http1.RequestHead;
import io.trestle.http1.RequestHeadParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the request-head parser made of some bytes, and how it read them. Only the outcomes a client
 * may cause are caught here — a head, nothing ({@code null}: the stream ended before a request),
 * an {@link HttpParseException}, an {@link EOFException} — anything else escapes to the caller,
 * where a fuzz target reports it as a finding.
 *
 * @param head          the accepted head, or {@code null}
 * @param status        the refusal's status, or 0
 * @param rule          the rule the refusal names, or {@code null}
 * @param outcome       {@code "head"}, {@code "none"}, {@code "eof"} or {@code "refused"}
 * @param consumed      bytes the head took (valid for a head)
 * @param drawn         bytes the connection took from the client by the time the parser answered
 * @param largestBuffer the largest buffer the connection read into
 */
record HeadVerdict(RequestHead head, int status, ParseRule rule, String outcome, int consumed, int drawn,
                   int largestBuffer) {

    /** Parses the head at the start of {@code data}, fed {@code maxPerRead} bytes per read. */
    static HeadVerdict parse(byte[] data, Limits limits, int bufferSize, int maxPerRead) {
        ScriptedInput source = new ScriptedInput(data, maxPerRead);
        ConnectionInput in = new ConnectionInput(source, bufferSize, null);
        try {
            RequestHead head = new RequestHeadParser(limits).parse(in);
            int consumed = source.drawn() - in.available();
            return new HeadVerdict(head, 0, null, head == null ? "none" : "head", consumed, source.drawn(),
                    source.largestBuffer());
        } catch (HttpParseException e) {
            return new HeadVerdict(null, e.status(), e.rule(), "refused", -1, source.drawn(), source.largestBuffer());
        } catch (EOFException e) {
            return new HeadVerdict(null, 0, null, "eof", -1, source.drawn(), source.largestBuffer());
        } catch (IOException e) {
            // Not a client's doing: no deadline or timeout is set here, so it is a parser bug.
            throw new UncheckedIOException("unexpected " + e, e);
        }
    }

    boolean accepted() {
        return head != null;
    }

    /** Everything two ways of feeding the same bytes must agree on. */
    String key() {
        return outcome + "|" + status + "|" + rule + "|" + consumed + "|" + (head == null ? "" : describe(head));
    }

    /** Every field of a head, headers in order: equal descriptions mean equivalent requests. */
    static String describe(RequestHead h) {
        StringBuilder sb = new StringBuilder(128).append(h.method()).append(' ').append(h.target()).append(' ')
                .append(h.version()).append(" host=").append(h.host()).append(" length=").append(h.contentLength())
                .append(" chunked=").append(h.isChunked()).append(" keepAlive=").append(h.keepAlive())
                .append(" continue=").append(h.expectContinue());
        Headers headers = h.headers();
        for (int i = 0; i < headers.size(); i++) {
            sb.append('\n').append(headers.nameAt(i)).append(": ").append(headers.valueAt(i));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return key().replace("\n", "\\n");
    }
}
