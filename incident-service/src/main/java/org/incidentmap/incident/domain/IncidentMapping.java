package org.incidentmap.incident.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.incidentmap.incident.store.Incident;

/** Copies client-sent properties onto the stored incident. */
final class IncidentMapping {

    private static final String[] NONE = new String[0];

    /** One setter per patchable property; sources and claims have their own commands. */
    static final Map<String, BiConsumer<Incident, IncidentFields>> SETTERS = Map.ofEntries(
            Map.entry("eventType", (i, f) -> i.eventType = f.eventType()),
            Map.entry("subEventType", (i, f) -> i.subEventType = f.subEventType()),
            Map.entry("weapons", (i, f) -> i.weapons = f.weapons() == null ? NONE : f.weapons().toArray(NONE)),
            Map.entry("targets", (i, f) -> i.targets = f.targets() == null ? NONE : f.targets().toArray(NONE)),
            Map.entry("occurredOn", (i, f) -> i.occurredOn = f.occurredOn()),
            Map.entry("timePrecision", (i, f) -> i.timePrecision = (short) (f.timePrecision() == null ? 1 : f.timePrecision())),
            Map.entry("geoPrecision", (i, f) -> { }),
            Map.entry("placeName", (i, f) -> i.placeName = f.placeName()),
            Map.entry("admin1", (i, f) -> i.admin1 = f.admin1()),
            Map.entry("admin2", (i, f) -> i.admin2 = f.admin2()),
            Map.entry("country", (i, f) -> i.country = f.country()),
            Map.entry("killed", (i, f) -> i.killed = f.killed()),
            Map.entry("killedAtLeast", (i, f) -> i.killedAtLeast = Boolean.TRUE.equals(f.killedAtLeast())),
            Map.entry("injured", (i, f) -> i.injured = f.injured()),
            Map.entry("injuredAtLeast", (i, f) -> i.injuredAtLeast = Boolean.TRUE.equals(f.injuredAtLeast())),
            Map.entry("status", (i, f) -> i.status = f.status() == null ? "reported" : f.status()),
            Map.entry("actor", (i, f) -> i.actor = f.actor()));

    private IncidentMapping() {
    }

    static void applyAll(Incident incident, IncidentFields fields) {
        SETTERS.values().forEach(setter -> setter.accept(incident, fields));
    }

    static void applyPresent(Incident incident, IncidentFields fields, Set<String> present) {
        SETTERS.forEach((name, setter) -> {
            if (present.contains(name)) {
                setter.accept(incident, fields);
            }
        });
        if (present.contains("geoPrecision") && incident.point != null) {
            incident.geoPrecision = fields.geoPrecision() == null ? null : fields.geoPrecision().shortValue();
        }
    }

    /** A patch may not clear what every incident has. */
    static void checkRequired(Incident incident, IncidentPatch.Form form) {
        List<FieldError> errors = new ArrayList<>();
        if (incident.eventType == null || incident.eventType.isBlank()) {
            errors.add(new FieldError(form.property("eventType"), "must not be blank"));
        }
        if (incident.occurredOn == null) {
            errors.add(new FieldError(form.property("occurredOn"), "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
