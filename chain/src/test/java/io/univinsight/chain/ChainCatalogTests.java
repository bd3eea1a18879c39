package io.univinsight.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChainCatalogTests {
    private record Step(String name, int size) implements ChainElement {
    }

    private static ChainCatalog<Step> catalog() {
        return new ChainCatalog<Step>("step")
                .add("first", p -> new Step("first", 0))
                .add("sized", Set.of("size"), p -> new Step("sized", p.intValue("size", 10, 1)))
                .add("last", p -> new Step("last", 0));
    }

    @Test
    void registrationOrderIsTheDefaultChain() {
        assertEquals(List.of("first", "sized", "last"), catalog().names());
    }

    @Test
    void aChainHasTheConfiguredOrderEachNameOnceAndItsParameters() {
        List<Step> chain = catalog().build(List.of(" last", "sized", "last"), Map.of("sized", Map.of("size", "3")));
        assertEquals(List.of(new Step("last", 0), new Step("sized", 3)), chain);
        assertEquals(10, catalog().build(List.of("sized")).get(0).size(), "the default where nothing is configured");
    }

    @Test
    void typosFailWithWhatIsKnown() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> catalog().build(List.of("frist")));
        assertTrue(name.getMessage().contains("[first, sized, last]"), name.getMessage());
        IllegalArgumentException param = assertThrows(IllegalArgumentException.class,
                () -> catalog().build(List.of("sized"), Map.of("sized", Map.of("sise", "3"))));
        assertTrue(param.getMessage().contains("[size]"), param.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog().build(List.of("first"), Map.of("first", Map.of("size", "3"))),
                "an element that takes no parameters");
        assertThrows(IllegalArgumentException.class, () -> catalog().build(List.of("first"), Map.of("nope", Map.of())));
    }

    @Test
    void parametersOfAKnownElementLeftOutOfTheChainAreNotUsed() {
        assertEquals(List.of(new Step("first", 0)), catalog().build(List.of("first"), Map.of("sized", Map.of("size", "3"))));
    }

    @Test
    void anElementIsRegisteredOnce() {
        assertThrows(IllegalStateException.class, () -> catalog().add("first", p -> new Step("again", 0)));
    }
}
