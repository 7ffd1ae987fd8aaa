package dev.gleaner.content;

import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;

/**
 * Removes from feed HTML everything that could run code, submit data or track the reader, and
 * serializes what is left as HTML.
 *
 * <p>Kept: the structure of articles, tables and media and harmless attributes ({@code class},
 * {@code title}, {@code alt}, {@code data-*}). Removed: script, style, event handlers,
 * {@code javascript:}, {@code vbscript:} and {@code data:} URLs (except images), forms, frames,
 * objects, {@code <meta>}, {@code <base>} and {@code <link>}. Links get
 * {@code rel="noopener noreferrer"}; images keep their source and get
 * {@code referrerpolicy="no-referrer"}, since many Chinese sites refuse hot-linked images that send a
 * Referer. Relative URLs are made absolute against the base.
 *
 * <pre>{@code String safe = new HtmlSanitizer().sanitize(html, "https://www.zhihu.com/question/1");}</pre>
 *
 * <p>Thread-safe.
 */
public final class HtmlSanitizer {
    private final Cleaner cleaner;
    private final Cleaner relativeCleaner;

    /** A sanitizer with the publishing allowlist. */
    public HtmlSanitizer() {
        this.cleaner = new Cleaner(new PublishSafelist());
        this.relativeCleaner = new Cleaner(new PublishSafelist().preserveRelativeLinks(true));
    }

    /**
     * The safe form of {@code html}.
     *
     * @param html an HTML fragment, as a feed gives it
     * @param baseUri the URL relative links are resolved against; empty keeps them relative
     */
    public String sanitize(String html, String baseUri) {
        return clean(html, baseUri).body().html();
    }

    /** The safe form of {@code html} as a document, for callers that inspect it further. */
    Document clean(String html, String baseUri) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(baseUri, "baseUri");
        Document dirty = Jsoup.parseBodyFragment(html, baseUri);
        Document clean = (baseUri.isEmpty() ? relativeCleaner : cleaner).clean(dirty);
        for (Element image : clean.select("img")) {
            if (!image.hasAttr("referrerpolicy")) {
                image.attr("referrerpolicy", "no-referrer");
            }
        }
        for (Element link : clean.select("a[href]")) {
            link.attr("rel", "noopener noreferrer");
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8");
        return clean;
    }
}
