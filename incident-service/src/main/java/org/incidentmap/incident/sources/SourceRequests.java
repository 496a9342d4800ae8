package org.incidentmap.incident.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.requests.JsonBodies;

/** Turns a source registration body into a validated {@link Registration}; bad input names the field. */
@ApplicationScoped
class SourceRequests {

    /** Body of {@code POST /sources}. */
    record Body(@NotBlank String kind, @Size(max = 2000) String url, @NotBlank @Size(max = 200) String name,
            String pollInterval, @Pattern(regexp = "en|uk|ru") String language, @Size(max = 1000) String attribution,
            Boolean sample, @DecimalMin("0") @DecimalMax("1") Double autoPublishAbove) {
    }

    /** A valid registration: the URL's form is checked here, its addresses when it is registered. */
    record Registration(SourceKind kind, String url, String name, Duration pollInterval, String language,
            String attribution, boolean sample, Double autoPublishAbove) {
    }

    private final JsonBodies bodies;
    private final SourcesConfig config;

    SourceRequests(JsonBodies bodies, SourcesConfig config) {
        this.bodies = bodies;
        this.config = config;
    }

    Registration registration(byte[] raw) {
        Body b = bodies.bind(bodies.object(raw), Body.class, "");
        SourceKind kind = SourceKind.of(b.kind());
        if (kind == null) {
            throw InvalidInputException.of("kind", "must be one of " + SourceKind.names());
        }
        String url = b.url() == null || b.url().isBlank() ? null : b.url().strip();
        if (url == null && kind != SourceKind.TELEGRAM_EXPORT) {
            throw InvalidInputException.of("url", "is required for a " + kind.wire() + " source");
        }
        if (url != null) {
            try {
                UrlGuard.parse(url);
            } catch (UrlGuard.Refused e) {
                throw InvalidInputException.of("url", e.getMessage());
            }
        }
        return new Registration(kind, url, b.name().strip(), interval(b.pollInterval()), b.language(),
                b.attribution(), Boolean.TRUE.equals(b.sample()), b.autoPublishAbove());
    }

    private Duration interval(String iso) {
        if (iso == null) {
            return config.defaultPollInterval();
        }
        Duration d;
        try {
            d = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("pollInterval", "must be an ISO-8601 duration such as PT5M");
        }
        if (d.compareTo(config.minPollInterval()) < 0) {
            throw InvalidInputException.of("pollInterval", "must be at least " + config.minPollInterval());
        }
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            throw InvalidInputException.of("pollInterval", "must be at most P7D");
        }
        return d;
    }
}
