package dev.gleaner.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * Points the SQLite driver at a copy of its native library kept in the user's cache folder.
 *
 * <p>Left alone, the driver unpacks the library from the jar into the temporary folder under a new
 * name on every start (and asks {@code uname} whether it runs on Android): tens of milliseconds of
 * each run, and a copy left behind by every run that is killed. The cached copy is named after the
 * library's checksum in the jar, so a new driver brings its own; when anything here fails, the
 * driver does as it always did.
 */
final class SqliteLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteLibrary() {
    }

    /** Sets the driver's library path to the cached copy, making it first when it is missing. */
    static synchronized void useCachedCopy() {
        if (System.getProperty(PATH) != null) {
            return;
        }
        Optional<String> folder = platformFolder();
        String name = System.mapLibraryName("sqlitejdbc");
        URL resource = folder.map(f -> SQLiteDataSource.class.getResource("/org/sqlite/native/" + f + "/" + name))
                .orElse(null);
        if (resource == null) {
            return;
        }
        try {
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return;
            }
            JarEntry entry = jar.getJarEntry();
            Path dir = cacheRoot().resolve("sqlite-" + folder.get().replace('/', '-') + "-"
                    + Long.toHexString(entry.getCrc()));
            Path library = dir.resolve(name);
            if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, name, ".gleaner-tmp");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's library is unpacked by its driver: {}", e.toString());
        }
    }

    /** The driver's folder for this machine, for the platforms whose name needs no probing. */
    private static Optional<String> platformFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        // Linux with musl (Alpine) has a library of its own, which only the driver tells apart.
        if (arch == null || (os.startsWith("linux") && Files.exists(Path.of("/etc/alpine-release")))) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return Optional.of("Linux/" + arch);
        }
        if (os.startsWith("mac")) {
            return Optional.of("Mac/" + arch);
        }
        return os.startsWith("windows") ? Optional.of("Windows/" + arch) : Optional.empty();
    }

    /**
     * Gleaner's cache folder: the system property {@code gleaner.cache} when set (tests point it into
     * their build folder), else {@code $XDG_CACHE_HOME/gleaner}, else {@code ~/.cache/gleaner}.
     */
    static Path cacheRoot() {
        String chosen = System.getProperty("gleaner.cache");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gleaner");
    }
}
