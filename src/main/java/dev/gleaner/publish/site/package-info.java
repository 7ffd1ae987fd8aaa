/**
 * The HTML site: pages, feeds out, sitemap and search index rendered from the store with a jte
 * theme, incrementally.
 *
 * <p>{@link dev.gleaner.publish.site.SiteBuilder} drives a build; page models handed to templates
 * are the records of this package ({@link dev.gleaner.publish.site.ListPage},
 * {@link dev.gleaner.publish.site.ItemPage}, {@link dev.gleaner.publish.site.ArchivePage},
 * {@link dev.gleaner.publish.site.NotFoundPage}).
 */
@NullMarked
package dev.gleaner.publish.site;

import org.jspecify.annotations.NullMarked;
