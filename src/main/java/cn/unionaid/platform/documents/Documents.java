package cn.unionaid.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.data.TableRenderData;
import com.deepoove.poi.data.Tables;
import com.deepoove.poi.data.Texts;
import com.deepoove.poi.template.MetaTemplate;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Chinese documents in the two forms the unions file: an editable DOCX rendered by poi-tl from a template (the
 * built-in one, or one a union uploads to match its own letterhead) and a PDF. The PDF embeds Noto Sans SC
 * (a TrueType font: Debian's CFF Noto CJK does not work in PDFBox), so it prints the same everywhere.
 *
 * <p>A template names these tags: {@code {{title}}}; the loop {@code {{?paragraphs}}…{{text}}…{{/paragraphs}}};
 * the loop {@code {{?annexes}}…{{heading}}…{{#table}}…{{/annexes}}}; and the loop
 * {@code {{?closing}}…{{text}}…{{/closing}}}. poi-tl's default resolver evaluates no expressions, so a template
 * cannot run code.
 */
public final class Documents {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final List<String> REQUIRED_TAGS = List.of("title", "paragraphs", "text", "annexes", "table");

    private Documents() {
    }

    /** A simple document: a title, paragraphs, an optional table (first row is the header), closing lines. */
    public record Simple(String title, List<String> paragraphs, List<List<String>> table, List<String> closing) {
    }

    /** A table after the body, with its heading (附表1 …); the first row is the header. */
    public record Annex(String heading, List<List<String>> rows) {
    }

    /** A report: title, paragraphs (those starting 一、二、… are headings), annex tables, closing lines. */
    public record Report(String title, List<String> paragraphs, List<Annex> annexes, List<String> closing) {
    }

    public static byte[] docx(Simple doc) {
        return docx(report(doc), null);
    }

    public static byte[] pdf(Simple doc) {
        return pdf(report(doc));
    }

    private static Report report(Simple doc) {
        return new Report(doc.title(), doc.paragraphs(), doc.table().isEmpty() ? List.of() : List.of(new Annex("", doc.table())),
                doc.closing());
    }

    /** The report rendered into {@code template}, or into the built-in template when it is null. */
    public static byte[] docx(Report doc, byte[] template) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", doc.title());
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String p : doc.paragraphs()) {
            paragraphs.add(Map.of("text", HEADING.matcher(p).matches() ? Texts.of(p).bold().create() : Texts.of(p).create()));
        }
        model.put("paragraphs", paragraphs);
        List<Map<String, Object>> annexes = new ArrayList<>();
        for (Annex a : doc.annexes()) {
            if (!a.rows().isEmpty()) {
                annexes.add(Map.of("heading", a.heading(), "table", table(a.rows())));
            }
        }
        model.put("annexes", annexes);
        model.put("closing", doc.closing().stream().map(c -> Map.of("text", c)).toList());
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template == null ? defaultTemplate() : template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            t.render(model).write(out);
            return OfficialLayout.apply(out.toByteArray(), doc.title());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TableRenderData table(List<List<String>> rows) {
        String[][] cells = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toArray(String[]::new))
                .toArray(String[][]::new);
        return Tables.of(cells).create();
    }

    /**
     * Whether {@code template} is a DOCX poi-tl can compile holding the tags a report needs; the missing tags are
     * returned (empty: usable).
     * @throws IllegalArgumentException when it is not a DOCX at all
     */
    public static List<String> missingTags(byte[] template) {
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template))) {
            List<String> found = new ArrayList<>();
            collect(t.getElementTemplates(), found);
            return REQUIRED_TAGS.stream().filter(tag -> !found.contains(tag)).toList();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DOCX template", e);
        }
    }

    private static void collect(List<MetaTemplate> templates, List<String> found) {
        for (MetaTemplate m : templates) {
            if (m instanceof com.deepoove.poi.template.ElementTemplate e) {
                found.add(e.getTagName());
            }
            if (m instanceof com.deepoove.poi.template.BlockTemplate it) {
                found.add(it.getStartMark().getTagName());
                collect(it.getTemplates(), found);
            }
        }
    }

    /** The built-in report template: the tags in order, in 宋体, title centred, closing lines to the right. */
    public static byte[] defaultTemplate() {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            line(d, "{{title}}", ParagraphAlignment.CENTER, 18, true);
            line(d, "{{?paragraphs}}", ParagraphAlignment.LEFT, 12, false);
            line(d, "{{text}}", ParagraphAlignment.LEFT, 12, false);
            line(d, "{{/paragraphs}}", ParagraphAlignment.LEFT, 12, false);
            line(d, "{{?annexes}}", ParagraphAlignment.LEFT, 12, false);
            line(d, "{{heading}}", ParagraphAlignment.LEFT, 12, true);
            line(d, "{{#table}}", ParagraphAlignment.LEFT, 10, false);
            line(d, "{{/annexes}}", ParagraphAlignment.LEFT, 12, false);
            line(d, "{{?closing}}", ParagraphAlignment.RIGHT, 12, false);
            line(d, "{{text}}", ParagraphAlignment.RIGHT, 12, false);
            line(d, "{{/closing}}", ParagraphAlignment.RIGHT, 12, false);
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument d, String text, ParagraphAlignment alignment, int size, boolean bold) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(alignment);
        XWPFRun r = p.createRun();
        r.setFontFamily("宋体");
        r.setFontSize(size);
        r.setBold(bold);
        r.setText(text);
    }

    public static byte[] pdf(Report doc) {
        StringBuilder html = new StringBuilder("<html><head><style>"
                + "@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{content:'第 ' counter(page) ' 页，共 ' counter(pages) ' 页';"
                + "font-family:'Noto Sans SC';font-size:9pt}}"
                + "body{font-family:'Noto Sans SC';font-size:12pt}p{text-indent:2em;line-height:1.6}p.h,p.r{text-indent:0}"
                + "h1{text-align:center;font-size:18pt}h3{font-size:12pt}table{border-collapse:collapse;width:100%;font-size:10pt}"
                + "td,th{border:1px solid #333;padding:4px}.r{text-align:right}.h{font-weight:bold}</style></head><body><h1>")
                .append(esc(doc.title())).append("</h1>");
        doc.paragraphs().forEach(p -> html.append(HEADING.matcher(p).matches() ? "<p class='h'>" : "<p>").append(esc(p))
                .append("</p>"));
        for (Annex a : doc.annexes()) {
            if (a.rows().isEmpty()) {
                continue;
            }
            if (!a.heading().isEmpty()) {
                html.append("<h3>").append(esc(a.heading())).append("</h3>");
            }
            html.append("<table>");
            for (int r = 0; r < a.rows().size(); r++) {
                html.append("<tr>");
                for (String cell : a.rows().get(r)) {
                    html.append(r == 0 ? "<th>" : "<td>").append(esc(cell)).append(r == 0 ? "</th>" : "</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
        doc.closing().forEach(p -> html.append("<p class='r'>").append(esc(p)).append("</p>"));
        html.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFont(() -> Documents.class.getResourceAsStream(FONT), "Noto Sans SC");
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return SearchableText.fix(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XML escaping only: the PDF renderer reads XHTML, which knows no named HTML entities such as &ldquo;. */
    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
