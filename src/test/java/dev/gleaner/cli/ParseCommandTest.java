package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    private static final String FEED = RssDocument.channel("知乎热榜", "https://www.zhihu.com/billboard")
            .item("问题", "<p onclick=\"x()\">回答</p><script>alert(1)</script>", "Sat, 21 May 2022 06:05:19 GMT",
                    "https://www.zhihu.com/question/1")
            .xml();

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsOneDocumentPerFileAndAnErrorLineForOneThatIsNoFeed() throws Exception {
        Workspace workspace = new Workspace(dir);
        workspace.config("a:\n  b:\n    c: feed.xml\n");
        Path good = workspace.write("good.xml", FEED);
        Path bad = workspace.write("bad.xml", "not a feed");

        Workspace.Result result = workspace.run("parse", "--json", good.toString(), bad.toString());

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode feed = json.readTree(lines.get(0));
        assertThat(feed.get("format").asText()).isEqualTo("rss20");
        assertThat(feed.get("bozo").asBoolean()).isFalse();
        assertThat(feed.at("/feed/title").asText()).isEqualTo("知乎热榜");
        JsonNode entry = feed.at("/entries/0");
        assertThat(entry.get("published").asText()).isEqualTo("2022-05-21T06:05:19Z");
        assertThat(entry.get("summary").asText()).isEqualTo("<p>回答</p>");
        assertThat(entry.get("updated").isNull()).isTrue();
        assertThat(json.readTree(lines.get(1)).get("error").asText()).contains("bad.xml");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void fetchesAUrlAsARunWouldWithTheConfigurationsAllowList() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(FEED).build());
            server.enqueue(new MockResponse.Builder().body(FEED).build());
            server.start();
            Workspace workspace = new Workspace(dir);
            workspace.config("a:\n  b:\n    c: feed.xml\n");
            String url = server.url("/zhihu/hotlist").toString();

            Workspace.Result refused = workspace.run("parse", "--json", url);
            Files.writeString(dir.resolve("gleaner.yml"), Files.readString(dir.resolve("gleaner.yml"))
                    .replace("subscriptions:", "fetch: {allow: [localhost, 127.0.0.1]}\nsubscriptions:"));
            Workspace.Result allowed = workspace.run("parse", "--json", url);

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("refused").contains("loopback");
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(json.readTree(allowed.out()).at("/entries/0/title").asText()).isEqualTo("问题");
        }
    }
}
