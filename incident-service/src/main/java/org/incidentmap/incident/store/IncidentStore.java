package org.incidentmap.incident.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A single change's reads and writes of the incident tables, on the reactive connection whose
 * transaction the change runs in. The statements are the ones imports run ({@link Columns}).
 */
public final class IncidentStore {

    private static final String INSERT_INCIDENTS = Incident.COLUMNS.insert(Columns.REACTIVE);
    private static final String UPDATE_INCIDENTS = Incident.COLUMNS.update("id", Columns.REACTIVE);
    private static final String INSERT_SOURCES = Source.COLUMNS.insert(Columns.REACTIVE);
    private static final String INSERT_CLAIMS = Claim.COLUMNS.insert(Columns.REACTIVE);
    private static final String INSERT_REVISIONS = Revision.COLUMNS.insert(Columns.REACTIVE);

    private IncidentStore() {
    }

    /** The incident under a row lock (see {@link Incident#LOCKED}); a null item when there is none. */
    public static Uni<Incident> locked(SqlConnection c, UUID id) {
        return c.preparedQuery(Incident.LOCKED).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : Incident.from(rows.iterator().next()));
    }

    public static Uni<Void> insert(SqlConnection c, Incident incident) {
        return c.preparedQuery(INSERT_INCIDENTS).execute(Incident.COLUMNS.tuple(List.of(incident))).replaceWithVoid();
    }

    /** Writes every column of the stored incident but its id. */
    public static Uni<Void> update(SqlConnection c, Incident incident) {
        return c.preparedQuery(UPDATE_INCIDENTS).execute(Incident.COLUMNS.tuple(List.of(incident))).replaceWithVoid();
    }

    public static Uni<Void> addSources(SqlConnection c, List<Source> sources) {
        return sources.isEmpty() ? Uni.createFrom().voidItem()
                : c.preparedQuery(INSERT_SOURCES).execute(Source.COLUMNS.tuple(sources)).replaceWithVoid();
    }

    public static Uni<Void> addClaims(SqlConnection c, List<Claim> claims) {
        return claims.isEmpty() ? Uni.createFrom().voidItem()
                : c.preparedQuery(INSERT_CLAIMS).execute(Claim.COLUMNS.tuple(claims)).replaceWithVoid();
    }

    public static Uni<Void> addRevision(SqlConnection c, Revision revision) {
        return c.preparedQuery(INSERT_REVISIONS).execute(Revision.COLUMNS.tuple(List.of(revision))).replaceWithVoid();
    }

    /** The incident's sources, in the order they were added. */
    public static Uni<List<Source>> sources(SqlConnection c, UUID id) {
        return list(c, Source.OF_INCIDENT, id, Source::from);
    }

    /** The incident's claims, in the order they were added. */
    public static Uni<List<Claim>> claims(SqlConnection c, UUID id) {
        return list(c, Claim.OF_INCIDENT, id, Claim::from);
    }

    /** The stored incident's Feature, with the sources and claims its transaction sees. */
    public static Uni<String> feature(SqlConnection c, Incident incident) {
        return sources(c, incident.id).chain(sources -> claims(c, incident.id)
                .map(claims -> IncidentFeature.of(incident, sources, claims)));
    }

    private static <T> Uni<List<T>> list(SqlConnection c, String sql, UUID id, Function<Row, T> row) {
        return c.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            List<T> list = new ArrayList<>(rows.size());
            rows.forEach(r -> list.add(row.apply(r)));
            return list;
        });
    }
}
