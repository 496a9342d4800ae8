package org.incidentmap.geocoding.gazetteer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.match.NameNormalizer;
import org.incidentmap.geocoding.match.RegionWords;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk-loads GeoNames dumps into the gazetteer with COPY, streaming: a file of any size
 * (allCountries.txt, 12 million rows) passes through line by line. Loads into fresh tables,
 * indexes them, and swaps them for the live ones in one transaction, so a reload is idempotent
 * and a failed load leaves the previous gazetteer in place.
 */
public final class GazetteerLoader {

    private static final Logger LOG = Logger.getLogger(GazetteerLoader.class);
    /** The schema the service reads. */
    public static final String SCHEMA = "gazetteer";
    private static final List<String> TABLES = List.of("place", "place_name", "admin_code");
    private static final String STAGING = "_load";

    // Alternate names in other scripts, IATA-style codes and lower-case romanisations of
    // non-Latin spellings ("ha er ke fu") only produce false matches for this gazetteer's users.
    private static final Pattern FOREIGN_SCRIPT = Pattern.compile("[^\\p{IsLatin}\\p{IsCyrillic}\\p{IsCommon}\\p{IsInherited}]");
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{2,4}$");
    private static final Pattern ROMANISATION = Pattern.compile("^[a-z]");

    /** Opens a database connection; the loader closes it. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** Opens one input to read; the loader closes it. */
    @FunctionalInterface
    public interface Input {
        InputStream open() throws IOException;
    }

    /** What a load put in place. */
    public record Result(long places, long names, long adminCodes, Duration took) {
    }

    private final ConnectionFactory connections;
    private final RenameAliases renames;
    private final String schema;

    public GazetteerLoader(ConnectionFactory connections, RenameAliases renames) {
        this(connections, renames, SCHEMA);
    }

    /** A loader for a schema migrated like {@link #SCHEMA} (a second gazetteer, a test's own schema). */
    public GazetteerLoader(ConnectionFactory connections, RenameAliases renames, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        this.connections = connections;
        this.renames = renames;
        this.schema = schema;
    }

    /** Loads the dumps (geoname format) and admin code files (code, name, ...) in place of the live gazetteer. */
    public Result load(List<Input> dumps, List<Input> adminCodes) throws IOException, SQLException {
        long started = System.nanoTime();
        try (Connection places = connections.open(); Connection names = connections.open()) {
            createStaging(places);
            Map<String, String> adminNames = copyAdminCodes(adminCodes, places);
            long[] counts = copyDumps(dumps, adminNames, places, names);
            long codes = adminNames.size();
            places.setAutoCommit(false);
            try {
                indexStaging(places);
                swap(places);
                places.commit();
            } catch (SQLException | RuntimeException e) {
                places.rollback();
                throw e;
            }
            Result result = new Result(counts[0], counts[1], codes, Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("gazetteer loaded: %d places, %d names, %d admin codes in %d ms", result.places(),
                    result.names(), result.adminCodes(), result.took().toMillis());
            return result;
        }
    }

    private void createStaging(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String table : TABLES) {
                st.execute("DROP TABLE IF EXISTS %1$s.%2$s%3$s".formatted(schema, table, STAGING));
                // Indexes come after the data: building them once is far faster than maintaining them.
                st.execute("CREATE TABLE %1$s.%2$s%3$s (LIKE %1$s.%2$s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
                        .formatted(schema, table, STAGING));
            }
        }
    }

    private long[] copyDumps(List<Input> dumps, Map<String, String> adminNames, Connection places, Connection names)
            throws IOException, SQLException {
        long placeCount = 0;
        long nameCount = 0;
        try (Writer placeOut = copyWriter(places, "place (geonameid, name, asciiname, latitude, longitude, geom, "
                + "feature_class, feature_code, country, admin1, admin2, population, importance, admin1_name, admin2_name)");
                Writer nameOut = copyWriter(names, "place_name (geonameid, name, norm, skel, preferred, importance)")) {
            for (Input dump : dumps) {
                try (BufferedReader in = reader(dump)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        GeoNamesRecord place = GeoNamesRecord.parse(line);
                        writePlace(placeOut, place, adminNames);
                        placeCount++;
                        nameCount += writeNames(nameOut, place);
                    }
                }
            }
        }
        return new long[] {placeCount, nameCount};
    }

    private static void writePlace(Writer out, GeoNamesRecord p, Map<String, String> adminNames) throws IOException {
        String point = String.format(Locale.ROOT, "SRID=4326;POINT(%s %s)", p.longitude(), p.latitude());
        String admin1 = p.country() + "." + p.admin1();
        row(out, Long.toString(p.geonameid()), p.name(), p.asciiname(), Double.toString(p.latitude()),
                Double.toString(p.longitude()), point, p.featureClass(), p.featureCode(), p.country(), p.admin1(),
                p.admin2(), Long.toString(p.population()), Float.toString(p.importance()), adminNames.get(admin1),
                adminNames.get(admin1 + "." + p.admin2()));
    }

    private int writeNames(Writer out, GeoNamesRecord p) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        String importance = Float.toString(p.importance());
        String id = Long.toString(p.geonameid());
        int written = 0;
        List<String[]> names = new ArrayList<>();
        names.add(new String[] {p.name(), "t"});
        names.add(new String[] {p.asciiname(), "t"});
        for (String alternate : p.alternateNames()) {
            if (usable(alternate)) {
                names.add(new String[] {alternate, "f"});
            }
        }
        for (String old : renames.otherNames(p.country(), p.admin1(), p.name(), p.isRegion())) {
            names.add(new String[] {old, "f"});
        }
        for (String[] name : names) {
            for (String norm : NameNormalizer.normalise(name[0])) {
                List<String> keys = new ArrayList<>();
                keys.add(norm);
                if (p.isRegion()) {
                    keys.addAll(RegionWords.stems(norm));
                }
                for (String key : keys) {
                    if (seen.add(key)) {
                        row(out, id, name[0], key, NameNormalizer.skeleton(key), name[1], importance);
                        written++;
                    }
                }
            }
        }
        return written;
    }

    static boolean usable(String alternate) {
        return !alternate.isBlank() && !FOREIGN_SCRIPT.matcher(alternate).find()
                && !CODE.matcher(alternate).matches() && !ROMANISATION.matcher(alternate).find();
    }

    /**
     * The admin code names, by code, as loaded: places carry their admin names, so these come
     * first (tens of thousands of codes for the whole world, small beside the places).
     */
    private Map<String, String> copyAdminCodes(List<Input> files, Connection conn) throws IOException, SQLException {
        Map<String, String> names = new java.util.HashMap<>();
        try (Writer out = copyWriter(conn, "admin_code (code, name)")) {
            for (Input file : files) {
                try (BufferedReader in = reader(file)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        String[] c = line.split("\t", -1);
                        if (c.length >= 2 && !line.startsWith("#") && names.putIfAbsent(c[0], c[1]) == null) {
                            row(out, c[0], c[1]);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** Builds on the staging tables the indexes the live tables have (their definitions come from the migrations). */
    private void indexStaging(Connection conn) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = '"
                        + schema + "' AND tablename IN ('place', 'place_name', 'admin_code')")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String index = rs.getString(2);
                ddl.add(rs.getString(3)
                        .replace(" INDEX " + index + " ON ", " INDEX " + index + STAGING + " ON ")
                        .replace(" ON " + schema + "." + table + " ", " ON " + schema + "." + table + STAGING + " "));
            }
        }
        try (Statement st = conn.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
            for (String table : TABLES) {
                st.execute("ANALYZE %s.%s%s".formatted(schema, table, STAGING));
            }
        }
    }

    private void swap(Connection conn) throws SQLException {
        Map<String, List<String>> indexes = new java.util.HashMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = '" + schema
                        + "' AND tablename IN ('place', 'place_name', 'admin_code')")) {
            while (rs.next()) {
                indexes.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        try (Statement st = conn.createStatement()) {
            for (String table : TABLES) {
                st.execute("DROP TABLE %s.%s".formatted(schema, table));
                st.execute("ALTER TABLE %1$s.%2$s%3$s RENAME TO %2$s".formatted(schema, table, STAGING));
                for (String index : indexes.getOrDefault(table, List.of())) {
                    st.execute("ALTER INDEX %1$s.%2$s%3$s RENAME TO %2$s".formatted(schema, index, STAGING));
                }
            }
        }
    }

    private Writer copyWriter(Connection conn, String target) throws SQLException {
        PGConnection pg = conn.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, "COPY " + schema + "." + target.replaceFirst(" ", STAGING + " ")
                + " FROM STDIN", 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    private static BufferedReader reader(Input input) throws IOException {
        return new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16);
    }

    /** One row of COPY's text format; null is SQL NULL. */
    private static void row(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            String v = values[i];
            if (v == null) {
                out.write("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
        }
        out.write('\n');
    }
}
