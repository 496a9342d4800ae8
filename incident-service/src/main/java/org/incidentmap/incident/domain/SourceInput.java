package org.incidentmap.incident.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.hibernate.validator.constraints.URL;

/** A source as clients send it. */
public record SourceInput(
        @NotBlank @Size(max = 200) String outlet,
        @URL @Size(max = 2000) String url,
        OffsetDateTime publishedAt,
        @Size(max = 5000) String excerpt) {
}
