package dev.gleaner.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns the text fields of feeds into plain text, and plain text into HTML. */
final class HtmlText {
    private HtmlText() {
    }

    /**
     * Plain text of a field that may hold markup or entities (an RSS title often does): tags are
     * dropped, entities decoded and white space folded. Text with neither is only trimmed. A {@code <}
     * that no {@code >} follows stays text ({@code <!DOCTYPE} in a title). As in
     * the sanitizer, a comment left open ends at its first {@code >}, and the fallback text of
     * {@code <iframe>}, {@code <noembed>} and {@code <noframes>} is kept.
     */
    static String plain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text.strip();
        }
        Document document = Jsoup.parseBodyFragment(closeOpenComment(openMarkupAsText(text)));
        for (Element fallback : document.body().select("iframe, noembed, noframes")) {
            StringBuilder raw = new StringBuilder();
            for (Node child : fallback.childNodes()) {
                raw.append(child instanceof DataNode data ? data.getWholeData()
                        : child instanceof TextNode textNode ? textNode.getWholeText() : "");
            }
            fallback.replaceWith(new TextNode(" " + plain(raw.toString()) + " "));
        }
        return document.body().text().strip();
    }

    /**
     * From a {@code <} that no {@code >} follows (a {@code <!DOCTYPE} that is really text in a
     * title, say, other than an open comment), the text is text: HTML would drop it all as an
     * unfinished tag or declaration.
     */
    private static String openMarkupAsText(String html) {
        int lastClose = html.lastIndexOf('>');
        int open = html.indexOf('<', lastClose + 1);
        if (open < 0 || html.startsWith("<!--", open)) {
            return html;
        }
        return html.substring(0, open) + html.substring(open).replace("<", "&lt;");
    }

    /** A {@code <!--} with no {@code -->} after it ends at its first {@code >}, instead of hiding the rest. */
    private static String closeOpenComment(String html) {
        int open = html.indexOf("<!--");
        if (open < 0 || html.indexOf("-->", open + 4) >= 0) {
            return html;
        }
        int close = html.indexOf('>', open + 4);
        return close < 0 ? html : html.substring(0, open) + html.substring(close + 1);
    }

    /** Plain text made safe to stand as HTML. */
    static String escape(String text) {
        return XmlText.escapeHtml(text);
    }
}
