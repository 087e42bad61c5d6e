package cn.unionaid.disbursement;

import java.util.List;

import cn.unionaid.TestUnions;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A test union's batches over the API, each step by its own account ({@code prefix.clerk}, {@code prefix.reviewer}…). */
public final class BatchFlow {

    public static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    private final MockMvc mvc;
    private final String prefix;

    public BatchFlow(MockMvc mvc, String prefix) {
        this.mvc = mvc;
        this.prefix = prefix;
    }

    public RequestPostProcessor as(String role) {
        return httpBasic(prefix + "." + role, TestUnions.PASSWORD);
    }

    public ResultActions postJson(String who, String url, String json, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A hand-made batch of {@code who} with their amounts in yuan, as the clerk asks for it. */
    public ResultActions manual(long programId, String source, String title, List<Long> who, List<String> amounts) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < who.size(); i++) {
            lines.append(i == 0 ? "" : ",").append("{\"subjectId\":%d,\"amountYuan\":\"%s\"}".formatted(who.get(i), amounts.get(i)));
        }
        return postJson("clerk", "/api/v1/batches", """
                {"programId":%d,"source":"%s","title":"%s","lines":[%s]}""".formatted(programId, source, title, lines));
    }

    /** Approves, as {@code prefix.reviewer}, the proposed versions of the standard {@code key}. */
    public void approveProposed(String key) throws Exception {
        String proposed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/parameter-versions/proposed").with(as("reviewer"))).andReturn().getResponse().getContentAsString();
        postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + JsonPath.read(proposed,
                "$[?(@.key == '" + key + "')].id") + "}").andExpect(status().isOk());
    }

    /** The year's same-level budget and one receipt of it, by {@code prefix.finance}. */
    public void sameLevelFunds(int year, String budgetYuan, String receiptYuan, String receivedOn, String voucher) throws Exception {
        postJson("finance", "/api/v1/funds/budget", "{\"year\":" + year + ",\"source\":\"SAME_LEVEL\",\"amountYuan\":\""
                + budgetYuan + "\"}").andExpect(status().isNoContent());
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":%d,"source":"SAME_LEVEL","date":"%s","amountYuan":"%s","voucher":"%s"}""".formatted(year, receivedOn,
                receiptYuan, voucher)).andExpect(status().isNoContent());
    }

    public static long created(ResultActions result) throws Exception {
        String body = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Submission, review, decision, publicity with its photo, close: the steps before the payment file. */
    public void throughPublicity(long id, String decidedOn, String publicityFrom) throws Exception {
        postJson("clerk", "/api/v1/batches/{id}/submit", "{}", id).andExpect(status().isOk());
        postJson("reviewer", "/api/v1/batches/{id}/review", "{}", id).andExpect(status().isOk());
        postJson("leader", "/api/v1/batches/{id}/decision", "{\"minutesNo\":\"帮扶中心会议纪要〔%s〕9号\",\"decidedOn\":\"%s\"}"
                .formatted(decidedOn.substring(0, 4), decidedOn), id).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity", "{\"from\":\"" + publicityFrom + "\"}", id)
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/batches/{id}/publicity/photo", id)
                .file(new MockMultipartFile("file", "公示.jpg", "image/jpeg", PHOTO)).with(as("clerk"))).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(jsonPath("$.status").value("PUBLICITY_CLOSED"));
    }

    /** The payment file (generic CSV) made by {@code prefix.finance}. */
    public void paymentFile(long id) throws Exception {
        mvc.perform(post("/api/v1/batches/{id}/payment-file", id).param("layout", "GENERIC_CSV").with(as("finance")))
                .andExpect(status().isOk());
    }

    /** The bank's statement (reference, name, amount, result, date) imported by {@code prefix.cashier}. */
    public ResultActions statement(long id, List<String> lines) throws Exception {
        String csv = "业务参考号,户名,金额,交易结果,交易日期\n" + String.join("\n", lines) + "\n";
        return mvc.perform(multipart("/api/v1/batches/{id}/statement", id).file(new MockMultipartFile("file", "对账单.csv",
                "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(as("cashier")));
    }
}
