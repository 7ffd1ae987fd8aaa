package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.store.ApiPassword;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Google Reader API over real HTTP on loopback, called the way FreshRSS's and Miniflux's clients call it. */
class GoogleReaderApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_PASSWORD = "reader app password";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String API = "/reader/api/0/";

    @TempDir
    Path dir;

    ServedFeeds served;
    String auth;

    @BeforeEach
    void start() throws Exception {
        served = new ServedFeeds(dir);
        served.store.account().setApiPassword(new ApiPassword(ServedFeeds.USER, Passwords.hash(API_PASSWORD),
                Passwords.feverKey(ServedFeeds.USER, API_PASSWORD), Instant.now()));
        auth = login("/accounts/ClientLogin");
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private static String form(String... pairs) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(URLEncoder.encode(pairs[i], UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], UTF_8));
        }
        return String.join("&", fields);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, UTF_8).replace("+", "%20");
    }

    private String login(String path) throws Exception {
        HttpResponse<String> response = served.send("POST", path, form("Email", ServedFeeds.USER, "Passwd", API_PASSWORD),
                "Content-Type", FORM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher answer = Pattern.compile("SID=(\\S+)\nLSID=null\nAuth=(\\S+)\n").matcher(response.body());
        assertThat(answer.matches()).as(response.body()).isTrue();
        return answer.group(2);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return served.send("GET", path, (String) null, "Authorization", "GoogleLogin auth=" + auth);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return served.send("POST", path, body, "Authorization", "GoogleLogin auth=" + auth, "Content-Type", FORM);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static List<String> titles(JsonNode stream) {
        List<String> titles = new ArrayList<>();
        stream.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    /** The numbers of the reading list, oldest first. */
    private List<Long> ids() throws Exception {
        List<Long> ids = new ArrayList<>();
        json(API + "stream/items/ids?s=user/-/state/com.google/reading-list&n=100&r=o")
                .get("itemRefs").forEach(ref -> ids.add(Long.parseLong(ref.get("id").asText())));
        return ids;
    }

    /** The number of the item of that title. */
    private long id(String title) throws Exception {
        for (JsonNode item : json(API + "stream/contents/user/-/state/com.google/reading-list?n=100").get("items")) {
            if (item.get("title").asText().equals(title)) {
                return Long.parseLong(item.get("id").asText().substring("tag:google.com,2005:reader/item/".length()), 16);
            }
        }
        throw new AssertionError("no item " + title);
    }

    private JsonNode item(long id) throws Exception {
        return JSON.readTree(post(API + "stream/items/contents", form("i", String.valueOf(id))).body()).get("items").get(0);
    }

    private static boolean has(JsonNode item, String category) {
        for (JsonNode name : item.get("categories")) {
            if (name.asText().equals(category)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void clientLoginTakesTheApiPasswordInAFormOrTheQueryUnderBothMountsAndItsTokenSignsIn() throws Exception {
        assertThat(login("/api/greader.php/accounts/ClientLogin")).isEqualTo(auth);
        HttpResponse<String> byQuery = served.send("GET", "/accounts/ClientLogin?Email=admin&Passwd="
                + encoded(API_PASSWORD), (String) null);
        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(byQuery.body()).contains("Auth=" + auth + "\n");
        HttpResponse<String> asJson = served.send("POST", "/accounts/ClientLogin", form("Email", ServedFeeds.USER,
                "Passwd", API_PASSWORD, "output", "json"), "Content-Type", FORM);
        assertThat(JSON.readTree(asJson.body()).get("Auth").asText()).isEqualTo(auth);

        JsonNode user = json(API + "user-info");

        assertThat(user.get("userName").asText()).isEqualTo("admin");
        assertThat(user.get("userId").asText()).isEqualTo("1");
        assertThat(json("/api/greader.php" + API + "user-info").get("userName").asText()).isEqualTo("admin");
    }

    @Test
    void withoutTheTokenOrWithTheAccountPasswordItRefuses() throws Exception {
        assertThat(served.send("GET", API + "user-info", (String) null).statusCode()).isEqualTo(401);
        assertThat(served.send("GET", API + "subscription/list?output=json", (String) null,
                "Authorization", "GoogleLogin auth=0123").statusCode()).isEqualTo(401);
        assertThat(served.send("POST", API + "edit-tag", form("i", "1", "a", "user/-/state/com.google/read"),
                "Content-Type", FORM).statusCode()).as("a write without the header").isEqualTo(401);

        HttpResponse<String> accountPassword = served.send("POST", "/accounts/ClientLogin",
                form("Email", "admin", "Passwd", ServedFeeds.PASSWORD), "Content-Type", FORM);
        assertThat(accountPassword.statusCode()).as("the account's password is not the API's").isEqualTo(401);
        assertThat(accountPassword.body()).contains("Error=BadAuthentication");
        assertThat(served.send("POST", "/accounts/ClientLogin", form("Email", "root", "Passwd", API_PASSWORD),
                "Content-Type", FORM).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = served.send("POST", "/accounts/ClientLogin", form("Email", "admin"),
                "Content-Type", FORM);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Passwd");
    }

    @Test
    void aChangedApiPasswordEndsTheOldToken() throws Exception {
        served.store.account().setApiPassword(new ApiPassword("admin", Passwords.hash("another app password"),
                Passwords.feverKey("admin", "another app password"), Instant.now()));

        assertThat(get(API + "user-info").statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressThatKeepsGuessingTheApiPasswordIsHeldBack() throws Exception {
        for (int i = 0; i < LoginLimiter.MOST_FAILURES; i++) {
            assertThat(served.send("POST", "/accounts/ClientLogin", form("Email", "admin", "Passwd", "guess " + i),
                    "Content-Type", FORM).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> held = served.send("POST", "/accounts/ClientLogin",
                form("Email", "admin", "Passwd", API_PASSWORD), "Content-Type", FORM);

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).contains(String.valueOf(LoginLimiter.WINDOW.toSeconds()));
        assertThat(get(API + "user-info").statusCode()).as("a token already handed out still works").isEqualTo(200);
    }

    @Test
    void subscriptionsAndTagsCarryTheCategoriesByFullPath() throws Exception {
        JsonNode subscriptions = json(API + "subscription/list?output=json").get("subscriptions");

        assertThat(subscriptions).extracting(feed -> feed.get("title").asText()).containsExactly("热榜", "中文");
        JsonNode hot = subscriptions.get(0);
        assertThat(hot.get("id").asText()).startsWith("feed/").endsWith("zhihu.xml");
        assertThat(hot.get("url").asText()).isEqualTo(hot.get("id").asText().substring("feed/".length()));
        assertThat(hot.get("categories").get(0).get("id").asText()).isEqualTo("user/-/label/社交媒体 › 知乎");
        assertThat(hot.get("categories").get(0).get("label").asText()).isEqualTo("社交媒体 › 知乎");

        assertThat(json(API + "tag/list?output=json").get("tags")).extracting(tag -> tag.get("id").asText())
                .containsExactly("user/-/state/com.google/starred", "user/-/label/新闻 › BBC",
                        "user/-/label/社交媒体 › 知乎");
    }

    @Test
    void unreadCountsArePerFeedPerLabelAndInAll() throws Exception {
        post(API + "edit-tag", form("i", String.valueOf(id("知乎热榜 问题 1")), "a", "user/-/state/com.google/read"));

        JsonNode counts = json(API + "unread-count?output=json");

        assertThat(counts.get("max").asLong()).isEqualTo(4);
        java.util.Map<String, Long> byId = new java.util.HashMap<>();
        counts.get("unreadcounts").forEach(count -> byId.put(count.get("id").asText(), count.get("count").asLong()));
        assertThat(byId).containsEntry("user/-/state/com.google/reading-list", 4L)
                .containsEntry("user/-/label/社交媒体 › 知乎", 2L).containsEntry("user/-/label/新闻 › BBC", 2L);
        assertThat(byId.entrySet()).filteredOn(count -> count.getKey().startsWith("feed/")).hasSize(2);
        assertThat(counts.get("unreadcounts").get(0).get("newestItemTimestampUsec").asText()).hasSizeGreaterThan(15);
    }

    @Test
    void theTokenIsTheEditTokenAndATrailingNewlineOrReedersXIsTolerated() throws Exception {
        HttpResponse<String> token = get(API + "token");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<Long> ids = ids();

        HttpResponse<String> marked = post(API + "edit-tag", form("T", token.body() + "\n", "i",
                String.valueOf(ids.get(0)), "a", "user/-/state/com.google/read"));

        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).isEqualTo("OK");
        assertThat(marked.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(has(item(ids.get(0)), "user/-/state/com.google/read")).isTrue();
        assertThat(post(API + "edit-tag", form("T", "x", "i", String.valueOf(ids.get(1)), "a",
                "user/-/state/com.google/read")).body()).isEqualTo("OK");

        HttpResponse<String> bad = post(API + "edit-tag", form("T", "not the token", "i", String.valueOf(ids.get(2)),
                "a", "user/-/state/com.google/read"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("X-Reader-Google-Bad-Token")).contains("true");
        assertThat(has(item(ids.get(2)), "user/-/state/com.google/read")).isFalse();
    }

    @Test
    void editTagTakesTheThreeIdFormsRepeatedAndSetsStarredAndUnreadAsNewsboatSendsThem() throws Exception {
        List<Long> ids = ids();
        String longForm = "tag:google.com,2005:reader/item/" + String.format(Locale.ROOT, "%016x", ids.get(0));
        String shortHex = String.format(Locale.ROOT, "%016x", ids.get(1));
        String decimal = String.valueOf(ids.get(2));

        assertThat(post(API + "edit-tag", form("i", longForm, "i", shortHex, "i", decimal,
                "a", "user/-/state/com.google/read", "a", "user/-/state/com.google/starred")).body()).isEqualTo("OK");

        for (long id : ids.subList(0, 3)) {
            JsonNode item = item(id);
            assertThat(has(item, "user/-/state/com.google/read")).as("read " + id).isTrue();
            assertThat(has(item, "user/-/state/com.google/starred")).as("starred " + id).isTrue();
        }
        assertThat(has(item(ids.get(3)), "user/-/state/com.google/read")).isFalse();

        post(API + "edit-tag", form("i", decimal, "a", "user/-/state/com.google/starred"));
        assertThat(has(item(ids.get(2)), "user/-/state/com.google/starred")).as("starring twice stars").isTrue();
        assertThat(post(API + "edit-tag", form("i", decimal, "r", "user/-/state/com.google/read",
                "a", "user/-/state/com.google/kept-unread", "a", "user/-/state/com.google/tracking-kept-unread",
                "r", "user/1/state/com.google/starred")).body()).isEqualTo("OK");
        JsonNode unread = item(ids.get(2));
        assertThat(has(unread, "user/-/state/com.google/read")).isFalse();
        assertThat(has(unread, "user/-/state/com.google/starred")).isFalse();
    }

    @Test
    void aBadIdOrStreamIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> badId = post(API + "edit-tag", form("i", "tag:google.com,2005:reader/item/xyz",
                "a", "user/-/state/com.google/read"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("Invalid item id: tag:google.com,2005:reader/item/xyz");
        assertThat(post(API + "edit-tag", form("a", "user/-/state/com.google/read")).statusCode()).isEqualTo(400);
        assertThat(post(API + "stream/items/contents", form("i", "12-3")).body()).contains("Invalid item id: 12-3");

        HttpResponse<String> badStream = get(API + "stream/contents/nowhere");
        assertThat(badStream.statusCode()).isEqualTo(400);
        assertThat(badStream.body()).contains("Unknown stream id: nowhere");
        assertThat(get(API + "stream/contents/user/-/state/com.google/reading-list?n=abc").body())
                .contains("Invalid n: abc");
        assertThat(get(API + "stream/items/ids?s=user/-/state/com.google/reading-list&xt=feed/1").statusCode())
                .isEqualTo(400);
        assertThat(post(API + "mark-all-as-read", form("s", "user/-/state/com.google/reading-list", "ts", "soon"))
                .body()).contains("Invalid ts: soon");
    }

    @Test
    void theReadingListPagesNewestFirstWithAContinuationOrOldestFirst() throws Exception {
        JsonNode first = json(API + "stream/contents/user/-/state/com.google/reading-list?n=2");

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.has("continuation")).isTrue();
        JsonNode item = first.get("items").get(0);
        assertThat(item.get("id").asText()).matches("tag:google\\.com,2005:reader/item/[0-9a-f]{16}");
        assertThat(item.get("summary").get("content").asText()).contains("的回答");
        assertThat(item.get("content").get("content").asText()).isEqualTo(item.get("summary").get("content").asText());
        assertThat(item.get("timestampUsec").asText()).hasSizeGreaterThan(15);
        assertThat(item.get("published").asLong()).isBetween(Instant.parse("2022-05-21T01:00:00Z").getEpochSecond(),
                Instant.parse("2022-05-21T03:00:00Z").getEpochSecond());
        assertThat(item.get("origin").get("streamId").asText()).startsWith("feed/");
        assertThat(item.get("alternate").get(0).get("href").asText()).startsWith("https://example.org/");

        JsonNode second = json(API + "stream/contents/user/-/state/com.google/reading-list?n=2&c="
                + first.get("continuation").asText());
        JsonNode third = json(API + "stream/contents/user/-/state/com.google/reading-list?n=2&c="
                + second.get("continuation").asText());
        List<String> all = new ArrayList<>(titles(first));
        all.addAll(titles(second));
        all.addAll(titles(third));
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        assertThat(third.has("continuation")).as("the last page").isFalse();

        assertThat(titles(json(API + "stream/contents/user/-/label/" + encoded("社交媒体 › 知乎") + "?n=1&r=o")))
                .containsExactly("知乎热榜 问题 1");
        assertThat(json(API + "stream/contents/user/-/state/com.google/reading-list?n=1&r=o").get("items").get(0)
                .get("id").asText()).endsWith(String.format(Locale.ROOT, "%016x", ids().get(0)));
        assertThat(titles(json(API + "stream/contents?s=user/-/state/com.google/reading-list&n=50"))).hasSize(5);
    }

    @Test
    void streamsFilterByStateTimeFeedAndLabelWithEncodedSlashes() throws Exception {
        post(API + "edit-tag", form("i", String.valueOf(id("知乎热榜 问题 1")), "a", "user/-/state/com.google/read",
                "a", "user/-/state/com.google/starred"));
        String feed = json(API + "subscription/list?output=json").get("subscriptions").get(1).get("id").asText();

        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/reading-list?xt=user/-/state/com.google/read")))
                .hasSize(4).doesNotContain("知乎热榜 问题 1");
        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/starred"))).containsExactly("知乎热榜 问题 1");
        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/reading-list?it=user/-/state/com.google/starred")))
                .containsExactly("知乎热榜 问题 1");
        assertThat(titles(json(API + "stream/contents/user%2F-%2Fstate%2Fcom.google%2Fread")))
                .as("%2F inside one segment").containsExactly("知乎热榜 问题 1");
        assertThat(titles(json(API + "stream/contents/" + URLEncoder.encode(feed, UTF_8) + "?r=o")))
                .as("feed%2F… encoded whole").containsExactly("BBC 中文 问题 1", "BBC 中文 问题 2");
        assertThat(titles(json(API + "stream/contents/user/-/label/" + encoded("社交媒体 › 知乎"))))
                .containsExactly("知乎热榜 问题 3", "知乎热榜 问题 2", "知乎热榜 问题 1");
        assertThat(titles(json(API + "stream/contents/user/-/label/" + encoded("没有 › 这个"))))
                .as("a label that names nothing is empty").isEmpty();
        long future = Instant.now().plusSeconds(3600).getEpochSecond();
        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/reading-list?ot=" + future))).isEmpty();
        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/reading-list?nt=" + future))).hasSize(5);
    }

    @Test
    void itemIdsAreDecimalCappedAndContinuedAndTheirContentsComeInTheOrderAsked() throws Exception {
        JsonNode page = json(API + "stream/items/ids?s=user/-/state/com.google/reading-list&n=3");
        assertThat(page.get("itemRefs")).hasSize(3);
        assertThat(page.get("itemRefs").get(0).get("id").asText()).matches("[1-9][0-9]*");
        JsonNode rest = json(API + "stream/items/ids?s=user/-/state/com.google/reading-list&n=3&c="
                + page.get("continuation").asText());
        assertThat(rest.get("itemRefs")).hasSize(2);
        assertThat(rest.has("continuation")).isFalse();
        assertThat(json(API + "stream/items/ids?s=user/-/state/com.google/reading-list&n=200000").get("itemRefs"))
                .as("RSS Guard's n").hasSize(5);
        String feed = json(API + "subscription/list?output=json").get("subscriptions").get(0).get("id").asText();
        assertThat(json(API + "stream/items/ids?s=" + encoded(feed)).get("itemRefs")).hasSize(3);

        HttpResponse<String> contents = post(API + "stream/items/contents", form("i", String.valueOf(id("BBC 中文 问题 2")),
                "i", String.format(Locale.ROOT, "%016x", id("知乎热榜 问题 1")), "i", "999999"));
        assertThat(contents.statusCode()).isEqualTo(200);
        assertThat(titles(JSON.readTree(contents.body()))).containsExactly("BBC 中文 问题 2", "知乎热榜 问题 1");
    }

    @Test
    void markAllAsReadLeavesWhatCameAfterTsAndTakesAFeedOrALabel() throws Exception {
        assertThat(post(API + "mark-all-as-read", form("s", "user/-/state/com.google/reading-list", "ts", "1")).body())
                .isEqualTo("OK");
        assertThat(json(API + "unread-count?output=json").get("max").asLong()).as("all came after ts").isEqualTo(5);

        String micros = String.valueOf(Instant.now().plusSeconds(1).toEpochMilli() * 1000);
        assertThat(post(API + "mark-all-as-read", form("s", "user/-/label/新闻 › BBC", "ts", micros)).body())
                .isEqualTo("OK");
        assertThat(titles(json(API + "stream/contents/user/-/state/com.google/reading-list?xt=user/-/state/com.google/read")))
                .containsExactly("知乎热榜 问题 3", "知乎热榜 问题 2", "知乎热榜 问题 1");
        String feed = json(API + "subscription/list?output=json").get("subscriptions").get(0).get("id").asText();
        assertThat(post("/api/greader.php" + API + "mark-all-as-read", form("s", feed)).body()).isEqualTo("OK");
        assertThat(json(API + "unread-count?output=json").get("max").asLong()).isZero();
    }
}
