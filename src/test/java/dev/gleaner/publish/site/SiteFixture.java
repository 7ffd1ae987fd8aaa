package dev.gleaner.publish.site;

import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A workspace whose feeds fill a three-level category tree over three months, with the items a
 * site must handle: images, a hostile body, a {@code javascript:} link, a name that a list's own
 * folders use.
 */
final class SiteFixture {
    static final int PAGE_SIZE = 5;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 9, 20, 8, 0, 0, 0, ZoneOffset.UTC);

    private final Workspace workspace;

    SiteFixture(Path dir) {
        this.workspace = new Workspace(dir);
    }

    Workspace workspace() {
        return workspace;
    }

    Path publicDir() {
        return workspace.root().resolve("site/public");
    }

    /** Writes the feeds with {@code extra} more items in each, and the configuration. */
    SiteFixture write(int extra) {
        workspace.write("feeds/zhihu.xml", feed("知乎热榜", "https://www.zhihu.com/hot", "问题", 9 + extra, 0, true));
        workspace.write("feeds/daily.xml", feed("知乎日报", "https://daily.zhihu.com", "日报", 4 + extra, 1, false));
        workspace.write("feeds/weibo.xml", feed("热搜榜", "https://s.weibo.com/top", "热搜", 7 + extra, 2, false));
        workspace.write("feeds/oschina.xml", feed("资讯", "https://www.oschina.net/news", "Release", 6 + extra, 3, true));
        workspace.write("feeds/page.xml", feed("page", "https://example.org/page", "Page item", 2 + extra, 4, false));
        workspace.config("""
                社交媒体:
                  知乎:
                    知乎热榜: feeds/zhihu.xml
                    知乎日报: {url: feeds/daily.xml, image: "https://img.example.org/cover/{n}.jpg"}
                  微博:
                    热搜榜: feeds/weibo.xml
                编程:
                  开源中国:
                    资讯: feeds/oschina.xml
                  page:
                    page: feeds/page.xml
                """);
        try {
            Path config = workspace.root().resolve("gleaner.yml");
            Files.writeString(config, Files.readString(config)
                    .replace("  output: site\n", "  output: site\n  page_size: " + PAGE_SIZE + "\n")
                    .replace("subscriptions:", "backlog: 1000\nsubscriptions:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Items {@code count..1}, newest first, six days apart, each feed offset by {@code shift} hours. */
    private static String feed(String title, String link, String prefix, int count, int shift, boolean images) {
        RssDocument feed = RssDocument.channel(title, link);
        for (int i = count; i >= 1; i--) {
            ZonedDateTime date = START.plusDays(6L * i).plusHours(shift);
            String body = "<p>" + prefix + " " + i + " 的正文，Latin text too.</p>";
            if (images && i % 2 == 0) {
                body = "<p><img src=\"/images/" + i + ".jpg\" alt=\"图\"></p>" + body;
            }
            if (i == 1) {
                body += "<script>alert(1)</script><img src=x onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">x</a>";
            }
            String itemLink = i == 5 ? "javascript:alert('link')" : link + "/" + i;
            feed.item(prefix + " " + i + (i == 3 ? " <b>&amp; \"引号\"</b>" : ""), body, RFC_1123.format(date),
                    itemLink, link + "#" + i);
        }
        return feed.xml();
    }
}
