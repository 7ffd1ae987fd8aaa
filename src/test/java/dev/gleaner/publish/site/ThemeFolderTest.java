package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.testing.Trees;
import dev.gleaner.testing.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of the default theme, changed, is what {@code --theme DIR} builds pages with. */
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
        try (Stream<Path> assets = Files.list(fixture.publicDir().resolve("assets"))) {
            Path style = assets.filter(path -> path.getFileName().toString().startsWith("style.")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(style)).contains("letter-spacing: .1em");
        }

        Workspace.Result backToDefault = fixture.workspace().run("build");
        assertThat(backToDefault.exitCode()).isZero();
        assertThat(Files.readString(fixture.publicDir().resolve("index.html"))).contains("由 Gleaner 生成");
        assertThat(backToDefault.out()).as("the old theme's stylesheet is removed").containsPattern("[1-9]\\d* removed");
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

    /** The theme folder of the checkout, where users copy it from. */
    static Path copyDefaultTheme(Path target) throws IOException {
        return Trees.copy(Path.of("themes/default"), target);
    }
}
