package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of the default theme, changed, is what {@code --theme DIR} or {@code site.theme} builds pages with. */
class ThemeFolderTest {
    @TempDir
    Path dir;

    @Test
    void aChangedCopyOfTheDefaultThemeMakesThePages() throws IOException {
        Path theme = copyDefaultTheme(dir.resolve("my-theme"));
        Path layout = theme.resolve("templates/layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("由 Gleaner 生成", "我的主题"));
        Path css = theme.resolve("assets/style.css");
        Files.writeString(css, Files.readString(css) + "\n.brand { letter-spacing: .1em; }\n");
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);

        Workspace.Result run = fixture.workspace().run("run", "--theme", theme.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String home = Files.readString(fixture.publicDir().resolve("index.html"));
        assertThat(home).contains("我的主题").doesNotContain("由 Gleaner 生成");
        assertThat(Files.readString(fixture.publicDir().resolve("assets").resolve(stylesheet(fixture.publicDir()))))
                .contains("letter-spacing: .1em");

        Workspace.Result backToDefault = fixture.workspace().run("build");
        assertThat(backToDefault.exitCode()).isZero();
        assertThat(Files.readString(fixture.publicDir().resolve("index.html"))).contains("由 Gleaner 生成");
        assertThat(backToDefault.out()).as("the old theme's stylesheet is removed").containsPattern("[1-9]\\d* removed");
    }

    @Test
    void theSiteThemeKeyKeepsTheThemeForEveryCommandThatBuilds() throws IOException {
        Path theme = copyDefaultTheme(dir.resolve("ws/my-theme"));
        Path layout = theme.resolve("templates/layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("由 Gleaner 生成", "我的主题"));
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);
        siteKey(fixture, "theme: my-theme");

        Workspace.Result run = fixture.workspace().run("run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(fixture.publicDir().resolve("index.html"))).contains("我的主题");

        // A later pass with nothing new, as cron runs it, and a full build keep the theme.
        for (String[] command : List.of(new String[] {"run"}, new String[] {"build", "--full"})) {
            Workspace.Result again = fixture.workspace().run(command);
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(Files.readString(fixture.publicDir().resolve("index.html")))
                    .as(String.join(" ", command)).contains("我的主题").doesNotContain("由 Gleaner 生成");
        }
        Workspace.Result other = fixture.workspace().run("build", "--theme", copyDefaultTheme(dir.resolve("stock"))
                .toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(Files.readString(fixture.publicDir().resolve("index.html"))).as("--theme wins over site.theme")
                .contains("由 Gleaner 生成");
    }

    @Test
    void anEditToTheCopiedThemeShowsOnTheNextBuild() throws IOException {
        Path theme = copyDefaultTheme(dir.resolve("ws/my-theme"));
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);
        siteKey(fixture, "theme: my-theme");
        Workspace.Result run = fixture.workspace().run("run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String oldStyle = stylesheet(fixture.publicDir());
        List<Path> pages = htmlPages(fixture.publicDir());

        Path layout = theme.resolve("templates/layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("由 Gleaner 生成", "改过的页脚"));
        Path css = theme.resolve("assets/style.css");
        Files.writeString(css, Files.readString(css) + "\n.foot { font-style: italic; }\n");
        Workspace.Result build = fixture.workspace().run("build");

        assertThat(build.exitCode()).as(build.err()).isZero();
        String newStyle = stylesheet(fixture.publicDir());
        assertThat(newStyle).as("the stylesheet's name carries its content").isNotEqualTo(oldStyle);
        assertThat(Files.readString(fixture.publicDir().resolve("assets").resolve(newStyle)))
                .contains(".foot { font-style: italic; }");
        assertThat(fixture.publicDir().resolve("assets").resolve(oldStyle)).as("the old stylesheet").doesNotExist();
        assertThat(htmlPages(fixture.publicDir())).isEqualTo(pages);
        for (Path page : pages) {
            assertThat(Files.readString(page)).as(page.toString()).contains("改过的页脚").contains(newStyle);
        }
    }

    @Test
    void aSiteThemeFolderThatIsMissingIsNamed() throws IOException {
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);
        siteKey(fixture, "theme: no-such-theme");

        Workspace.Result run = fixture.workspace().run("build");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-theme").contains("templates/layout.jte");
    }

    @Test
    void aThemeWithoutATemplateIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path theme = copyDefaultTheme(dir.resolve("broken"));
        Files.delete(theme.resolve("templates/item.jte"));
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);

        Workspace.Result run = fixture.workspace().run("build", "--theme", theme.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken").contains("templates/item.jte").contains("themes/default");
        assertThat(fixture.publicDir()).doesNotExist();
    }

    @Test
    void aTemplateThatDoesNotCompileIsReportedWithItsName() throws IOException {
        Path theme = copyDefaultTheme(dir.resolve("typo"));
        Path list = theme.resolve("templates/list.jte");
        Files.writeString(list, Files.readString(list).replace("page.heading()", "page.headingg()"));
        SiteFixture fixture = new SiteFixture(dir.resolve("ws")).write(0);

        Workspace.Result run = fixture.workspace().run("build", "--theme", theme.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("list.jte").contains("headingg");
    }

    /** Adds {@code line} to the configuration's {@code site:} section. */
    static void siteKey(SiteFixture fixture, String line) throws IOException {
        Path config = fixture.workspace().root().resolve("gleaner.yml");
        Files.writeString(config, Files.readString(config).replace("  output: site\n", "  output: site\n  " + line + "\n"));
    }

    private static String stylesheet(Path publicDir) throws IOException {
        try (Stream<Path> assets = Files.list(publicDir.resolve("assets"))) {
            List<String> styles = assets.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("style\\..+\\.css")).toList();
            assertThat(styles).as("one stylesheet").hasSize(1);
            return styles.get(0);
        }
    }

    private static List<Path> htmlPages(Path publicDir) throws IOException {
        try (Stream<Path> walk = Files.walk(publicDir)) {
            return walk.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The theme folder of the checkout, where users copy it from. */
    static Path copyDefaultTheme(Path target) throws IOException {
        return Trees.copy(Path.of("themes/default"), target);
    }
}
