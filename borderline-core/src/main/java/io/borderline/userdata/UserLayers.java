package io.borderline.userdata;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The named layers loaded at start-up, by name, in file-name order. Immutable and thread-safe. */
public final class UserLayers {
    /** No layers (no layer folder given). */
    public static final UserLayers NONE = new UserLayers(Map.of());

    private final Map<String, UserLayer> byName;

    public UserLayers(Map<String, UserLayer> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public Optional<UserLayer> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<UserLayer> all() {
        return byName.values();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The layer a source parameter names ({@code layer:NAME}), or empty if the value is not a layer reference. */
    public static Optional<String> reference(String value) {
        return value != null && value.startsWith(UserLayer.PREFIX)
            ? Optional.of(value.substring(UserLayer.PREFIX.length())) : Optional.empty();
    }
}
