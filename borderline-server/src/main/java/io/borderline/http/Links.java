package io.borderline.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Web links (RFC 8288) as the OGC API standards encode them in JSON: href, rel, type and title. */
final class Links {
    private Links() {}

    /** Appends one link to {@code links} and returns it (for extra members such as templated). */
    static ObjectNode add(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }
}
