package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {
    /** Items 1..n, newest (n) first. */
    private static List<Integer> items(int n) {
        return IntStream.rangeClosed(1, n).map(i -> n + 1 - i).boxed().toList();
    }

    /** The items on {@code page}, newest first. */
    private static List<Integer> on(Paging paging, List<Integer> items, int page) {
        return items.subList(paging.from(page), paging.from(page) + paging.count(page));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 6, 9, 10, 11, 14, 15, 16, 49, 50, 51, 237})
    void everyItemIsOnExactlyOnePageAndThePagerLinksThemAll(int n) {
        Paging paging = new Paging(n, 5);
        List<Integer> items = items(n);
        List<Integer> seen = new ArrayList<>();
        for (int page = 0; page >= 0; page = paging.older(page)) {
            seen.addAll(on(paging, items, page));
            if (paging.older(page) >= 0) {
                assertThat(paging.newer(paging.older(page))).isEqualTo(page);
            }
        }
        assertThat(seen).isEqualTo(items);
        assertThat(paging.count(0)).isEqualTo(n < 5 ? n : n - paging.numbered() * 5).isLessThan(10);
        for (int index = 0; index < n; index++) {
            int page = paging.pageOf(index);
            assertThat(index).isBetween(paging.from(page), paging.from(page) + paging.count(page) - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 12, 40, 103})
    void aNumberedPageKeepsItsItemsAsTheListGrows(int n) {
        Paging before = new Paging(n, 5);
        for (int more = 1; more <= 12; more++) {
            Paging after = new Paging(n + more, 5);
            for (int page = 1; page <= before.numbered(); page++) {
                assertThat(on(after, items(n + more), page)).isEqualTo(on(before, items(n), page));
                if (page < before.numbered()) {
                    assertThat(after.newer(page)).as("pages below the newest numbered one are untouched")
                            .isEqualTo(before.newer(page));
                    assertThat(after.older(page)).isEqualTo(before.older(page));
                }
            }
        }
    }
}
