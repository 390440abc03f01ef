package com.example.hello;

/** The JSON answer of {@code GET /hello/{name}}. */
public record Greeting(String message, String name) {
}
