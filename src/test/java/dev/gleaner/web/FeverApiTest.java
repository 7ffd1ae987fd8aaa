package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.store.ApiPassword;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fever API over real HTTP on loopback, with the key where each of its clients puts it. */
class FeverApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_PASSWORD = "reader app password";
    private static final String KEY = Passwords.feverKey(ServedFeeds.USER, API_PASSWORD);
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path dir;

    ServedFeeds served;

    @BeforeEach
    void start() throws Exception {
        served = new ServedFeeds(dir);
        served.store.account().setApiPassword(new ApiPassword(ServedFeeds.USER, Passwords.hash(API_PASSWORD), KEY,
                Instant.now()));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    /** A call as the spec has it: the selectors in the query, the key and any write in the POST body. */
    private JsonNode call(String query, String body) throws Exception {
        HttpResponse<String> response = served.send("POST", "/fever/?api" + query, "api_key=" + KEY + body,
                "Content-Type", FORM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("auth").asInt()).as(response.body()).isEqualTo(1);
        return answer;
    }

    private static List<Long> ids(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.stream(commaSeparated.split(",")).map(Long::parseLong).toList();
    }

    /** The numbers of the items, by title. */
    private Map<String, Long> items() throws Exception {
        Map<String, Long> items = new HashMap<>();
        call("&items", "").get("items").forEach(item -> items.put(item.get("title").asText(), item.get("id").asLong()));
        return items;
    }

    @Test
    void aProbeWithoutAKeyOrWithAWrongOneGetsAuth0With200() throws Exception {
        HttpResponse<String> probe = served.send("GET", "/fever/?api", (String) null);
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).isEqualTo("{\"api_version\":3,\"auth\":0}");

        HttpResponse<String> wrong = served.send("POST", "/fever/?api&items", "api_key=0123456789abcdef", "Content-Type",
                FORM);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).isEqualTo("{\"api_version\":3,\"auth\":0}");
        String accountKey = Passwords.feverKey(ServedFeeds.USER, ServedFeeds.PASSWORD);
        assertThat(served.send("POST", "/fever/?api", "api_key=" + accountKey, "Content-Type", FORM).body())
                .as("the account's password is not the API's").contains("\"auth\":0");
    }

    @Test
    void theKeyIsTakenFromTheQueryAFormOrAMultipartBodyInEitherCase() throws Exception {
        assertThat(JSON.readTree(served.send("GET", "/fever/?api&api_key=" + KEY, (String) null).body()).get("auth")
                .asInt()).as("in the query, as the Unread app sends it").isEqualTo(1);
        assertThat(JSON.readTree(served.send("POST", "/fever?api", "api_key=" + KEY.toUpperCase(java.util.Locale.ROOT),
                "Content-Type", FORM).body()).get("auth").asInt()).as("a form, upper case").isEqualTo(1);
        assertThat(JSON.readTree(served.send("POST", "/fever/?api&api_key=" + KEY, (String) null).body()).get("auth")
                .asInt()).as("POST with no body nor content type, as FeedMe sends it").isEqualTo(1);

        String boundary = "----RavenReaderBoundary42";
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + KEY
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"groups\"\r\n\r\n\r\n--" + boundary
                + "--\r\n").getBytes(UTF_8));
        HttpResponse<String> response = served.send("POST", "/fever/?api", multipart.toByteArray(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("auth").asInt()).as(response.body()).isEqualTo(1);
        assertThat(answer.has("groups")).as("a selector in the multipart body").isTrue();
        assertThat(answer.has("last_refreshed_on_time")).isTrue();
        assertThat(answer.get("last_refreshed_on_time").asLong()).isGreaterThan(0);
    }

    @Test
    void anAddressThatKeepsSendingWrongKeysIsHeldBackButAProbeIsNoGuess() throws Exception {
        for (int i = 0; i < 20; i++) {
            served.send("GET", "/fever/?api", (String) null);
        }
        assertThat(call("", "").get("auth").asInt()).as("probes are not guesses").isEqualTo(1);
        for (int i = 0; i < LoginLimiter.MOST_FAILURES; i++) {
            served.send("POST", "/fever/?api", "api_key=guess" + i, "Content-Type", FORM);
        }

        HttpResponse<String> held = served.send("POST", "/fever/?api", "api_key=" + KEY, "Content-Type", FORM);

        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).isEqualTo("{\"api_version\":3,\"auth\":0}");
    }

    @Test
    void groupsAreEveryLevelOfTheTreeAndAFeedIsInEachAboveIt() throws Exception {
        JsonNode answer = call("&groups&feeds", "");

        Map<String, Long> groups = new HashMap<>();
        answer.get("groups").forEach(group -> groups.put(group.get("title").asText(), group.get("id").asLong()));
        assertThat(groups).containsOnlyKeys("新闻", "新闻 › BBC", "社交媒体", "社交媒体 › 知乎");
        Map<String, Long> feeds = new HashMap<>();
        answer.get("feeds").forEach(feed -> {
            feeds.put(feed.get("title").asText(), feed.get("id").asLong());
            assertThat(feed.get("is_spark").asInt()).isZero();
            assertThat(feed.get("url").asText()).endsWith(".xml");
            assertThat(feed.has("last_updated_on_time")).isTrue();
        });
        assertThat(feeds).containsOnlyKeys("热榜", "中文");
        Map<Long, String> feedsGroups = new HashMap<>();
        answer.get("feeds_groups").forEach(group -> feedsGroups.put(group.get("group_id").asLong(),
                group.get("feed_ids").asText()));
        assertThat(feedsGroups.get(groups.get("社交媒体"))).isEqualTo(String.valueOf(feeds.get("热榜")));
        assertThat(feedsGroups.get(groups.get("社交媒体 › 知乎"))).isEqualTo(String.valueOf(feeds.get("热榜")));
        assertThat(feedsGroups.get(groups.get("新闻 › BBC"))).isEqualTo(String.valueOf(feeds.get("中文")));

        JsonNode miniflux = JSON.readTree(served.send("GET", "/v1/categories", (String) null, "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("admin:correct horse".getBytes(UTF_8))).body());
        miniflux.forEach(category -> assertThat(groups.get(category.get("title").asText()))
                .as("numbered as Miniflux's categories").isEqualTo(category.get("id").asLong()));
    }

    @Test
    void faviconsAndLinksAnswer() throws Exception {
        JsonNode answer = call("&favicons&links&feeds", "");

        assertThat(answer.get("favicons").get(0).get("data").asText()).startsWith("image/gif;base64,");
        assertThat(answer.get("feeds").get(0).get("favicon_id").asLong())
                .isEqualTo(answer.get("favicons").get(0).get("id").asLong());
        assertThat(answer.get("links")).isEmpty();
    }

    @Test
    void itemsPageBySinceIdOrMaxIdOrComeByTheirIds() throws Exception {
        JsonNode all = call("&items", "");
        assertThat(all.get("total_items").asLong()).isEqualTo(5);
        List<Long> ids = new ArrayList<>();
        all.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        assertThat(ids).hasSize(5).isSorted();
        JsonNode item = all.get("items").get(0);
        assertThat(item.get("html").asText()).contains("的回答");
        assertThat(item.get("is_read").asInt()).isZero();
        assertThat(item.get("is_saved").asInt()).isZero();
        assertThat(item.get("created_on_time").asLong()).isGreaterThan(1_600_000_000L);
        assertThat(item.get("url").asText()).startsWith("https://example.org/");

        assertThat(call("&items&since_id=" + ids.get(2), "").get("items")).extracting(one -> one.get("id").asLong())
                .containsExactly(ids.get(3), ids.get(4));
        assertThat(call("&items&max_id=" + ids.get(2), "").get("items")).extracting(one -> one.get("id").asLong())
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(call("&items&with_ids=" + ids.get(4) + "," + ids.get(0), "").get("items"))
                .extracting(one -> one.get("id").asLong()).containsExactly(ids.get(4), ids.get(0));
    }

    @Test
    void badNumbersAndTooManyIdsAreRefusedNamingThem() throws Exception {
        StringBuilder many = new StringBuilder("1");
        for (int i = 2; i <= FeverApi.MOST_ITEMS + 1; i++) {
            many.append(',').append(i);
        }
        HttpResponse<String> tooMany = served.send("POST", "/fever/?api&items&with_ids=" + many, "api_key=" + KEY,
                "Content-Type", FORM);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Too many with_ids: 51");
        HttpResponse<String> badSince = served.send("POST", "/fever/?api&items&since_id=x", "api_key=" + KEY,
                "Content-Type", FORM);
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(badSince.body()).contains("Invalid since_id: x");
        assertThat(served.send("POST", "/fever/?api", "api_key=" + KEY + "&mark=item&as=gone&id=1", "Content-Type",
                FORM).body()).contains("Invalid as: gone");
        assertThat(served.send("POST", "/fever/?api", "api_key=" + KEY + "&mark=item&as=read", "Content-Type",
                FORM).body()).contains("No id");
    }

    @Test
    void itemsAreMarkedReadUnreadSavedAndUnsavedAndTheIdListsFollow() throws Exception {
        Map<String, Long> items = items();
        long first = items.get("知乎热榜 问题 1");
        assertThat(ids(call("&unread_item_ids", "").get("unread_item_ids").asText())).hasSize(5);

        JsonNode read = call("", "&mark=item&as=read&id=" + first);
        assertThat(ids(read.get("unread_item_ids").asText())).hasSize(4).doesNotContain(first);
        call("", "&mark=item&as=saved&id=" + first);
        JsonNode saved = call("", "&mark=item&as=saved&id=" + first);
        assertThat(ids(saved.get("saved_item_ids").asText())).as("saved twice stays saved").containsExactly(first);
        assertThat(ids(call("&saved_item_ids", "").get("saved_item_ids").asText())).containsExactly(first);

        call("", "&mark=item&as=unread&id=" + first);
        call("", "&mark=item&as=unsaved&id=" + first);
        JsonNode after = call("&unread_item_ids&saved_item_ids&items&with_ids=" + first, "");
        assertThat(ids(after.get("unread_item_ids").asText())).hasSize(5);
        assertThat(after.get("saved_item_ids").asText()).isEmpty();
        assertThat(after.get("items").get(0).get("is_read").asInt()).isZero();
    }

    @Test
    void feedsAndGroupsAreMarkedReadUpToBeforeInSecondsOrMilliseconds() throws Exception {
        JsonNode tree = call("&groups&feeds", "");
        Map<String, Long> feeds = new HashMap<>();
        tree.get("feeds").forEach(feed -> feeds.put(feed.get("title").asText(), feed.get("id").asLong()));
        Map<String, Long> groups = new HashMap<>();
        tree.get("groups").forEach(group -> groups.put(group.get("title").asText(), group.get("id").asLong()));

        call("", "&mark=feed&as=read&id=" + feeds.get("热榜") + "&before=1");
        assertThat(ids(call("&unread_item_ids", "").get("unread_item_ids").asText())).as("all came after before")
                .hasSize(5);
        long millis = Instant.now().plusSeconds(1).toEpochMilli();
        JsonNode marked = call("", "&mark=feed&as=read&id=" + feeds.get("热榜") + "&before=" + millis);
        assertThat(ids(marked.get("unread_item_ids").asText())).hasSize(2);

        call("", "&mark=group&as=read&id=" + groups.get("新闻") + "&before=" + Long.MAX_VALUE);
        assertThat(call("&unread_item_ids", "").get("unread_item_ids").asText()).as("the group's subtree").isEmpty();

        call("", "&mark=item&as=unread&id=" + items().get("BBC 中文 问题 1"));
        call("", "&mark=group&as=read&id=-1&before=" + Instant.now().plusSeconds(1).getEpochSecond());
        assertThat(ids(call("&unread_item_ids", "").get("unread_item_ids").asText())).as("Sparks: nothing").hasSize(1);
        call("", "&mark=group&as=read&id=0&before=" + Instant.now().plusSeconds(1).getEpochSecond());
        assertThat(call("&unread_item_ids", "").get("unread_item_ids").asText()).as("Kindling: everything").isEmpty();
    }
}
