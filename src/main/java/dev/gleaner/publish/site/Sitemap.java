package dev.gleaner.publish.site;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** {@code sitemap.xml} (split into an index of sitemaps past 50,000 addresses) and {@code robots.txt}. */
final class Sitemap {
    static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Sitemap() {
    }

    /** A sitemap listing {@code urls}. */
    static String urlset(List<String> urls) {
        return write("urlset", "url", urls);
    }

    /** A sitemap index listing the sitemaps at {@code urls}. */
    static String index(List<String> urls) {
        return write("sitemapindex", "sitemap", urls);
    }

    static String robots(String sitemapUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + sitemapUrl + "\n";
    }

    private static String write(String root, String element, List<String> urls) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NS);
            for (String url : urls) {
                xml.writeCharacters("\n");
                xml.writeStartElement(element);
                xml.writeStartElement("loc");
                xml.writeCharacters(url);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap: " + e.getMessage(), e);
        }
        return text.append('\n').toString();
    }
}
