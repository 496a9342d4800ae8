package org.incidentmap.incident.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The incident's properties as clients send them (the Feature's "properties", or the flat form
 * without latitude/longitude). Constraints in the {@link OnCreate} group apply to new incidents
 * only; a PATCH sends just the fields it changes.
 */
public record IncidentFields(
        @NotBlank(groups = OnCreate.class) @Size(max = 100) String eventType,
        @Size(max = 100) String subEventType,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> weapons,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> targets,
        @NotNull(groups = OnCreate.class) LocalDate occurredOn,
        @Min(1) @Max(3) Integer timePrecision,
        @Min(1) @Max(3) Integer geoPrecision,
        @Size(max = 200) String placeName,
        @Size(max = 100) String admin1,
        @Size(max = 100) String admin2,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as UA") String country,
        @PositiveOrZero Integer killed,
        Boolean killedAtLeast,
        @PositiveOrZero Integer injured,
        Boolean injuredAtLeast,
        @Pattern(regexp = "reported|verified|disputed|retracted",
                message = "must be one of reported, verified, disputed, retracted") String status,
        @Size(max = 200) String actor,
        @Size(max = 50) List<@Valid SourceInput> sources,
        @Size(max = 50) List<@Valid ClaimInput> claims) {

    /** Validation group of the constraints only a new incident must meet. */
    public interface OnCreate {
    }
}
