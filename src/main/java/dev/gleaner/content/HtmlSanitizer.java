package dev.gleaner.content;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;

/**
 * Removes from feed HTML everything that could run code, submit data or track the reader, and
 * serializes what is left as HTML.
 *
 * <p>Kept: the structure of articles, tables, media, SVG drawings and MathML formulas, harmless
 * attributes ({@code class}, {@code title}, {@code alt}, {@code data-*}…) and inline styles that only
 * set colours, fonts, sizes and spacing. Removed: script, {@code <style>}, event handlers,
 * {@code javascript:}, {@code vbscript:} and {@code data:} URLs (except raster images), forms and
 * their controls, frames, objects, embeds, {@code <meta>}, {@code <base>} and {@code <link>}.
 * Relative URLs are made absolute against the base. See {@link PublishSafelist},
 * {@link CssSanitizer} and {@link UrlPolicy} for the rules, and docs/parser.md for where they differ
 * from feedparser's.
 *
 * <p>For a page ({@link #HtmlSanitizer()}), links also get {@code rel="noopener noreferrer"} and
 * images {@code referrerpolicy="no-referrer"}, since many Chinese sites refuse hot-linked images
 * that send a Referer, and lose {@code <}, {@code >} and {@code "} from their {@code alt} and
 * {@code title}. {@link #withoutPageAttributes()} leaves those out, to show what a feed holds.
 *
 * <pre>{@code String safe = new HtmlSanitizer().sanitize(html, "https://www.zhihu.com/question/1");}</pre>
 *
 * <p>Thread-safe.
 */
public final class HtmlSanitizer {
    private final Cleaner cleaner = new Cleaner(new PublishSafelist());
    private final boolean pageAttributes;

    /** The sanitizer for HTML that goes into a post or a page. */
    public HtmlSanitizer() {
        this(true);
    }

    private HtmlSanitizer(boolean pageAttributes) {
        this.pageAttributes = pageAttributes;
    }

    /**
     * A sanitizer that removes all that {@link #HtmlSanitizer()} removes but adds nothing: no
     * {@code rel} on links, no {@code referrerpolicy} on images. For showing what a feed holds
     * ({@code gleaner parse --json}); never for HTML that reaches a page.
     */
    public static HtmlSanitizer withoutPageAttributes() {
        return new HtmlSanitizer(false);
    }

    /**
     * The safe form of {@code html}.
     *
     * @param html an HTML fragment, as a feed gives it
     * @param baseUri the URL relative links are resolved against; empty keeps them relative
     */
    public String sanitize(String html, String baseUri) {
        if (html.isEmpty()) {
            // Most items have a summary or a content, not both: the other costs nothing.
            return html;
        }
        return clean(html, baseUri).body().html();
    }

    /**
     * The text a reader sees in {@code html}, for fields that are plain text (titles, authors): the
     * text of the sanitized fragment, entities decoded and white space folded.
     *
     * <p>{@code "safe<script>alert(1)</script> text"} gives {@code "safe text"}; a comment left open
     * ends at its first {@code >}, as in {@link #sanitize}.
     */
    public String plainText(String html) {
        return clean(html, "").body().text();
    }

    /** The safe form of {@code html} as a document, for callers that inspect it further. */
    Document clean(String html, String baseUri) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(baseUri, "baseUri");
        Document dirty = FragmentParser.parse(html, baseUri);
        ForeignContent.prune(dirty.body());
        Document clean = cleaner.clean(dirty);
        if (pageAttributes) {
            addPageAttributes(clean);
        }
        clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return clean;
    }

    /**
     * Drops {@code <}, {@code >} and {@code "} from an image's text attribute. Blog themes build HTML
     * from it by string concatenation (Hexo's landscape writes the alt as a caption and into a quoted
     * attribute), so markup there would come alive on the page; the text reads the same without them.
     */
    private static void withoutMarkup(Element image, String attribute) {
        String value = image.attr(attribute);
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0 || value.indexOf('"') >= 0) {
            image.attr(attribute, value.replace("<", "").replace(">", "").replace("\"", ""));
        }
    }

    private static void addPageAttributes(Document clean) {
        // One walk for both: each select() would walk the whole item again.
        for (Element element : clean.body().getAllElements()) {
            String name = element.normalName();
            if (name.equals("img")) {
                element.attr("referrerpolicy", "no-referrer");
                withoutMarkup(element, "alt");
                withoutMarkup(element, "title");
            } else if ((name.equals("a") || name.equals("area")) && element.hasAttr("href")
                    && element.tag().namespace().equals(Parser.NamespaceHtml)) {
                element.attr("rel", "noopener noreferrer");
            }
        }
    }
}
