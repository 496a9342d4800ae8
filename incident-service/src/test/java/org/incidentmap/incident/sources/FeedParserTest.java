package org.incidentmap.incident.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed bodies as items of plain text, oldest first. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser(new ObjectMapper());

    private List<FeedItem> parse(SourceKind kind, String body) throws Exception {
        return parser.parse(kind, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rssItemsKeepTheirGuidLinkAndDateAndLoseTheirMarkup() throws Exception {
        List<FeedItem> items = parse(SourceKind.RSS, """
                <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://n.example/</link><description>d</description>
                <item><guid>later</guid><title>Drone attack on Sumy</title><link>https://n.example/2</link>
                  <pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;Two people were &lt;b&gt;injured&lt;/b&gt;.&lt;/p&gt;</description></item>
                <item><guid>earlier</guid><title>Shelling</title><link>https://n.example/1</link>
                  <pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate><description>One killed.</description></item>
                </channel></rss>""");
        assertThat(items).extracting(FeedItem::key).containsExactly("earlier", "later");
        FeedItem later = items.get(1);
        assertThat(later.url()).isEqualTo("https://n.example/2");
        assertThat(later.text()).isEqualTo("Drone attack on Sumy.\n\nTwo people were injured.");
        assertThat(later.publishedAt()).isEqualTo(Instant.parse("2024-01-02T08:00:00Z"));
    }

    @Test
    void atomEntriesUseTheirIdAndContent() throws Exception {
        List<FeedItem> items = parse(SourceKind.ATOM, """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id><updated>2024-01-01T00:00:00Z</updated>
                <entry><id>urn:e:1</id><title>Strike in Odesa</title><link href="https://n.example/odesa"/>
                  <published>2024-01-03T10:00:00Z</published><updated>2024-01-03T10:00:00Z</updated>
                  <content type="text">Strike in Odesa injured four people.</content></entry></feed>""");
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo("urn:e:1");
            assertThat(i.url()).isEqualTo("https://n.example/odesa");
            assertThat(i.text()).isEqualTo("Strike in Odesa injured four people.");
        });
    }

    @Test
    void malformedXmlAndDoctypesAreRefused() {
        assertThatThrownBy(() -> parse(SourceKind.RSS, "<rss><channel><item><title>cut")).isInstanceOf(FeedParser.Malformed.class);
        assertThatThrownBy(() -> parse(SourceKind.RSS, """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>&x;</title><link>l</link><description>d</description></channel></rss>"""))
                .isInstanceOf(FeedParser.Malformed.class);
    }

    @Test
    void jsonFeedItemsTakeTheirTextOrHtml() throws Exception {
        List<FeedItem> items = parse(SourceKind.JSONFEED, """
                {"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
                 {"id":"1","url":"https://n.example/a","content_html":"<p>Strike on Kherson.</p>","date_published":"2024-01-01T08:00:00+02:00"},
                 {"id":"2","title":"Kharkiv","content_text":"Kharkiv shelled.","date_published":"2024-01-02T08:00:00Z"}]}""");
        assertThat(items).extracting(FeedItem::text).containsExactly("Strike on Kherson.", "Kharkiv shelled.");
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.parse("2024-01-01T06:00:00Z"));
        assertThatThrownBy(() -> parse(SourceKind.JSONFEED, "{\"title\":\"no items\"}")).isInstanceOf(FeedParser.Malformed.class);
    }

    @Test
    void aTelegramExportGivesItsMessagesWithEntityTextJoinedAndSkipsServiceMessages() throws Exception {
        List<FeedItem> items = parse(SourceKind.TELEGRAM_EXPORT, """
                {"name":"Sample channel","type":"public_channel","id":1234567,"messages":[
                 {"id":1,"type":"service","date":"2024-01-01T09:00:00","date_unixtime":"1704099600","action":"pin_message","text":""},
                 {"id":2,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"1704103200",
                  "text":["Drone strike on ",{"type":"bold","text":"Sumy"},": two injured."]},
                 {"id":3,"type":"message","date":"2024-01-01T11:00:00","date_unixtime":"1704106800","text":"Plain text \\u0000message."}]}""");
        assertThat(items).extracting(FeedItem::key).containsExactly("telegram:1234567:2", "telegram:1234567:3");
        assertThat(items.get(0).text()).isEqualTo("Drone strike on Sumy: two injured.");
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.ofEpochSecond(1704103200));
        assertThat(items.get(1).text()).isEqualTo("Plain text message.");
        assertThatThrownBy(() -> parse(SourceKind.TELEGRAM_EXPORT, "[1,2]")).isInstanceOf(FeedParser.Malformed.class);
    }
}
