package dev.gleaner.publish;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes the posts of entries and records them as published: the seam between publishing and a
 * format of posts ({@link HexoPostWriter} writes Hexo's).
 *
 * <p>Publishing is two steps so that the costly one can be spread over the cores: {@link #render} is
 * pure and may run on any thread; {@link #write} touches the disk and the store, from one thread, a
 * batch of posts at a time so that the store commits once for many.
 */
public interface PostWriter {

    /** What publishing one entry did. */
    enum Outcome {
        /** The post file was written. */
        WRITTEN,
        /** The post file already held these bytes. */
        UNCHANGED,
        /** A post already on disk, unknown to the store, is the entry's and was kept as it is. */
        KEPT
    }

    /**
     * One post to write.
     *
     * @param input what it is made from
     * @param rendered what {@link #render} made of {@code input}
     * @param reserved the path already reserved for this entry by an earlier, interrupted run, or the
     *     path of its post when it is published again
     */
    record Post(PostInput input, HexoPostRenderer.Rendered rendered, Optional<String> reserved) {
        public Post {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(rendered, "rendered");
            Objects.requireNonNull(reserved, "reserved");
        }
    }

    /** What writing one post came to: its outcome, or why it failed (its entry then stays queued). */
    record Written(@Nullable Outcome outcome, @Nullable IOException failure) {
        public Written {
            if ((outcome == null) == (failure == null)) {
                throw new IllegalArgumentException("an outcome or a failure, not both or neither");
            }
        }

        static Written as(Outcome outcome) {
            return new Written(outcome, null);
        }

        static Written failed(IOException failure) {
            return new Written(null, failure);
        }

        /** The outcome, or the failure thrown; the message names the file and says why. */
        public Outcome outcomeOrThrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return Objects.requireNonNull(outcome);
        }
    }

    /** The post of {@code input}, not yet written; thread-safe, reads neither the store nor the disk. */
    HexoPostRenderer.Rendered render(PostInput input);

    /** Writes {@code posts} and records them as published; what each came to, in their order. */
    List<Written> write(List<Post> posts);

    /** Renders and writes the post of {@code input} alone. */
    default Outcome publish(PostInput input, Optional<String> reserved) throws IOException {
        return write(List.of(new Post(input, render(input), reserved))).get(0).outcomeOrThrow();
    }
}
