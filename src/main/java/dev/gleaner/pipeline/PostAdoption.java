package dev.gleaner.pipeline;

import dev.gleaner.config.Subscription;
import dev.gleaner.model.Entry;
import dev.gleaner.model.EntryKey;
import dev.gleaner.parse.FeedDates;
import dev.gleaner.publish.BaseUri;
import dev.gleaner.publish.HexoPostRenderer;
import dev.gleaner.publish.PostFile;
import dev.gleaner.publish.PostsFolder;
import dev.gleaner.store.AdoptedPost;
import dev.gleaner.store.Store;
import dev.gleaner.store.SubscriptionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adopts the posts already in the posts folder: each post of the reference format (or its older
 * variants) is recorded against the subscription its categories, else its folders, name, so that no
 * later run writes it a second time; the item, when a fetch brings it, takes the post over. Posts no
 * subscription claims are left alone and listed.
 *
 * <p>Files are only read: no post changes by a byte.
 */
public final class PostAdoption {
    private final Store store;
    private final PostsFolder folder;
    private final HexoPostRenderer renderer;
    private final InstantSource clock;

    public PostAdoption(Store store, Path postsDir, HexoPostRenderer renderer, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.folder = new PostsFolder(Objects.requireNonNull(postsDir, "postsDir"));
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What adopting found.
     *
     * @param adopted posts recorded, by subscription path, in the configuration's order
     * @param known posts the store already held
     * @param unclaimed posts no subscription claims, relative to the posts folder: left alone
     * @param unreadable posts that are not of the format, with the reason: left alone
     */
    public record Adopted(Map<String, Integer> adopted, int known, List<String> unclaimed, List<String> unreadable) {
        public Adopted {
            adopted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(adopted));
            unclaimed = List.copyOf(unclaimed);
            unreadable = List.copyOf(unreadable);
        }

        /** Posts recorded in all. */
        public int total() {
            return adopted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Makes the store agree with the {@code declared} subscriptions, then adopts every post under the posts
     * folder that a followed subscription claims.
     */
    public Adopted adopt(List<Subscription> declared) {
        Instant now = clock.instant();
        Map<String, SubscriptionState> states = new HashMap<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (SubscriptionState state : store.subscriptions().reconcileAll(declared, now).states()) {
            states.put(state.path(), state);
            subscriptions.add(state.subscription());
        }
        Map<List<String>, Subscription> byCategories = new HashMap<>();
        Map<String, Subscription> byFolder = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byCategories.putIfAbsent(subscription.path().levels(), subscription);
            byFolder.putIfAbsent(PostsFolder.folderOf(subscription.path()), subscription);
        }
        Set<String> known = store.entries().postPaths();
        Map<Subscription, List<AdoptedPost>> found = new LinkedHashMap<>();
        subscriptions.forEach(subscription -> found.put(subscription, new ArrayList<>()));
        List<String> unclaimed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int alreadyKnown = 0;
        for (String relative : posts()) {
            if (known.contains(relative)) {
                alreadyKnown++;
                continue;
            }
            Optional<PostFile> post = read(relative, unreadable);
            if (post.isEmpty()) {
                continue;
            }
            Subscription owner = byCategories.get(post.get().categories());
            if (owner == null) {
                owner = byFolder.get(relative.substring(0, relative.lastIndexOf('/') + 1));
            }
            if (owner == null) {
                unclaimed.add(relative);
                continue;
            }
            found.get(owner).add(adopted(relative, post.get(), owner, states.get(owner.id())));
        }
        Map<String, Integer> adopted = new LinkedHashMap<>();
        for (Map.Entry<Subscription, List<AdoptedPost>> posts : found.entrySet()) {
            if (!posts.getValue().isEmpty()) {
                long id = states.get(posts.getKey().id()).id();
                adopted.put(posts.getKey().id(), store.entries().adopt(id, posts.getValue(), now));
            }
        }
        adopted.values().removeIf(count -> count == 0);
        return new Adopted(adopted, alreadyKnown, unclaimed, unreadable);
    }

    /** Every {@code .md} file under the posts folder, relative to it with {@code /}, in order. */
    private List<String> posts() {
        if (!Files.isDirectory(folder.root())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder.root())) {
            return walk.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".md"))
                    .map(file -> folder.root().relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the posts in " + folder.root() + ": " + e.getMessage(), e);
        }
    }

    private Optional<PostFile> read(String relative, List<String> unreadable) {
        try {
            byte[] bytes = Files.readAllBytes(folder.resolve(relative));
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            Optional<PostFile> post = PostFile.read(text);
            if (post.isEmpty()) {
                unreadable.add(relative + ": no front matter with a title");
            }
            return post;
        } catch (CharacterCodingException e) {
            unreadable.add(relative + ": not UTF-8 text");
        } catch (IOException e) {
            unreadable.add(relative + ": cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private AdoptedPost adopted(String relative, PostFile post, Subscription subscription, SubscriptionState state) {
        Optional<Instant> date = post.date().flatMap(FeedDates::parse);
        Instant when = date.orElseGet(() -> modified(relative));
        String body = renderer.sanitized(post.body(), BaseUri.of("", subscription.url().text()));
        Entry entry = new Entry("", "", post.title(), post.author(), date, Optional.empty(), "", post.body(),
                List.of(), List.of());
        // The post's path is what tells one adopted post from another until its item takes it over.
        EntryKey key = EntryKey.of(state.keySeed(), new Entry("post:" + relative, "", "", "", Optional.empty(),
                Optional.empty(), "", "", List.of(), List.of()));
        return new AdoptedPost(key, entry, relative, when, body);
    }

    private Instant modified(String relative) {
        try {
            return Files.getLastModifiedTime(folder.resolve(relative)).toInstant();
        } catch (IOException e) {
            return clock.instant();
        }
    }
}
