package io.univinsight.taskapi.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The accepted API keys. A key is checked against every configured key in constant time (digests
 * compared with {@link MessageDigest#isEqual}, no early exit), so response timing tells nothing
 * about how much of a guess was right. The shipped placeholders (REPLACE-ME...) are refused at
 * start: a deployment must never run with keys anyone can read in the repository.
 */
public final class ApiKeys {
    static final String PLACEHOLDER = "REPLACE-ME";

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = digests;
    }

    /**
     * @throws IllegalArgumentException when a key is a placeholder of the shipped secrets
     */
    public static ApiKeys of(List<String> configured) {
        List<byte[]> digests = new ArrayList<>();
        for (String raw : configured) {
            String key = raw == null ? "" : raw.strip();
            if (key.isEmpty()) {
                continue;
            }
            if (key.toUpperCase(java.util.Locale.ROOT).startsWith(PLACEHOLDER)) {
                throw new IllegalArgumentException("API_KEYS holds a placeholder (" + PLACEHOLDER
                        + "...) from k8s/base/secrets.yaml: set real keys before starting task-api");
            }
            digests.add(digest(key));
        }
        return new ApiKeys(List.copyOf(digests));
    }

    public int size() {
        return digests.size();
    }

    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = digest(presented);
        boolean found = false;
        for (byte[] key : digests) {
            found |= MessageDigest.isEqual(key, candidate);
        }
        return found;
    }

    /** The hex SHA-256 of a key: tells callers apart where they are stored, and cannot be sent back as the key. */
    public static String fingerprint(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
