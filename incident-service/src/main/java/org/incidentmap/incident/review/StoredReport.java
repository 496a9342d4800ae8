package org.incidentmap.incident.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A pasted news report with what the extractor proposed from it. */
@Entity
@Table(name = "reports")
public class StoredReport extends PanacheEntityBase {

    @Id
    public UUID id;

    /** SHA-256 of the text, hex: the same text pasted twice is one report. */
    @Column(name = "text_hash", nullable = false)
    public String textHash;

    @Column(name = "url")
    public String url;

    @Column(name = "outlet", nullable = false)
    public String outlet;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "text", nullable = false)
    public String text;

    /** The extractor's {@code Extraction} as JSON; cast through text as the Vert.x client would bind a String as a JSON string. */
    @Column(name = "extraction", nullable = false)
    @ColumnTransformer(read = "CAST(extraction AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    public String extraction;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
