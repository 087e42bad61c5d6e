package cn.unionaid.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Read-only means read-only: the auditor calls every operation of the API that changes something, on real ids
 * of the demo year, and none succeeds but the finding note; the audit log shows no change made by them.
 */
@IntegrationTest
class ReadOnlyAuditorTests {

    /** The one kind of change an auditor makes, and searches sent by POST to keep ID numbers out of URLs. */
    private static final Set<String> ALLOWED = Set.of("/api/v1/controls/findings/{id}/note",
            "/api/v1/model-workers/search", "/api/v1/households/search");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theAuditorChangesNothingButFindingNotes() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit.audit_log").query(Long.class).single();
        List<String> succeeded = new ArrayList<>();
        int tried = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/") || ALLOWED.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    String uri = pattern.replaceAll("\\{[^}]+}", "1");
                    boolean upload = java.util.Arrays.stream(entry.getValue().getMethodParameters())
                            .anyMatch(p -> p.getParameterType() == org.springframework.web.multipart.MultipartFile.class);
                    var call = upload
                            ? multipart(HttpMethod.valueOf(method.name()), uri)
                                    .file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv", "x".getBytes()))
                            : request(HttpMethod.valueOf(method.name()), uri).contentType(MediaType.APPLICATION_JSON).content("{}");
                    int status = mvc.perform(call.with(DemoUsers.api("hunan.auditor"))).andReturn().getResponse().getStatus();
                    assertThat(status).as(method + " " + pattern).isLessThan(500);
                    tried++;
                    if (status < 400) {
                        succeeded.add(method + " " + pattern + " -> " + status);
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(40);
        assertThat(succeeded).isEmpty();
        List<String> changes = jdbc.sql("""
                select action from audit.audit_log where id > ? and actor = 'hunan.auditor'
                   and action not in ('personal.viewed', 'evidence.opened', 'audit.verified')
                """).param(before).query(String.class).list();
        assertThat(changes).isEmpty();
    }
}
