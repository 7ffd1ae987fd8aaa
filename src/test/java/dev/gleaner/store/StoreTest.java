package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.fetch.Validators;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store, on a real database file. */
class StoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Subscription ZHIHU =
            Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "rsshub://zhihu/hotlist");

    @TempDir
    Path dir;

    Store store;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
    }

    private static SeenEntry seen(int n, String body) {
        Entry entry = new Entry("guid-" + n, "https://example.org/" + n, "标题 " + n, "", Optional.empty(),
                Optional.empty(), body, "", List.of("a"), List.of());
        return new SeenEntry(EntryKey.of(ZHIHU.id(), entry), entry, "hash-" + body);
    }

    private static List<SeenEntry> seen(int count) {
        List<SeenEntry> entries = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            entries.add(seen(n, "body"));
        }
        return entries;
    }

    @Nested
    class Subscriptions {
        @Test
        void areReconciledByPathAndForgetTheirValidatorsWhenTheUrlChanges() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.subscriptions().onNotModified(id, NOW, FetchMemo.of(Validators.of("\"e1\"", "Sat, 21 May 2022 06:05:19 GMT")), NOW, true);
            assertThat(store.subscriptions().reconcile(ZHIHU, NOW).validators().etag()).contains("\"e1\"");

            SubscriptionState moved = store.subscriptions().reconcile(
                    Subscription.of(ZHIHU.path(), "https://example.org/other.xml"), NOW);

            assertThat(moved.id()).isEqualTo(id);
            assertThat(moved.validators()).isEqualTo(Validators.NONE);
        }

        @Test
        void countConsecutiveFailuresUntilASuccess() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.subscriptions().onFetchError(id, NOW, FetchFailure.of("HTTP 503 Service Unavailable"), NOW);
            store.subscriptions().onFetchError(id, NOW.plusSeconds(60), FetchFailure.of("timed out after 30 s"), NOW);

            SubscriptionState failing = store.subscriptions().find(ZHIHU.id()).orElseThrow();
            assertThat(failing.health().consecutiveFailures()).isEqualTo(2);
            assertThat(failing.health().lastError()).isEqualTo("timed out after 30 s");
            assertThat(failing.health().lastAttempt()).contains(NOW.plusSeconds(60));
            assertThat(failing.health().lastSuccess()).isEmpty();

            store.entries().onFetched(id, NOW.plusSeconds(120), FetchMemo.NONE, NOW.plusSeconds(120), seen(1), 20, false);

            SubscriptionState healthy = store.subscriptions().find(ZHIHU.id()).orElseThrow();
            assertThat(healthy.health().consecutiveFailures()).isZero();
            assertThat(healthy.health().lastError()).isEmpty();
            assertThat(healthy.health().lastSuccess()).contains(NOW.plusSeconds(120));
        }
    }

    @Nested
    class Entries {
        @Test
        void aNewSubscriptionQueuesOnlyItsBacklogAndRemembersTheRestAsSkipped() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();

            RecordedFetch first = store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, seen(30), 20, false);

            assertThat(first).isEqualTo(new RecordedFetch(30, 30, 20, 10, 0, 0));
            assertThat(store.entries().pending()).hasSize(20);
            assertThat(store.entries().ofSubscription(id)).hasSize(30);
        }

        @Test
        void afterTheFirstFetchEveryNewEntryIsQueued() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, seen(2), 1, false);

            RecordedFetch second = store.entries().onFetched(id, NOW.plusSeconds(60), FetchMemo.NONE, NOW.plusSeconds(60), seen(5), 1, false);

            assertThat(second).isEqualTo(new RecordedFetch(5, 3, 3, 0, 0, 0));
            assertThat(store.entries().pending()).hasSize(4);
        }

        @Test
        void aKnownEntryKeepsItsFirstSeenTimeAndTakesItsNewContent() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, List.of(seen(1, "old")), 20, false);

            RecordedFetch again = store.entries().onFetched(id, NOW.plusSeconds(60), FetchMemo.NONE, NOW,
                    List.of(seen(1, "new")), 20, false);

            assertThat(again.added()).isZero();
            StoredEntry stored = store.entries().ofSubscription(id).get(0);
            assertThat(stored.firstSeen()).isEqualTo(NOW);
            assertThat(stored.entry().summary()).isEqualTo("new");
        }

        @Test
        void aPathIsHeldByOneEntryOnly() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, seen(2), 20, false);
            EntryKey first = seen(1, "body").key();
            EntryKey second = seen(2, "body").key();

            assertThat(store.entries().reservePath(first, "a/b/c/x.md")).isTrue();
            assertThat(store.entries().reservePath(first, "a/b/c/x.md")).isTrue();
            assertThat(store.entries().reservePath(second, "a/b/c/x.md")).isFalse();
            assertThat(store.entries().pathOwner("a/b/c/x.md")).contains(first);
            assertThat(store.entries().reservePost(second, "a/b/c/x.md", NOW, "<p>b</p>")).isFalse();
            assertThat(store.entries().reservePost(second, "a/b/c/y.md", NOW, "<p>b</p>")).isTrue();
            assertThat(store.entries().pathOwner("a/b/c/y.md")).contains(second);
        }

        @Test
        void aPostReservedWithItsBodyStaysQueuedUntilItIsWritten() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, seen(1), 20, false);
            EntryKey key = seen(1, "body").key();

            assertThat(store.entries().reservePost(key, "x.md", NOW, "<p>body</p>")).isTrue();
            assertThat(store.entries().pending()).extracting(StoredEntry::key).containsExactly(key);
            assertThat(store.entries().pending().get(0).postPath()).contains("x.md");

            store.entries().onWritten(key, NOW.plusSeconds(1), "<p>body</p>");
            assertThat(store.entries().pending()).isEmpty();
        }

        @Test
        void aWrittenEntryLeavesTheQueueAndSurvivesReopening() {
            long id = store.subscriptions().reconcile(ZHIHU, NOW).id();
            store.entries().onFetched(id, NOW, FetchMemo.NONE, NOW, seen(1), 20, false);
            EntryKey key = seen(1, "body").key();
            store.entries().reservePath(key, "x.md");

            store.entries().onWritten(key, NOW, "<p>body</p>");

            Store reopened = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
            assertThat(reopened.entries().pending()).isEmpty();
            assertThat(reopened.entries().ofSubscription(id).get(0).postPath()).contains("x.md");
        }
    }

    @Nested
    class ItsSchema {
        @Test
        void theVersionItTrustsIsTheNewestMigration() throws Exception {
            int newest = 0;
            try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
                for (Path file : files.toList()) {
                    java.util.regex.Matcher version = java.util.regex.Pattern.compile("^V(\\d+)__.*\\.sql$")
                            .matcher(file.getFileName().toString());
                    if (version.matches()) {
                        newest = Math.max(newest, Integer.parseInt(version.group(1)));
                    }
                }
            }
            assertThat(SqliteDialect.SCHEMA_VERSION).isEqualTo(newest);
        }

        @Test
        void aStoreMadeByAnOlderVersionIsMigratedOnOpen() throws Exception {
            store.close();
            String url = "jdbc:sqlite:" + dir.resolve("old.db");
            org.flywaydb.core.Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration/sqlite")
                    .target("2").load().migrate();

            try (Store reopened = Store.open(url)) {
                List<String> files = new ArrayList<>();
                reopened.site().files("", (path, fingerprint) -> files.add(path));
                assertThat(files).isEmpty();
                assertThat(reopened.site().outline().size()).isZero();
            }
            store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
        }
    }
}
