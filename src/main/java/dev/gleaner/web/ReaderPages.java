package dev.gleaner.web;

import dev.gleaner.model.Enclosure;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The reader's pages, rendered by its jte templates (compiled with the program), and what each shows.
 * Every page is sent with a Content-Security-Policy that lets it run only the reader's own script.
 */
final class ReaderPages {
    /**
     * What is allowed on the reader's pages: its own script and style, pictures and media from anywhere
     * (entries show the feeds' own), nothing framed, forms posted only back to the server.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:;"
            + " media-src https: http:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** What every page shows around its content: the lists, the tree with its counts, the search box. */
    record Chrome(String csrf, ReaderView view, List<ReaderTree.Node> tree, long unread, String notice,
            boolean canUndo) {
        Chrome {
            tree = List.copyOf(tree);
        }
    }

    /** An entry as a line of a list. */
    record Row(long id, String title, String feed, String date, boolean read, boolean starred, String url,
            String href) {
    }

    record ListPage(Chrome chrome, List<Row> rows, long total, Optional<String> newer, Optional<String> older) {
        ListPage {
            rows = List.copyOf(rows);
        }
    }

    /**
     * An entry opened.
     *
     * @param content its sanitized body, shown as HTML
     * @param back the list it was opened from
     */
    record EntryPage(Chrome chrome, Row entry, String author, String content, List<Enclosure> enclosures,
            String back, Optional<String> previous, Optional<String> next) {
        EntryPage {
            enclosures = List.copyOf(enclosures);
        }
    }

    /** A subscription's line of the health page, as {@code gleaner status} prints it. */
    record HealthRow(String path, String url, int posts, String lastSuccess, String lastAttempt, String fetches,
            String failures, String nextDue, String lastError, boolean failing, boolean paused) {
    }

    record HealthPage(Chrome chrome, List<HealthRow> rows) {
        HealthPage {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A subscription's line of the feeds page.
     *
     * @param fromConfig whether the configuration file declares it, so that only the file changes it
     * @param update whether an item that changes after it was published rewrites its post
     */
    record FeedRow(long id, String path, String url, String interval, int posts, boolean fromConfig,
            boolean paused, String author, String limit, boolean update) {
    }

    /** A feed found at a web page, to pick. */
    record Found(String url, String title) {
    }

    /**
     * The feeds page, with the add form as it was sent when it needs another look.
     *
     * @param found the feeds found at the URL given, when there were several to pick from
     */
    record FeedsPage(Chrome chrome, List<FeedRow> rows, String url, String to, List<Found> found, String notice,
            String error) {
        FeedsPage {
            rows = List.copyOf(rows);
            found = List.copyOf(found);
        }
    }

    /** An API key as the settings page lists it. */
    record KeyRow(long id, String description, String created, String lastUsed) {
    }

    /**
     * The settings page: the API keys, and where each reader API answers.
     *
     * @param token a key just made, shown this once; "-" when its description was taken; else empty
     * @param origin the server's address as the browser reached it
     * @param apiPassword whether {@code gleaner passwd --api} has set the reader apps' password
     */
    record SettingsPage(Chrome chrome, List<KeyRow> keys, String token, String origin, boolean apiPassword) {
        SettingsPage {
            keys = List.copyOf(keys);
        }
    }

    record LoginPage(String csrf, String username, String error) {
    }

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ReaderPages.class.getClassLoader(), ReaderPages.class.getPackageName());

    void send(Context ctx, int status, String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        ctx.status(status).header("Content-Security-Policy", POLICY).header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8").result(output.toString());
    }
}
