package org.incidentmap.incident.sources;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Feed documents the tests serve, with report texts the extractor reads as one strike each. */
final class Feeds {

    private Feeds() {
    }

    record Entry(String id, String link, String title, String body) {
    }

    /** A day of its own per test, so incidents of other tests are never "the same incident". */
    static LocalDate someDay() {
        return LocalDate.of(2022, 3, 1).plusDays(ThreadLocalRandom.current().nextInt(600));
    }

    static String strike(LocalDate day, String place, int killed, int injured) {
        return "A Russian missile struck a residential building in %s on %d %s, killing %d people and injuring %d, the regional governor said. Ref %s."
                .formatted(place, day.getDayOfMonth(), day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                        killed, injured, UUID.randomUUID());
    }

    static Entry entry(String body) {
        String id = "urn:uuid:" + UUID.randomUUID();
        return new Entry(id, "https://news.example/" + UUID.randomUUID(), body.substring(0, body.indexOf(" in ")), body);
    }

    static String atom(List<Entry> entries) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Test outlet</title><id>urn:test:feed</id><updated>2024-01-01T00:00:00Z</updated>
                """);
        for (Entry e : entries) {
            s.append("""
                      <entry><id>%s</id><title>%s</title><link href="%s"/><updated>2024-01-01T08:00:00Z</updated>
                        <content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>
                    """.formatted(e.id(), e.title(), e.link(), e.body()));
        }
        return s.append("</feed>\n").toString();
    }

    static String rss(List<Entry> entries) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>Test outlet</title><link>https://news.example/</link><description>t</description>
                """);
        for (Entry e : entries) {
            s.append("""
                    <item><guid isPermaLink="false">%s</guid><title>%s</title><link>%s</link>
                      <pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate><description>%s</description></item>
                    """.formatted(e.id(), e.title(), e.link(), e.body()));
        }
        return s.append("</channel></rss>\n").toString();
    }
}
