package io.borderline.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link Process} whose id names its description resource ({@code /processes/ID.json}), read once. */
abstract class DescribedProcess implements Process {
    private final String id;
    private final ObjectNode description;

    DescribedProcess(String id) {
        this.id = id;
        this.description = Process.load(id);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ObjectNode description() {
        return description;
    }
}
