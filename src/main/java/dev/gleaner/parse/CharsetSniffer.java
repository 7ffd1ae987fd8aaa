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
 * Decides a document's charset (byte order mark, then the pattern of its first bytes for UTF-16
 * and UTF-32, then the HTTP header, then the XML declaration, then UTF-8, else GB18030 or
 * windows-1252 by the shape of the bytes) and decodes it, replacing bytes that do not decode
 * rather than giving up. C1 control characters are left to the readers (see {@link Windows1252#mapC1}).
 */
final class CharsetSniffer {
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private CharsetSniffer() {
    }

    /** A charset found in the bytes themselves, and how many bytes of mark precede the text. */
    private record Sniffed(Charset charset, int offset) {
    }

    static DecodedText decode(byte[] body, Optional<String> declared) {
        List<String> problems = new ArrayList<>();
        Sniffed sniffed = fromBytes(body);
        Charset charset;
        int offset = 0;
        boolean guessed = false;
        if (sniffed != null) {
            charset = sniffed.charset();
            offset = sniffed.offset();
        } else {
            Optional<Charset> named = declared.flatMap(name -> lookup(name, problems))
                    .or(() -> xmlDeclared(body).flatMap(name -> lookup(name, problems)));
            guessed = named.isEmpty();
            charset = named.orElse(StandardCharsets.UTF_8);
        }
        if (charset.equals(WINDOWS_1252)) {
            return new DecodedText(Windows1252.decode(body, offset), false, problems);
        }
        String content = decodeStrictly(body, offset, charset);
        if (content != null) {
            return new DecodedText(content, false, problems);
        }
        if (guessed) {
            return undeclared(body, problems);
        }
        problems.add("bytes that are not valid " + charset.name() + " were replaced");
        content = charset.decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
        return new DecodedText(content, true, problems);
    }

    /**
     * Bytes that declare no charset and are not UTF-8: Chinese sites serve GBK so (GB18030 reads
     * it exactly), European ones windows-1252. GBK writes every character outside ASCII as two
     * bytes of which the second is mostly high too; windows-1252 mostly sets a lone high byte
     * between ASCII letters.
     */
    private static DecodedText undeclared(byte[] body, List<String> problems) {
        if (mostlyUtf8(body)) {
            // A UTF-8 document with a stray bad byte: reading it all in another charset would garble the rest.
            problems.add("bytes that are not valid UTF-8 were replaced");
            String content = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(body)).toString();
            return new DecodedText(content, true, problems);
        }
        if (mostlyDoubleByte(body)) {
            String chinese = decodeStrictly(body, 0, GB18030);
            if (chinese != null) {
                problems.add("no charset declared and the bytes are not UTF-8; read as GB18030");
                return new DecodedText(chinese, true, problems);
            }
        }
        problems.add("no charset declared and the bytes are not UTF-8; read as windows-1252");
        return new DecodedText(Windows1252.decode(body, 0), true, problems);
    }

    /** Whether the bytes outside ASCII are mostly well-formed UTF-8 sequences. */
    private static boolean mostlyUtf8(byte[] body) {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            boolean sequence = length > 0 && i + length <= body.length;
            for (int k = 1; sequence && k < length; k++) {
                sequence = (body[i + k] & 0xC0) == 0x80;
            }
            if (sequence) {
                valid++;
                i += length - 1;
            } else {
                invalid++;
            }
        }
        return valid > 4 * invalid;
    }

    private static boolean mostlyDoubleByte(byte[] body) {
        int pairs = 0;
        int singles = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0) {
                if (i + 1 < body.length && body[i + 1] < 0) {
                    pairs++;
                    i++;
                } else {
                    singles++;
                }
            }
        }
        return pairs > singles;
    }

    /**
     * The charset for a declared name; GB2312 and GBK are read as their superset GB18030, and the
     * Latin-1 names as windows-1252.
     */
    static Optional<Charset> lookup(String name, List<String> problems) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("gb2312") || normalized.equals("gbk") || normalized.equals("x-gbk")
                || normalized.equals("gb_2312-80") || normalized.equals("cp936") || normalized.equals("euc-cn")) {
            return Optional.of(GB18030);
        }
        if (normalized.equals("iso-8859-1") || normalized.equals("latin1") || normalized.equals("latin-1")
                || normalized.equals("iso8859-1") || normalized.equals("windows-1252") || normalized.equals("cp1252")) {
            // What browsers do: these names mean windows-1252, whose 0x80 to 0x9F are punctuation.
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(normalized));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add("unknown charset '" + name + "' read as UTF-8");
            return Optional.empty();
        }
    }

    /**
     * The charset the first bytes show: a byte order mark, or the {@code <?xml} of a UTF-16 or
     * UTF-32 document without one (the patterns of XML 1.0, Appendix F).
     */
    private static @Nullable Sniffed fromBytes(byte[] body) {
        int b0 = body.length > 0 ? body[0] & 0xFF : -1;
        int b1 = body.length > 1 ? body[1] & 0xFF : -1;
        int b2 = body.length > 2 ? body[2] & 0xFF : -1;
        int b3 = body.length > 3 ? body[3] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return new Sniffed(StandardCharsets.UTF_8, 3);
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            return new Sniffed(UTF_32BE, 4);
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            return new Sniffed(UTF_32LE, 4);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new Sniffed(StandardCharsets.UTF_16BE, 2);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new Sniffed(StandardCharsets.UTF_16LE, 2);
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == '<') {
            return new Sniffed(UTF_32BE, 0);
        }
        if (b0 == '<' && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
            return new Sniffed(UTF_32LE, 0);
        }
        if (b0 == 0x00 && b1 == '<' && b2 == 0x00 && b3 > 0x20 && b3 < 0x80) {
            return new Sniffed(StandardCharsets.UTF_16BE, 0);
        }
        if (b0 == '<' && b1 == 0x00 && b2 > 0x20 && b2 < 0x80 && b3 == 0x00) {
            return new Sniffed(StandardCharsets.UTF_16LE, 0);
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
