package dev.gleaner.publish.site;

import dev.gleaner.content.ContentHash;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The templates and assets pages are made with: the default theme, precompiled into Gleaner, or a
 * folder of the same shape ({@code templates/*.jte}, {@code assets/*}) compiled when it is loaded.
 * Copy {@code themes/default} to start one.
 *
 * <p>Thread-safe once loaded.
 */
public final class SiteTheme implements AutoCloseable {
    /** The templates a theme must have. */
    static final List<String> TEMPLATES = List.of("layout.jte", "crumbs.jte", "list.jte", "item.jte", "archive.jte",
            "notfound.jte");
    /** The assets that pages link to; a theme may add more, which are copied too. */
    static final List<String> LINKED_ASSETS = List.of("style.css", "site.js");
    private static final String DEFAULT_ROOT = "dev/gleaner/theme/default/";
    private static final String PRECOMPILED_PACKAGE = "dev.gleaner.theme.precompiled";

    private final TemplateEngine engine;
    private final Map<String, byte[]> assets;
    private final String fingerprint;
    private final Path classes;

    private SiteTheme(TemplateEngine engine, Map<String, byte[]> assets, String fingerprint, Path classes) {
        this.engine = engine;
        this.assets = assets;
        this.fingerprint = fingerprint;
        this.classes = classes;
    }

    /** The default theme. */
    public static SiteTheme standard() {
        URL root = SiteTheme.class.getClassLoader().getResource(DEFAULT_ROOT + "templates/layout.jte");
        if (root == null) {
            throw new IllegalStateException("the default theme is missing from the class path");
        }
        try {
            URI uri = root.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return standard(jar.getPath("/" + DEFAULT_ROOT));
                }
            }
            return standard(Path.of(uri).getParent().getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the default theme cannot be read: " + e.getMessage(), e);
        }
    }

    private static SiteTheme standard(Path folder) throws IOException {
        Map<String, byte[]> files = files(folder);
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
                SiteTheme.class.getClassLoader(), PRECOMPILED_PACKAGE);
        return new SiteTheme(engine, assetsOf(files), fingerprint(files), null);
    }

    /**
     * The theme in {@code folder}, its templates compiled now so that a mistake in one is reported
     * before any page is written.
     *
     * @throws ThemeException when the folder lacks a template or asset, or a template does not compile
     */
    public static SiteTheme fromFolder(Path folder) throws ThemeException {
        List<String> missing = new ArrayList<>();
        for (String template : TEMPLATES) {
            if (!Files.isRegularFile(folder.resolve("templates").resolve(template))) {
                missing.add("templates/" + template);
            }
        }
        for (String asset : LINKED_ASSETS) {
            if (!Files.isRegularFile(folder.resolve("assets").resolve(asset))) {
                missing.add("assets/" + asset);
            }
        }
        if (!missing.isEmpty()) {
            throw new ThemeException(folder + ": a theme needs " + String.join(", ", missing)
                    + " (copy themes/default to start one)");
        }
        Path classes = null;
        try {
            Map<String, byte[]> files = files(folder);
            classes = Files.createTempDirectory("gleaner-theme");
            TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(folder.resolve("templates")),
                    classes, ContentType.Html, SiteTheme.class.getClassLoader());
            engine.setClassPath(classPath());
            engine.setBinaryStaticContent(true);
            engine.precompileAll();
            return new SiteTheme(engine, assetsOf(files), fingerprint(files), classes);
        } catch (IOException e) {
            deleteQuietly(classes);
            throw new ThemeException(folder + ": cannot be read: " + e.getMessage(), e);
        } catch (TemplateException | IllegalStateException e) {
            deleteQuietly(classes);
            throw new ThemeException(folder + ": " + e.getMessage(), e);
        }
    }

    /** A hash of every template and asset: pages made with another theme differ. */
    String fingerprint() {
        return fingerprint;
    }

    /** The theme's assets by name, like {@code style.css}. */
    Map<String, byte[]> assets() {
        return assets;
    }

    /** Renders {@code template} with {@code model}, as UTF-8. */
    byte[] render(String template, Object model) {
        // The template's own text is kept as UTF-8 bytes: only the values are encoded at each render.
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, model, output);
        return output.toByteArray();
    }

    @Override
    public void close() {
        deleteQuietly(classes);
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Map<String, byte[]> assetsOf(Map<String, byte[]> files) {
        Map<String, byte[]> assets = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith("assets/") && name.indexOf('/', "assets/".length()) < 0) {
                assets.put(name.substring("assets/".length()), bytes);
            }
        });
        return Map.copyOf(assets);
    }

    private static String fingerprint(Map<String, byte[]> files) {
        StringBuilder all = new StringBuilder();
        files.forEach((name, bytes) -> all.append(name).append('\u0000').append(ContentHash.of(bytes)).append('\n'));
        return ContentHash.of(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What a theme's templates compile against: Gleaner's own classes and jte's. */
    private static List<String> classPath() {
        List<String> path = new ArrayList<>();
        for (Class<?> type : List.of(SiteTheme.class, TemplateEngine.class)) {
            try {
                String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!path.contains(entry)) {
                    path.add(entry);
                }
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot tell where Gleaner's classes are, to compile the theme", e);
            }
        }
        return path;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind costs a few kilobytes in the system's temporary space.
        }
    }
}
