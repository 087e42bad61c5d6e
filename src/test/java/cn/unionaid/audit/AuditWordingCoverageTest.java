package cn.unionaid.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 §10: the audit log reads in Chinese. Every action, kind of record and detail name that the code hands to
 * {@code audit.record}/{@code recordAs} as a literal has its label in the message bundle, so a new feature cannot add
 * an entry that the audit administrator reads as {@code crosscheck.listImported} or {@code readOnly}.
 */
class AuditWordingCoverageTest {

    private static final Pattern CALL = Pattern.compile("audit\\.record(As)?\\(");
    private static final Pattern ACTION = Pattern.compile("\"([a-z]+\\.[a-z][A-Za-z]+)\"");
    private static final Pattern ENTITY = Pattern.compile("\"([a-z][a-z_]*)\"");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"");

    @Test
    void everyActionRecordAndDetailTheCodeAuditsHasItsChineseLabel() throws IOException {
        Properties labels = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
                StandardCharsets.UTF_8)) {
            labels.load(r);
        }
        TreeSet<String> missing = new TreeSet<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String src = Files.readString(file);
                Matcher m = CALL.matcher(src);
                while (m.find()) {
                    calls++;
                    String body = src.substring(m.end(), closing(src, m.end()));
                    Matcher action = ACTION.matcher(body);
                    while (action.find()) {
                        require(labels, "audit.action." + action.group(1), file, missing);
                    }
                    List<String> args = topLevel(body);
                    // record(action, entity, id, details) or recordAs(actor, org, action, entity, id, details)
                    int entityAt = m.group(1) == null ? 1 : 3;
                    if (args.size() > entityAt) {
                        Matcher entity = ENTITY.matcher(args.get(entityAt));
                        if (entity.matches()) {
                            require(labels, "audit.entity." + entity.group(1), file, missing);
                        }
                    }
                    int at = body.indexOf("Map.of(");
                    while (at >= 0) {
                        int from = at + "Map.of(".length();
                        List<String> pairs = topLevel(body.substring(from, closing(body, from)));
                        for (int i = 0; i < pairs.size(); i += 2) {
                            Matcher key = KEY.matcher(pairs.get(i));
                            if (key.matches()) {
                                require(labels, "audit.key." + key.group(1), file, missing);
                            }
                        }
                        at = body.indexOf("Map.of(", from);
                    }
                }
            }
        }
        assertThat(calls).as("audit calls found in the sources").isGreaterThan(50);
        assertThat(missing).as("labels missing from messages.properties").isEmpty();
    }

    private static void require(Properties labels, String key, Path file, TreeSet<String> missing) {
        if (!labels.containsKey(key)) {
            missing.add(key + " (" + file.getFileName() + ")");
        }
    }

    /** The index of the parenthesis that closes the one opened just before {@code from}. */
    private static int closing(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int endOfString(String s, int quote) {
        if (s.startsWith("\"\"\"", quote)) {
            int end = s.indexOf("\"\"\"", quote + 3);
            return end < 0 ? s.length() : end + 2;
        }
        int i = quote + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** The arguments of a call's text, split at its top-level commas, each stripped. */
    private static List<String> topLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfString(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }
}
