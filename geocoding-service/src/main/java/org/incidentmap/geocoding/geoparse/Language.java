package org.incidentmap.geocoding.geoparse;

/**
 * The language of a text, as far as its words' dictionaries go: Cyrillic text is Ukrainian or
 * Russian by the letters only one of them has (і ї є ґ against ы э ъ ё), Latin text English.
 */
enum Language {
    ENGLISH, UKRAINIAN, RUSSIAN;

    static Language of(String text) {
        int ukrainian = 0;
        int russian = 0;
        int cyrillic = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
            }
            switch (c) {
                case 'і', 'ї', 'є', 'ґ' -> ukrainian++;
                case 'ы', 'э', 'ъ', 'ё' -> russian++;
                default -> { }
            }
        }
        if (cyrillic == 0) {
            return ENGLISH;
        }
        return russian > ukrainian ? RUSSIAN : UKRAINIAN;
    }
}
