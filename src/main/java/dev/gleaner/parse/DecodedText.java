package dev.gleaner.parse;

import java.util.List;

/**
 * A document's characters, with what went wrong while decoding its bytes.
 *
 * @param content the characters
 * @param bozo whether the bytes did not match their declared or detected charset
 * @param problems what went wrong, for the log
 */
record DecodedText(String content, boolean bozo, List<String> problems) {
    DecodedText {
        problems = List.copyOf(problems);
    }
}
