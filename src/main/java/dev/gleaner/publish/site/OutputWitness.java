package dev.gleaner.publish.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells whether anyone touched the site's output since a build, without reading every file: a file
 * deleted or added changes the modification time of its folder, so a digest of the folders' times
 * stands for the files in them. The folders of single list pages ({@code …/page/7/}) are left out, as
 * they grow with the archive; the folders above them are in, and so a removed page folder is seen.
 */
final class OutputWitness {
    private OutputWitness() {
    }

    /** The folders of {@code files} (relative, with {@code /}) and every folder above them, but single page folders. */
    static List<String> folders(Collection<String> files) {
        Set<String> folders = new TreeSet<>();
        folders.add("");
        for (String file : files) {
            for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
                String folder = file.substring(0, slash);
                if (!isPageFolder(folder)) {
                    folders.add(folder);
                }
            }
        }
        return List.copyOf(folders);
    }

    /** A digest of the modification times of {@code folders} under {@code root}, a missing one included. */
    static String of(Path root, List<String> folders) {
        StringBuilder times = new StringBuilder();
        for (String folder : folders) {
            times.append(folder).append(' ');
            try {
                times.append(Files.getLastModifiedTime(folder.isEmpty() ? root : root.resolve(folder)).toInstant());
            } catch (NoSuchFileException e) {
                times.append("missing");
            } catch (IOException e) {
                times.append("unreadable");
            }
            times.append('\n');
        }
        return Fingerprint.of(times.toString());
    }

    private static boolean isPageFolder(String folder) {
        int slash = folder.lastIndexOf('/');
        String name = folder.substring(slash + 1);
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit)
                && folder.substring(0, Math.max(slash, 0)).endsWith("page");
    }
}
