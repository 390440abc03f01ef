package io.trestle.example.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Replaces {@code window.fetch} in the open page, for answers the real server gives only
 * rarely (throttling, a crash, a dropped connection). The page's own code runs unchanged.
 * Every stub counts its calls in {@code window.__fetchCalls}.
 */
final class FetchStub {

    private FetchStub() {
    }

    /** Every fetch answers {@code status} with {@code headers} (a JS object literal) and {@code body}. */
    static void answer(WebDriver driver, int status, String headers, String body) {
        run(driver, "const [status, headers, body] = arguments;"
                + "window.fetch = () => { window.__fetchCalls++;"
                + "  return Promise.resolve(new Response(body, { status, headers: JSON.parse(headers) })); };",
                status, headers, body);
    }

    /** Every fetch fails the way a dropped connection does: a rejected promise with a TypeError. */
    static void failNetwork(WebDriver driver) {
        run(driver, "window.fetch = () => { window.__fetchCalls++;"
                + "  return Promise.reject(new TypeError('Failed to fetch')); };");
    }

    /** Every fetch waits until {@link #release} answers it with {@code status}. */
    static void hold(WebDriver driver) {
        run(driver, "window.__release = [];"
                + "window.fetch = () => { window.__fetchCalls++;"
                + "  return new Promise(resolve => window.__release.push(resolve)); };");
    }

    static void release(WebDriver driver, int status, String body) {
        run(driver, "const [status, body] = arguments;"
                + "for (const resolve of window.__release) resolve(new Response(body, { status,"
                + "  headers: { 'Content-Type': 'application/json' } }));",
                status, body);
    }

    /** Leaves fetch working, only counting the calls. */
    static void count(WebDriver driver) {
        run(driver, "const real = window.fetch;"
                + "window.fetch = (...args) => { window.__fetchCalls++; return real(...args); };");
    }

    static long calls(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return window.__fetchCalls;");
    }

    private static void run(WebDriver driver, String script, Object... args) {
        ((JavascriptExecutor) driver).executeScript("window.__fetchCalls = 0;" + script, args);
    }
}
