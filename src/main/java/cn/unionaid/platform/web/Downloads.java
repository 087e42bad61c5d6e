package cn.unionaid.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to download, named in Chinese (RFC 5987), with its type. */
public final class Downloads {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(type).body(content);
    }

    public static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
        return of(fileName, XLSX, content);
    }

    public static ResponseEntity<byte[]> docx(String fileName, byte[] content) {
        return of(fileName, DOCX, content);
    }

    /**
     * A download written into the response as it is made (a province's sheets are tens or hundreds of MB): its name
     * and type set, its body the stream answered. Checks that may refuse belong before the first byte is written.
     */
    public static java.io.OutputStream streamed(jakarta.servlet.http.HttpServletResponse response, String fileName,
            MediaType type) throws java.io.IOException {
        response.setContentType(type.toString());
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                .build().toString());
        return response.getOutputStream();
    }

    public static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return of(fileName, MediaType.APPLICATION_PDF, content);
    }
}
