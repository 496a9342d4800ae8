package org.incidentmap.gateway.features;

import java.util.LinkedHashMap;
import java.util.Map;

/** A link of the OGC API documents (Features and Tiles), its members in the order the standards show them. */
public final class Links {

    private Links() {
    }

    public static Map<String, String> link(String href, String rel, String type, String title) {
        Map<String, String> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }
}
