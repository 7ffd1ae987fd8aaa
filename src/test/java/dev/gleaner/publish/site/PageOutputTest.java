package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the last build made with the same inputs is kept as it is, and counted as produced. */
class PageOutputTest {
    @TempDir
    Path dir;

    private Path site() throws IOException {
        Path root = Files.createDirectories(dir.resolve("public"));
        Files.writeString(root.resolve("index.html"), "last build", StandardCharsets.UTF_8);
        return root;
    }

    @Nested
    class OverTheLastBuild {
        @Test
        void leavesAFileWhoseBytesAreUnchanged() throws IOException {
            Path root = site();
            Files.setLastModifiedTime(root.resolve("index.html"), AGED);
            PageOutput out = new PageOutput(root, true);

            out.emit("index.html", () -> "last build".getBytes(StandardCharsets.UTF_8));

            assertThat(out.unchanged()).isEqualTo(1);
            assertThat(out.written()).isZero();
            assertThat(out.emitted()).containsExactly("index.html");
            assertThat(Files.getLastModifiedTime(root.resolve("index.html"))).isEqualTo(AGED);
        }

        @Test
        void rewritesAFileWhoseBytesChangedAndRemovesWhatItIsTold() throws IOException {
            Path root = site();
            Files.createDirectories(root.resolve("c/gone"));
            Files.writeString(root.resolve("c/gone/index.html"), "old");
            PageOutput out = new PageOutput(root, true);

            out.emit("index.html", () -> "this build".getBytes(StandardCharsets.UTF_8));
            out.remove(List.of("c/gone/index.html"));

            assertThat(out.written()).isEqualTo(1);
            assertThat(Files.readString(root.resolve("index.html"))).isEqualTo("this build");
            assertThat(root.resolve("c")).as("the folders it left empty go too").doesNotExist();
        }

        @Test
        void keepsNoNamesWhenNotAsked() throws IOException {
            PageOutput out = new PageOutput(site(), false);

            out.emit("index.html", () -> "this build".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(out::emitted).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class WithNoSiteYet {
        @Test
        void writesTheTreeAsideAndPutsItInPlaceAtTheEnd() throws IOException {
            Path root = dir.resolve("public");
            PageOutput out = new PageOutput(root, false);

            out.emit("c/a/index.html", () -> "page".getBytes(StandardCharsets.UTF_8));

            assertThat(out.firstBuild()).isTrue();
            assertThat(root).doesNotExist();
            out.finish();
            assertThat(Files.readString(root.resolve("c/a/index.html"))).isEqualTo("page");
        }
    }

    private static final java.nio.file.attribute.FileTime AGED =
            java.nio.file.attribute.FileTime.fromMillis(1_577_836_800_000L);
}
