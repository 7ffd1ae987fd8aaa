/** The immutable records that every stage of the pipeline shares. */
@NullMarked
package dev.gleaner.model;

import org.jspecify.annotations.NullMarked;
