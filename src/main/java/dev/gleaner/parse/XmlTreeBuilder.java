package dev.gleaner.parse;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads well-formed XML into {@link XmlElement}s with the JDK's StAX parser, hardened: no DTD is
 * processed and no external entity or DTD is ever fetched, so a document cannot reach the file
 * system or the network, and nesting is bounded.
 */
final class XmlTreeBuilder {
    /** Deeper than any real feed; deep enough to refuse a nesting bomb early. */
    static final int MAX_DEPTH = 256;

    private static final XMLInputFactory FACTORY = factory();

    private XmlTreeBuilder() {
    }

    /** Thrown for a document that is not well-formed, with the line where reading stopped. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedException(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    /**
     * The tree of {@code xml}. An element's {@code base} is the {@code xml:base} in effect on it,
     * resolved against {@code documentUrl}, or empty where the document sets none.
     */
    static XmlElement build(String xml, String documentUrl) throws MalformedException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<XmlElement> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new MalformedException(reader.getLocation().getLineNumber(),
                                    "elements nested deeper than " + MAX_DEPTH, null);
                        }
                        XmlElement parent = open.peek();
                        XmlElement element = start(reader, parent == null ? "" : parent.base, documentUrl,
                                parent == null ? "" : parent.lang);
                        if (parent == null) {
                            root = element;
                        } else {
                            parent.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        open.pop();
                        if (open.isEmpty()) {
                            // Anything after the root (a second document glued on, say) is not read.
                            return root;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        XmlElement parent = open.peek();
                        if (parent != null) {
                            // A numeric reference to 0x80-0x9F means windows-1252 punctuation too.
                            parent.add(Windows1252.mapC1(reader.getText()));
                        }
                    }
                    default -> {
                        // comments, processing instructions and the DTD carry nothing a feed needs
                    }
                }
            }
            if (root == null) {
                throw new MalformedException(1, "no root element", null);
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new MalformedException(line, cleanMessage(e.getMessage()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing to release beyond the string reader
                }
            }
        }
    }

    private static XmlElement start(XMLStreamReader reader, String parentBase, String documentUrl, String parentLang) {
        int count = reader.getAttributeCount();
        Map<String, String> attributes = count == 0 ? Map.of() : new HashMap<>(count * 2);
        String base = parentBase;
        String lang = parentLang;
        for (int i = 0; i < count; i++) {
            String ns = reader.getAttributeNamespace(i);
            String local = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (XMLConstants.XML_NS_URI.equals(ns)) {
                if (local.equals("base")) {
                    base = Urls.resolve(parentBase.isEmpty() ? documentUrl : parentBase, value.strip());
                } else if (local.equals("lang")) {
                    lang = value.strip();
                }
                continue;
            }
            attributes.put(ns == null || ns.isEmpty() ? local : ns + " " + local, value);
        }
        String ns = reader.getNamespaceURI();
        String prefix = reader.getPrefix();
        String local = reader.getLocalName();
        String qualified = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        String namespace = ns == null ? "" : NamespaceAliases.namespace(ns);
        return new XmlElement(namespace, NamespaceAliases.localName(namespace, local), qualified, attributes, base,
                lang);
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "unknown error";
        }
        int detail = message.indexOf("Message: ");
        String text = detail >= 0 ? message.substring(detail + 9) : message;
        int newline = text.indexOf('\n');
        return (newline >= 0 ? text.substring(0, newline) : text).strip();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        return factory;
    }
}
