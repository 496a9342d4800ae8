package org.incidentmap.incident.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Streams incident lists straight from PostgreSQL: a cursor fetches rows in small batches and
 * each batch is written out before the next is read, so no list is ever held whole in memory.
 * Everything runs in one REPEATABLE READ transaction, so the "seq" the answer carries is the
 * event log's head as of exactly the rows listed, and a requested "numberMatched" counts that
 * same snapshot.
 */
@ApplicationScoped
public class IncidentStream {

    private static final int FETCH = 200;

    private static final String CSV_COLUMNS = """
            i.id, i.occurred_on, i.time_precision, i.event_type, i.sub_event_type, i.actor, i.country,
            i.admin1, i.admin2, i.place_name, ST_Y(i.geom) AS latitude, ST_X(i.geom) AS longitude, i.geo_precision,
            (SELECT string_agg(s.outlet, '; ' ORDER BY s.id) FROM incident.sources s WHERE s.incident_id = i.id) AS source,
            (SELECT s.excerpt FROM incident.sources s WHERE s.incident_id = i.id ORDER BY s.id LIMIT 1) AS notes,
            i.killed, i.injured, array_to_string(i.weapons, ';') AS weapons, i.status""";

    static final String CSV_HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
            + "country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,injuries,"
            + "weapons,status\n";

    private final Pool pool;

    public IncidentStream(Pool pool) {
        this.pool = pool;
    }

    /**
     * Where a page ends: the last row's values of the {@link SortOrder}'s keys and its id, opaque
     * to clients. A {@link SortOrder} decodes it, since only the order knows the values' types.
     */
    public record Cursor(List<Object> values, UUID id) {

        public String encode() {
            StringBuilder text = new StringBuilder();
            values.forEach(value -> text.append(value).append('|'));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(text.append(id).toString().getBytes(StandardCharsets.UTF_8));
        }

        static String[] parts(String text) {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
        }
    }

    /**
     * The links of a page: itself, the same page as CSV, and {@code next} turning the next page's
     * cursor into its address. Hrefs are URIs as a URI builder writes them, so they need no JSON escaping.
     */
    public record PageLinks(String self, String csv, Function<String, String> next) {

        String json(Cursor after) {
            return "[" + link("self", "application/geo+json", self) + "," + link("alternate", "text/csv", csv)
                    + (after == null ? "" : "," + link("next", "application/geo+json", next.apply(after.encode()))) + "]";
        }

        private static String link(String rel, String type, String href) {
            return "{\"rel\":\"" + rel + "\",\"type\":\"" + type + "\",\"href\":\"" + href + "\"}";
        }
    }

    /**
     * A GeoJSON FeatureCollection with "seq", "numberReturned" and links to itself, its CSV form
     * and, when more rows match, the next page. With {@code count} it also carries
     * "numberMatched", the rows matching {@code filter} on all pages, ahead of the features so
     * that a streaming reader knows the total from the start.
     */
    public Multi<Buffer> featureCollection(IncidentFilter filter, SortOrder order, Cursor after, int limit, boolean count,
            Crs crs, PageLinks links) {
        return page(filter, order, after, limit, count, crs.featureSql() + " AS feature", new Page.Writer() {
            @Override
            public String head(long seq, Long matched) {
                // timeStamp: when the page was read, which OGC API – Features clients show as its age
                return "{\"type\":\"FeatureCollection\",\"seq\":" + seq
                        + ",\"timeStamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                        + (matched == null ? "" : ",\"numberMatched\":" + matched) + ",\"features\":[";
            }

            @Override
            public String row(Row row, boolean first) {
                return first ? row.getString("feature") : "," + row.getString("feature");
            }

            @Override
            public String tail(int returned, Cursor next) {
                return "],\"numberReturned\":" + returned + ",\"links\":" + links.json(next) + "}";
            }
        });
    }

    /** The same rows as ACLED-like CSV, one incident a line. */
    public Multi<Buffer> csv(IncidentFilter filter, SortOrder order, Cursor after, int limit) {
        return page(filter, order, after, limit, false, CSV_COLUMNS, new Page.Writer() {
            @Override
            public String head(long seq, Long matched) {
                return CSV_HEADER;
            }

            @Override
            public String row(Row row, boolean first) {
                return Csv.line(row);
            }

            @Override
            public String tail(int returned, Cursor next) {
                return "";
            }
        });
    }

    /** The same rows and columns as KML placemarks for Google Earth. */
    public Multi<Buffer> kml(IncidentFilter filter, SortOrder order, Cursor after, int limit) {
        return page(filter, order, after, limit, false, CSV_COLUMNS, new Page.Writer() {
            @Override
            public String head(long seq, Long matched) {
                return Kml.HEAD;
            }

            @Override
            public String row(Row row, boolean first) {
                return Kml.placemark(row);
            }

            @Override
            public String tail(int returned, Cursor next) {
                return Kml.TAIL;
            }
        });
    }

    private Multi<Buffer> page(IncidentFilter filter, SortOrder order, Cursor after, int limit, boolean count,
            String columns, Page.Writer writer) {
        // The total ignores the cursor: it counts the matches on every page, this one included.
        Tuple countParams = Tuple.tuple();
        String countSql = count ? countSql(filter, countParams) : null;
        Tuple params = Tuple.tuple();
        String conditions = IncidentStats.counted(filter, params);
        if (after != null) {
            String keyset = order.afterSql(after, params);
            conditions = conditions.isEmpty() ? keyset : conditions + " AND " + keyset;
        }
        // one row past the page tells whether a next page exists
        params.addInteger(limit + 1);
        String sql = "SELECT " + columns + ", " + order.selectSql() + " FROM incident.incident_features i"
                + " WHERE " + conditions
                + " ORDER BY " + order.orderBySql() + " LIMIT $" + params.size();
        Function<Snapshot, Uni<Void>> close = Snapshot::close;
        return Multi.createFrom().resourceFromUni(() -> open(countSql, countParams),
                        snapshot -> stream(snapshot, sql, params, limit, order, writer))
                .withFinalizer(close);
    }

    private static String countSql(IncidentFilter filter, Tuple params) {
        return "SELECT count(*) FROM incident.incident_features i WHERE " + IncidentStats.counted(filter, params);
    }

    /**
     * Begins the listing's transaction and reads the log head; with {@code countSql}, counts the
     * matches in the same transaction. The count runs on the listing's own connection rather than
     * beside it on a second one: it then sees exactly the rows and seq the page does, and a request
     * never holds one pooled connection while waiting for another, which under load could leave
     * every connection held by a request waiting for a second.
     */
    private Uni<Snapshot> open(String countSql, Tuple countParams) {
        return pool.getConnection().chain(conn -> conn.begin()
                .chain(tx -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                        .chain(() -> conn.query("SELECT last_seq FROM incident.event_counter").execute())
                        .map(rows -> rows.iterator().next().getLong(0))
                        .chain(seq -> countSql == null ? Uni.createFrom().item(new Snapshot(conn, tx, seq, null))
                                : conn.preparedQuery(countSql).execute(countParams)
                                        .map(rows -> new Snapshot(conn, tx, seq, rows.iterator().next().getLong(0)))))
                .onFailure().call(conn::close));
    }

    private static Multi<Buffer> stream(Snapshot snapshot, String sql, Tuple params, int limit, SortOrder order,
            Page.Writer writer) {
        Page page = new Page(limit, order, writer);
        Multi<String> rows = snapshot.conn.prepare(sql)
                .onItem().transformToMulti(statement -> statement.createStream(FETCH, params).toMulti())
                .group().intoLists().of(FETCH)
                .map(page::write);
        // Quarkus REST ends every item with a line feed when it streams without a JSON array, so
        // items are cut at line ends and the line feed after each is left to it.
        return Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(() -> writer.head(snapshot.seq, snapshot.matched)),
                        rows,
                        Multi.createFrom().item(page::tail))
                .map(text -> text.endsWith("\n") ? text.substring(0, text.length() - 1) : text)
                .filter(text -> !text.isEmpty())
                .map(Buffer::buffer);
    }

    /**
     * The connection and transaction a listing reads through, the log head it reflects and, when
     * asked for, the number of rows matching its filters (null otherwise).
     */
    private record Snapshot(SqlConnection conn, Transaction tx, long seq, Long matched) {

        Uni<Void> close() {
            return tx.commit().onFailure().recoverWithNull().eventually(conn::close);
        }
    }

    /** Counts rows, holds back the look-ahead row and remembers where the page ended. */
    private static final class Page {

        interface Writer {
            String head(long seq, Long matched);

            String row(Row row, boolean first);

            String tail(int returned, Cursor next);
        }

        private final int limit;
        private final SortOrder order;
        private final Writer writer;
        private int returned;
        private boolean more;
        private Cursor last;

        Page(int limit, SortOrder order, Writer writer) {
            this.limit = limit;
            this.order = order;
            this.writer = writer;
        }

        String write(List<Row> rows) {
            StringBuilder sb = new StringBuilder();
            for (Row row : rows) {
                if (returned == limit) {
                    more = true;
                    break;
                }
                sb.append(writer.row(row, returned == 0));
                returned++;
                last = order.cursorAt(row);
            }
            return sb.toString();
        }

        String tail() {
            return writer.tail(returned, more ? last : null);
        }
    }
}
