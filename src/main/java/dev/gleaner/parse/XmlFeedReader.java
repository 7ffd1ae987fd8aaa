package dev.gleaner.parse;

import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import dev.gleaner.model.FeedInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS and Atom documents: first as the XML they should be, then, when they are not, mended
 * step by step until a reader could see their items, and marked as {@code bozo}.
 */
final class XmlFeedReader {
    private static final int MAX_PROBLEMS = 20;
    /** Roots that make a document a web page, or a piece of one, rather than a feed. */
    private static final Set<String> HTML_ELEMENTS = Set.of("html", "head", "body", "title", "p", "div", "meta",
            "link", "script", "span", "a", "h1", "h2", "table", "br", "img");
    /** Where the prefixes feeds use without declaring them belong. */
    private static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "atom", Namespaces.ATOM10, "dc", Namespaces.DC, "content", Namespaces.CONTENT,
            "media", Namespaces.MEDIA, "itunes", Namespaces.ITUNES, "rdf", Namespaces.RDF,
            "dcterms", Namespaces.DCTERMS, "xhtml", Namespaces.XHTML);

    Feed read(String source, String content, DecodedText decoded) throws FeedParseException {
        List<String> problems = new ArrayList<>(decoded.problems());
        boolean bozo = decoded.bozo();
        XmlElement root;
        try {
            if (XmlRepair.misplacedDeclaration(content) > 0) {
                // What comes before the declaration (a server's warning, say) could pass for a root element.
                throw new XmlTreeBuilder.MalformedException(1, "content before the XML declaration", null);
            }
            root = XmlTreeBuilder.build(content, source);
        } catch (XmlTreeBuilder.MalformedException malformed) {
            root = recover(source, content, malformed);
            bozo = true;
            problems.add("not well-formed XML at line " + malformed.line + ": " + malformed.getMessage()
                    + "; read after repair");
        }
        if (root.namespace.isEmpty() && HTML_ELEMENTS.contains(root.name.toLowerCase(Locale.ROOT))) {
            throw webPage(source, content);
        }
        if (root.name.equals("feed") && !root.attr("version").isEmpty() && !AtomReader.isAtom(root)) {
            // Pre-1.0 Atom went by several namespaces; the version attribute says what it is.
            root.renameNamespace(root.namespace, Namespaces.ATOM03);
        }
        if (AtomReader.isAtom(root)) {
            FeedInfo info = AtomReader.info(root, root.baseOr(source));
            String fallback = siteOr(info, root.baseOr(source));
            return feed(AtomReader.format(root), info, AtomReader.entries(root),
                    entry -> AtomReader.entry(entry, fallback), bozo, problems);
        }
        if (RssReader.isRss(root)) {
            FeedInfo info = RssReader.info(root, root.baseOr(source));
            String fallback = siteOr(info, root.baseOr(source));
            return feed(RssReader.format(root), info, RssReader.items(root),
                    item -> RssReader.entry(item, fallback), bozo, problems);
        }
        if (CdfReader.isCdf(root)) {
            FeedInfo info = CdfReader.info(root, root.baseOr(source));
            String fallback = siteOr(info, root.baseOr(source));
            return feed(FeedFormat.UNKNOWN, info, CdfReader.items(root), item -> CdfReader.entry(item, fallback), bozo,
                    problems);
        }
        throw new FeedParseException(source, "not an RSS or Atom feed (root element <" + root.qualifiedName + ">)");
    }

    /**
     * What relative links resolve against where no {@code xml:base} says: the feed's own site link
     * when it is absolute (an RSSHub instance serves other sites' feeds), else the document's URL.
     */
    private static String siteOr(FeedInfo info, String documentBase) {
        String site = info.link();
        return site.startsWith("http://") || site.startsWith("https://") ? site : documentBase;
    }

    private static Feed feed(FeedFormat format, FeedInfo info, List<XmlElement> items,
            Function<XmlElement, Entry> reader, boolean bozo, List<String> problems) {
        List<Entry> entries = new ArrayList<>(items.size());
        int index = 0;
        for (XmlElement item : items) {
            index++;
            try {
                entries.add(reader.apply(item));
            } catch (RuntimeException e) {
                // One bad item never costs the feed its other items.
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("item " + index + " skipped: " + e);
                }
            }
        }
        return new Feed(format, info, entries, bozo, problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }

    /** The tree of a document that is not well-formed, mended; or why it cannot be. */
    private static XmlElement recover(String source, String content, XmlTreeBuilder.MalformedException first)
            throws FeedParseException {
        if (looksLikeHtml(content)) {
            throw webPage(source, content);
        }
        if (first.getMessage().startsWith("elements nested deeper")) {
            throw new FeedParseException(source, first.getMessage(), first);
        }
        String repaired = XmlRepair.repair(content);
        try {
            return XmlTreeBuilder.build(repaired, source);
        } catch (XmlTreeBuilder.MalformedException second) {
            if (second.getMessage().startsWith("elements nested deeper")) {
                throw new FeedParseException(source, second.getMessage(), second);
            }
            try {
                return XmlTreeBuilder.build(wellFormed(repaired), source);
            } catch (XmlTreeBuilder.MalformedException third) {
                XmlTreeBuilder.MalformedException reported = third.getMessage().startsWith("elements nested deeper")
                        ? third : first;
                String where = reported == first ? "not well-formed XML at line " + first.line + ": " : "";
                throw new FeedParseException(source, where + reported.getMessage(), reported);
            }
        }
    }

    /** What jsoup's forgiving XML parser makes of a broken document, written back as well-formed XML. */
    private static String wellFormed(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        declarePrefixes(document);
        document.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).charset("UTF-8");
        return document.html();
    }

    /**
     * Whether the document starts as a web page does, past blank space, an XML declaration and
     * comments. Scanned by hand: a pattern would recurse on a long hostile prolog.
     */
    static boolean looksLikeHtml(String content) {
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (content.startsWith("<?", i)) {
                int end = content.indexOf("?>", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (content.startsWith("<!--", i)) {
                int end = content.indexOf("-->", i + 4);
                if (end < 0) {
                    return false;
                }
                i = end + 3;
            } else {
                return content.regionMatches(true, i, "<!doctype html", 0, 14)
                        || content.regionMatches(true, i, "<html>", 0, 6)
                        || (content.regionMatches(true, i, "<html", 0, 5) && i + 5 < content.length()
                                && Character.isWhitespace(content.charAt(i + 5)));
            }
        }
        return false;
    }

    /** Declares on the root every prefix the document uses without declaring it, so a namespace-aware reader accepts it. */
    private static void declarePrefixes(Document document) {
        Element root = document.children().stream().filter(e -> !e.tagName().startsWith("?")).findFirst().orElse(null);
        if (root == null) {
            return;
        }
        for (Element element : document.getAllElements()) {
            declare(root, element.tagName());
            element.attributes().forEach(attribute -> declare(root, attribute.getKey()));
        }
    }

    private static void declare(Element root, String name) {
        int colon = name.indexOf(':');
        if (colon <= 0 || name.startsWith("xmlns") || name.startsWith("xml:")) {
            return;
        }
        String prefix = name.substring(0, colon);
        if (!root.hasAttr("xmlns:" + prefix)) {
            root.attr("xmlns:" + prefix, KNOWN_PREFIXES.getOrDefault(prefix, "urn:undeclared:" + prefix));
        }
    }

    /** The error for a web page where a feed was expected, naming the feeds the page announces. */
    private static FeedParseException webPage(String source, String html) {
        Document page = Jsoup.parse(html, source);
        List<String> feeds = new ArrayList<>();
        for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("json") || type.contains("xml")) {
                feeds.add(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
            }
        }
        String title = page.title().strip();
        String reason = "a web page (HTML), not a feed" + (title.isEmpty() ? "" : " (\"" + title + "\")")
                + (feeds.isEmpty() ? "; it announces no feed" : "; it announces the feeds " + String.join(", ", feeds));
        return new FeedParseException(source, reason);
    }
}
