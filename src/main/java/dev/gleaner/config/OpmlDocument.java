package dev.gleaner.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * An OPML document, read safely and checked to be one: no more than the size bound is read, and jsoup's
 * XML parser fetches nothing and expands no entity a DTD declares.
 *
 * @param opml the root element
 * @param body its {@code <body>}, which holds the outlines
 * @param title its {@code <head><title>}, when it has one
 */
record OpmlDocument(Element opml, Element body, Optional<String> title) {

    /**
     * The document {@code in} holds, named {@code source} in messages.
     *
     * @throws OpmlException when it cannot be read, is larger than {@code maxBytes} or is not OPML
     */
    static OpmlDocument read(String source, InputStream in, int maxBytes) throws OpmlException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new OpmlException(source, "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(source, maxBytes);
        }
        Element opml = root(source, parse(source, bytes));
        Element body = child(opml, "body").orElseThrow(() ->
                new OpmlException(source, "not an OPML document: <" + opml.tagName() + "> has no <body>"));
        Optional<String> title = child(opml, "head").flatMap(head -> child(head, "title"))
                .map(Element::text).map(String::strip).filter(text -> !text.isEmpty());
        return new OpmlDocument(opml, body, title);
    }

    /** What is said of a document larger than {@code maxBytes}. */
    static OpmlException tooLarge(String source, int maxBytes) {
        int mebibyte = 1024 * 1024;
        String bound = maxBytes % mebibyte == 0 ? maxBytes / mebibyte + " MiB" : maxBytes + " bytes";
        return new OpmlException(source, "larger than the " + bound + " an OPML list of feeds may have");
    }

    private static Document parse(String source, byte[] bytes) throws OpmlException {
        Parser parser = Parser.xmlParser();
        parser.setTrackPosition(true);
        try {
            // no charset given: jsoup takes it from the byte order mark or the XML declaration, else UTF-8
            return Jsoup.parse(new ByteArrayInputStream(bytes), null, "", parser);
        } catch (IOException | IllegalArgumentException e) {
            throw new OpmlException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Element root(String source, Document document) throws OpmlException {
        for (Node node : document.childNodes()) {
            if (node instanceof TextNode text && !text.isBlank()) {
                throw new OpmlException(source, "not an OPML document: it starts with text, not an element: '"
                        + abbreviated(text.text().strip()) + "'");
            }
            if (node instanceof Element element) {
                if (!element.normalName().equals("opml")) {
                    throw new OpmlException(source, "not an OPML document: the root element is <"
                            + element.tagName() + ">");
                }
                return element;
            }
        }
        throw new OpmlException(source, "not an OPML document: it holds no element");
    }

    private static Optional<Element> child(Element parent, String name) {
        return parent.children().stream().filter(child -> child.normalName().equals(name)).findFirst();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
