package org.incidentmap.incident.extraction;

import java.time.Instant;
import java.util.Objects;

/**
 * A news report as pasted by an editor: its text and where it came from. {@code publishedAt} anchors
 * relative dates such as "on Saturday" or "yesterday".
 */
public record Report(String text, Instant publishedAt, String outlet, String url) {

    public Report {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    public static Report of(String text, Instant publishedAt) {
        return new Report(text, publishedAt, null, null);
    }
}
