package dev.gleaner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.fetch.RsshubRoutesTest;
import dev.gleaner.testing.Workspace;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gleaner check} against an instance's route table on loopback; the real RSSHub's is read in RsshubLiveTest. */
class CheckCommandTest {
    @TempDir
    Path dir;

    @StartStop
    private final MockWebServer rsshub = new MockWebServer();

    private Workspace workspace;

    @BeforeEach
    void instance() {
        rsshub.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/api/namespace")
                        ? new MockResponse.Builder().setHeader("Content-Type", "application/json")
                                .body(RsshubRoutesTest.TABLE).build()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        workspace = new Workspace(dir);
        String base = rsshub.url("/").toString();
        workspace.write("gleaner.yml", """
                site: {title: 测试, output: site}
                storage: jdbc:sqlite:gleaner.db
                fetch: {allow: [localhost, 127.0.0.1]}
                rsshub: [%s]
                subscriptions:
                  社交媒体:
                    知乎:
                      知乎热榜: rsshub://zhihu/hotlist
                      想法: rsshub://zhihu/people/activities/x
                    微博:
                      热搜: {url: rsshub://weibo/search/hot, limit: 5}
                  本地:
                    文件: feeds/none.xml
                """.formatted(base.substring(0, base.length() - 1)));
    }

    @Test
    void listsTheRoutesNoInstanceServesWithTheNearestItDoes() {
        Workspace.Result check = workspace.run("check");

        assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out().lines()).containsExactly(
                "社交媒体/知乎/知乎热榜: rsshub://zhihu/hotlist is not a route of " + rsshub.url("/").toString()
                        .replaceFirst("/$", "") + "; nearest: zhihu/hot/:category?, zhihu/question/:questionId/:sortBy?,"
                        + " zhihu/people/activities/:id",
                "check: 2 of 3 rsshub:// routes served (" + rsshub.url("/").toString().replaceFirst("/$", "")
                        + ": 13 routes)");
        assertThat(dir.resolve("gleaner.db")).doesNotExist();
    }

    @Test
    void anInstanceWithoutARouteTableIsSaidAndNothingIsJudged() throws Exception {
        String base = rsshub.url("/").toString().replaceFirst("/$", "");
        rsshub.close();

        Workspace.Result check = workspace.run("check");

        assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.err()).contains("no route table from " + base + ": connection refused")
                .contains("no RSSHub instance gave its route table; nothing was checked");
    }
}
