package org.incidentmap.common;

/**
 * Text the service can store and hand on as it came: no NUL (PostgreSQL's text types cannot hold
 * it, so it failed the statement) and no lone UTF-16 surrogate (JSON's \\uD800 escape allows one,
 * but it is no character: it cannot be written as UTF-8, and stored it would come back as
 * something else). Body members and query parameters of every service are checked against this rule.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be taken, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate (\\u" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }
}
