package cn.unionaid.controls.web;

import java.io.IOException;

import cn.unionaid.controls.EvidencePacks;
import cn.unionaid.platform.DataScope;
import jakarta.servlet.http.HttpServletResponse;

/** The evidence pack as a download, for the page and the API alike. */
final class EvidencePackDownload {

    private EvidencePackDownload() {
    }

    static void write(EvidencePacks packs, DataScope scope, long batchId, HttpServletResponse response) throws IOException {
        packs.pack(scope, batchId, cn.unionaid.platform.web.Downloads.streamed(response, "证据包-批次" + batchId + ".zip",
                org.springframework.http.MediaType.parseMediaType("application/zip")));
    }
}
