package dev.gleaner.web;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.model.Enclosure;
import dev.gleaner.store.Account;
import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.SubscriptionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The objects of Miniflux's API, made from the tree: a feed's category is the path above it, its title
 * the last level. Field names and types follow Miniflux's documentation, for clients that read them
 * strictly.
 */
final class MinifluxShapes {
    /** A time never reached, as Miniflux writes it (Go's zero time). */
    static final String NEVER = "0001-01-01T00:00:00Z";
    /** Where a feed of one level, with no path above it, is put. */
    static final String TOP = "All";
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private MinifluxShapes() {
    }

    /** The category path of a subscription, as text: the path above it. */
    static String categoryPath(SubscriptionState state) {
        List<String> levels = state.subscription().path().levels();
        return levels.size() == 1 ? TOP : new CategoryPath(levels.subList(0, levels.size() - 1)).toString();
    }

    /** A category's title: its levels joined with " › ". */
    static String title(String categoryPath) {
        return categoryPath.equals(TOP) ? TOP : String.join(" › ", CategoryPath.parse(categoryPath).levels());
    }

    /** The account as Miniflux's user: its one user, and the settings its clients read. */
    static Map<String, Object> user(Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", MinifluxApi.USER_ID);
        user.put("username", account.username());
        user.put("is_admin", true);
        user.put("theme", "system_serif");
        user.put("language", "zh_CN");
        user.put("timezone", "UTC");
        user.put("entry_sorting_direction", "desc");
        user.put("entry_sorting_order", "published_at");
        user.put("entries_per_page", 100);
        user.put("keyboard_shortcuts", true);
        user.put("show_reading_time", true);
        user.put("entry_swipe", true);
        user.put("stylesheet", "");
        user.put("google_id", "");
        user.put("openid_connect_id", "");
        user.put("last_login_at", null);
        return user;
    }

    static Map<String, Object> category(long id, String path) {
        Map<String, Object> category = new LinkedHashMap<>();
        category.put("id", id);
        category.put("title", title(path));
        category.put("user_id", MinifluxApi.USER_ID);
        category.put("hide_globally", false);
        return category;
    }

    static Map<String, Object> feed(SubscriptionState state, long categoryId) {
        Map<String, Object> feed = new LinkedHashMap<>();
        String url = state.url().toString();
        feed.put("id", state.id());
        feed.put("user_id", MinifluxApi.USER_ID);
        feed.put("feed_url", url);
        feed.put("site_url", url);
        feed.put("title", state.subscription().path().name());
        feed.put("checked_at", time(state.health().lastAttempt()));
        feed.put("next_check_at", time(state.health().nextDue()));
        feed.put("etag_header", state.validators().etag().orElse(""));
        feed.put("last_modified_header", state.validators().lastModified().orElse(""));
        feed.put("parsing_error_message", state.health().lastError());
        feed.put("parsing_error_count", state.health().consecutiveFailures());
        feed.put("scraper_rules", "");
        feed.put("rewrite_rules", "");
        feed.put("crawler", false);
        feed.put("blocklist_rules", "");
        feed.put("keeplist_rules", "");
        feed.put("user_agent", "");
        feed.put("username", "");
        feed.put("password", "");
        feed.put("disabled", false);
        feed.put("no_media_player", false);
        feed.put("hide_globally", false);
        feed.put("ignore_http_cache", false);
        feed.put("allow_self_signed_certificates", false);
        feed.put("fetch_via_proxy", false);
        feed.put("category", category(categoryId, categoryPath(state)));
        feed.put("icon", null);
        return feed;
    }

    /** An entry, with its feed's object when its subscription is known. */
    static Map<String, Object> entry(ReaderEntry entry, @Nullable Map<String, Object> feed) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", entry.id());
        shape.put("user_id", MinifluxApi.USER_ID);
        shape.put("feed_id", entry.feedId());
        shape.put("status", entry.read() ? "read" : "unread");
        shape.put("hash", entry.hash());
        shape.put("title", entry.title());
        shape.put("url", entry.url());
        shape.put("comments_url", "");
        shape.put("published_at", entry.published().toString());
        shape.put("created_at", entry.created().toString());
        shape.put("changed_at", entry.changed().toString());
        shape.put("content", entry.content());
        shape.put("author", entry.author());
        shape.put("share_code", "");
        shape.put("starred", entry.starred());
        shape.put("reading_time", readingTime(entry.content()));
        List<Map<String, Object>> enclosures = new ArrayList<>();
        for (int i = 0; i < entry.enclosures().size(); i++) {
            Enclosure enclosure = entry.enclosures().get(i);
            Map<String, Object> file = new LinkedHashMap<>();
            // Miniflux numbers each file; these numbers are the entry's, widened, and name nothing to fetch.
            file.put("id", entry.id() * 100 + i + 1);
            file.put("user_id", MinifluxApi.USER_ID);
            file.put("entry_id", entry.id());
            file.put("url", enclosure.url());
            file.put("mime_type", enclosure.type().isEmpty() ? "application/octet-stream" : enclosure.type());
            file.put("size", enclosure.length().orElse(0));
            file.put("media_progression", 0);
            enclosures.add(file);
        }
        shape.put("enclosures", enclosures);
        shape.put("tags", List.of());
        shape.put("feed", feed);
        return shape;
    }

    /**
     * Minutes to read a body, as Miniflux counts them: 265 words a minute, or 500 characters a minute
     * for text mostly in Chinese, Japanese or Korean.
     */
    static int readingTime(String html) {
        String text = TAGS.matcher(html).replaceAll(" ").strip();
        long cjk = text.codePoints().filter(MinifluxShapes::isCjk).count();
        long letters = text.codePoints().filter(point -> !Character.isWhitespace(point)).count();
        double minutes = letters > 0 && cjk * 2 > letters ? text.codePointCount(0, text.length()) / 500.0
                : (text.isEmpty() ? 0 : text.split("\\s+").length) / 265.0;
        return (int) Math.ceil(minutes);
    }

    private static boolean isCjk(int point) {
        Character.UnicodeScript script = Character.UnicodeScript.of(point);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(NEVER);
    }
}
