package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gleaner.SharedFixtures;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.testing.RsshubPageExample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * examples/rsshub-page.yml: the original site's subscription tree in our format, on the routes
 * current RSSHub serves. Each leaf keeps its original route, or says on its line which route it
 * replaces ({@code # was rsshub://OLD}); a leaf with nothing to replace it is listed at the end
 * ({@code #   PATH: rsshub://OLD — why}). Whether RSSHub serves the routes is
 * RsshubPageExampleRoutesTest's.
 */
class RsshubPageExampleTest {
    private final RsshubPageExample example = RsshubPageExample.read();

    @Nested
    class OnItsOwn {
        @Test
        void everyLeafIsAnRsshubRouteThreeLevelsDeep() {
            assertThat(example.config().subscriptions()).isNotEmpty()
                    .allMatch(s -> s.url() instanceof FeedUrl.Route, "an rsshub:// URL")
                    .allMatch(s -> s.path().levels().size() == 3, "category > site > feed");
            assertThat(example.leaves().values()).as("one leaf per route").doesNotHaveDuplicates();
        }

        @Test
        void theHotListIsZhihuHot() {
            assertThat(example.leaves()).containsEntry("社交媒体/知乎/知乎热榜", "zhihu/hot");
            assertThat(example.moved()).containsEntry("zhihu/hot", "zhihu/hotlist");
        }

        @Test
        void aWasCommentStandsOnALeafAndNamesARouteNoLeafHas() {
            assertThat(example.movedLines()).as("every `# was` is on a leaf's line, after its URL")
                    .isEqualTo(example.moved().size());
            assertThat(example.moved()).allSatisfy((now, was) -> {
                assertThat(example.leaves()).containsValue(now);
                assertThat(example.leaves()).doesNotContainValue(was);
                assertThat(was).isNotEqualTo(now);
            });
        }

        @Test
        void aRemovedLeafIsNoLongerThereAndSaysWhy() {
            assertThat(example.removed()).isNotEmpty().allSatisfy((route, removal) -> {
                assertThat(example.leaves()).doesNotContainKey(removal.path()).doesNotContainValue(route);
                assertThat(example.moved()).doesNotContainValue(route);
                assertThat(removal.why()).isNotBlank();
            });
        }

        @Test
        void theHeaderCountsWhatTheFileHolds() {
            Matcher counts = Pattern.compile("Of the original's (\\d+) routes, (\\d+) are kept as they were,"
                    + " (\\d+) moved .* and (\\d+) are removed, listed at the end with why:"
                    + " (\\d+) RSSHub routes in all")
                    .matcher(example.header());
            assertThat(counts.find()).as("the header's counts, in: %s", example.header()).isTrue();
            int leaves = example.leaves().size();
            int moved = example.moved().size();
            int removed = example.removed().size();

            assertThat(List.of(counts.group(1), counts.group(2), counts.group(3), counts.group(4), counts.group(5)))
                    .containsExactly(String.valueOf(leaves + removed), String.valueOf(leaves - moved),
                            String.valueOf(moved), String.valueOf(removed), String.valueOf(leaves));
        }
    }

    @Nested
    class AgainstTheOriginalTree {
        @Test
        void everyOriginalRouteIsKeptMovedOrListedAsRemovedAndNothingElseIsThere() throws IOException {
            Map<String, String> original = originalTree(SharedFixtures.require("fixtures/seed-feeds.yml"));
            Map<String, String> expectedLeaves = new LinkedHashMap<>();
            List<String> unaccounted = new ArrayList<>();
            original.forEach((path, route) -> {
                String leaf = example.leaves().get(path);
                RsshubPageExample.Removal removal = example.removed().get(route);
                boolean kept = route.equals(leaf);
                boolean moved = leaf != null && route.equals(example.moved().get(leaf));
                boolean removed = leaf == null && removal != null && removal.path().equals(path);
                if (kept || moved) {
                    expectedLeaves.put(path, leaf);
                } else if (!removed) {
                    unaccounted.add(path + ": rsshub://" + route
                            + (leaf == null ? " (no leaf)" : " (leaf rsshub://" + leaf + ")"));
                }
            });

            assertThat(unaccounted).as("original routes neither kept, nor named by `# was`, nor listed as removed")
                    .isEmpty();
            assertThat(example.leaves()).as("the example's leaves: the original's, kept or moved")
                    .isEqualTo(expectedLeaves);
            assertThat(example.removed().keySet()).as("removed routes are the original's")
                    .isSubsetOf(original.values());
            assertThat(example.moved().values()).as("`# was` names the original's routes")
                    .isSubsetOf(original.values());
            assertThat(example.header()).contains("Of the original's " + original.size() + " routes");
        }

        /** The original tree: each feed's path as Gleaner writes it, and its route without the leading slash. */
        private static Map<String, String> originalTree(Path seed) throws IOException {
            Map<String, String> tree = new LinkedHashMap<>();
            for (JsonNode feed : new YAMLMapper().readTree(seed.toFile()).path("feeds")) {
                String site = feed.path("site").asText();
                String name = feed.path("name").isNull() ? site : feed.path("name").asText();
                String path = CategoryPath.of(feed.path("category").asText(), site, name).toString();
                tree.put(path, feed.path("route").asText().replaceFirst("^/", ""));
            }
            return tree;
        }
    }
}
