package io.trestle.example.browser;

import java.net.URI;

/**
 * The server the browser talks to: the example app started here, or one that already runs
 * elsewhere ({@code -Dtrestle.browser.url}).
 */
final class AppUnderTest implements AutoCloseable {

    private final URI baseUri;
    private final AutoCloseable stop;

    private AppUnderTest(URI baseUri, AutoCloseable stop) {
        this.baseUri = baseUri;
        this.stop = stop;
    }

    static AppUnderTest start(String user, String password) throws Exception {
        String url = System.getProperty("trestle.browser.url", "");
        if (!url.isBlank()) {
            return new AppUnderTest(URI.create(url.trim()), () -> { });
        }
        throw new IllegalStateException("in-process start lands with ExampleApp.start");
    }

    URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
