package dev.gleaner.publish.hexo;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the front matter of every post under a posts folder with SnakeYAML and writes what it read,
 * one JSON object per post and line: {@code {"path": "<relative path>", "fm": {...}}}, or
 * {@code {"path": ..., "error": "..."}} when the post is not UTF-8, has no front matter in the layout of
 * {@code post-format.md}, or SnakeYAML refuses it. Every character outside ASCII is written as a
 * {@code \\u} escape, so lone surrogates and controls reach the reader intact.
 *
 * <p>{@code test/hexo-names.sh} runs it with the jar on the class path (SnakeYAML and Jackson come with
 * it): {@code java -cp gleaner.jar FrontMatterDump.java POSTS_DIR OUT_FILE}.
 */
public final class FrontMatterDump {
    private static final String HEAD = "\n---\n";
    private static final String CLOSE = "\n---\n";

    private FrontMatterDump() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FrontMatterDump POSTS_DIR OUT_FILE");
            System.exit(2);
        }
        Path posts = Path.of(args[0]);
        JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(posts)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.US_ASCII)) {
            for (Path file : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("path", posts.relativize(file).toString().replace('\\', '/'));
                try {
                    line.put("fm", read(Files.readAllBytes(file)));
                } catch (RuntimeException | CharacterCodingException e) {
                    line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
        System.out.println("FrontMatterDump: " + files.size() + " posts read");
    }

    private static Object read(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        if (!text.startsWith(HEAD)) {
            throw new IllegalStateException("the post does not start with \\n---\\n");
        }
        int end = text.indexOf(CLOSE, HEAD.length() - 1);
        if (end < 0) {
            throw new IllegalStateException("the front matter has no closing ---");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object value = new Yaml(new SafeConstructor(options)).load(text.substring(HEAD.length(), end + 1));
        if (!(value instanceof Map)) {
            throw new IllegalStateException("the front matter is not a mapping: " + value);
        }
        return value;
    }
}
