package dev.gleaner.parse;

import static dev.gleaner.parse.Namespaces.MEDIA;

import dev.gleaner.model.Enclosure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Media RSS elements of an item or entry, directly on it, in a {@code media:group} or in
 * a {@code media:content}: the description that is the only text of many video feeds (YouTube's
 * among them), and the images that can stand as the item's cover.
 */
final class MediaRss {
    private MediaRss() {
    }

    /** The {@code media:description} as HTML (plain text escaped unless it says it is HTML), or empty. */
    static String description(XmlElement item) {
        XmlElement description = find(item, "description");
        if (description == null) {
            return "";
        }
        String text = description.text().strip();
        return description.attr("type").strip().equalsIgnoreCase("html") ? text : HtmlText.escape(text);
    }

    /** The {@code media:title} text, or empty. */
    static String title(XmlElement item) {
        XmlElement title = find(item, "title");
        return title == null ? "" : title.text().strip();
    }

    /**
     * The item's images, as enclosures of an image type: its thumbnails, then each
     * {@code media:content} that is an image (by {@code medium} or by {@code type}).
     */
    static List<Enclosure> images(XmlElement item, String fallback) {
        List<Enclosure> images = new ArrayList<>(2);
        for (XmlElement scope : scopes(item)) {
            for (XmlElement thumbnail : scope.all("thumbnail", MEDIA)) {
                add(images, thumbnail, "", fallback);
            }
            for (XmlElement content : scope.all("content", MEDIA)) {
                String type = content.attr("type").strip().toLowerCase(Locale.ROOT);
                if (content.attr("medium").strip().equalsIgnoreCase("image") || type.startsWith("image/")) {
                    add(images, content, type, fallback);
                }
                for (XmlElement thumbnail : content.all("thumbnail", MEDIA)) {
                    add(images, thumbnail, "", fallback);
                }
            }
        }
        return images;
    }

    private static void add(List<Enclosure> images, XmlElement element, String type, String fallback) {
        String url = element.attr("url").strip();
        if (url.isEmpty()) {
            return;
        }
        String absolute = Urls.resolve(element.baseOr(fallback), url);
        for (Enclosure image : images) {
            if (image.url().equals(absolute)) {
                return;
            }
        }
        OptionalLong size = AtomReader.length(element.attr("fileSize"));
        images.add(new Enclosure(absolute, type.startsWith("image/") ? type : "image/*", size));
    }

    /** The first {@code media:name} on the item, in its groups, or in its contents. */
    private static @Nullable XmlElement find(XmlElement item, String name) {
        for (XmlElement scope : scopes(item)) {
            XmlElement found = scope.child(name, MEDIA);
            if (found != null && !found.text().isBlank()) {
                return found;
            }
            for (XmlElement content : scope.all("content", MEDIA)) {
                found = content.child(name, MEDIA);
                if (found != null && !found.text().isBlank()) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The item itself, then its {@code media:group}s. */
    private static List<XmlElement> scopes(XmlElement item) {
        List<XmlElement> groups = item.all("group", MEDIA);
        if (groups.isEmpty()) {
            return List.of(item);
        }
        List<XmlElement> scopes = new ArrayList<>(groups.size() + 1);
        scopes.add(item);
        scopes.addAll(groups);
        return scopes;
    }
}
