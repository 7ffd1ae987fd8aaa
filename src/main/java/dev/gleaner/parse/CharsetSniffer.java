package dev.gleaner.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides a document's charset (byte order mark, then the HTTP header, then the XML declaration,
 * then UTF-8) and decodes it, replacing bytes that do not decode rather than giving up.
 */
final class CharsetSniffer {
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CharsetSniffer() {
    }

    static DecodedText decode(byte[] body, Optional<String> declared) {
        List<String> problems = new ArrayList<>();
        Charset bom = bomCharset(body);
        Charset charset;
        int offset = 0;
        boolean guessed = false;
        if (bom != null) {
            charset = bom;
            offset = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
        } else {
            Optional<Charset> named = declared.flatMap(name -> lookup(name, problems))
                    .or(() -> xmlDeclared(body).flatMap(name -> lookup(name, problems)));
            guessed = named.isEmpty();
            charset = named.orElse(StandardCharsets.UTF_8);
        }
        String content = decodeStrictly(body, offset, charset);
        if (content != null) {
            return new DecodedText(content, false, problems);
        }
        if (guessed) {
            // Chinese sites often serve GBK with no declaration at all; GB18030 reads it exactly.
            String chinese = decodeStrictly(body, offset, GB18030);
            if (chinese != null) {
                problems.add("no charset declared and the bytes are not UTF-8; read as GB18030");
                return new DecodedText(chinese, true, problems);
            }
        }
        problems.add("bytes that are not valid " + charset.name() + " were replaced");
        content = charset.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
        return new DecodedText(content, true, problems);
    }

    /** The charset for a declared name; GB2312 and GBK are read as their superset GB18030. */
    static Optional<Charset> lookup(String name, List<String> problems) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("gb2312") || normalized.equals("gbk") || normalized.equals("x-gbk")
                || normalized.equals("gb_2312-80") || normalized.equals("cp936") || normalized.equals("euc-cn")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(normalized));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add("unknown charset '" + name + "' read as UTF-8");
            return Optional.empty();
        }
    }

    private static @Nullable Charset bomCharset(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Optional<String> xmlDeclared(byte[] body) {
        int length = Math.min(body.length, 512);
        String head = new String(body, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
        Matcher matcher = XML_ENCODING.matcher(head);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static @Nullable String decodeStrictly(byte[] body, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
