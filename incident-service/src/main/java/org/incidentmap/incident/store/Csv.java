package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Row;

/** One incident as an ACLED-like CSV line (RFC 4180 quoting). */
final class Csv {

    private Csv() {
    }

    static String line(Row row) {
        String[] cells = {
            row.getUUID("id").toString(),
            row.getLocalDate("occurred_on").toString(),
            String.valueOf(row.getLocalDate("occurred_on").getYear()),
            text(row.getValue("time_precision")),
            text(row.getValue("event_type")),
            text(row.getValue("sub_event_type")),
            text(row.getValue("actor")),
            text(row.getValue("country")),
            text(row.getValue("admin1")),
            text(row.getValue("admin2")),
            text(row.getValue("place_name")),
            text(row.getValue("latitude")),
            text(row.getValue("longitude")),
            text(row.getValue("geo_precision")),
            text(row.getValue("source")),
            text(row.getValue("notes")),
            text(row.getValue("killed")),
            text(row.getValue("injured")),
            text(row.getValue("weapons")),
            text(row.getValue("status")),
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells[i]));
        }
        return sb.append('\n').toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
