package org.pkcn.exchange.proposal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a proposal may carry, told apart by their content, never by their name: a PDF starts
 * with {@code %PDF-}, PNG and JPEG with their signatures, and DOCX and XLSX are ZIP packages whose
 * directory names {@code word/document.xml} or {@code xl/workbook.xml}. The ZIP's central directory is
 * read, nothing is unpacked.
 */
public enum AttachmentType {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PNG("image/png"),
    JPEG("image/jpeg");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        for (AttachmentType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** What this content is, or empty when it is none of the accepted kinds. */
    public static Optional<AttachmentType> detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            Set<String> names = zipEntryNames(content);
            if (names.contains("[Content_Types].xml")) {
                if (names.contains("word/document.xml")) {
                    return Optional.of(DOCX);
                }
                if (names.contains("xl/workbook.xml")) {
                    return Optional.of(XLSX);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The names in a ZIP's central directory; empty when it is not a well-formed ZIP. */
    static Set<String> zipEntryNames(byte[] zip) {
        Set<String> names = new HashSet<>();
        // The end-of-central-directory record: signature 0x06054b50, within the last 22 + 65535 bytes.
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (int32(zip, i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int entries = int16(zip, end + 10);
        long offset = int32(zip, end + 16) & 0xFFFFFFFFL;
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < Math.min(entries, MAX_ZIP_ENTRIES); n++) {
            if (at < 0 || at + 46 > zip.length || int32(zip, at) != 0x02014b50) {
                break;
            }
            int nameLength = int16(zip, at + 28);
            int extraLength = int16(zip, at + 30);
            int commentLength = int16(zip, at + 32);
            if (at + 46 + nameLength > zip.length) {
                break;
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static int int16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
    }
}
