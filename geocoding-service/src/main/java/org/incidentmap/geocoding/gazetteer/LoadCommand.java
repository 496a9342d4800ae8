package org.incidentmap.geocoding.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;

/**
 * Command line: replaces the gazetteer with a GeoNames dump (UA.txt, allCountries.txt, .gz or
 * plain), streamed. Usage: {@code LoadCommand DUMP [ADMIN_CODE_FILE...]}; without admin code
 * files the bundled admin1/admin2 names are used. Database from IM_DB_URL, IM_DB_USER, IM_DB_PASSWORD.
 */
public final class LoadCommand {

    private LoadCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: load DUMP [ADMIN_CODE_FILE...]");
            System.exit(2);
        }
        String url = env("IM_DB_URL", "jdbc:postgresql://127.0.0.1:15432/incidentmap");
        String user = env("IM_DB_USER", "geocoding");
        String password = env("IM_DB_PASSWORD", "geocoding");
        Flyway.configure().dataSource(url, user, password).schemas("gazetteer").load().migrate();
        List<GazetteerLoader.Input> adminCodes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            adminCodes.add(file(Path.of(args[i])));
        }
        if (adminCodes.isEmpty()) {
            adminCodes.addAll(DefaultGazetteer.adminCodes());
        }
        GazetteerLoader.Result result = new GazetteerLoader(() -> DriverManager.getConnection(url, user, password),
                DefaultGazetteer.renames()).load(List.of(file(Path.of(args[0]))), adminCodes);
        System.out.printf("loaded %d places, %d names, %d admin codes in %.1f s%n", result.places(), result.names(),
                result.adminCodes(), result.took().toMillis() / 1000.0);
    }

    private static GazetteerLoader.Input file(Path path) throws IOException {
        if (!Files.isReadable(path)) {
            throw new IOException("cannot read " + path);
        }
        return () -> {
            InputStream in = Files.newInputStream(path);
            return path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
