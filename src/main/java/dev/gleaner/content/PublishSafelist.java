package dev.gleaner.content;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The allowlist of tags and attributes that may reach a post or a page: the structure of articles,
 * tables and media, with no script, style, event handler, form, frame or object. Any {@code data-*}
 * attribute is kept, since feeds such as Zhihu's carry them on every paragraph and they cannot run.
 */
final class PublishSafelist extends Safelist {

    PublishSafelist() {
        super(Safelist.relaxed());
        addTags("abbr", "address", "article", "aside", "audio", "bdi", "bdo", "center", "details", "del",
                "figcaption", "figure", "footer", "header", "hr", "ins", "kbd", "main", "mark", "picture",
                "rp", "rt", "ruby", "s", "samp", "section", "source", "summary", "time", "track", "var",
                "video", "wbr", "font");
        addAttributes(":all", "class", "title", "dir", "lang", "id", "align", "hidden", "role", "aria-label", "aria-hidden");
        addAttributes("a", "href", "title", "name", "target");
        addAttributes("img", "src", "srcset", "sizes", "alt", "title", "width", "height", "referrerpolicy", "loading");
        addAttributes("video", "src", "poster", "controls", "width", "height", "loop", "muted", "preload", "playsinline");
        addAttributes("audio", "src", "controls", "loop", "muted", "preload");
        addAttributes("source", "src", "srcset", "type", "media", "sizes");
        addAttributes("track", "src", "kind", "label", "srclang");
        addAttributes("time", "datetime");
        addAttributes("details", "open");
        addAttributes("font", "color", "size");
        addAttributes("del", "datetime");
        addAttributes("ins", "datetime");
        addProtocols("a", "href", "http", "https", "mailto", "ftp");
        addProtocols("img", "src", "http", "https", "data");
        addProtocols("video", "src", "http", "https");
        addProtocols("video", "poster", "http", "https");
        addProtocols("audio", "src", "http", "https");
        addProtocols("source", "src", "http", "https");
        addProtocols("track", "src", "http", "https");
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        String key = attribute.getKey();
        if (key.startsWith("data-") && key.length() > 5 && isDataName(key)) {
            return true;
        }
        return super.isSafeAttribute(tagName, element, attribute);
    }

    private static boolean isDataName(String key) {
        for (int i = 5; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
