package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's numbers and states, on entries fetched and written at known times. */
class ReaderStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Subscription ZHIHU =
            Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "https://example.org/zhihu.xml");
    private static final Subscription BBC = Subscription.of(CategoryPath.of("新闻", "BBC", "中文"),
            "https://example.org/bbc.xml");

    @TempDir
    Path dir;

    Store store;
    long zhihu;
    long bbc;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
        zhihu = store.subscriptions().reconcile(ZHIHU, NOW).id();
        bbc = store.subscriptions().reconcile(BBC, NOW).id();
        // 知乎 1 seen at NOW, BBC 1 an hour later, 知乎 2 two hours later.
        written(ZHIHU, zhihu, 1, NOW);
        written(BBC, bbc, 1, NOW.plusSeconds(3600));
        written(ZHIHU, zhihu, 2, NOW.plusSeconds(7200));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void written(Subscription subscription, long id, int n, Instant at) {
        Entry entry = new Entry("guid-" + n, "https://example.org/" + id + "/" + n, subscription.path().name() + " " + n,
                "", Optional.empty(), Optional.empty(), "<p>body " + n + "</p>", "", List.of(), List.of());
        EntryKey key = EntryKey.of(subscription.id(), entry);
        store.entries().onFetched(id, at, FetchMemo.NONE, at, List.of(new SeenEntry(key, entry, "hash-" + n)), 20,
                false);
        store.entries().reservePath(key, key.value() + ".md");
        store.entries().onWritten(key, at, "<p>body " + n + "</p>");
    }

    private List<Long> all() {
        return store.reader().ids(new EntryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), EntryQuery.Order.ID, true, 100, 0));
    }

    private EntryQuery seen(Optional<Instant> after, Optional<Instant> before, boolean ascending, int limit) {
        return new EntryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), EntryQuery.Order.ID, ascending, limit, 0, after,
                before);
    }

    @Test
    void idsAreListedInTheQuerysOrderWithinItsLimitAndBoundsOnWhenTheyWereSeen() {
        List<Long> ids = all();
        assertThat(ids).hasSize(3).isSorted();

        assertThat(store.reader().ids(seen(Optional.empty(), Optional.empty(), false, 2)))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(store.reader().ids(seen(Optional.of(NOW), Optional.empty(), true, 100)))
                .containsExactly(ids.get(1), ids.get(2));
        assertThat(store.reader().ids(seen(Optional.empty(), Optional.of(NOW.plusSeconds(7200)), true, 100)))
                .containsExactly(ids.get(0), ids.get(1));
        EntryQuery.Page page = store.reader().entries(seen(Optional.of(NOW), Optional.empty(), true, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries()).extracting(ReaderEntry::title).containsExactly("中文 1");
    }

    @Test
    void entriesByNumberComeInTheOrderAskedWithoutTheUnknown() {
        List<Long> ids = all();

        assertThat(store.reader().entries(List.of(ids.get(2), 999_999L, ids.get(0), ids.get(2))))
                .extracting(ReaderEntry::title).containsExactly("知乎热榜 2", "知乎热榜 1");
        assertThat(store.reader().entries(List.of())).isEmpty();
    }

    @Test
    void starringSetsTheStateWhateverItWasAndCountsTheKnownNumbers() {
        List<Long> ids = all();

        assertThat(store.reader().markStarred(List.of(ids.get(0), ids.get(1), 999_999L), true, NOW)).isEqualTo(2);
        assertThat(store.reader().markStarred(List.of(ids.get(0)), true, NOW)).isEqualTo(1);
        assertThat(store.reader().entry(ids.get(0)).orElseThrow().starred()).as("starred twice is starred").isTrue();
        store.reader().markStarred(List.of(ids.get(1)), false, NOW);

        assertThat(store.reader().entry(ids.get(1)).orElseThrow().starred()).isFalse();
        assertThat(store.reader().entry(ids.get(2)).orElseThrow().starred()).isFalse();
    }

    @Test
    void markingAllReadUpToATimeLeavesWhatArrivedLaterUnread() {
        List<Long> ids = all();

        assertThat(store.reader().markAllRead(Optional.of(List.of(zhihu)), NOW.plusSeconds(3600), NOW)).isEqualTo(1);
        assertThat(store.reader().entry(ids.get(0)).orElseThrow().read()).isTrue();
        assertThat(store.reader().entry(ids.get(1)).orElseThrow().read()).as("another feed").isFalse();
        assertThat(store.reader().entry(ids.get(2)).orElseThrow().read()).as("seen later").isFalse();

        assertThat(store.reader().markAllRead(Optional.empty(), NOW.plusSeconds(3600), NOW)).isEqualTo(1);
        assertThat(store.reader().entry(ids.get(1)).orElseThrow().read()).isTrue();
        assertThat(store.reader().entry(ids.get(2)).orElseThrow().read()).isFalse();
        assertThat(store.reader().markAllRead(Optional.of(List.of()), NOW.plusSeconds(9999), NOW)).isZero();
    }

    @Test
    void theNewestUnreadOfEachFeedIsWhenItWasFirstSeen() {
        assertThat(store.reader().newestUnread()).containsEntry(zhihu, NOW.plusSeconds(7200))
                .containsEntry(bbc, NOW.plusSeconds(3600));

        store.reader().markAllRead(Optional.of(List.of(bbc)), NOW);

        assertThat(store.reader().newestUnread()).containsOnlyKeys(zhihu);
    }
}
