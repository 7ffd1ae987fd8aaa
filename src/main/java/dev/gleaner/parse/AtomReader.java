package dev.gleaner.parse;

import static dev.gleaner.parse.Namespaces.ATOM;
import static dev.gleaner.parse.Namespaces.ATOM03;
import static dev.gleaner.parse.Namespaces.ATOM10;
import static dev.gleaner.parse.Namespaces.DC;

import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.FeedFormat;
import dev.gleaner.model.FeedInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Reads Atom 1.0 and 0.3 documents. */
final class AtomReader {
    private AtomReader() {
    }

    static FeedFormat format(XmlElement root) {
        if (root.namespace.equals(ATOM03) || root.attr("version").equals("0.3")) {
            return FeedFormat.ATOM03;
        }
        return FeedFormat.ATOM10;
    }

    static FeedInfo info(XmlElement feed, String fallback) {
        if (isEntryDocument(feed)) {
            return new FeedInfo("", "", "", feed.lang.replace('_', '-'), Optional.empty(), "", "", "", "",
                    Optional.empty());
        }
        String image = first(feed, "logo", "icon");
        return new FeedInfo(
                title(feed.last("title", ATOM)),
                alternate(feed, fallback),
                plainText(firstElement(feed, "subtitle", "tagline")),
                feed.lang.replace('_', '-'),
                FeedDates.parse(first(feed, "updated", "modified")),
                author(feed),
                image.isEmpty() ? "" : Urls.resolve(feed.baseOr(fallback), image),
                firstText(feed.child("generator", ATOM)),
                plainText(firstElement(feed, "rights", "copyright")),
                Optional.empty());
    }

    /** The entries of a feed; an Atom Entry Document (one {@code entry} as the root) is a feed of one. */
    static List<XmlElement> entries(XmlElement feed) {
        return isEntryDocument(feed) ? List.of(feed) : feed.all("entry", ATOM);
    }

    /** Whether the document is a lone {@code entry}, as RFC 4287 allows. */
    static boolean isEntryDocument(XmlElement root) {
        return root.name.equals("entry") && (root.namespace.equals(ATOM10) || root.namespace.equals(ATOM03));
    }

    static Entry entry(XmlElement entry, String fallback) {
        XmlElement summary = firstElement(entry, "summary");
        XmlElement content = firstElement(entry, "content");
        List<String> categories = new ArrayList<>();
        for (XmlElement category : entry.all("category", ATOM)) {
            String term = category.attr("term").strip();
            String label = category.attr("label").strip();
            if (!term.isEmpty() || !label.isEmpty()) {
                categories.add(term.isEmpty() ? label : term);
            }
        }
        for (XmlElement subject : entry.all("subject", DC)) {
            String text = subject.text().strip();
            if (!text.isEmpty()) {
                categories.add(text);
            }
        }
        List<Enclosure> enclosures = new ArrayList<>();
        for (XmlElement link : entry.all("link", ATOM)) {
            if (link.attr("rel").strip().equals("enclosure") && !link.attr("href").isBlank()) {
                enclosures.add(new Enclosure(Urls.resolve(link.baseOr(fallback), link.attr("href").strip()), link.attr("type").strip(),
                        length(link.attr("length"))));
            }
        }
        for (Enclosure image : MediaRss.images(entry, fallback)) {
            if (enclosures.stream().noneMatch(enclosure -> enclosure.url().equals(image.url()))) {
                enclosures.add(image);
            }
        }
        String summaryHtml = summary == null && content == null ? MediaRss.description(entry) : html(summary);
        String titleText = title(entry.last("title", ATOM));
        String base = (content != null ? content : summary != null ? summary : entry).baseOr(fallback);
        return new Entry(
                firstText(entry.last("id", ATOM)),
                alternate(entry, fallback),
                titleText.isEmpty() ? MediaRss.title(entry) : titleText,
                author(entry),
                FeedDates.parse(first(entry, "published", "issued", "created")),
                FeedDates.parse(first(entry, "updated", "modified")),
                summaryHtml,
                html(content),
                categories,
                enclosures,
                base);
    }

    /** The text of a text construct as HTML: plain text is escaped, HTML and XHTML kept. */
    static String html(@Nullable XmlElement construct) {
        if (construct == null) {
            return "";
        }
        TextConstruct text = TextConstruct.of(construct);
        return text.html() ? text.value() : HtmlText.escape(text.value());
    }

    private static String title(@Nullable XmlElement construct) {
        return plainText(construct);
    }

    private static String plainText(@Nullable XmlElement construct) {
        if (construct == null) {
            return "";
        }
        TextConstruct text = TextConstruct.of(construct);
        return text.html() ? HtmlText.plain(text.value()) : text.value().strip();
    }

    /** The {@code alternate} link: the first one of HTML type, else the first alternate, resolved. */
    private static String alternate(XmlElement element, String fallback) {
        XmlElement chosen = null;
        for (XmlElement link : element.all("link", ATOM)) {
            String rel = link.attr("rel").strip();
            if ((rel.isEmpty() || rel.equals("alternate")) && !href(link).isEmpty()) {
                String type = link.attr("type").strip();
                if (type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml")) {
                    chosen = link;
                    break;
                }
                if (chosen == null) {
                    chosen = link;
                }
            }
        }
        return chosen == null ? "" : Urls.resolve(chosen.baseOr(fallback), href(chosen));
    }

    /** A link's target: its href, or its text, where early Atom 0.3 feeds put it. */
    private static String href(XmlElement link) {
        String href = link.attr("href").strip();
        return href.isEmpty() ? link.text().strip() : href;
    }

    private static String author(XmlElement element) {
        XmlElement author = element.child("author", ATOM);
        if (author == null) {
            XmlElement creator = element.child("creator", DC);
            return creator == null ? "" : HtmlText.plain(creator.text());
        }
        String name = firstText(author.child("name", ATOM));
        if (!name.isEmpty()) {
            return name;
        }
        String email = firstText(author.child("email", ATOM));
        return email.isEmpty() ? HtmlText.plain(author.text()) : email;
    }

    /** The element of the first of {@code names} present; the last of its kind where it repeats. */
    private static @Nullable XmlElement firstElement(XmlElement parent, String... names) {
        for (String name : names) {
            XmlElement found = parent.last(name, ATOM);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String first(XmlElement parent, String... names) {
        return firstText(firstElement(parent, names));
    }

    private static String firstText(@Nullable XmlElement element) {
        return element == null ? "" : element.text().strip();
    }

    static OptionalLong length(String text) {
        try {
            long value = Long.parseLong(text.strip());
            return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Both versions' namespaces; kept here so the reader reads as Atom. */
    static boolean isAtom(XmlElement root) {
        return root.name.equals("feed")
                && (root.namespace.equals(ATOM10) || root.namespace.equals(ATOM03) || root.namespace.isEmpty())
                || isEntryDocument(root);
    }
}
