package io.univinsight.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The elements a chain can be built from, by name, each with the parameters it takes. A chain is
 * configured as a list of names (its order) and a map of parameters per name; an unknown name or
 * parameter fails at startup. Registration order is the default chain.
 */
public final class ChainCatalog<E extends ChainElement> {
    private record Entry<E>(Set<String> params, Function<ElementParams, E> factory) {
    }

    private final String kind;
    private final Map<String, Entry<E>> entries = new LinkedHashMap<>();

    /** @param kind what the elements are, for error messages ("URL filter", "extractor") */
    public ChainCatalog(String kind) {
        this.kind = kind;
    }

    /** An element that takes no parameters. */
    public ChainCatalog<E> add(String name, Function<ElementParams, E> factory) {
        return add(name, Set.of(), factory);
    }

    public ChainCatalog<E> add(String name, Set<String> params, Function<ElementParams, E> factory) {
        if (entries.putIfAbsent(name, new Entry<>(Set.copyOf(params), factory)) != null) {
            throw new IllegalStateException(kind + " '" + name + "' registered twice");
        }
        return this;
    }

    /** Every name, in the default order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The named elements in the given order (a repeated name counts once), at their default parameters. */
    public List<E> build(List<String> names) {
        return build(names, Map.of());
    }

    /**
     * The named elements in the given order (a repeated name counts once), each made with its
     * parameters from {@code params} (by element name).
     *
     * @throws IllegalArgumentException for an unknown element or parameter (parameters of a known
     *                                  element left out of this chain are not used)
     */
    public List<E> build(List<String> names, Map<String, Map<String, String>> params) {
        Objects.requireNonNull(names, "names");
        Set<String> chosen = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.strip();
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("unknown " + kind + " '" + raw + "'; known: " + entries.keySet());
            }
            chosen.add(name);
        }
        for (String configured : params.keySet()) {
            if (!entries.containsKey(configured)) {
                throw new IllegalArgumentException("parameters for unknown " + kind + " '" + configured + "'; known: " + entries.keySet());
            }
        }
        List<E> chain = new ArrayList<>(chosen.size());
        for (String name : chosen) {
            Entry<E> entry = entries.get(name);
            chain.add(entry.factory().apply(new ElementParams(name, params.getOrDefault(name, Map.of()), entry.params())));
        }
        return List.copyOf(chain);
    }
}
