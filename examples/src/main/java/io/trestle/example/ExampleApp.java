package io.trestle.example;

/** Placeholder: the launcher lands with discovery. */
public final class ExampleApp {
    private ExampleApp() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("the example app lands with discovery");
    }
}
