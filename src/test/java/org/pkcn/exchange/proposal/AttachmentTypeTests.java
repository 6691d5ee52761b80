package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A document's type comes from its content: signatures, and for Office files the package's directory. */
class AttachmentTypeTests {

    @Test
    void signatures_tellPdfPngAndJpeg() {
        assertThat(AttachmentType.detect("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.PDF);
        assertThat(AttachmentType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .contains(AttachmentType.PNG);
        assertThat(AttachmentType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(AttachmentType.JPEG);
    }

    @Test
    void officePackages_areToldApartByTheirParts() throws Exception {
        assertThat(AttachmentType.detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
                .contains(AttachmentType.DOCX);
        assertThat(AttachmentType.detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
                .contains(AttachmentType.XLSX);
    }

    @Test
    void anythingElse_isRefused_whateverItClaims() throws Exception {
        assertThat(AttachmentType.detect(zip("readme.txt"))).isEmpty();
        assertThat(AttachmentType.detect(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEmpty();
        assertThat(AttachmentType.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(AttachmentType.detect("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentType.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
        assertThat(AttachmentType.detect(new byte[0])).isEmpty();
    }

    @Test
    void fileNames_loseFoldersAndControlCharacters() {
        assertThat(ProposalAttachments.cleanName("C:\\Users\\sara\\plan.pdf")).isEqualTo("plan.pdf");
        assertThat(ProposalAttachments.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ProposalAttachments.cleanName("a\"b\u0000c.pdf")).isEqualTo("abc.pdf");
        assertThat(ProposalAttachments.cleanName("  ")).isEqualTo("attachment");
        assertThat(ProposalAttachments.cleanName("项目计划.pdf")).isEqualTo("项目计划.pdf");
    }

    private static byte[] zip(String... names) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
