package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site.timezone} is the zone the site shows dates in, whatever zone the machine that builds it has. */
class SiteTimeZoneTest {
    @TempDir
    Path dir;

    @Test
    void datesAreShownInTheConfiguredZone() throws IOException {
        // 问题 1 is dated 2026-09-26 08:00 UTC.
        assertThat(dateOf(built("Asia/Shanghai"), "问题 1")).isEqualTo("2026-09-26 16:00");
        assertThat(dateOf(built("UTC"), "问题 1")).isEqualTo("2026-09-26 08:00");
        assertThat(dateOf(built("America/Los_Angeles"), "问题 1")).isEqualTo("2026-09-26 01:00");
    }

    @Test
    void changingTheZoneRebuildsThePagesThatShowDates() throws IOException {
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);
        ThemeFolderTest.siteKey(fixture, "timezone: UTC");
        assertThat(fixture.workspace().run("run").exitCode()).isZero();
        Path config = fixture.workspace().root().resolve("gleaner.yml");
        Files.writeString(config, Files.readString(config).replace("timezone: UTC", "timezone: +08:00"));

        Workspace.Result build = fixture.workspace().run("build");

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(dateOf(fixture.publicDir(), "问题 1")).isEqualTo("2026-09-26 16:00");
    }

    @Test
    void anUnknownZoneIsAConfigurationErrorWithItsLine() throws IOException {
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);
        ThemeFolderTest.siteKey(fixture, "timezone: Mars/Olympus");

        Workspace.Result run = fixture.workspace().run("run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gleaner.yml:4").contains("site.timezone").contains("Mars/Olympus")
                .contains("Asia/Shanghai");
        assertThat(fixture.publicDir()).doesNotExist();
    }

    private Path built(String zone) throws IOException {
        SiteFixture fixture = new SiteFixture(dir.resolve(zone.replace('/', '-'))).write(0);
        ThemeFolderTest.siteKey(fixture, "timezone: " + zone);
        Workspace.Result run = fixture.workspace().run("run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return fixture.publicDir();
    }

    /** The date the item page titled {@code title} shows, and checks the home page's card says the same. */
    private static String dateOf(Path site, String title) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(site.resolve("item"))) {
            pages = files.toList();
        }
        for (Path page : pages) {
            Document item = Jsoup.parse(page.toFile(), "UTF-8");
            if (item.selectFirst("h1").text().equals(title)) {
                String shown = item.selectFirst("article .meta time").text();
                Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
                home.select("li.card").stream().filter(card -> card.selectFirst("h2").text().equals(title))
                        .forEach(card -> assertThat(card.selectFirst("time").text()).isEqualTo(shown));
                return shown;
            }
        }
        throw new AssertionError("no item page titled " + title + " in " + site);
    }
}
