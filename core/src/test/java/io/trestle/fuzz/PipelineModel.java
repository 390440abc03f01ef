package io.trestle.fuzz;

import io.trestle.Method;
import io.trestle.http1.ChunkedInputStream;
import io.trestle.http1.ConnectionInput;
import io.trestle.http1.FixedLengthInputStream;
import io.trestle.http1.HttpParseException;
import io.trestle.http1.Limits;
import io.trestle.http1.RequestHead;
import io.trestle.http1.RequestHeadParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server built from the parser must answer to a byte stream, predicted with the parser and
 * body decoders alone, for an echo handler that reads every body: one {@link Answer} per request
 * up to the first refusal (its status, then nothing more), the end of the input, or a request
 * that does not keep the connection alive. A stream ending inside a head or a body gets no answer.
 */
final class PipelineModel {

    /** One expected response: 200 with {@link #echo} as its body, or an error status. */
    record Answer(int status, Method method, String target, byte[] body) {
        static Answer error(int status) {
            return new Answer(status, null, null, null);
        }

        /** The body the echo handler sends: method and target on a line, then the request body. */
        byte[] echo() {
            return echo(method.name(), target, body);
        }

        static byte[] echo(String method, String target, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + "\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return method == null ? Integer.toString(status) : status + " " + method + " " + target;
        }
    }

    private PipelineModel() {
    }

    static List<Answer> predict(byte[] stream, Limits limits) {
        ConnectionInput in = new ConnectionInput(new ByteArrayInputStream(stream), 8192, null);
        RequestHeadParser parser = new RequestHeadParser(limits);
        List<Answer> answers = new ArrayList<>();
        try {
            while (true) {
                RequestHead head = parser.parse(in);
                if (head == null) {
                    return answers;
                }
                if (head.contentLength() > limits.maxBodyBytes()) {
                    answers.add(Answer.error(413)); // refused before reading
                    return answers;
                }
                InputStream body = head.isChunked() ? new ChunkedInputStream(in, limits.maxBodyBytes(), limits)
                        : new FixedLengthInputStream(in, Math.max(0, head.contentLength()));
                answers.add(new Answer(200, head.method(), head.target(), body.readAllBytes()));
                if (!head.keepAlive()) {
                    return answers;
                }
            }
        } catch (HttpParseException e) {
            answers.add(Answer.error(e.status()));
        } catch (EOFException e) {
            // the client went away inside a request: nobody to answer
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }
}
