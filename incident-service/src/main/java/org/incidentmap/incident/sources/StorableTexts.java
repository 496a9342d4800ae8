package org.incidentmap.incident.sources;

/** Feed text made storable: a feed's NULs and lone surrogates (JSON can carry both) are dropped rather than refused. */
final class StorableTexts {

    private StorableTexts() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c != '\u0000' && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
