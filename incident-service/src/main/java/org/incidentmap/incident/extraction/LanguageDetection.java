package org.incidentmap.incident.extraction;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The language of a report, by Lingua's n-gram models. Only the English, Ukrainian and Russian models
 * are loaded, and in low-accuracy mode (trigrams only, about 0.3 MB of JSON each): reports are
 * paragraphs, and Ukrainian and Russian differ in letters as well as in words, so the larger models
 * would buy nothing but memory. Thread-safe; build one per process.
 */
public final class LanguageDetection {

    private final LanguageDetector detector = LanguageDetectorBuilder
            .fromLanguages(com.github.pemistahl.lingua.api.Language.ENGLISH,
                    com.github.pemistahl.lingua.api.Language.UKRAINIAN,
                    com.github.pemistahl.lingua.api.Language.RUSSIAN)
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build();

    /** The report's language; English when the text has too few letters to tell. */
    public Language detect(String text) {
        return switch (detector.detectLanguageOf(text)) {
            case UKRAINIAN -> Language.UK;
            case RUSSIAN -> Language.RU;
            default -> Language.EN;
        };
    }
}
