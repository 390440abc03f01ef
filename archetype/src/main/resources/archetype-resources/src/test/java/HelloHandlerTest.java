package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.TrestleTest;
import io.trestle.testing.TrestleTestOutput;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serves the handler on a real socket (a free loopback port) with Trestle's test kit. What the
 * server prints and logs during a test is shown only if that test fails (TrestleTestOutput).
 */
@ExtendWith(TrestleTestOutput.class)
class HelloHandlerTest {

    @Test
    void greetsByName() {
        try (TrestleTest t = TrestleTest.start(routes -> routes.annotated(new HelloHandler()))) {
            HttpResponse<String> res = t.get("/${artifactId}/hello/Ada");
            assertEquals(200, res.statusCode());
            assertEquals("application/json", res.headers().firstValue("Content-Type").orElse(null));
            assertEquals("{\"message\":\"Hello, Ada!\",\"name\":\"Ada\"}", res.body());
        }
    }

    @Test
    void aTooLongNameIsAClientError() {
        try (TrestleTest t = TrestleTest.start(routes -> routes.annotated(new HelloHandler()))) {
            HttpResponse<String> res = t.send(t.request("/${artifactId}/hello/" + "a".repeat(HelloHandler.MAX_NAME + 1))
                    .header("Accept", "application/json"));
            assertEquals(400, res.statusCode());
            assertTrue(res.body().contains("at most 64 characters"), res.body());
        }
    }

    @Test
    void onlyGetAndHeadAreServed() {
        try (TrestleTest t = TrestleTest.start(routes -> routes.annotated(new HelloHandler()))) {
            HttpResponse<String> res = t.post("/${artifactId}/hello/Ada", "text/plain", "hi");
            assertEquals(405, res.statusCode());
            assertEquals("GET, HEAD, OPTIONS", res.headers().firstValue("Allow").orElse(null));
        }
    }
}
