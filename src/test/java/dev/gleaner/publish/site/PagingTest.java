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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 6, 9, 10, 11, 14, 15, 16, 49, 50, 51, 237})
    void everyItemIsOnExactlyOnePageAndThePagerLinksThemAll(int n) {
        List<Paging.Page<Integer>> pages = Paging.of(items(n), 5);
        List<Integer> seen = new ArrayList<>();
        Paging.Page<Integer> page = pages.get(0);
        while (true) {
            seen.addAll(page.items());
            if (page.older() < 0) {
                break;
            }
            int older = page.older();
            Paging.Page<Integer> next = pages.stream().filter(p -> p.number() == older).findFirst().orElseThrow();
            assertThat(next.newer()).isEqualTo(page.number());
            page = next;
        }
        assertThat(seen).isEqualTo(items(n));
        assertThat(pages.get(0).items().size()).isEqualTo(n < 5 ? n : n - (pages.size() - 1) * 5);
        assertThat(pages.get(0).items().size()).isLessThan(10);
        pages.stream().skip(1).forEach(numbered -> assertThat(numbered.items()).hasSize(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 12, 40, 103})
    void aNumberedPageKeepsItsItemsAsTheListGrows(int n) {
        List<Paging.Page<Integer>> before = Paging.of(items(n), 5);
        for (int more = 1; more <= 12; more++) {
            List<Paging.Page<Integer>> after = Paging.of(items(n + more), 5);
            for (Paging.Page<Integer> page : before.subList(1, before.size())) {
                Paging.Page<Integer> same = after.stream().filter(p -> p.number() == page.number()).findFirst()
                        .orElseThrow();
                assertThat(same.items()).isEqualTo(page.items());
                if (page.number() < before.size() - 1) {
                    assertThat(same).as("pages below the newest numbered one are untouched").isEqualTo(page);
                }
            }
        }
    }
}
