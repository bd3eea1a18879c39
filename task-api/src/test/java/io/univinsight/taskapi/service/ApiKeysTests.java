package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeysTests {
    @Test
    void acceptsExactlyTheConfiguredKeys() {
        ApiKeys keys = ApiKeys.of(List.of(" key-one ", "", "key-two"));
        assertEquals(2, keys.size());
        assertTrue(keys.accepts("key-one"));
        assertTrue(keys.accepts("key-two"));
        assertFalse(keys.accepts("key-on"));
        assertFalse(keys.accepts("key-one "));
        assertFalse(keys.accepts(null));
    }

    @Test
    void theShippedPlaceholdersRefuseToStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.of(Arrays.asList("REPLACE-ME-api-key-1", "REPLACE-ME-api-key-2")));
        assertTrue(e.getMessage().contains("k8s/base/secrets.yaml"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(List.of("good-key", "replace-me-later")));
    }

    @Test
    void aKeysFingerprintIsItsHexSha256AndNotTheKey() {
        assertEquals("2c70e12b7a0646f92279f427c7b38e7334d8e5389cff167a1dc30e73f826b683", ApiKeys.fingerprint("key"));
        assertEquals(64, ApiKeys.fingerprint("key-one").length());
        assertFalse(ApiKeys.fingerprint("key-one").contains("key-one"));
    }
}
