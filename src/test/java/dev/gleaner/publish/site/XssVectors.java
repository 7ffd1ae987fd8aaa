package dev.gleaner.publish.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Hostile HTML to publish: the filter evasion list in {@code xss/} and the conformance suite's sanitizer inputs. */
final class XssVectors {
    /** The conformance classes that hold attacks; the allow-list and CSS classes hold harmless markup. */
    private static final Set<String> ATTACK_CLASSES = Set.of("sanitize", "sanitize_removed", "sanitize_text");
    /** Elements of the suite's feeds whose content is the HTML under test, by local name. */
    private static final Set<String> HTML_FIELDS = Set.of("content", "summary", "title", "copyright", "subtitle",
            "tagline", "info", "rights", "body", "encoded", "description", "fullitem");
    private static final Pattern TOKEN = Pattern.compile("\\[\\[(TAB|LF|CR|NUL|EVIL|EVILHOST|U\\+[0-9A-Fa-f]{4})]]");

    /** Fails on the first error instead of printing it: a feed that is not well-formed is read another way. */
    static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // nothing a reader of the vectors needs
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** One payload and where it comes from. */
    record Vector(String source, String html) {
    }

    private XssVectors() {
    }

    /**
     * The filter evasion list, its remote hosts pointed at {@code evilOrigin} ({@code http://127.0.0.1:PORT}).
     */
    static List<Vector> filterEvasion(String evilOrigin) {
        String text;
        try (InputStream in = XssVectors.class.getResourceAsStream("/xss/filter-evasion.txt")) {
            if (in == null) {
                throw new IllegalStateException("test resource xss/filter-evasion.txt is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vector> vectors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            vectors.add(new Vector("filter-evasion.txt:" + (i + 1), expand(line, evilOrigin)));
        }
        return vectors;
    }

    private static String expand(String line, String evilOrigin) {
        Matcher token = TOKEN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String name = token.group(1);
            String replacement = switch (name) {
                case "TAB" -> "\t";
                case "LF" -> "\n";
                case "CR" -> "\r";
                case "NUL" -> "\0";
                case "EVIL" -> evilOrigin;
                case "EVILHOST" -> evilOrigin.replaceFirst("^https?://", "");
                default -> Character.toString(Integer.parseInt(name.substring(2), 16));
            };
            token.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        token.appendTail(out);
        return out.toString();
    }

    /**
     * The raw HTML of every case of the suite's attack classes, read from its feeds in
     * {@code suite} (the folder holding {@code cases.json} and {@code corpus/}), each distinct
     * input once.
     */
    static List<Vector> conformance(Path suite) {
        Set<String> files = new TreeSet<>();
        try {
            for (JsonNode testCase : new ObjectMapper().readTree(suite.resolve("cases.json").toFile())) {
                if (ATTACK_CLASSES.contains(testCase.path("class").asText())) {
                    files.add(testCase.path("file").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String file : files) {
            for (String html : htmlIn(suite.resolve("corpus").resolve(file))) {
                inputs.putIfAbsent(html, "conformance:" + file);
            }
        }
        List<Vector> vectors = new ArrayList<>();
        inputs.forEach((html, source) -> vectors.add(new Vector(source, html)));
        return vectors;
    }

    /** The HTML that the feed {@code file} carries in its content, summary and text fields. */
    private static List<String> htmlIn(Path file) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            document = builder.parse(file.toFile());
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            // Not well-formed: the case is about recovery, so the text between the tags is the input.
            return List.of(rawFields(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!HTML_FIELDS.contains(element.getLocalName())) {
                continue;
            }
            String html = hasElementChildren(element) ? innerXml(element) : element.getTextContent();
            if (!html.isBlank()) {
                found.add(html);
            }
        }
        return found;
    }

    private static String rawFields(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("(?s)^<!--.*?-->", "");
            return text.replaceAll("(?s)</?(?:rss|channel|item|feed|entry)\\b[^>]*>", "").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String innerXml(Element element) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                transformer.transform(new DOMSource(child), new StreamResult(out));
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
