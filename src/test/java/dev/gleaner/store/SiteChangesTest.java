package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store notes each change to what the site shows, once a build has been recorded, and a recorded build forgets them. */
class SiteChangesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Subscription HOT = Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "https://example.org/hot.xml");

    @TempDir
    Path dir;

    private Store store;
    private long subscription;

    @BeforeEach
    void open() {
        store = Store.open(url());
        subscription = store.subscriptions().reconcile(HOT, NOW).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("gleaner.db");
    }

    /** Item {@code n}, dated {@code n} hours after NOW's day began, with {@code title}. */
    private static SeenEntry item(int n, String title) {
        Entry entry = new Entry("guid-" + n, "https://example.org/" + n, title, "",
                Optional.of(Instant.parse("2026-11-26T00:00:00Z").plusSeconds(3600L * n)), Optional.empty(),
                "<p>" + title + "</p>", "", List.of(), List.of());
        return new SeenEntry(EntryKey.of(HOT.id(), entry), entry, "hash-" + title);
    }

    /** Fetches {@code items} and writes the posts of the new ones, as a pass does. */
    private void fetchAndPublish(Instant at, SeenEntry... items) {
        store.entries().onFetched(subscription, at, FetchMemo.NONE, at, List.of(items), 100, true);
        for (StoredEntry pending : store.entries().pending()) {
            store.entries().reservePath(pending.key(), pending.key().value() + ".md");
            store.entries().onWritten(pending.key(), at, "<p>body</p>");
        }
    }

    private void recordABuild() {
        SiteChanges seen = store.site().changes(1000);
        store.site().record(List.of(), java.util.Map.of(), List.of(),
                new SiteState.Built("key", store.site().outline().size(), 0, List.of(), ""), seen.upTo());
    }

    @Test
    void nothingIsNotedBeforeAFirstBuild() {
        fetchAndPublish(NOW, item(1, "一"), item(2, "二"));

        assertThat(store.site().changes(1000).entries()).isEmpty();
        assertThat(store.site().outline().size()).isEqualTo(2);
    }

    @Test
    void aNewPostIsNotedWithNoPlaceBefore() {
        fetchAndPublish(NOW, item(1, "一"));
        recordABuild();

        fetchAndPublish(NOW.plusSeconds(60), item(1, "一"), item(2, "二"));

        SiteChanges changes = store.site().changes(1000);
        assertThat(changes.everything()).isFalse();
        assertThat(changes.entries()).extracting(change -> change.key()).containsExactly(item(2, "二").key());
        assertThat(changes.entries().get(0).oldOrder()).isEmpty();
    }

    @Test
    void seeingAnItemAgainIsNoChangeButEditingItIs() {
        fetchAndPublish(NOW, item(1, "一"));
        recordABuild();

        fetchAndPublish(NOW.plusSeconds(60), item(1, "一"));
        assertThat(store.site().changes(1000).entries()).isEmpty();

        fetchAndPublish(NOW.plusSeconds(120), item(1, "一（更新）"));
        List<SiteChanges.Change> changes = store.site().changes(1000).entries();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).oldSubscription()).contains(subscription);
        assertThat(changes.get(0).oldOrder()).contains(Instant.parse("2026-11-26T01:00:00Z").toEpochMilli());
    }

    @Test
    void aDeletedEntryKeepsWhereItWasListed() throws SQLException {
        fetchAndPublish(NOW, item(1, "一"), item(3, "三"));
        recordABuild();

        try (Connection connection = DriverManager.getConnection(url());
                PreparedStatement delete = connection.prepareStatement("DELETE FROM entry WHERE entry_key = ?")) {
            delete.setString(1, item(3, "三").key().value());
            delete.executeUpdate();
        }

        List<SiteChanges.Change> changes = store.site().changes(1000).entries();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(item(3, "三").key());
            assertThat(change.oldOrder()).contains(Instant.parse("2026-11-26T03:00:00Z").toEpochMilli());
        });
        assertThat(store.site().outline().size()).isEqualTo(1);
    }

    @Test
    void aSubscriptionWithANewAddressChangesEverything() {
        fetchAndPublish(NOW, item(1, "一"));
        recordABuild();

        store.subscriptions().reconcile(Subscription.of(HOT.path(), "https://example.org/moved.xml"), NOW);

        assertThat(store.site().changes(1000).everything()).isTrue();
    }

    @Test
    void moreChangesThanAskedForAreEverything() {
        fetchAndPublish(NOW, item(1, "一"));
        recordABuild();

        fetchAndPublish(NOW.plusSeconds(60), item(2, "二"), item(3, "三"), item(4, "四"));

        assertThat(store.site().changes(2).everything()).isTrue();
        assertThat(store.site().changes(3).everything()).isFalse();
    }

    @Test
    void aRecordedBuildForgetsWhatItSawButNotWhatCameAfter() {
        fetchAndPublish(NOW, item(1, "一"));
        recordABuild();
        fetchAndPublish(NOW.plusSeconds(60), item(2, "二"));
        SiteChanges seen = store.site().changes(1000);

        fetchAndPublish(NOW.plusSeconds(120), item(3, "三"));
        store.site().record(List.of(), java.util.Map.of(), List.of(),
                new SiteState.Built("key", 3, 0, List.of(), ""), seen.upTo());

        assertThat(store.site().changes(1000).entries()).extracting(change -> change.key())
                .containsExactly(item(3, "三").key());
    }

    @Test
    void theOutlineRunsNewestFirstByDateButNeverLaterThanFirstSeen() {
        Instant early = Instant.parse("2026-11-25T00:00:00Z");
        // Item 30 claims a date after the fetch that found it: it sorts at the fetch.
        fetchAndPublish(early, item(2, "二"), item(30, "三十"), item(1, "一"));

        SiteOutline outline = store.site().outline();

        assertThat(outline.size()).isEqualTo(3);
        assertThat(outline.key(0)).isEqualTo(item(30, "三十").key().value());
        assertThat(outline.order(0)).isEqualTo(early.toEpochMilli());
        assertThat(outline.key(1)).isEqualTo(item(2, "二").key().value());
        assertThat(outline.key(2)).isEqualTo(item(1, "一").key().value());
        assertThat(outline.path(outline.subscription(0))).isEqualTo(HOT.path().toString());
    }
}
