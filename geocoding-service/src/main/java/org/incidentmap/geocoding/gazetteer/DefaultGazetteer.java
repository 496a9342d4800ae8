package org.incidentmap.geocoding.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The gazetteer bundled with the service: the cities500 extract, the curated supplement, admin code names, former names and region names. */
public final class DefaultGazetteer {

    static final String DIR = "/gazetteer/";

    private DefaultGazetteer() {
    }

    public static List<GazetteerLoader.Input> dumps() {
        return List.of(() -> new GZIPInputStream(resource("cities500-extract.txt.gz"), 1 << 16),
                () -> resource("supplement.txt"));
    }

    public static List<GazetteerLoader.Input> adminCodes() {
        return List.of(() -> resource("admin1CodesASCII.txt"), () -> resource("admin2Codes.txt"));
    }

    public static RenameAliases renames() throws IOException {
        return RenameAliases.read(resource("renames.txt"), resource("region-names.txt"));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DefaultGazetteer.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IOException("missing bundled gazetteer file " + name);
        }
        return in;
    }
}
