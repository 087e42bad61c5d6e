package cn.unionaid.platform.web;

import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages' static files are served from their own paths, the web jars also without their version. */
@IntegrationTest
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theStaticFilesThePagesLinkAreServed() throws Exception {
        for (String path : new String[] {"/css/app.css", "/js/app.js", "/js/charts.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/5.5.0/echarts.min.js"}) {
            mvc.perform(get(path)).andExpect(status().isOk()).andExpect(header().exists("Cache-Control"));
        }
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }
}
