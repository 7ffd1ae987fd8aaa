package dev.gleaner.parse;

import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedFormat;
import dev.gleaner.model.FeedInfo;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS and Atom with ROME on top of a hardened SAX parser: no DTD, no external entity, no
 * external fetch of any kind.
 */
final class XmlFeedReader {
    private static final int MAX_PROBLEMS = 20;
    private static final Pattern HTML_START = Pattern.compile(
            "(?:\\s|<\\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\\s+html|html[\\s>])", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    Feed read(String source, String content, List<String> decodeProblems) throws FeedParseException {
        List<String> problems = new ArrayList<>(decodeProblems);
        String cleaned = XmlText.withoutIllegalCharacters(content);
        if (cleaned.length() != content.length()) {
            problems.add("characters not allowed in XML were removed");
        }
        if (HTML_START.matcher(cleaned).lookingAt()) {
            throw new FeedParseException(source, "a web page (HTML), not a feed");
        }
        Document document = document(source, cleaned);
        String root = document.getRootElement().getName().toLowerCase(Locale.ROOT);
        if (root.equals("html")) {
            throw new FeedParseException(source, "a web page (HTML), not a feed");
        }
        SyndFeed syndFeed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            syndFeed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(source, "not an RSS or Atom feed (root element <" + root + ">)", e);
        }
        String base = Urls.firstAbsolute(syndFeed.getLink(), source);
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry syndEntry : syndFeed.getEntries()) {
            try {
                entries.add(entry(syndEntry, base));
            } catch (RuntimeException e) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("item " + (entries.size() + 1) + " skipped: " + e.getMessage());
                }
            }
        }
        FeedInfo info = new FeedInfo(text(syndFeed.getTitle()), Urls.resolve(source, text(syndFeed.getLink())),
                text(syndFeed.getDescription()), text(syndFeed.getLanguage()), instant(syndFeed.getPublishedDate()),
                text(syndFeed.getAuthor()), syndFeed.getImage() == null ? "" : text(syndFeed.getImage().getUrl()),
                text(syndFeed.getGenerator()), text(syndFeed.getCopyright()));
        return new Feed(format(syndFeed.getFeedType()), info, entries, false,
                problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }

    private static Document document(String source, String content) throws FeedParseException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        try {
            return builder.build(new StringReader(content));
        } catch (JDOMParseException e) {
            throw new FeedParseException(source, "not well-formed XML at line " + e.getLineNumber() + ": "
                    + firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException(source, "not well-formed XML: " + firstLine(e.getMessage()), e);
        }
    }

    private static Entry entry(SyndEntry syndEntry, String base) {
        String link = Urls.resolve(base, text(syndEntry.getLink()));
        String summary = syndEntry.getDescription() == null ? "" : html(syndEntry.getDescription());
        String content = syndEntry.getContents().isEmpty() ? "" : html(syndEntry.getContents().get(0));
        List<String> categories = new ArrayList<>();
        for (SyndCategory category : syndEntry.getCategories()) {
            if (category.getName() != null && !category.getName().isBlank()) {
                categories.add(category.getName().strip());
            }
        }
        List<Enclosure> enclosures = new ArrayList<>();
        for (SyndEnclosure enclosure : syndEntry.getEnclosures()) {
            if (enclosure.getUrl() != null && !enclosure.getUrl().isBlank()) {
                enclosures.add(new Enclosure(Urls.resolve(base, enclosure.getUrl().strip()), text(enclosure.getType()),
                        enclosure.getLength() > 0 ? OptionalLong.of(enclosure.getLength()) : OptionalLong.empty()));
            }
        }
        return new Entry(guid(syndEntry), link, text(syndEntry.getTitle()), text(syndEntry.getAuthor()),
                instant(syndEntry.getPublishedDate()), instant(syndEntry.getUpdatedDate()), summary, content,
                categories, enclosures);
    }

    /** The item's own identifier; ROME falls back to the link for RSS items without a guid, which we do not want here. */
    private static String guid(SyndEntry syndEntry) {
        if (syndEntry.getWireEntry() instanceof Item item) {
            Guid guid = item.getGuid();
            return guid == null ? "" : text(guid.getValue());
        }
        return text(syndEntry.getUri());
    }

    /** HTML as the feed gives it: white space around it is kept, since posts reproduce it byte for byte. */
    private static String html(SyndContent content) {
        String value = content.getValue() == null ? "" : content.getValue();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? XmlText.escapeHtml(value) : value;
    }

    private static Optional<Instant> instant(@Nullable Date date) {
        return date == null ? Optional.empty() : Optional.of(date.toInstant());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static FeedFormat format(@Nullable String feedType) {
        if (feedType == null) {
            return FeedFormat.UNKNOWN;
        }
        return switch (feedType) {
            case "rss_0.9" -> FeedFormat.RSS090;
            case "rss_0.91N", "rss_0.91U" -> FeedFormat.RSS091;
            case "rss_0.92" -> FeedFormat.RSS092;
            case "rss_0.93" -> FeedFormat.RSS093;
            case "rss_0.94" -> FeedFormat.RSS094;
            case "rss_1.0" -> FeedFormat.RSS10;
            case "rss_2.0" -> FeedFormat.RSS20;
            case "atom_0.3" -> FeedFormat.ATOM03;
            case "atom_1.0" -> FeedFormat.ATOM10;
            default -> FeedFormat.UNKNOWN;
        };
    }
}
