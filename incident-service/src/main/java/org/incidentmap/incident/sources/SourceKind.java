package org.incidentmap.incident.sources;

import java.util.Arrays;

/** The formats a source can deliver. */
public enum SourceKind {
    RSS("rss"), ATOM("atom"), JSONFEED("jsonfeed"), TELEGRAM_EXPORT("telegram-export");

    private final String wire;

    SourceKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The kind named {@code wire}, or null. */
    public static SourceKind of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst().orElse(null);
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(SourceKind::wire).toList());
    }
}
