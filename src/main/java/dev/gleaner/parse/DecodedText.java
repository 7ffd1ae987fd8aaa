package dev.gleaner.parse;

import java.util.List;

/** A document's characters, with what went wrong while decoding its bytes. */
record DecodedText(String content, List<String> problems) {
    DecodedText {
        problems = List.copyOf(problems);
    }
}
