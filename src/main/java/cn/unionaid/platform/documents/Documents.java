package cn.unionaid.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Chinese documents in the two forms the unions file: an editable DOCX and a PDF. The PDF embeds Noto Sans SC
 * (a TrueType font: Debian's CFF Noto CJK does not work in PDFBox), so it prints the same everywhere.
 */
public final class Documents {

    private static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private Documents() {
    }

    /** A simple document: a title, paragraphs, an optional table (first row is the header), closing lines. */
    public record Simple(String title, List<String> paragraphs, List<List<String>> table, List<String> closing) {
    }

    public static byte[] docx(Simple doc) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = d.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setFontFamily("宋体");
            run.setText(doc.title());
            doc.paragraphs().forEach(p -> text(d, p, ParagraphAlignment.LEFT));
            if (!doc.table().isEmpty()) {
                XWPFTable table = d.createTable(doc.table().size(), doc.table().get(0).size());
                for (int r = 0; r < doc.table().size(); r++) {
                    for (int c = 0; c < doc.table().get(r).size(); c++) {
                        table.getRow(r).getCell(c).setText(doc.table().get(r).get(c));
                    }
                }
            }
            doc.closing().forEach(p -> text(d, p, ParagraphAlignment.RIGHT));
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(XWPFDocument d, String text, ParagraphAlignment alignment) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(alignment);
        XWPFRun r = p.createRun();
        r.setFontFamily("宋体");
        r.setFontSize(12);
        r.setText(text);
    }

    public static byte[] pdf(Simple doc) {
        StringBuilder html = new StringBuilder("<html><head><style>body{font-family:'Noto Sans SC';font-size:12pt}"
                + "h1{text-align:center;font-size:18pt}table{border-collapse:collapse;width:100%}"
                + "td,th{border:1px solid #333;padding:4px}.r{text-align:right}</style></head><body><h1>")
                .append(esc(doc.title())).append("</h1>");
        doc.paragraphs().forEach(p -> html.append("<p>").append(esc(p)).append("</p>"));
        if (!doc.table().isEmpty()) {
            html.append("<table>");
            for (int r = 0; r < doc.table().size(); r++) {
                html.append("<tr>");
                for (String cell : doc.table().get(r)) {
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
            return out.toByteArray();
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
