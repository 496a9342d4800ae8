package org.incidentmap.incident.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/** A claimant's casualty figures as clients send them. */
public record ClaimInput(
        @NotBlank @Size(max = 200) String claimant,
        @PositiveOrZero Integer killed,
        Boolean killedAtLeast,
        @PositiveOrZero Integer injured,
        Boolean injuredAtLeast,
        @Size(max = 5000) String statement,
        @URL @Size(max = 2000) String sourceUrl) {
}
