package io.trestle.login;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * with SALT and HASH in base64 (no padding).
 *
 * <pre>{@code
 * PasswordHash h = PasswordHash.create("s3cret".toCharArray(), 600_000);
 * String line = "eiger=" + h.encoded();
 * PasswordHash.parse(h.encoded()).matches("s3cret".toCharArray());   // true
 * }</pre>
 *
 * @param iterations the PBKDF2 iteration count
 * @param salt       the random salt
 * @param hash       the derived key, 32 bytes
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int RECOMMENDED_ITERATIONS = 600_000;

    static final String SCHEME = "pbkdf2-sha256";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int MIN_SALT_BYTES = 8;
    // Far above any sane setting; stops a typo (or a hostile file) from costing minutes per login.
    static final int MAX_ITERATIONS = 100_000_000;

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    public PasswordHash {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS + ": " + iterations);
        }
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("the salt must have at least " + MIN_SALT_BYTES + " bytes");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash must have " + HASH_BYTES + " bytes, not " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a new random salt. The caller still owns (and clears) the array. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        Salts.RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * A hash no password matches (random salt and hash), costing {@code iterations} to check:
     * checked for unknown users so they take as long as known ones. Creating it costs nothing.
     *
     * <p>The bytes come from {@link ThreadLocalRandom}, not a {@link SecureRandom}: whether a
     * password matches the dummy is never used, and finding one that does would take a PBKDF2
     * preimage of 256 bits either way. The users file is read at start-up, where seeding the first
     * SecureRandom of the process took 16-18 ms of the example app's main thread on one CPU.
     */
    static PasswordHash dummy(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        ThreadLocalRandom.current().nextBytes(salt);
        ThreadLocalRandom.current().nextBytes(hash);
        return new PasswordHash(iterations, salt, hash);
    }

    /** The salts of new hashes, from a SecureRandom made on first use: parsing and checking hashes need none. */
    private static final class Salts {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /**
     * Reads the encoded form.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the text itself
     */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected " + SCHEME + "$ITERATIONS$SALT$HASH");
        }
        if (!SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("unknown hash scheme '" + parts[0] + "' (only " + SCHEME + ")");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        return new PasswordHash(iterations, decode(parts[2], "salt"), decode(parts[3], "hash"));
    }

    /** Whether {@code password} hashes to this, compared in constant time. */
    public boolean matches(char[] password) {
        byte[] candidate = derive(password, salt, iterations);
        return MessageDigest.isEqual(candidate, hash);
    }

    /** The text stored in the users file. */
    public String encoded() {
        return SCHEME + '$' + iterations + '$' + ENCODER.encodeToString(salt) + '$' + ENCODER.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations
                && Arrays.equals(p.salt, salt) && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(hash);
    }

    /** Never prints the hash: it would help an offline attack if it reached a log. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every JDK since 8 ships this algorithm; its absence is a broken runtime.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not valid base64");
        }
    }
}
