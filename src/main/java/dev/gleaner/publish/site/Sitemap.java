package dev.gleaner.publish.site;

import dev.gleaner.store.SiteOutline;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code sitemap.xml} and {@code robots.txt}, which points to it. The sitemap lists every item's page,
 * oldest first, then the first page of every list (as Hugo's does, the numbered pages are left to
 * the pager). Past 50,000 addresses it is split into parts under an index of sitemaps, and since new
 * items come last, they change only the last parts.
 */
final class Sitemap {
    static final int MAX_URLS = 50_000;
    static final String FILE = "sitemap.xml";
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final SiteContext site;
    private final PageOutput out;

    Sitemap(SiteContext site, PageOutput out) {
        this.site = site;
        this.out = out;
    }

    /** The number of parts of a sitemap of {@code urls} addresses; 0 when {@code sitemap.xml} holds them all. */
    static int parts(int urls) {
        return urls <= MAX_URLS ? 0 : (urls + MAX_URLS - 1) / MAX_URLS;
    }

    /** The part of the sitemap that lists address {@code url}, counted from 0, or 0 when it has no parts. */
    static int partOf(int url) {
        return url / MAX_URLS;
    }

    static String part(int number) {
        return "sitemap-" + (number + 1) + ".xml";
    }

    /**
     * Writes the parts from {@code fromPart} of the sitemap of {@code outline}'s items and
     * {@code lists}, the index of parts and {@code robots.txt}.
     *
     * @param lists the first page of each list
     */
    void write(SiteOutline outline, List<String> lists, int fromPart) {
        SiteLayout layout = site.layout();
        List<String> listUrls = new ArrayList<>(lists.size());
        for (String file : lists) {
            listUrls.add(layout.absolute(file));
        }
        Collections.sort(listUrls);
        int items = outline.size();
        int total = items + listUrls.size();
        IntFunction<String> url = position -> position < items
                ? layout.absolute(SiteLayout.item(outline.key(items - 1 - position))) : listUrls.get(position - items);
        int parts = parts(total);
        if (parts == 0) {
            out.emitBytes(FILE, SiteText.utf8(urlset(urls(url, 0, total))));
        } else {
            List<String> partUrls = new ArrayList<>();
            for (int number = 0; number < parts; number++) {
                if (number >= fromPart) {
                    int from = number * MAX_URLS;
                    out.emitBytes(part(number), SiteText.utf8(urlset(urls(url, from, Math.min(total, from + MAX_URLS)))));
                }
                partUrls.add(layout.absolute(part(number)));
            }
            out.emitBytes(FILE, SiteText.utf8(index(partUrls)));
        }
        out.emitBytes("robots.txt", SiteText.utf8(robots(layout.absolute(FILE))));
    }

    private static List<String> urls(IntFunction<String> url, int from, int to) {
        List<String> urls = new ArrayList<>(to - from);
        for (int position = from; position < to; position++) {
            urls.add(url.apply(position));
        }
        return urls;
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
