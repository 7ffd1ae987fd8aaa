package dev.gleaner.web;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.EntryQuery;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which list the reader is looking at: unread, starred or all entries, of the whole tree or of one level
 * of it, matching a search or not, and which page. It travels in every link, so that an entry opened
 * from a list knows its neighbours in that list, and "mark all read" marks what is shown.
 *
 * @param show {@code unread}, {@code starred} or {@code all}
 * @param in a path of the category tree, or empty for all of it
 * @param q words to search for, or empty
 * @param page the page of the list, from 0
 */
record ReaderView(String show, String in, String q, int page) {
    static final int PAGE_SIZE = 50;
    private static final List<String> SHOWN = List.of("unread", "starred", "all");

    /** The view a request's query names; what it names wrongly is taken as the default. */
    static ReaderView of(Context ctx) {
        String show = Optional.ofNullable(ctx.queryParam("show")).filter(SHOWN::contains).orElse("unread");
        String in = Optional.ofNullable(ctx.queryParam("in")).orElse("");
        String q = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        int page = MinifluxApi.number(Optional.ofNullable(ctx.queryParam("page")).orElse("0"))
                .filter(number -> number >= 0 && number < 100_000).map(Long::intValue).orElse(0);
        return new ReaderView(show, in, q, page);
    }

    /** The same view read from a form's fields, as "mark all read" posts it. */
    static ReaderView ofForm(Context ctx) {
        String show = Optional.ofNullable(ctx.formParam("show")).filter(SHOWN::contains).orElse("unread");
        return new ReaderView(show, Optional.ofNullable(ctx.formParam("in")).orElse(""),
                Optional.ofNullable(ctx.formParam("q")).map(String::strip).orElse(""), 0);
    }

    /**
     * The entries of this view, newest first.
     *
     * @param feeds the subscriptions of {@link #in}, or empty for every one
     * @param before only those dated before this
     */
    EntryQuery query(Optional<List<Long>> feeds, Optional<Instant> before) {
        return new EntryQuery(show.equals("unread") ? Optional.of(false) : Optional.empty(),
                show.equals("starred") ? Optional.of(true) : Optional.empty(), feeds, Optional.empty(),
                Optional.empty(), before, Optional.empty(), q.isEmpty() ? Optional.empty() : Optional.of(q),
                EntryQuery.Order.PUBLISHED, false, PAGE_SIZE, page * PAGE_SIZE);
    }

    ReaderView onPage(int other) {
        return new ReaderView(show, in, q, other);
    }

    ReaderView showing(String other) {
        return new ReaderView(other, in, q, 0);
    }

    ReaderView within(String path) {
        return new ReaderView(show, path, q, 0);
    }

    /** The list's address. */
    String link() {
        return "/app/" + parameters();
    }

    /** The address of an entry opened from this list. */
    String entryLink(long id) {
        return "/app/entries/" + id + parameters();
    }

    /** The query string that names this view, from {@code ?}; empty for the default view. */
    String parameters() {
        StringBuilder query = new StringBuilder();
        add(query, "show", show.equals("unread") ? "" : show);
        add(query, "in", in);
        add(query, "q", q);
        add(query, "page", page == 0 ? "" : Integer.toString(page));
        return query.toString();
    }

    /** What the list is called in its heading. */
    String title() {
        String what = switch (show) {
            case "starred" -> "星标";
            case "all" -> "全部";
            default -> "未读";
        };
        String where = in.isEmpty() ? "" : " · " + String.join(" › ", CategoryPath.parse(in).levels());
        return what + where + (q.isEmpty() ? "" : " · 搜索“" + q + "”");
    }

    boolean shows(String which) {
        return show.equals(which.toLowerCase(Locale.ROOT));
    }

    private static void add(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
