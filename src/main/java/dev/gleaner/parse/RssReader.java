package dev.gleaner.parse;

import static dev.gleaner.parse.Namespaces.ATOM10;
import static dev.gleaner.parse.Namespaces.CONTENT;
import static dev.gleaner.parse.Namespaces.DC;
import static dev.gleaner.parse.Namespaces.DCTERMS;
import static dev.gleaner.parse.Namespaces.MEDIA;
import static dev.gleaner.parse.Namespaces.RDF;
import static dev.gleaner.parse.Namespaces.RSS;
import static dev.gleaner.parse.Namespaces.RSS090;
import static dev.gleaner.parse.Namespaces.XHTML;

import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.FeedFormat;
import dev.gleaner.model.FeedInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads RSS 0.90 to 2.0, RDF-based RSS 1.0 included, with Dublin Core, content, media and iTunes. */
final class RssReader {
    private static final String[] ITUNES = {Namespaces.ITUNES};

    private RssReader() {
    }

    static boolean isRss(XmlElement root) {
        return root.name.equals("rss") || root.is("RDF", RDF) || root.is("channel", RSS);
    }

    static FeedFormat format(XmlElement root) {
        if (root.is("RDF", RDF)) {
            XmlElement channel = root.child("channel", RSS090);
            return channel != null || root.child("item", RSS090) != null ? FeedFormat.RSS090 : FeedFormat.RSS10;
        }
        return switch (root.attr("version").strip()) {
            case "0.91" -> FeedFormat.RSS091;
            case "0.92" -> FeedFormat.RSS092;
            case "0.93" -> FeedFormat.RSS093;
            case "0.94" -> FeedFormat.RSS094;
            case "0.90", "0.9" -> FeedFormat.RSS090;
            default -> root.name.equals("rss") ? FeedFormat.RSS20 : FeedFormat.UNKNOWN;
        };
    }

    /** The channel: {@code rss/channel}, or the root itself where a feed forgot the {@code rss} element. */
    static XmlElement channel(XmlElement root) {
        XmlElement channel = root.child("channel", RSS);
        return channel == null ? root : channel;
    }

    /** Items sit in the channel (RSS 2.0) or beside it (RSS 1.0 and 0.90). */
    static List<XmlElement> items(XmlElement root) {
        List<XmlElement> items = channel(root).all("item", RSS);
        if (items.isEmpty() && root != channel(root)) {
            items = root.all("item", RSS);
        }
        return items;
    }

    static FeedInfo info(XmlElement root, String fallback) {
        XmlElement channel = channel(root);
        XmlElement image = channel.child("image", RSS);
        if (image == null) {
            image = root.child("image", RSS);
        }
        String imageUrl = image == null ? "" : text(image.child("url", RSS));
        if (imageUrl.isEmpty()) {
            XmlElement itunesImage = channel.child("image", ITUNES);
            if (itunesImage != null && itunesImage.attr("href").isBlank()) {
                imageUrl = text(itunesImage.child("url", RSS));
            }
            if (imageUrl.isEmpty() && itunesImage != null) {
                // Some podcasts write the iTunes image's URL in a url attribute instead of href.
                imageUrl = itunesImage.attr("href").isBlank() ? itunesImage.attr("url").strip()
                        : itunesImage.attr("href").strip();
            }
        }
        return new FeedInfo(
                HtmlText.plain(first(channel, RSS, "title").or(() -> first(channel, DC, "title")).orElse("")),
                link(channel, fallback),
                HtmlText.plain(first(channel, RSS, "description")
                        .or(() -> first(channel, DC, "description"))
                        .or(() -> first(channel, ITUNES, "subtitle"))
                        .or(() -> first(channel, ITUNES, "summary")).orElse("")),
                first(channel, RSS, "language").or(() -> first(channel, DC, "language")).orElse(channel.lang)
                        .replace('_', '-'),
                date(first(channel, RSS, "lastBuildDate").or(() -> first(channel, RSS, "pubDate"))
                        .or(() -> first(channel, DC, "date")).or(() -> first(channel, DCTERMS, "modified"))),
                HtmlText.plain(first(channel, RSS, "managingEditor").or(() -> first(channel, RSS, "author"))
                        .or(() -> first(channel, DC, "creator"))
                        .or(() -> first(channel, DC, "author"))
                        .or(() -> first(channel, ITUNES, "author")).or(() -> first(channel, DC, "publisher"))
                        .or(() -> first(channel, RSS, "webMaster")).orElse("")),
                imageUrl.isEmpty() ? "" : Urls.resolve(channel.baseOr(fallback), imageUrl),
                first(channel, RSS, "generator").orElse(""),
                HtmlText.plain(first(channel, RSS, "copyright").or(() -> first(channel, DC, "rights")).orElse("")),
                first(channel, RSS, "ttl").flatMap(RssReader::minutes));
    }

    static Entry entry(XmlElement item, String fallback) {
        XmlElement description = item.last("description", RSS);
        String summary = description != null ? markup(description)
                : first(item, DC, "description").or(() -> first(item, ITUNES, "summary"))
                        .orElseGet(() -> MediaRss.description(item));
        XmlElement encoded = item.last("encoded", CONTENT);
        XmlElement body = item.last("body", XHTML, Namespaces.NONE);
        XmlElement fullItem = item.last("fullitem", RSS);
        String content = encoded != null ? markup(encoded)
                : body != null ? (!body.hasElements() ? body.text() : XhtmlSerializer.inner(body))
                : fullItem != null ? fullItem.text() : "";
        String guid = guid(item);
        String link = link(item, fallback);
        if (link.isEmpty()) {
            XmlElement guidElement = item.last("guid", RSS);
            boolean permaLink = guidElement != null && !guidElement.attr("isPermaLink").strip().equalsIgnoreCase("false");
            if (permaLink && (guid.startsWith("http://") || guid.startsWith("https://"))) {
                link = guid;
            }
        }
        String base = (encoded != null ? encoded : description != null ? description : item).baseOr(fallback);
        return new Entry(
                guid,
                link,
                HtmlText.plain(first(item, RSS, "title").or(() -> first(item, DC, "title"))
                        .orElseGet(() -> MediaRss.title(item))),
                HtmlText.plain(first(item, RSS, "author").or(() -> first(item, DC, "creator"))
                        .or(() -> first(item, DC, "author"))
                        .or(() -> first(item, ITUNES, "author")).or(() -> atomAuthor(item)).orElse("")),
                date(first(item, RSS, "pubDate").or(() -> first(item, DC, "date"))
                        .or(() -> first(item, DCTERMS, "issued")).or(() -> first(item, DCTERMS, "created"))
                        .or(() -> first(item, ATOM10, "published")).or(() -> first(item, RSS, "published"))),
                date(first(item, DCTERMS, "modified").or(() -> first(item, ATOM10, "updated"))
                        .or(() -> first(item, RSS, "updated"))),
                summary,
                content,
                categories(item),
                enclosures(item, fallback),
                base);
    }

    /** A {@code <ttl>}: whole minutes; anything else is no hint. */
    private static Optional<Duration> minutes(String text) {
        try {
            long minutes = Long.parseLong(text.strip());
            return minutes > 0 && minutes < 1_000_000 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String guid(XmlElement item) {
        Optional<String> guid = first(item, RSS, "guid").or(() -> first(item, DC, "identifier"))
                .or(() -> first(item, ATOM10, "id"));
        if (guid.isPresent()) {
            return guid.get();
        }
        return item.attr(RDF + " about").strip();
    }

    private static String link(XmlElement element, String fallback) {
        List<XmlElement> links = element.all("link", RSS);
        for (int i = links.size() - 1; i >= 0; i--) {
            // The last link with text, as for every element that holds one value.
            String text = links.get(i).text().strip();
            if (!text.isEmpty()) {
                return Urls.resolve(links.get(i).baseOr(fallback), text);
            }
        }
        for (XmlElement link : element.all("link", ATOM10)) {
            String rel = link.attr("rel").strip();
            if ((rel.isEmpty() || rel.equals("alternate")) && !link.attr("href").isBlank()) {
                return Urls.resolve(link.baseOr(fallback), link.attr("href").strip());
            }
        }
        return "";
    }

    private static List<String> categories(XmlElement item) {
        List<String> categories = new ArrayList<>();
        for (XmlElement category : item.all("category", RSS)) {
            add(categories, category.text());
        }
        for (XmlElement subject : item.all("subject", DC)) {
            add(categories, subject.text());
        }
        for (XmlElement category : item.all("category", MEDIA)) {
            add(categories, category.text());
        }
        itunesCategories(item, categories);
        for (XmlElement category : item.all("category", ATOM10)) {
            add(categories, category.attr("term"));
        }
        return categories;
    }

    /** iTunes categories and the subcategories nested in them, in document order. */
    private static void itunesCategories(XmlElement parent, List<String> categories) {
        for (XmlElement category : parent.all("category", ITUNES)) {
            add(categories, category.attr("text"));
            itunesCategories(category, categories);
        }
    }

    /**
     * The HTML of an element meant to hold escaped HTML: its text, or, where a feed wrote the
     * markup unescaped (so the XML reader saw elements), that markup written back.
     */
    private static String markup(XmlElement element) {
        return !element.hasElements() ? element.text() : XhtmlSerializer.mixed(element);
    }

    private static void add(List<String> categories, String text) {
        String plain = HtmlText.plain(text);
        if (!plain.isEmpty()) {
            categories.add(plain);
        }
    }

    private static List<Enclosure> enclosures(XmlElement item, String fallback) {
        List<Enclosure> enclosures = new ArrayList<>();
        for (XmlElement enclosure : item.all("enclosure", RSS)) {
            String url = enclosure.attr("url").strip();
            if (!url.isEmpty()) {
                enclosures.add(new Enclosure(Urls.resolve(enclosure.baseOr(fallback), url), enclosure.attr("type").strip(),
                        AtomReader.length(enclosure.attr("length"))));
            }
        }
        for (XmlElement link : item.all("link", ATOM10)) {
            if (link.attr("rel").strip().equals("enclosure") && !link.attr("href").isBlank()) {
                enclosures.add(new Enclosure(Urls.resolve(link.baseOr(fallback), link.attr("href").strip()), link.attr("type").strip(),
                        AtomReader.length(link.attr("length"))));
            }
        }
        for (Enclosure image : MediaRss.images(item, fallback)) {
            if (enclosures.stream().noneMatch(enclosure -> enclosure.url().equals(image.url()))) {
                enclosures.add(image);
            }
        }
        return enclosures;
    }

    private static Optional<String> atomAuthor(XmlElement item) {
        XmlElement author = item.child("author", ATOM10);
        if (author == null) {
            return Optional.empty();
        }
        XmlElement name = author.child("name", ATOM10);
        return Optional.of((name == null ? author : name).text().strip()).filter(text -> !text.isEmpty());
    }

    private static Optional<Instant> date(Optional<String> text) {
        return text.flatMap(FeedDates::parse);
    }

    /**
     * The trimmed text of child {@code name} in {@code namespaces}, when it has any; where the
     * element repeats, the last one with text, as other readers take it.
     */
    private static Optional<String> first(XmlElement parent, String[] namespaces, String name) {
        List<Object> children = parent.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i) instanceof XmlElement element && element.is(name, namespaces)) {
                String text = element.text().strip();
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(XmlElement parent, String namespace, String name) {
        return first(parent, new String[] {namespace}, name);
    }

    private static String text(@Nullable XmlElement element) {
        return element == null ? "" : element.text().strip();
    }
}
