package dev.gleaner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryKeyTest {
    private static Entry entry(String guid, String link, String title, Optional<Instant> date, String body) {
        return new Entry(guid, link, title, "", date, Optional.empty(), body, "", List.of(), List.of());
    }

    @Test
    void anItemIsKnownByItsGuidElseItsLinkElseItsTitleAndDate() {
        Optional<Instant> date = Optional.of(Instant.parse("2022-05-21T06:05:19Z"));

        assertThat(EntryKey.of("a/b/c", entry("g", "https://x/1", "t", date, "one")))
                .isEqualTo(EntryKey.of("a/b/c", entry("g", "https://x/2", "other", Optional.empty(), "two")));
        assertThat(EntryKey.of("a/b/c", entry("", "https://x/1", "t", date, "one")))
                .isEqualTo(EntryKey.of("a/b/c", entry("", "https://x/1", "t2", date, "two")));
        assertThat(EntryKey.of("a/b/c", entry("", "", "t", date, "one")))
                .isEqualTo(EntryKey.of("a/b/c", entry("", "", "t", date, "edited")))
                .isNotEqualTo(EntryKey.of("a/b/c", entry("", "", "t", Optional.empty(), "one")));
    }

    @Test
    void itemsWithNoGuidLinkTitleOrDateAreToldApartByTheirBody() {
        Entry first = entry("", "", "", Optional.empty(), "<p>第一条</p>");
        Entry second = entry("", "", " ", Optional.empty(), "<p>第二条</p>");

        assertThat(EntryKey.isByContent(first)).isTrue();
        assertThat(EntryKey.of("a/b/c", first)).isNotEqualTo(EntryKey.of("a/b/c", second))
                .isEqualTo(EntryKey.of("a/b/c", entry("", "", "", Optional.empty(), "<p>第一条</p>")));
        assertThat(EntryKey.isByContent(entry("", "", "t", Optional.empty(), "x"))).isFalse();
    }

    @Test
    void theSameItemInAnotherSubscriptionHasAnotherKey() {
        Entry item = entry("g", "", "", Optional.empty(), "");

        assertThat(EntryKey.of("a/b/c", item)).isNotEqualTo(EntryKey.of("a/b/d", item));
    }
}
