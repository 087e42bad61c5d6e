package cn.unionaid.controls.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import cn.unionaid.controls.EvidencePacks;
import cn.unionaid.platform.DataScope;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The evidence pack as a download, for the page and the API alike. */
final class EvidencePackDownload {

    private EvidencePackDownload() {
    }

    static void write(EvidencePacks packs, DataScope scope, long batchId, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("证据包-批次" + batchId + ".zip", StandardCharsets.UTF_8).build().toString());
        packs.pack(scope, batchId, response.getOutputStream());
    }
}
