package dev.gleaner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

    @Test
    void readsBackTheListsOfStringsItWrites() throws SQLException {
        List<String> categories = List.of("社交媒体", "a \"quoted\" \\ one", "", "😀 \u0000 \u2028");

        assertThat(StoredJson.strings(StoredJson.write(categories))).isEqualTo(categories);
        assertThat(StoredJson.strings("[]")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAListOfStringsAndSaysWhatItWas() {
        for (String json : List.of("{\"a\":1}", "[1, 2]", "[\"a\", [\"b\"]]", "\"text\"", "[\"open\"")) {
            assertThatThrownBy(() -> StoredJson.strings(json)).as(json)
                    .isInstanceOf(SQLException.class).hasMessageContaining(json);
        }
    }
}
