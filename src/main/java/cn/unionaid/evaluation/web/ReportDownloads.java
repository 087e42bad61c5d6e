package cn.unionaid.evaluation.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Report files as attachments with their Chinese names. */
final class ReportDownloads {

    private static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private ReportDownloads() {
    }

    static ResponseEntity<byte[]> docx(String fileName, byte[] content) {
        return attachment(fileName, DOCX, content);
    }

    static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return attachment(fileName, MediaType.APPLICATION_PDF, content);
    }

    private static ResponseEntity<byte[]> attachment(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString()).body(content);
    }
}
