package dev.gleaner.parse;

import dev.gleaner.model.Entry;
import dev.gleaner.model.FeedInfo;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads Microsoft's Channel Definition Format (CDF), the push channels some old sites still serve. */
final class CdfReader {
    private CdfReader() {
    }

    static boolean isCdf(XmlElement root) {
        return root.name.equals("CHANNEL") && root.namespace.isEmpty();
    }

    static FeedInfo info(XmlElement channel, String fallback) {
        return new FeedInfo(text(channel.child("TITLE", Namespaces.NONE)), href(channel, fallback),
                text(channel.child("ABSTRACT", Namespaces.NONE)), channel.lang,
                FeedDates.parse(channel.attr("LASTMOD")), "", "", "", "", Optional.empty());
    }

    static List<XmlElement> items(XmlElement channel) {
        return channel.all("ITEM", Namespaces.NONE);
    }

    static Entry entry(XmlElement item, String fallback) {
        String link = href(item, fallback);
        return new Entry("", link, text(item.child("TITLE", Namespaces.NONE)), "", Optional.empty(),
                FeedDates.parse(item.attr("LASTMOD")), text(item.child("ABSTRACT", Namespaces.NONE)), "", List.of(),
                List.of(), item.baseOr(fallback));
    }

    private static String href(XmlElement element, String fallback) {
        String href = element.attr("HREF").strip();
        return href.isEmpty() ? "" : Urls.resolve(element.baseOr(fallback), href);
    }

    private static String text(@Nullable XmlElement element) {
        return element == null ? "" : HtmlText.plain(element.text());
    }
}
