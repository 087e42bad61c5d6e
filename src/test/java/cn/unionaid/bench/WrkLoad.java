package cn.unionaid.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A load from a second process: {@code wrk} (Debian's package) against the running application on loopback,
 * signed in through the login form like a browser, cycling through a list of pages; its Lua script reports the
 * latency percentiles, the requests and the errors.
 */
final class WrkLoad {

    static final Path WRK = Path.of("/usr/bin/wrk");

    private final int port;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    WrkLoad(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static boolean available() {
        return Files.isExecutable(WRK);
    }

    /** Signs in through the form (with its CSRF token) and answers the session cookie, as {@code NAME=value}. */
    String signIn(String username, String password) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused: " + r.statusCode() + " " + r.headers().map());
        }
        // Spring Session names its cookie SESSION; the servlet container's own is JSESSIONID.
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie after signing in"));
    }

    /** One request as the load will make it; answers the status and the body. */
    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Cookie", session)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs wrk for {@code seconds} with {@code connections} over the paths; answers its figures by name. */
    Map<String, Double> run(List<String> paths, String session, int connections, int seconds)
            throws IOException, InterruptedException {
        return runWithHeader(paths, "Cookie", session, connections, seconds);
    }

    /** Runs wrk with one header on every request (a session cookie, an Authorization). */
    Map<String, Double> runWithHeader(List<String> paths, String header, String value, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, """
                local paths = {%s}
                local n = 0
                request = function()
                  n = n + 1
                  return wrk.format("GET", paths[(n %% #paths) + 1], {["%s"] = "%s"})
                end
                done = function(summary, latency, requests)
                  io.write(string.format("P50 %%.2f\\nP95 %%.2f\\nP99 %%.2f\\nMAX %%.2f\\nREQUESTS %%d\\nSECONDS %%.2f\\nERRORS %%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    latency.max / 1000, summary.requests, summary.duration / 1e6,
                    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
                      + summary.errors.timeout))
                end
                """.formatted(paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")), header, value));
        Process wrk = new ProcessBuilder(WRK.toString(), "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Files.delete(script); // it holds a signed-in session's cookie or an API token
        System.out.println(out);
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^([A-Z0-9]+) ([0-9.]+)$", Pattern.MULTILINE).matcher(out);
        while (m.find()) {
            figures.put(m.group(1), Double.valueOf(m.group(2)));
        }
        return figures;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
