package dev.gleaner.content;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Finds the image that stands for an item: the first {@code <img>} of its body. */
public final class CoverImage {
    private CoverImage() {
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
}
