package dev.gleaner.store;

import dev.gleaner.model.Entry;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry's body as the site needs it.
 *
 * @param entry the entry, as the feed last gave it; its summary and content are left empty when
 *     the published body stands for them
 * @param publishedHtml the sanitized body its post holds, when the post is written and the item
 *     has not changed since
 */
public record SiteBody(Entry entry, Optional<String> publishedHtml) {
    public SiteBody {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(publishedHtml, "publishedHtml");
    }
}
