package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.store.Account;
import dev.gleaner.store.EntryQuery;
import dev.gleaner.store.ReaderEntry;
import dev.gleaner.store.Store;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader at /app/ over real HTTP: sessions, CSRF, lists, marks, search and health, on a store {@code run} filled. */
class ReaderAppTest {
    private static final Pattern ENTRY_IDS = Pattern.compile("data-id=\"(\\d+)\" data-href");

    @TempDir
    Path dir;

    ReaderBrowser browser;
    Workspace workspace;
    Gleaner gleaner;
    Store store;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        workspace = new Workspace(dir);
        feed("zhihu.xml", "知乎热榜", 3);
        feed("bbc.xml", "BBC 中文", 2);
        workspace.config("社交媒体:\n  知乎:\n    热榜: feeds/zhihu.xml\n新闻:\n  BBC:\n    中文: feeds/bbc.xml\n"
                + "  坏掉的:\n    源: feeds/missing.xml\n");
        workspace.run("run", "--no-build");
        gleaner = new Gleaner(new ConfigLoader().load(dir.resolve("gleaner.yml")), InstantSource.system());
        store = gleaner.store();
        store.account().set(new Account("admin", Passwords.hash("correct horse"), Instant.now()));
        server = WebServer.start("127.0.0.1", 0, gleaner, new ServerMetrics(InstantSource.system()), () -> { });
        browser = new ReaderBrowser(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        gleaner.close();
    }

    private void feed(String file, String title, int items) {
        RssDocument document = RssDocument.channel(title, "https://example.org/" + file);
        for (int i = 1; i <= items; i++) {
            document.item(title + " 问题 " + i, "<p class=\"answer\">" + title + " 的回答 " + i + "，很长的正文。</p>",
                    "Sat, 21 May 2022 0" + i + ":00:00 GMT", "https://example.org/" + file + "/" + i, file + i);
        }
        workspace.write("feeds/" + file, document.xml());
    }

    private HttpResponse<String> get(ReaderBrowser client, String path) throws Exception {
        return client.get(path);
    }

    private HttpResponse<String> post(ReaderBrowser client, String path, Map<String, String> form, String... headers)
            throws Exception {
        return client.post(path, form, headers);
    }

    private static String csrf(String page) {
        return ReaderBrowser.csrf(page);
    }

    private String signIn() throws Exception {
        return browser.signIn("correct horse");
    }

    private static List<Long> ids(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ENTRY_IDS.matcher(page);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private List<ReaderEntry> entries() {
        return store.reader().entries(EntryQuery.all(100)).entries();
    }

    @Test
    void withoutASessionPagesSendToTheSignInAndPostsAreRefused() throws Exception {
        HttpResponse<String> page = get(browser, "/app/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/app/login");
        assertThat(get(browser, "/app").headers().firstValue("Location")).hasValue("/app/login");

        long id = entries().get(0).id();
        assertThat(post(browser, "/app/entries/" + id + "/read", Map.of("read", "true")).statusCode()).isEqualTo(403);
        assertThat(post(browser, "/app/mark-all", Map.of()).statusCode()).isEqualTo(403);
        assertThat(entries()).noneMatch(ReaderEntry::read);
        // A sign-in form posted without the token its page gave is refused too, whatever the password.
        assertThat(post(browser, "/app/login", Map.of("username", "admin", "password", "correct horse"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void signingInGivesANewHttpOnlyLaxCookieAndAWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> login = get(browser, "/app/login");
        String before = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/;").doesNotContain("Secure");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");

        HttpResponse<String> wrong = post(browser, "/app/login", Map.of("csrf", csrf(login.body()), "username", "admin",
                "password", "wrong horse"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("用户名或密码不对");

        HttpResponse<String> right = post(browser, "/app/login", Map.of("csrf", csrf(wrong.body()), "username", "admin",
                "password", "correct horse"), "X-Forwarded-Proto", "https");
        String after = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(after).contains("Secure").contains("HttpOnly");
        assertThat(value(after)).isNotEqualTo(value(before));
    }

    private static String value(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    @Test
    void listsUnreadByAnyLevelOfTheTreeWithItsCounts() throws Exception {
        signIn();
        String all = get(browser, "/app/").body();
        assertThat(ids(all)).hasSize(5);
        assertThat(all).contains("data-path=\"社交媒体\">社交媒体</a> <span class=\"count\">3</span>")
                .contains("data-path=\"新闻/BBC\">BBC</a> <span class=\"count\">2</span>");

        String zhihu = get(browser, "/app/?in=" + URLEncoder.encode("社交媒体/知乎", UTF_8)).body();
        assertThat(ids(zhihu)).hasSize(3);
        assertThat(zhihu).contains("知乎热榜 问题 3").doesNotContain("BBC 中文 问题");
        // Newest first.
        assertThat(zhihu.indexOf("知乎热榜 问题 3")).isLessThan(zhihu.indexOf("知乎热榜 问题 1"));
    }

    @Test
    void openingAnEntryMarksItReadAndLinksItsNeighboursInTheList() throws Exception {
        signIn();
        List<Long> shown = ids(get(browser, "/app/").body());
        HttpResponse<String> middle = get(browser, "/app/entries/" + shown.get(1));

        assertThat(middle.statusCode()).isEqualTo(200);
        assertThat(middle.body()).contains("<p class=\"answer\">").contains("id=\"original\"")
                .contains("href=\"/app/entries/" + shown.get(0) + "\" rel=\"prev\"")
                .contains("href=\"/app/entries/" + shown.get(2) + "\" rel=\"next\"");
        assertThat(store.reader().entry(shown.get(1)).orElseThrow().read()).isTrue();
        // Read now, it has left the unread list; its neighbours are still found from where it was.
        assertThat(ids(get(browser, "/app/").body())).doesNotContain(shown.get(1));
        assertThat(get(browser, "/app/entries/" + shown.get(1)).body())
                .contains("href=\"/app/entries/" + shown.get(2) + "\" rel=\"next\"");
        assertThat(get(browser, "/app/entries/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void marksAndStarsAnswerTheScriptInJsonAndFormsWithARedirect() throws Exception {
        String token = signIn();
        long id = entries().get(0).id();

        HttpResponse<String> starred = post(browser, "/app/entries/" + id + "/star", Map.of("starred", "true"),
                ReaderApp.CSRF_HEADER, token);
        assertThat(starred.statusCode()).isEqualTo(200);
        assertThat(starred.body()).contains("\"starred\":true");
        assertThat(ids(get(browser, "/app/?show=starred").body())).containsExactly(id);

        HttpResponse<String> unread = post(browser, "/app/entries/" + id + "/read", Map.of("csrf", token, "read", "false",
                "back", "/app/?show=all"));
        assertThat(unread.statusCode()).isEqualTo(303);
        assertThat(unread.headers().firstValue("Location")).hasValue("/app/?show=all");
        // Somewhere else is not where a form may send the browser back to.
        HttpResponse<String> away = post(browser, "/app/entries/" + id + "/read", Map.of("csrf", token, "read", "true",
                "back", "//evil.example/"));
        assertThat(away.headers().firstValue("Location")).hasValue("/app/");

        assertThat(post(browser, "/app/entries/" + id + "/read", Map.of("read", "false"), ReaderApp.CSRF_HEADER,
                "not-the-token").statusCode()).isEqualTo(403);
        assertThat(store.reader().entry(id).orElseThrow().read()).isTrue();
    }

    @Test
    void marksAllOfAViewReadOlderThanAsAskedAndUndoesIt() throws Exception {
        String token = signIn();
        HttpResponse<String> marked = post(browser, "/app/mark-all", Map.of("csrf", token, "show", "unread",
                "in", "社交媒体", "older", "week"));
        assertThat(marked.statusCode()).isEqualTo(303);
        assertThat(entries().stream().filter(ReaderEntry::read).count()).isEqualTo(3);

        String page = get(browser, marked.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page).contains("已将 3 条标为已读").contains("id=\"undo\"");
        post(browser, "/app/undo", Map.of("csrf", token, "back", "/app/"));
        assertThat(entries()).noneMatch(ReaderEntry::read);

        // The feeds' items are from 2022: every one is older than a month.
        post(browser, "/app/mark-all", Map.of("csrf", token, "show", "unread", "older", "month"));
        assertThat(entries()).allMatch(ReaderEntry::read);
    }

    @Test
    void searchFindsChineseInTitlesAndBodiesShortWordsIncludedButNotTheMarkup() throws Exception {
        signIn();
        assertThat(ids(get(browser, "/app/?show=all&q=" + URLEncoder.encode("很长的正文", UTF_8)).body())).hasSize(5);
        assertThat(ids(get(browser, "/app/?show=all&q=" + URLEncoder.encode("知乎热榜 3", UTF_8)).body())).hasSize(1);
        assertThat(ids(get(browser, "/app/?show=all&q=" + URLEncoder.encode("回答", UTF_8)).body())).hasSize(5);
        assertThat(ids(get(browser, "/app/?show=all&q=bbc").body())).hasSize(2);
        assertThat(ids(get(browser, "/app/?show=all&q=answer").body())).isEmpty();
        assertThat(ids(get(browser, "/app/?show=all&q=" + URLEncoder.encode("\"<p", UTF_8)).body())).isEmpty();
    }

    @Test
    void theHealthPageShowsTheFailingFeedFirstWithItsError() throws Exception {
        signIn();
        String health = get(browser, "/app/health").body();
        List<String> paths = new ArrayList<>();
        Matcher matcher = Pattern.compile("<tr class=\"(failing|ok)\" data-path=\"([^\"]+)\"").matcher(health);
        Map<String, String> classes = new LinkedHashMap<>();
        while (matcher.find()) {
            paths.add(matcher.group(2));
            classes.put(matcher.group(2), matcher.group(1));
        }
        assertThat(paths).hasSize(3);
        assertThat(paths.get(0)).isEqualTo("新闻/坏掉的/源");
        assertThat(classes.get("新闻/坏掉的/源")).isEqualTo("failing");
        assertThat(classes.get("社交媒体/知乎/热榜")).isEqualTo("ok");
        assertThat(health).contains("missing.xml");
    }

    @Test
    void anAddressInsideTheServersNetworkIsNotFetchedForTheWeb() throws Exception {
        String token = signIn();
        for (String url : List.of("http://127.0.0.1:9/feed.xml", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/feed")) {
            HttpResponse<String> refused = post(browser, "/app/feeds/add", Map.of("csrf", token, "url", url,
                    "to", "a/b/c"));
            assertThat(refused.statusCode()).as(url).isEqualTo(422);
            assertThat(refused.body()).as(url).containsIgnoringCase("address");
        }
        assertThat(store.subscriptions().followed()).hasSize(3);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String token = signIn();
        HttpResponse<String> out = post(browser, "/app/logout", Map.of("csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get(browser, "/app/").statusCode()).isEqualTo(303);
        assertThat(get(browser, "/app/static/app.js").body()).contains("keydown");
    }
}
