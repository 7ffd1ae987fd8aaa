package dev.gleaner.content;

import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Finds the image that stands for an item: the first {@code <img>} of its body, else an image it attaches. */
public final class CoverImage {
    private CoverImage() {
    }

    /**
     * The cover of {@code entry}: the first image of its sanitized {@code body}, else the first
     * image among its enclosures (a Media RSS thumbnail, say, where a video feed's body has none).
     */
    public static Optional<String> of(Entry entry, String body, String baseUri) {
        return firstIn(body, baseUri).or(() -> attached(entry));
    }

    /** The absolute {@code src} of the first image in {@code html}, if it has one. */
    public static Optional<String> firstIn(String html, String baseUri) {
        Element image = Jsoup.parseBodyFragment(html, baseUri).selectFirst("img[src]");
        if (image == null) {
            return Optional.empty();
        }
        String absolute = image.absUrl("src");
        String src = absolute.isEmpty() ? image.attr("src").strip() : absolute;
        return src.isEmpty() ? Optional.empty() : Optional.of(src);
    }

    /** The first enclosure of an image type whose URL a page may load (http or https only). */
    private static Optional<String> attached(Entry entry) {
        for (Enclosure enclosure : entry.enclosures()) {
            if (enclosure.type().startsWith("image/")) {
                Optional<String> url = UrlPolicy.MEDIA.check(enclosure.url(), UrlPolicy.Resolver.NONE)
                        .filter(checked -> checked.startsWith("https://") || checked.startsWith("http://"));
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }
}
