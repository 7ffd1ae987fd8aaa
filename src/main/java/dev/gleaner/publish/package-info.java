/** Writes files out: Hexo posts in the established format, each written atomically and only when it changed. */
@NullMarked
package dev.gleaner.publish;

import org.jspecify.annotations.NullMarked;
