package org.incidentmap.incident.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.hibernate.validator.constraints.URL;

/**
 * A source as clients send it. {@code machineExtracted}: the incident was published from this
 * report by the extractor without an editor's review; {@code sample}: the report is sample content
 * the project wrote, not news. Both default to false.
 */
public record SourceInput(
        @NotBlank @Size(max = 200) String outlet,
        @URL @Size(max = 2000) String url,
        OffsetDateTime publishedAt,
        @Size(max = 5000) String excerpt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean machineExtracted,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sample) {

    public SourceInput(String outlet, String url, OffsetDateTime publishedAt, String excerpt) {
        this(outlet, url, publishedAt, excerpt, null, null);
    }
}
