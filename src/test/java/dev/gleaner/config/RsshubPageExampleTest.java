package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gleaner.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** examples/rsshub-page.yml: the original site's subscription tree in our format. */
class RsshubPageExampleTest {
    private static final Pattern SEED_ROUTE = Pattern.compile("route: \"?/([^\"}]*)\"?\\}");

    @Test
    void holdsEveryRouteOfTheOriginalSiteAsAnRsshubUrl() throws Exception {
        Config config = new ConfigLoader().load(Path.of("examples/rsshub-page.yml"));
        Path seed = SharedFixtures.require("fixtures/seed-feeds.yml");
        Set<String> seedRoutes = new LinkedHashSet<>();
        for (String line : Files.readAllLines(seed)) {
            Matcher route = SEED_ROUTE.matcher(line);
            if (line.strip().startsWith("- {category:") && route.find()) {
                seedRoutes.add("rsshub://" + route.group(1));
            }
        }

        List<String> urls = config.subscriptions().stream().map(s -> s.url().text()).toList();

        assertThat(seedRoutes).hasSize(290);
        assertThat(urls).hasSize(290).allMatch(url -> url.startsWith("rsshub://"));
        assertThat(Set.copyOf(urls)).isEqualTo(seedRoutes);
        assertThat(config.subscriptions()).allMatch(s -> s.path().levels().size() == 3);
    }
}
