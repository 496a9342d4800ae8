package org.incidentmap.incident.extraction;

import java.util.Locale;

/** The languages the extractor reads, by their ISO 639-1 codes. */
public enum Language {
    EN, UK, RU;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Ukrainian and Russian: inflected, read through lemmas. */
    boolean slavic() {
        return this != EN;
    }
}
