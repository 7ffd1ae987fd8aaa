package dev.gleaner.publish.site;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    /**
     * Writes the sitemap of {@code files} (the pages a search engine should know: items and lists) and
     * {@code robots.txt}, which points to it.
     */
    static void write(SiteContext site, PageOutput out, Collection<String> files) {
        SiteLayout layout = site.layout();
        List<String> urls = new ArrayList<>(files.size());
        for (String file : files) {
            urls.add(layout.absolute(file));
        }
        Collections.sort(urls);
        if (urls.size() <= MAX_URLS) {
            out.emit("sitemap.xml", Fingerprint.of(String.join("\n", urls)), () -> SiteText.utf8(urlset(urls)));
        } else {
            List<String> parts = new ArrayList<>();
            for (int from = 0, n = 1; from < urls.size(); from += MAX_URLS, n++) {
                String file = "sitemap-" + n + ".xml";
                List<String> part = urls.subList(from, Math.min(urls.size(), from + MAX_URLS));
                out.emit(file, Fingerprint.of(String.join("\n", part)), () -> SiteText.utf8(urlset(part)));
                parts.add(layout.absolute(file));
            }
            out.emitBytes("sitemap.xml", SiteText.utf8(index(parts)));
        }
        out.emitBytes("robots.txt", SiteText.utf8(robots(layout.absolute("sitemap.xml"))));
    }

    /** A sitemap listing {@code urls}. */
    private static String urlset(List<String> urls) {
        return document("urlset", "url", urls);
    }

    /** A sitemap index listing the sitemaps at {@code urls}. */
    private static String index(List<String> urls) {
        return document("sitemapindex", "sitemap", urls);
    }

    private static String robots(String sitemapUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + sitemapUrl + "\n";
    }

    private static String document(String root, String element, List<String> urls) {
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
