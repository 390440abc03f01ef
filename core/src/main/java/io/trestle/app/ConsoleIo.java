package io.trestle.app;

import io.trestle.Command;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/** A command's terminal: the console when there is one (no echo), else standard input. */
final class ConsoleIo implements Command.CommandIo {
    private final PrintStream out;
    private final PrintStream err;
    private BufferedReader stdin;

    ConsoleIo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    /** JDK 22+ returns a console even when input is piped; only its isTerminal() tells. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }

    @Override
    public char[] readPassword(String prompt) throws IOException {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] pw = console.readPassword("%s", prompt);
            if (pw == null) {
                throw new IOException("no password given (end of input)");
            }
            return pw;
        }
        // Piped input (scripts, tests): nothing to echo to, so read a plain line.
        err.print(prompt);
        err.flush();
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        }
        String line = stdin.readLine();
        if (line == null) {
            throw new IOException("no password given (end of input)");
        }
        return line.toCharArray();
    }
}
