package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Row;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Incidents as KML 2.2 for Google Earth: one Placemark per incident with the CSV download's
 * ACLED columns as typed ExtendedData, so GDAL's LIBKML driver and Google Earth show the same
 * fields as the CSV. A StAX writer does the escaping; the document is written piece by piece
 * (head, one string per placemark, tail) because it streams.
 */
final class Kml {

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document id="incidents"><name>incidents</name>
            <Schema name="incident" id="incident">\
            <SimpleField name="event_id_cnty" type="string"/>\
            <SimpleField name="event_date" type="string"/>\
            <SimpleField name="time_precision" type="int"/>\
            <SimpleField name="event_type" type="string"/>\
            <SimpleField name="sub_event_type" type="string"/>\
            <SimpleField name="actor1" type="string"/>\
            <SimpleField name="country" type="string"/>\
            <SimpleField name="admin1" type="string"/>\
            <SimpleField name="admin2" type="string"/>\
            <SimpleField name="geo_precision" type="int"/>\
            <SimpleField name="source" type="string"/>\
            <SimpleField name="fatalities" type="int"/>\
            <SimpleField name="injuries" type="int"/>\
            <SimpleField name="weapons" type="string"/>\
            <SimpleField name="status" type="string"/>\
            </Schema>
            """;

    static final String TAIL = "</Document></kml>\n";

    /** Schema field → result column, in the order of {@link #HEAD}. */
    private static final String[][] FIELDS = {
        {"event_id_cnty", "id"}, {"event_date", "occurred_on"}, {"time_precision", "time_precision"},
        {"event_type", "event_type"}, {"sub_event_type", "sub_event_type"}, {"actor1", "actor"}, {"country", "country"},
        {"admin1", "admin1"}, {"admin2", "admin2"}, {"geo_precision", "geo_precision"}, {"source", "source"},
        {"fatalities", "killed"}, {"injuries", "injured"}, {"weapons", "weapons"}, {"status", "status"},
    };

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Kml() {
    }

    /** One Placemark; a null column is left out, so GDAL reads it as null, as the GeoJSON has it. */
    static String placemark(Row row) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartElement("Placemark");
            xml.writeAttribute("id", "incident-" + row.getUUID("id"));
            element(xml, "name", text(row.getValue("place_name")));
            element(xml, "description", text(row.getValue("notes")));
            xml.writeStartElement("ExtendedData");
            xml.writeStartElement("SchemaData");
            xml.writeAttribute("schemaUrl", "#incident");
            for (String[] field : FIELDS) {
                Object value = row.getValue(field[1]);
                if (value != null) {
                    xml.writeStartElement("SimpleData");
                    xml.writeAttribute("name", field[0]);
                    xml.writeCharacters(xmlText(value.toString()));
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("TimeStamp");
            element(xml, "when", row.getLocalDate("occurred_on").toString());
            xml.writeEndElement();
            xml.writeStartElement("Point");
            element(xml, "coordinates", row.getValue("longitude") + "," + row.getValue("latitude"));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing KML to a string", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (!text.isEmpty()) {
            xml.writeStartElement(name);
            xml.writeCharacters(xmlText(text));
            xml.writeEndElement();
        }
    }

    /**
     * XML 1.0 has no way to write most control characters, even escaped, which stored text may hold
     * (only NUL and lone surrogates are refused on input); each becomes U+FFFD so the document stays
     * well formed.
     */
    static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xFFFD && c != 0xFFFE;
            if (!allowed) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
