/** Reads, validates and explains the YAML configuration: site settings and the category tree. */
@NullMarked
package dev.gleaner.config;

import org.jspecify.annotations.NullMarked;
