package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without kubectl (none on the PATH, none fetchable) the k8s checks are skipped with how to get it, never failed. */
class KubectlLookupTests {
    @Test
    void noKubectlAnywhereSkipsWithTheWayToGetIt() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> K8s.kubectl(Map.of("PATH", "/nonexistent"), Optional::empty));
        assertTrue(skipped.getMessage().contains("kubectl is not on the PATH"), skipped.getMessage());
    }

    @Test
    void kubectlFromTheEnvironmentOrTheFetchIsUsed() {
        assertEquals("/opt/k/kubectl", K8s.kubectl(Map.of("KUBECTL", "/opt/k/kubectl"), Optional::empty));
        assertEquals(Path.of("/tools/kubectl").toString(), K8s.kubectl(Map.of("PATH", "/nonexistent"), () -> Optional.of(Path.of("/tools/kubectl"))));
    }
}
