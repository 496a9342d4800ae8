package org.incidentmap.incident.store;

/**
 * PostgreSQL array literals for text[] values, so that a column of arrays (one list per row, each
 * of its own length) travels as one text[] parameter and is cast back per row.
 */
final class PgArrays {

    private PgArrays() {
    }

    /** {@code {"a","b \"c\""}}: every element quoted, backslashes and quotes escaped. */
    static String literal(String[] values) {
        StringBuilder sb = new StringBuilder(2 + 8 * values.length).append('{');
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append('"');
            String v = values[k];
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    sb.append('\\');
                }
                sb.append(ch);
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }
}
