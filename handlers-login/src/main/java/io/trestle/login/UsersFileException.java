package io.trestle.login;

/** A users file that cannot be used; the message names the file and line. */
public final class UsersFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsersFileException(String message) {
        super(message);
    }

    public UsersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
