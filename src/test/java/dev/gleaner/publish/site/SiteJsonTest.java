package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteJsonTest {
    /** What the site wrote before, with Jackson's data binding: the bytes must not change. */
    private static final ObjectMapper BOUND = new ObjectMapper();

    private static Map<String, Object> hostile() {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", "知乎 \"日报\" \\ </script>");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", "标题 \u0000\u001f\u2028\u2029 😀 \ud800 tab\tnew\nline");
        item.put("count", 1000);
        item.put("big", 1L << 40);
        item.put("shown", true);
        item.put("none", null);
        item.put("tags", List.of());
        item.put("authors", List.of(author));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("z first", "order kept, not sorted");
        root.put("a", Arrays.asList("x", null, "y"));
        root.put("empty", new LinkedHashMap<>());
        root.put("items", new ArrayList<>(List.of(item, item)));
        return root;
    }

    @Test
    void writesTheBytesDataBindingWrote() throws Exception {
        assertThat(SiteJson.compact(hostile())).isEqualTo(BOUND.writeValueAsString(hostile()) + "\n");
        assertThat(SiteJson.indented(hostile()))
                .isEqualTo(BOUND.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(hostile()) + "\n");
    }

    @Test
    void refusesWhatIsNotAPlainValue() {
        assertThatThrownBy(() -> SiteJson.compact(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
    }
}
