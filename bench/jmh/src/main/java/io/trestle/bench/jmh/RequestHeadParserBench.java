package io.trestle.bench.jmh;

import io.trestle.http1.ConnectionInput;
import io.trestle.http1.Limits;
import io.trestle.http1.RequestHead;
import io.trestle.http1.RequestHeadParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RequestHeadParser#parse} on one request head fed from a byte array, as the connection
 * loop calls it: the {@link ConnectionInput} is reused and its stream rewound for every operation.
 *
 * <p>{@code browser} is what Chrome sends for a page (13 fields, ~700 bytes); {@code wrk} is the
 * two-field head of the load benchmark's plaintext requests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestHeadParserBench {
    static final String BROWSER = """
            GET /api/users/42/orders?sort=date&page=2 HTTP/1.1\r
            Host: shop.example.com\r
            Connection: keep-alive\r
            sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"\r
            sec-ch-ua-mobile: ?0\r
            sec-ch-ua-platform: "Linux"\r
            Upgrade-Insecure-Requests: 1\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r
            Sec-Fetch-Site: same-origin\r
            Sec-Fetch-Mode: navigate\r
            Referer: https://shop.example.com/api/users/42\r
            Accept-Encoding: gzip, deflate, br, zstd\r
            Accept-Language: en-GB,en;q=0.9,de;q=0.8\r
            Cookie: TRESTLE_SESSION=Yk3hT0q9Vw2XJ7cZp1mL8sRfA4uN6eBd; theme=dark\r
            \r
            """;
    static final String WRK = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n";

    @Param({"browser", "wrk"})
    public String head;

    private ByteArrayInputStream bytes;
    private ConnectionInput input;
    private RequestHeadParser parser;

    @Setup
    public void setUp() throws IOException {
        byte[] raw = (head.equals("browser") ? BROWSER : WRK).getBytes(StandardCharsets.ISO_8859_1);
        bytes = new ByteArrayInputStream(raw);
        input = new ConnectionInput(bytes, 16 * 1024, null);
        parser = new RequestHeadParser(Limits.DEFAULTS);
        if (parse() == null) {
            throw new IllegalStateException("the benchmark's head did not parse");
        }
    }

    @Benchmark
    public RequestHead parse() throws IOException {
        bytes.reset();
        return parser.parse(input);
    }
}
