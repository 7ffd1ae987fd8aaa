package dev.gleaner.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.model.Enclosure;
import dev.gleaner.model.Entry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CoverImageTest {
    private static Entry entry(String body, Enclosure... enclosures) {
        return new Entry("g", "https://site.example/1", "t", "", Optional.empty(), Optional.empty(), body, "",
                List.of(), List.of(enclosures));
    }

    private static Enclosure image(String url) {
        return new Enclosure(url, "image/*", OptionalLong.empty());
    }

    @Test
    void theBodysImageComesFirst() {
        Entry entry = entry("<img src=\"/in-body.png\">", image("https://cdn.example/thumb.jpg"));

        assertThat(CoverImage.of(entry, entry.body(), "https://site.example/1"))
                .contains("https://site.example/in-body.png");
    }

    @Test
    void aBodyWithoutImageFallsBackToAnAttachedImage() {
        Entry entry = entry("<p>Only text</p>",
                new Enclosure("https://cdn.example/talk.mp3", "audio/mpeg", OptionalLong.empty()),
                image("https://cdn.example/thumb.jpg"));

        assertThat(CoverImage.of(entry, entry.body(), "https://site.example/1")).contains("https://cdn.example/thumb.jpg");
    }

    @Test
    void anAttachedImageThatIsNotAWebAddressIsNotACover() {
        Entry entry = entry("", image("javascript:alert(1)"), image("file:///etc/passwd"), image("data:image/png;base64,AA"));

        assertThat(CoverImage.of(entry, entry.body(), "https://site.example/1")).isEmpty();
    }
}
