package org.incidentmap.incident.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * A feed body as items of plain text. RSS and Atom through Rome (which refuses DOCTYPEs, so no
 * external entities are read); JSON Feed and Telegram Desktop's channel export through Jackson.
 * Blocking CPU work: callers run it on a worker thread. Items come oldest first.
 */
final class FeedParser {

    /** A body that is not a feed of its kind. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper;

    FeedParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<FeedItem> parse(SourceKind kind, byte[] body) throws Malformed {
        List<FeedItem> items = switch (kind) {
            case RSS, ATOM -> syndication(body);
            case JSONFEED -> jsonFeed(json(body));
            case TELEGRAM_EXPORT -> telegram(json(body));
        };
        List<FeedItem> kept = new ArrayList<>(items.stream().filter(i -> !i.text().isBlank()).toList());
        kept.sort((a, b) -> a.publishedAt() == null || b.publishedAt() == null ? 0 : a.publishedAt().compareTo(b.publishedAt()));
        return kept;
    }

    private static List<FeedItem> syndication(byte[] body) throws Malformed {
        List<SyndEntry> entries;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            entries = input.build(new XmlReader(new ByteArrayInputStream(body))).getEntries();
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new Malformed("not a readable RSS or Atom feed: " + firstLine(e.getMessage()));
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry e : entries) {
            StringBuilder html = new StringBuilder();
            if (e.getContents() != null) {
                for (SyndContent c : e.getContents()) {
                    if (c.getValue() != null) {
                        html.append(c.getValue()).append('\n');
                    }
                }
            }
            if (html.isEmpty() && e.getDescription() != null && e.getDescription().getValue() != null) {
                html.append(e.getDescription().getValue());
            }
            String text = text(e.getTitle(), plain(html.toString()));
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : e.getLink();
            items.add(new FeedItem(key, blankToNull(e.getLink()), text, date == null ? null : date.toInstant()));
        }
        return items;
    }

    private JsonNode json(byte[] body) throws Malformed {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Malformed("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Malformed("not readable JSON: " + firstLine(e.getMessage()));
        }
    }

    private static List<FeedItem> jsonFeed(JsonNode feed) throws Malformed {
        if (!feed.path("items").isArray()) {
            throw new Malformed("a JSON Feed needs an items array");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode i : feed.path("items")) {
            String body = i.hasNonNull("content_text") ? i.path("content_text").asText()
                    : i.hasNonNull("content_html") ? plain(i.path("content_html").asText())
                    : i.path("summary").asText("");
            String key = i.hasNonNull("id") ? i.path("id").asText() : i.path("url").asText(null);
            Instant date = instant(i.hasNonNull("date_published") ? i.path("date_published").asText() : i.path("date_modified").asText(null));
            items.add(new FeedItem(key, blankToNull(i.path("url").asText(null)), text(i.path("title").asText(null), body), date));
        }
        return items;
    }

    /**
     * Telegram Desktop's export of a channel (result.json): messages whose text is a string or a
     * list of strings and entity objects; service messages (pins, joins) are skipped.
     */
    private static List<FeedItem> telegram(JsonNode export) throws Malformed {
        if (!export.path("messages").isArray()) {
            throw new Malformed("a Telegram export needs a messages array");
        }
        String channel = export.path("id").asText(export.path("name").asText("channel"));
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode m : export.path("messages")) {
            if (!"message".equals(m.path("type").asText()) || !m.hasNonNull("id")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            JsonNode t = m.path("text");
            if (t.isTextual()) {
                text.append(t.asText());
            } else if (t.isArray()) {
                for (JsonNode part : t) {
                    text.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
                }
            }
            Instant date = m.hasNonNull("date_unixtime") && m.path("date_unixtime").asText().matches("\\d{1,12}")
                    ? Instant.ofEpochSecond(Long.parseLong(m.path("date_unixtime").asText())) : null;
            items.add(new FeedItem("telegram:" + channel + ":" + m.path("id").asText(), null,
                    StorableTexts.clean(text.toString().strip()), date));
        }
        return items;
    }

    /** The title and body as one text, the title left out when the body already starts with it. */
    private static String text(String title, String body) {
        String t = title == null ? "" : StorableTexts.clean(plain(title));
        String b = body == null ? "" : StorableTexts.clean(body.strip());
        if (t.isEmpty()) {
            return b;
        }
        if (b.isEmpty() || b.startsWith(t)) {
            return b.isEmpty() ? t : b;
        }
        return t + (t.matches(".*[.!?…]$") ? "" : ".") + "\n\n" + b;
    }

    private static String plain(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parseBodyFragment(html).text();
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
