/** Drives one pass of the pipeline: fetch the subscriptions, record what they hold, publish what is new. */
@NullMarked
package dev.gleaner.pipeline;

import org.jspecify.annotations.NullMarked;
