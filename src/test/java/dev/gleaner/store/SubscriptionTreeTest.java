package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.config.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscription tree kept in the store: what the configuration declares, and what commands add. */
class SubscriptionTreeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Subscription DECLARED =
            Subscription.of(CategoryPath.of("社交媒体", "知乎", "知乎热榜"), "rsshub://zhihu/hot");
    private static final Subscription ADDED = new Subscription(CategoryPath.of("编程", "掘金", "前端"),
            "https://juejin.example/frontend.xml", "掘金作者", OptionalInt.of(5), Duration.ofHours(2), true,
            Optional.of("https://img.example/{n}.jpg"), true);

    @TempDir
    Path dir;

    Store store;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> followedPaths() {
        return store.subscriptions().followed().stream().map(SubscriptionState::path).toList();
    }

    @Nested
    class Adding {
        @Test
        void keepsEveryOptionAndSurvivesReopening() {
            store.subscriptions().add(ADDED, NOW);
            store.close();
            store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"));

            SubscriptionState state = store.subscriptions().find(ADDED.id()).orElseThrow();

            assertThat(state.subscription()).isEqualTo(ADDED);
            assertThat(state.origin()).isEqualTo(Origin.ADDED);
        }

        @Test
        void refusesAFeedAboveOrBelowAnotherAndChangesNothing() {
            store.subscriptions().add(ADDED, NOW);

            assertThatThrownBy(() -> store.subscriptions().add(Subscription.of(CategoryPath.of("编程", "掘金", "前端", "更多"),
                    "https://other.example/"), NOW)).isInstanceOf(SubscriptionConflictException.class)
                    .hasMessageContaining("would put a feed below the feed " + ADDED.id());
            assertThatThrownBy(() -> store.subscriptions().addAll(List.of(
                    Subscription.of(CategoryPath.of("新", "站", "甲"), "https://a.example/"),
                    Subscription.of(CategoryPath.of("新", "站"), "https://b.example/")), NOW))
                    .hasMessageContaining("would put a feed above the feed 新/站/甲");
            assertThat(followedPaths()).containsExactly(ADDED.id());
        }

        @Test
        void refusesAPathOrAUrlAlreadyFollowedAndChangesNothing() {
            store.subscriptions().reconcileAll(List.of(DECLARED), NOW);

            assertThatThrownBy(() -> store.subscriptions().add(Subscription.of(DECLARED.path(), "https://x.example/"),
                    NOW)).isInstanceOf(SubscriptionConflictException.class)
                    .hasMessageContaining("社交媒体/知乎/知乎热榜 is already followed");
            assertThatThrownBy(() -> store.subscriptions().add(Subscription.of(CategoryPath.of("a", "b"),
                    DECLARED.url()), NOW)).isInstanceOf(SubscriptionConflictException.class)
                    .hasMessageContaining("rsshub://zhihu/hot is already followed, as 社交媒体/知乎/知乎热榜");
            assertThat(followedPaths()).containsExactly(DECLARED.id());
        }

        @Test
        void comeAfterTheDeclaredOnesAndAreLeftAloneByTheConfiguration() {
            store.subscriptions().add(ADDED, NOW);

            Reconciliation tree = store.subscriptions().reconcileAll(List.of(DECLARED), NOW);

            assertThat(tree.retired()).isEmpty();
            assertThat(tree.states()).extracting(SubscriptionState::path).containsExactly(DECLARED.id(), ADDED.id());
        }

        @Test
        void becomeTheConfigurationsWhenItDeclaresTheirPath() {
            store.subscriptions().add(ADDED, NOW);
            store.subscriptions().reconcileAll(List.of(DECLARED, Subscription.of(ADDED.path(), ADDED.url())), NOW);

            SubscriptionState state = store.subscriptions().find(ADDED.id()).orElseThrow();

            assertThat(state.origin()).isEqualTo(Origin.CONFIG);
            assertThat(state.subscription()).isEqualTo(Subscription.of(ADDED.path(), ADDED.url()));
            assertThat(store.subscriptions().reconcileAll(List.of(DECLARED), NOW).retired())
                    .containsExactly(ADDED.id());
        }
    }

    @Nested
    class Retiring {
        @Test
        void retiresWhatWasAddedBelowThePathAndKeepsItsRow() {
            store.subscriptions().add(ADDED, NOW);
            Subscription other = Subscription.of(CategoryPath.of("编程", "掘金", "后端"), "https://juejin.example/b.xml");
            store.subscriptions().add(other, NOW);

            List<SubscriptionState> retired = store.subscriptions().retire(CategoryPath.of("编程", "掘金"), NOW);

            assertThat(retired).extracting(SubscriptionState::path).containsExactly(ADDED.id(), other.id());
            assertThat(followedPaths()).isEmpty();
            assertThat(store.subscriptions().find(ADDED.id()).orElseThrow().retiredAt()).contains(NOW);
        }

        @Test
        void refusesWhatTheConfigurationOwnsOrNothingAtAll() {
            store.subscriptions().reconcileAll(List.of(DECLARED), NOW);
            store.subscriptions().add(ADDED, NOW);

            assertThatThrownBy(() -> store.subscriptions().retire(DECLARED.path(), NOW))
                    .hasMessageContaining("is declared in the configuration file");
            assertThatThrownBy(() -> store.subscriptions().retire(CategoryPath.of("无"), NOW))
                    .hasMessage("no subscription is followed at 无");
            assertThat(followedPaths()).containsExactly(DECLARED.id(), ADDED.id());
        }
    }

    @Nested
    class Moving {
        @Test
        void aSiteMovesWithEveryFeedAndKeepsTheirIdentity() {
            long id = store.subscriptions().add(ADDED, NOW).id();

            List<Reconciliation.Move> moves = store.subscriptions().move(CategoryPath.of("编程", "掘金"),
                    CategoryPath.of("技术", "稀土掘金"));

            assertThat(moves).extracting(Reconciliation.Move::to).containsExactly("技术/稀土掘金/前端");
            SubscriptionState moved = store.subscriptions().find("技术/稀土掘金/前端").orElseThrow();
            assertThat(moved.id()).isEqualTo(id);
            assertThat(moved.keySeed()).isEqualTo(ADDED.id());
            assertThat(moved.subscription().author()).isEqualTo("掘金作者");
            assertThat(store.subscriptions().find(ADDED.id())).isEmpty();
        }

        @Test
        void feedsThatTradePlacesDoNotCollide() {
            // x/f moves to x/a/f, where the other feed is until it moves on to x/a/a/f.
            Subscription a = Subscription.of(CategoryPath.of("x", "f"), "https://a.example/");
            Subscription b = Subscription.of(CategoryPath.of("x", "a", "f"), "https://b.example/");
            store.subscriptions().add(a, NOW);
            store.subscriptions().add(b, NOW);

            store.subscriptions().move(CategoryPath.of("x"), CategoryPath.of("x", "a"));

            assertThat(followedPaths()).containsExactly("x/a/f", "x/a/a/f");
        }

        @Test
        void refusesAPathTakenAndChangesNothing() {
            store.subscriptions().reconcileAll(List.of(DECLARED), NOW);
            store.subscriptions().add(ADDED, NOW);

            assertThatThrownBy(() -> store.subscriptions().move(ADDED.path(), DECLARED.path()))
                    .isInstanceOf(SubscriptionConflictException.class)
                    .hasMessage("社交媒体/知乎/知乎热榜 is already followed");
            assertThatThrownBy(() -> store.subscriptions().move(DECLARED.path(), CategoryPath.of("新")))
                    .hasMessageContaining("is declared in the configuration file");
            assertThat(followedPaths()).containsExactly(DECLARED.id(), ADDED.id());
        }
    }
}
