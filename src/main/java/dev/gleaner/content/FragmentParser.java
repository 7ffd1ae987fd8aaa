package dev.gleaner.content;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads the HTML of a feed item into a tree ready to clean, as a browser reads it, with three
 * allowances for the fragments feeds carry.
 *
 * <ul>
 *   <li>The fragment is read as the content of a {@code <template>}, not of a {@code <body>}: the
 *       same rules, except that a fragment made of table parts ({@code <tr>}, {@code <td>}…) keeps
 *       them, where a body would drop the tags and keep only their text.
 *   <li>A comment left open ({@code <!--} with no {@code -->} after it) ends at its first
 *       {@code >}, as in SGML and older browsers, instead of hiding the rest of the item.
 *   <li>The fallback of {@code <iframe>}, {@code <noembed>} and {@code <noframes>} (HTML a browser
 *       shows when it cannot show the frame or plugin) is read as HTML, so that its text survives
 *       the removal of the element; {@code <xmp>} holds text.
 *   <li>A CDATA section ({@code <![CDATA[…]]>}, left in an item's HTML by a feed that nested one in
 *       another) is the text it holds, as in XML, where HTML would read its start as a bogus comment
 *       and its content as markup.
 * </ul>
 */
final class FragmentParser {
    private static final Set<String> FALLBACK_ELEMENTS = Set.of("iframe", "noembed", "noframes");

    private FragmentParser() {
    }

    /** The tree of {@code html} in the body of a new document whose base is {@code baseUri}. */
    static Document parse(String html, String baseUri) {
        if (html.contains("<![CDATA[")) {
            html = cdataAsText(html);
        }
        boolean comments = html.contains("<!--");
        List<Node> nodes = fragment(html, baseUri, comments);
        OptionalInt open = comments ? openComment(nodes, html) : OptionalInt.empty();
        if (open.isPresent()) {
            int close = html.indexOf('>', open.getAsInt() + "<!--".length());
            // A comment with no '>' at all hides the rest, as in every browser.
            if (close >= 0) {
                nodes = fragment(html.substring(0, open.getAsInt()) + html.substring(close + 1), baseUri, true);
            }
        }
        Document document = Document.createShell(baseUri);
        document.body().appendChildren(nodes);
        if (mentions(html, "<iframe", "<noembed", "<noframes", "<xmp")) {
            for (Element element : document.body().select("iframe, noembed, noframes, xmp")) {
                readRawContent(element, baseUri);
            }
        }
        return document;
    }

    /** {@code html} with each CDATA section replaced by its content, escaped; an unclosed one runs to the end. */
    static String cdataAsText(String html) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        int last = 0;
        for (int open = html.indexOf("<![CDATA["); open >= 0; open = html.indexOf("<![CDATA[", last)) {
            int close = html.indexOf("]]>", open + 9);
            int end = close < 0 ? html.length() : close;
            out.append(html, last, open).append(Entities.escape(html.substring(open + 9, end)));
            last = close < 0 ? html.length() : close + 3;
        }
        return out.append(html, last, html.length()).toString();
    }

    /** {@code html} read as the content of a template; with {@code track}, each node knows where it came from. */
    private static List<Node> fragment(String html, String baseUri, boolean track) {
        return Parser.htmlParser().setTrackPosition(track).parseFragmentInput(html, new Element("template"), baseUri);
    }

    /** Whether {@code html} holds one of {@code tagStarts} in any letter case: one cheap pass, never a miss. */
    static boolean mentions(String html, String... tagStarts) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            for (String tagStart : tagStarts) {
                if (html.regionMatches(true, i, tagStart, 0, tagStart.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the {@code <!--} comment that only the end of {@code html} closed starts, if there is one. */
    private static OptionalInt openComment(List<Node> nodes, String html) {
        if (html.endsWith("-->") || html.endsWith("--!>")) {
            return OptionalInt.empty();
        }
        for (Node node : nodes) {
            for (Comment comment : node.nodeStream(Comment.class).toList()) {
                int start = comment.sourceRange().startPos();
                if (start >= 0 && html.startsWith("<!--", start) && comment.sourceRange().endPos() == html.length()) {
                    return OptionalInt.of(start);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Replaces the raw text jsoup keeps inside {@code element} by what it stands for. */
    private static void readRawContent(Element element, String baseUri) {
        StringBuilder raw = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof DataNode data) {
                raw.append(data.getWholeData());
            } else if (child instanceof TextNode text) {
                raw.append(text.getWholeText());
            }
        }
        element.empty();
        if (FALLBACK_ELEMENTS.contains(element.normalName())) {
            // Read in a template, as the item is: in its own element the text would be raw again. A
            // frame nested in the fallback stays raw text, so each character is read at most twice.
            element.appendChildren(Parser.parseFragment(raw.toString(), new Element("template"), baseUri));
        } else {
            element.appendChild(new TextNode(raw.toString()));
        }
    }
}
