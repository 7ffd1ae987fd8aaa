package dev.gleaner.testing;

import java.util.ArrayList;
import java.util.List;

/** Builds RSS 2.0 documents shaped like RSSHub's output, for tests that need a feed to fetch. */
public final class RssDocument {
    private final String title;
    private final String link;
    private final List<String> items = new ArrayList<>();

    private RssDocument(String title, String link) {
        this.title = title;
        this.link = link;
    }

    /** An empty channel with this title and site link. */
    public static RssDocument channel(String title, String link) {
        return new RssDocument(title, link);
    }

    /**
     * Adds an item; {@code pubDate} and {@code guid} may be null to leave them out.
     *
     * @param description HTML, written in a CDATA section as RSSHub does
     */
    public RssDocument item(String itemTitle, String description, String pubDate, String itemLink, String guid) {
        StringBuilder item = new StringBuilder("    <item>\n");
        item.append("      <title><![CDATA[").append(cdata(itemTitle)).append("]]></title>\n");
        item.append("      <description><![CDATA[").append(cdata(description)).append("]]></description>\n");
        if (pubDate != null) {
            item.append("      <pubDate>").append(pubDate).append("</pubDate>\n");
        }
        if (guid != null) {
            item.append("      <guid isPermaLink=\"false\">").append(escape(guid)).append("</guid>\n");
        }
        if (itemLink != null) {
            item.append("      <link>").append(escape(itemLink)).append("</link>\n");
        }
        items.add(item.append("    </item>\n").toString());
        return this;
    }

    /** Adds an item with a link that doubles as its guid. */
    public RssDocument item(String itemTitle, String description, String pubDate, String itemLink) {
        return item(itemTitle, description, pubDate, itemLink, itemLink);
    }

    /** The document's text. */
    public String xml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<rss xmlns:atom=\"http://www.w3.org/2005/Atom\" version=\"2.0\">\n  <channel>\n");
        xml.append("    <title><![CDATA[").append(cdata(title)).append("]]></title>\n");
        xml.append("    <link>").append(escape(link)).append("</link>\n");
        xml.append("    <description><![CDATA[").append(cdata(title))
                .append(" - Made with love by RSSHub(https://github.com/DIYgod/RSSHub)]]></description>\n");
        xml.append("    <generator>RSSHub</generator>\n    <language>zh-cn</language>\n    <ttl>5</ttl>\n");
        items.forEach(xml::append);
        return xml.append("  </channel>\n</rss>\n").toString();
    }

    private static String cdata(String text) {
        return text.replace("]]>", "]]]]><![CDATA[>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
