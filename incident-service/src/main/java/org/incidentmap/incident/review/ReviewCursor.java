package org.incidentmap.incident.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.incidentmap.incident.domain.InvalidInputException;

/** Where a page of the review queue ended: the last report's creation time and id, as an opaque token. */
public record ReviewCursor(Instant createdAt, UUID reportId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "/" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code token}, or null for none; a token this service did not write is a 400 naming {@code after}. */
    public static ReviewCursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/", 2);
            return new ReviewCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw InvalidInputException.of("after", "is not a cursor this service returned");
        }
    }
}
