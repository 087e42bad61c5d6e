package cn.unionaid.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array written into the response as its elements are read, for the API's lists that a province makes
 * millions long (a batch's payments, a year's ledger): the same array a client always had, never in memory whole.
 */
public final class StreamedJson {

    private StreamedJson() {
    }

    /** Writes what {@code elements} gives, in order, as one array. */
    public static void array(JsonMapper json, HttpServletResponse response, Consumer<Consumer<Object>> elements)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JsonGenerator out = json.createGenerator(response.getOutputStream());
        // Not closed when the elements fail: if nothing was sent yet (a refused role or scope fails at once), the
        // error's answer replaces the opening bracket still in the generator's buffer.
        out.writeStartArray();
        elements.accept(element -> json.writeValue(out, element));
        out.writeEndArray();
        out.close();
    }
}
