package dev.gleaner.publish.site;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The site's own feeds: Atom 1.0 and JSON Feed 1.1 of a list's newest items. */
final class FeedsOut {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private FeedsOut() {
    }

    /**
     * One feed.
     *
     * @param title its title
     * @param page the absolute address of the list it follows
     * @param self the absolute address of the feed itself
     * @param language the language tag of its items
     * @param items its items, newest first
     */
    record Feed(String title, String page, String self, String language, List<Item> items) {
    }

    /**
     * One item of a feed.
     *
     * @param id its page's absolute address, which is also its identity
     * @param title its title
     * @param original its original address, or empty
     * @param date its date
     * @param author who wrote it, or empty
     * @param categories its category path
     * @param summary the start of its text
     * @param html its sanitized body
     * @param image the item's own picture, empty when it has none
     */
    record Item(String id, String title, String original, Instant date, String author, List<String> categories,
            String summary, String html, String image) {
    }

    static String atom(Feed feed) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", feed.language());
            element(xml, "title", feed.title());
            element(xml, "id", feed.page());
            link(xml, "alternate", "text/html", feed.page());
            link(xml, "self", "application/atom+xml", feed.self());
            // The newest item's date, not the build's: a build with nothing new writes the same feed.
            element(xml, "updated", (feed.items().isEmpty() ? Instant.EPOCH : feed.items().get(0).date()).toString());
            element(xml, "generator", "Gleaner");
            for (Item item : feed.items()) {
                xml.writeCharacters("\n");
                xml.writeStartElement("entry");
                element(xml, "title", item.title());
                element(xml, "id", item.id());
                link(xml, "alternate", "text/html", item.id());
                if (!item.original().isEmpty()) {
                    link(xml, "related", "text/html", item.original());
                }
                element(xml, "published", item.date().toString());
                element(xml, "updated", item.date().toString());
                if (!item.author().isEmpty()) {
                    xml.writeStartElement("author");
                    element(xml, "name", item.author());
                    xml.writeEndElement();
                }
                for (String category : item.categories()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", XmlChars.clean(category));
                }
                element(xml, "summary", item.summary());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(XmlChars.clean(item.html()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed " + feed.self() + ": " + e.getMessage(), e);
        }
        return text.append('\n').toString();
    }

    static String jsonFeed(Feed feed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", feed.title());
        root.put("home_page_url", feed.page());
        root.put("feed_url", feed.self());
        root.put("language", feed.language());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item item : feed.items()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", item.id());
            out.put("url", item.id());
            if (!item.original().isEmpty()) {
                out.put("external_url", item.original());
            }
            out.put("title", item.title());
            out.put("content_html", item.html());
            out.put("summary", item.summary());
            if (!item.image().isEmpty()) {
                out.put("image", item.image());
            }
            out.put("date_published", item.date().toString());
            if (!item.author().isEmpty()) {
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("name", item.author());
                out.put("authors", List.of(author));
            }
            out.put("tags", item.categories());
            items.add(out);
        }
        root.put("items", items);
        return SiteJson.indented(root);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlChars.clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", XmlChars.clean(href));
    }
}
