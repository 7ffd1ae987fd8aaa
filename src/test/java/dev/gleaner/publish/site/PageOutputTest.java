package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        void keepsAFileWhoseFingerprintIsUnchanged() throws IOException {
            PageOutput out = new PageOutput(site(), Map.of("index.html", "fp1"), false);

            assertThat(out.needs("index.html", "fp1")).isFalse();
            out.keep("index.html", "fp1");

            assertThat(out.produced()).isEqualTo(1);
            assertThat(out.unchanged()).isEqualTo(1);
            assertThat(out.written()).isZero();
            assertThat(out.removeStale()).isEmpty();
            assertThat(Files.readString(dir.resolve("public/index.html"))).isEqualTo("last build");
        }

        @Test
        void refusesToKeepAFileWhoseInputsChanged() throws IOException {
            PageOutput out = new PageOutput(site(), Map.of("index.html", "fp1"), false);

            assertThatThrownBy(() -> out.keep("index.html", "fp2"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("index.html");
            assertThatThrownBy(() -> out.keep("other.html", "fp1"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("other.html");
        }
    }

    @Nested
    class InAFullBuild {
        @Test
        void refusesToKeepAnyFile() throws IOException {
            PageOutput out = new PageOutput(site(), Map.of("index.html", "fp1"), true);

            assertThatThrownBy(() -> out.keep("index.html", "fp1")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class WithNoSiteYet {
        @Test
        void refusesToKeepAnyFile() {
            PageOutput out = new PageOutput(dir.resolve("public"), Map.of("index.html", "fp1"), false);

            assertThatThrownBy(() -> out.keep("index.html", "fp1")).isInstanceOf(IllegalStateException.class);
        }
    }
}
