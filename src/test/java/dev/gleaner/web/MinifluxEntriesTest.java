package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Miniflux's entries over real HTTP, on a store that {@code gleaner run} filled from feeds on disk. */
class MinifluxEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((ServedFeeds.USER + ":" + ServedFeeds.PASSWORD)
            .getBytes(UTF_8));

    @TempDir
    Path dir;

    ServedFeeds served;

    @BeforeEach
    void start() throws Exception {
        served = new ServedFeeds(dir);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private void feed(String file, String title, int items) {
        served.feed(file, title, items);
    }

    private HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        return type == null ? served.send(method, path, body, "Authorization", AUTH)
                : served.send(method, path, body, "Authorization", AUTH, "Content-Type", type);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("entries").forEach(entry -> titles.add(entry.get("title").asText()));
        return titles;
    }

    @Test
    void listsThePublishedEntriesWithTheirFeedAndTotal() throws Exception {
        JsonNode page = get("/v1/entries?order=id");

        assertThat(page.get("total").asLong()).isEqualTo(5);
        JsonNode first = page.get("entries").get(0);
        assertThat(first.get("id").canConvertToInt()).isTrue();
        assertThat(first.get("user_id").asLong()).isEqualTo(1);
        assertThat(first.get("status").asText()).isEqualTo("unread");
        assertThat(first.get("starred").asBoolean()).isFalse();
        assertThat(first.get("url").asText()).startsWith("https://example.org/");
        assertThat(first.get("content").asText()).contains("的回答").contains("<p>");
        assertThat(first.get("published_at").asText()).startsWith("2022-05-21T0");
        assertThat(first.get("reading_time").asInt()).isEqualTo(2);
        assertThat(first.get("feed").get("id").asLong()).isEqualTo(first.get("feed_id").asLong());
        assertThat(first.get("feed").get("category").get("title").asText()).isIn("社交媒体 › 知乎", "新闻 › BBC");
        assertThat(page.get("entries")).extracting(entry -> entry.get("id").asLong()).isSorted();
    }

    @Test
    void filtersByFeedCategorySearchLimitAndDirection() throws Exception {
        JsonNode feeds = get("/v1/feeds");
        long zhihu = feeds.get(0).get("id").asLong();
        long bbcCategory = feeds.get(1).get("category").get("id").asLong();

        assertThat(titles(get("/v1/feeds/" + zhihu + "/entries?direction=desc")))
                .containsExactly("知乎热榜 问题 3", "知乎热榜 问题 2", "知乎热榜 问题 1");
        assertThat(titles(get("/v1/categories/" + bbcCategory + "/entries")))
                .containsExactly("BBC 中文 问题 1", "BBC 中文 问题 2");
        assertThat(titles(get("/v1/entries?search=" + java.net.URLEncoder.encode("回答 2", UTF_8))))
                .containsExactlyInAnyOrder("知乎热榜 问题 2", "BBC 中文 问题 2");
        JsonNode limited = get("/v1/entries?order=id&limit=2&offset=1");
        assertThat(limited.get("total").asLong()).as("the total ignores the limit").isEqualTo(5);
        assertThat(limited.get("entries")).hasSize(2);
        long third = limited.get("entries").get(1).get("id").asLong();
        assertThat(get("/v1/entries?before_entry_id=" + third).get("total").asLong()).isEqualTo(2);
        assertThat(get("/v1/entries?after=" + Instant.parse("2022-05-21T02:30:00Z").getEpochSecond()).get("total")
                .asLong()).isEqualTo(1);
    }

    @Test
    void marksEntriesReadFromAJsonBodyWhateverItsContentTypeAndCountsThem() throws Exception {
        JsonNode all = get("/v1/entries?order=id");
        long first = all.get("entries").get(0).get("id").asLong();
        long second = all.get("entries").get(1).get("id").asLong();

        HttpResponse<String> marked = send("PUT", "/v1/entries",
                "{\"entry_ids\":[" + first + "," + second + "],\"status\":\"read\"}", "application/x-www-form-urlencoded");

        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(204);
        assertThat(get("/v1/entries?status=unread").get("total").asLong()).isEqualTo(3);
        assertThat(get("/v1/entries?status=read").get("total").asLong()).isEqualTo(2);
        assertThat(get("/v1/entries?status=read&status=unread").get("total").asLong()).isEqualTo(5);
        assertThat(get("/v1/entries/" + first).get("status").asText()).isEqualTo("read");
        JsonNode counters = get("/v1/feeds/counters");
        long readTotal = 0;
        long unreadTotal = 0;
        for (JsonNode count : counters.get("reads")) {
            readTotal += count.asLong();
        }
        for (JsonNode count : counters.get("unreads")) {
            unreadTotal += count.asLong();
        }
        assertThat(readTotal).isEqualTo(2);
        assertThat(unreadTotal).isEqualTo(3);

        assertThat(send("PUT", "/v1/entries", "{\"entry_ids\":[" + first + "],\"status\":\"unread\"}",
                "application/json").statusCode()).isEqualTo(204);
        assertThat(get("/v1/entries?status=unread").get("total").asLong()).isEqualTo(4);
    }

    @Test
    void aBookmarkToggles() throws Exception {
        long id = get("/v1/entries?order=id").get("entries").get(0).get("id").asLong();

        assertThat(send("PUT", "/v1/entries/" + id + "/bookmark", null, null).statusCode()).isEqualTo(204);
        assertThat(get("/v1/entries/" + id).get("starred").asBoolean()).isTrue();
        assertThat(titles(get("/v1/entries?starred=true"))).hasSize(1);
        assertThat(send("PUT", "/v1/entries/" + id + "/star", null, null).statusCode()).isEqualTo(204);
        assertThat(get("/v1/entries/" + id).get("starred").asBoolean()).isFalse();
        assertThat(send("PUT", "/v1/entries/99999/bookmark", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsSayWhatWasWrong() throws Exception {
        assertThat(send("GET", "/v1/entries?order=title", null, null).body()).contains("Invalid sorting order");
        assertThat(send("GET", "/v1/entries?status=bogus", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/entries?limit=-1", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/entries?before=yesterday", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/entries?published_after=x", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/entries?before_entry_id=x", null, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/entries/99999", null, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/v1/entries", "{not json", "application/json").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/v1/entries", "{\"entry_ids\":[],\"status\":\"read\"}", "application/json").body())
                .contains("error_message");
        assertThat(send("PUT", "/v1/entries", "{\"entry_ids\":[1],\"status\":\"gone\"}", "application/json")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void entriesPublishedLaterGetHigherNumbers() throws Exception {
        long highest = get("/v1/entries?order=id&direction=desc&limit=1").get("entries").get(0).get("id").asLong();
        feed("zhihu.xml", "知乎热榜", 4);

        assertThat(served.workspace.run("run", "--all", "--no-build").exitCode()).isZero();

        JsonNode newest = get("/v1/entries?order=id&direction=desc&limit=1").get("entries").get(0);
        assertThat(newest.get("title").asText()).isEqualTo("知乎热榜 问题 4");
        assertThat(newest.get("id").asLong()).isGreaterThan(highest);
    }

    @Test
    void marksAllOfAFeedACategoryOrTheUserRead() throws Exception {
        JsonNode feeds = get("/v1/feeds");
        long zhihu = feeds.get(0).get("id").asLong();
        long bbcCategory = feeds.get(1).get("category").get("id").asLong();

        assertThat(send("PUT", "/v1/feeds/" + zhihu + "/mark-all-as-read", null, null).statusCode()).isEqualTo(204);
        assertThat(titles(get("/v1/entries?status=unread"))).containsExactly("BBC 中文 问题 1", "BBC 中文 问题 2");
        assertThat(send("PUT", "/v1/categories/" + bbcCategory + "/mark-all-as-read", null, null).statusCode())
                .isEqualTo(204);
        assertThat(get("/v1/entries?status=unread").get("total").asLong()).isZero();

        send("PUT", "/v1/entries", "{\"entry_ids\":[" + get("/v1/entries?order=id").get("entries").get(0).get("id")
                + "],\"status\":\"unread\"}", "application/json");
        assertThat(send("PUT", "/v1/users/1/mark-all-as-read", null, null).statusCode()).isEqualTo(204);
        assertThat(get("/v1/entries?status=unread").get("total").asLong()).isZero();
        assertThat(send("PUT", "/v1/users/2/mark-all-as-read", null, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/v1/feeds/999/mark-all-as-read", null, null).statusCode()).isEqualTo(404);
    }
}
