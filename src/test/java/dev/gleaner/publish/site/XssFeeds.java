package dev.gleaner.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gleaner.testing.Workspace;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/** A workspace whose RSS, Atom and JSON feeds carry hostile HTML in every field they give an item. */
final class XssFeeds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    /** Names as a reader's configuration might hold them, pasted from anywhere. */
    private static final String HOSTILE_CATEGORY = "<img src=x onerror=alert(\"category\")>";
    private static final String HOSTILE_SITE = "\"><svg onload=alert(\"site\")>";
    private static final String HOSTILE_FEED = "</title><script>alert(\"feed\")</script>";
    private static final String HOSTILE_SITE_TITLE = "<script>alert(\"site title\")</script>信息流";

    private final Workspace workspace;
    private final String evilOrigin;
    private final Map<Instant, XssVectors.Vector> byDate = new HashMap<>();
    private int items;

    XssFeeds(Workspace workspace, String evilOrigin) {
        this.workspace = workspace;
        this.evilOrigin = evilOrigin;
    }

    /** The vector of the item published at {@code date}: every item has a date of its own. */
    Optional<XssVectors.Vector> vectorAt(Instant date) {
        return Optional.ofNullable(byDate.get(date));
    }

    /** Items written so far. */
    int items() {
        return items;
    }

    /**
     * Writes the feeds and {@code gleaner.yml} of the vectors: the filter evasion list in one
     * category, the conformance inputs in another, each vector in one feed of the three formats in
     * turn (the JSON Feed for those XML cannot carry).
     */
    void writeVectors(List<XssVectors.Vector> evasion, List<XssVectors.Vector> conformance, String siteUrl) {
        writeFormats("owasp", evasion, 0);
        writeFormats("conformance", conformance, evasion.size());
        workspace.write("gleaner.yml", """
                site:
                  title: 信息流
                  output: site
                  url: %s
                  page_size: 50
                storage: jdbc:sqlite:gleaner.db
                rsshub: [http://127.0.0.1:9]
                backlog: 100000
                subscriptions:
                  攻击:
                    owasp:
                      rss: {url: feeds/owasp.rss.xml, image: %s}
                      atom: {url: feeds/owasp.atom.xml, image: %s}
                      json: {url: feeds/owasp.json, image: %s}
                  测试:
                    conformance:
                      rss: {url: feeds/conformance.rss.xml, image: %s}
                      atom: {url: feeds/conformance.atom.xml, image: %s}
                      json: {url: feeds/conformance.json, image: %s}
                """.formatted(siteUrl, cover(), cover(), cover(), cover(), cover(), cover()));
    }

    /**
     * Writes a configuration whose own names are hostile (the site's title, the category, site and
     * feed names, a feed's author), over feeds of the vectors {@code sample}. These come from the
     * reader's configuration rather than from a feed, and every page shows some of them.
     */
    void writeHostileNames(List<XssVectors.Vector> sample, String siteUrl) {
        writeFormats("names", sample, 0);
        workspace.write("gleaner.yml", """
                site:
                  title: %s
                  output: site
                  url: %s
                  page_size: 5
                storage: jdbc:sqlite:gleaner.db
                rsshub: [http://127.0.0.1:9]
                backlog: 100000
                subscriptions:
                  %s:
                    %s:
                      %s: {url: feeds/names.rss.xml, author: %s, image: %s}
                      'javascript:alert("feed")': {url: feeds/names.atom.xml, image: %s}
                    '{{7*7}} ${alert(1)} {%% raw %%}':
                      '<b onmouseover=alert(1)>json</b>': {url: feeds/names.json, image: %s}
                """.formatted(yaml(HOSTILE_SITE_TITLE), siteUrl, yaml(HOSTILE_CATEGORY), yaml(HOSTILE_SITE),
                yaml(HOSTILE_FEED), yaml("<script>alert(\"author\")</script>"), cover(), cover(), cover()));
    }

    /** Covers on a host that answers at once, so that no page waits on the network. */
    private String cover() {
        return yaml(evilOrigin + "/cover/{n}.jpg");
    }

    private void writeFormats(String name, List<XssVectors.Vector> vectors, int offset) {
        List<Item> rss = new ArrayList<>();
        List<Item> atom = new ArrayList<>();
        List<Item> json = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            int n = offset + i;
            Item item = new Item(n, vectors.get(i).html(), START.plusHours(7L * n));
            byDate.put(item.date.toInstant(), vectors.get(i));
            if (!xmlCanCarry(item.html)) {
                json.add(item);
            } else {
                (i % 3 == 0 ? rss : i % 3 == 1 ? atom : json).add(item);
            }
        }
        String channel = vectors.isEmpty() ? "" : vectors.get(0).html();
        workspace.write("feeds/" + name + ".rss.xml", rss(channel, rss));
        workspace.write("feeds/" + name + ".atom.xml", atom(channel, atom));
        workspace.write("feeds/" + name + ".json", json(channel, json));
        items += vectors.size();
    }

    private record Item(int n, String html, ZonedDateTime date) {
        String guid() {
            return "urn:gleaner-xss:" + n;
        }
    }

    private static String rss(String channel, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
                xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                """);
        xml.append("<title>").append(cdata(channel)).append("</title>\n");
        xml.append("<link>").append(text(channel)).append("</link>\n");
        xml.append("<description>").append(cdata(channel)).append("</description>\n");
        for (Item item : items) {
            xml.append("<item>\n");
            xml.append("<title>").append(cdata(item.html)).append("</title>\n");
            if (item.n % 2 == 0) {
                xml.append("<description>").append(cdata(item.html)).append("</description>\n");
            } else {
                // Both encodings of one payload: escaped in the summary, raw in the content.
                xml.append("<description>").append(text(item.html)).append("</description>\n");
                xml.append("<content:encoded>").append(cdata(item.html)).append("</content:encoded>\n");
            }
            xml.append("<link>").append(text(item.html)).append("</link>\n");
            xml.append("<guid isPermaLink=\"false\">").append(item.guid()).append("</guid>\n");
            xml.append("<pubDate>").append(RFC_1123.format(item.date)).append("</pubDate>\n");
            xml.append("<dc:creator>").append(cdata(item.html)).append("</dc:creator>\n");
            xml.append("<category>").append(cdata(item.html)).append("</category>\n");
            xml.append("<comments>").append(text(item.html)).append("</comments>\n");
            xml.append("<enclosure url=\"").append(attribute(item.html))
                    .append("\" length=\"1\" type=\"audio/mpeg\"/>\n");
            xml.append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private static String atom(String channel, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                <id>urn:gleaner-xss:atom</id>
                <updated>2026-03-01T00:00:00Z</updated>
                """);
        xml.append("<title type=\"html\">").append(text(channel)).append("</title>\n");
        xml.append("<subtitle type=\"html\">").append(text(channel)).append("</subtitle>\n");
        xml.append("<rights type=\"html\">").append(text(channel)).append("</rights>\n");
        xml.append("<link rel=\"alternate\" href=\"").append(attribute(channel)).append("\"/>\n");
        for (Item item : items) {
            xml.append("<entry>\n<id>").append(item.guid()).append("</id>\n");
            xml.append("<title type=\"html\">").append(text(item.html)).append("</title>\n");
            xml.append("<updated>").append(item.date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("</updated>\n");
            xml.append("<author><name>").append(text(item.html)).append("</name><uri>").append(text(item.html))
                    .append("</uri></author>\n");
            xml.append("<link rel=\"alternate\" href=\"").append(attribute(item.html)).append("\"/>\n");
            xml.append("<link rel=\"enclosure\" type=\"audio/mpeg\" length=\"1\" href=\"").append(attribute(item.html))
                    .append("\"/>\n");
            xml.append("<category term=\"").append(attribute(item.html)).append("\" label=\"")
                    .append(attribute(item.html)).append("\"/>\n");
            xml.append("<summary type=\"html\">").append(text(item.html)).append("</summary>\n");
            String xhtml = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + item.html + "</div>";
            if (item.n % 2 == 0 && isWellFormed(xhtml)) {
                // The same payload as markup inside the feed, where the XML parser builds it first.
                xml.append("<content type=\"xhtml\">").append(xhtml).append("</content>\n");
            } else {
                xml.append("<content type=\"html\">").append(text(item.html)).append("</content>\n");
            }
            xml.append("</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String json(String channel, List<Item> items) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", channel);
        feed.put("description", channel);
        feed.put("home_page_url", channel);
        ArrayNode list = feed.putArray("items");
        for (Item item : items) {
            ObjectNode entry = list.addObject();
            entry.put("id", item.guid());
            entry.put("title", item.html);
            entry.put("url", item.html);
            entry.put("external_url", item.html);
            entry.put("content_html", item.html);
            if (item.n % 2 != 0) {
                // Plain-text fields beside it, which a reader must never take for markup.
                entry.put("content_text", item.html);
                entry.put("summary", item.html);
            }
            entry.put("image", item.html);
            entry.put("date_published", item.date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            entry.putArray("authors").addObject().put("name", item.html).put("url", item.html).put("avatar", item.html);
            entry.putArray("tags").add(item.html);
            entry.putArray("attachments").addObject().put("url", item.html).put("mime_type", "audio/mpeg")
                    .put("title", item.html);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every character of {@code text} may appear in an XML 1.0 document. */
    private static boolean xmlCanCarry(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isWellFormed(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(XssVectors.QUIET);
            builder.parse(new InputSource(new StringReader(xml)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String text(String text) {
        // A raw carriage return would reach the parser as a line feed.
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

    private static String attribute(String text) {
        return text(text).replace("\"", "&quot;").replace("\t", "&#9;").replace("\n", "&#10;");
    }

    /** {@code text} as a double-quoted YAML scalar. */
    private static String yaml(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
