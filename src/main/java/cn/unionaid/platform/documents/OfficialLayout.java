package cn.unionaid.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * What makes a rendered report look like an official document: A4 with the margins of GB/T 9704 when the template sets
 * none, styles 标题 1 and 标题 2 on the outline's headings (一、 and 附表), body text with a two-character first-line
 * indent, a table of contents field Word fills on opening, and page numbers in the footer when the template has none.
 */
final class OfficialLayout {

    private static final Pattern LEVEL_ONE = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final Pattern ANNEX = Pattern.compile("^附表\\d+.*");

    private OfficialLayout() {
    }

    static byte[] apply(byte[] docx, String title) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            heading(styles, "Heading1", "heading 1", 0, 32, "黑体");
            heading(styles, "Heading2", "heading 2", 1, 28, "楷体");
            page(doc);
            List<XWPFParagraph> paragraphs = List.copyOf(doc.getParagraphs());
            // A notice of one page has no outline; a report with chapters gets its table of contents.
            boolean tocPlaced = paragraphs.stream().filter(p -> LEVEL_ONE.matcher(p.getText().strip()).matches()).count() < 2;
            for (XWPFParagraph p : paragraphs) {
                String text = p.getText().strip();
                if (text.isEmpty() || p.getPartType() != org.apache.poi.xwpf.usermodel.BodyType.DOCUMENT) {
                    continue;
                }
                if (!tocPlaced && text.equals(title)) {
                    tableOfContents(doc, p);
                    tocPlaced = true;
                } else if (LEVEL_ONE.matcher(text).matches()) {
                    p.setStyle("Heading1");
                } else if (ANNEX.matcher(text).matches()) {
                    p.setStyle("Heading2");
                } else if (p.getAlignment() == ParagraphAlignment.LEFT || p.getAlignment() == ParagraphAlignment.BOTH) {
                    p.setIndentationFirstLine(480);
                    p.setSpacingBetween(1.5);
                }
            }
            if (doc.getFooterList().isEmpty()) {
                XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
                XWPFParagraph f = footer.createParagraph();
                f.setAlignment(ParagraphAlignment.CENTER);
                f.createRun().setText("第 ");
                f.getCTP().addNewFldSimple().setInstr("PAGE");
                f.createRun().setText(" 页");
            }
            doc.enforceUpdateFields();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFStyles styles, String id, String name, int level, int halfPoints, String font) {
        if (styles.styleExist(id)) {
            return;
        }
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewQFormat();
        s.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        s.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(240));
        s.getPPr().getSpacing().setAfter(BigInteger.valueOf(120));
        CTRPr r = s.addNewRPr();
        CTFonts fonts = r.addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(s, styles));
    }

    /** A4 with GB/T 9704's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) unless the template sets its own. */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        if (!sect.isSetPgSz()) {
            CTPageSz size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
        }
        if (!sect.isSetPgMar()) {
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(2098));
            mar.setBottom(BigInteger.valueOf(1984));
            mar.setLeft(BigInteger.valueOf(1587));
            mar.setRight(BigInteger.valueOf(1474));
            mar.setHeader(BigInteger.valueOf(851));
            mar.setFooter(BigInteger.valueOf(992));
        }
    }

    /** After the title: 目录 and a TOC field over 标题 1–2, filled when the document is opened. */
    private static void tableOfContents(XWPFDocument doc, XWPFParagraph title) {
        org.apache.xmlbeans.XmlCursor cursor = title.getCTP().newCursor();
        cursor.toNextSibling();
        XWPFParagraph heading = doc.insertNewParagraph(cursor);
        if (heading == null) {
            return;
        }
        heading.setAlignment(ParagraphAlignment.CENTER);
        heading.createRun().setText("目  录");
        cursor = heading.getCTP().newCursor();
        cursor.toNextSibling();
        XWPFParagraph toc = doc.insertNewParagraph(cursor);
        if (toc != null) {
            toc.getCTP().addNewFldSimple().setInstr("TOC \\o \"1-2\" \\h \\z \\u");
        }
    }
}
