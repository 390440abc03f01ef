package io.trestle.example;

/** Placeholder until the app lands. */
public final class ExampleApp {
    public static void main(String[] args) {
    }
}
