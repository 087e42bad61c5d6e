package cn.unionaid.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes a PDF's text layer read as written. A CJK font maps a Kangxi radical (⼯ U+2F2F) and the ideograph (工 U+5DE5)
 * to one glyph, and the embedded font's ToUnicode map may name the radical: then copying or searching 总工会 in the
 * PDF fails. Each such target in the fonts' ToUnicode maps is replaced by its compatibility equivalent (NFKC: ⼯ → 工).
 */
final class SearchableText {

    /** A bfchar entry (code, Unicode) or a one-code bfrange entry (code, same code, Unicode), Unicode as UTF-16BE hex. */
    private static final Pattern ENTRY = Pattern.compile("<([0-9A-Fa-f]+)>(\\s*<\\1>)?(\\s*)<([0-9A-Fa-f]+)>");
    private static final Pattern BLOCK = Pattern.compile("begin(bfchar|bfrange)(.*?)end\\1", Pattern.DOTALL);
    private static volatile org.apache.fontbox.ttf.CmapLookup cmap;

    private SearchableText() {
    }

    static byte[] fix(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Set<COSStream> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font != null && font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream map
                            && done.add(map)) {
                        rewrite(map);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(COSStream map) throws IOException {
        String cmap;
        try (InputStream in = map.createInputStream()) {
            cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher blocks = BLOCK.matcher(cmap);
        StringBuilder fixed = new StringBuilder();
        while (blocks.find()) {
            Matcher entries = ENTRY.matcher(blocks.group(2));
            StringBuilder block = new StringBuilder();
            while (entries.find()) {
                String code = entries.group(1);
                String rest = entries.group(2) == null ? "" : entries.group(2);
                entries.appendReplacement(block, Matcher.quoteReplacement("<" + code + ">" + rest + entries.group(3) + "<"
                        + ideographs(Integer.parseInt(code, 16), entries.group(4)) + ">"));
            }
            entries.appendTail(block);
            blocks.appendReplacement(fixed, Matcher.quoteReplacement("begin" + blocks.group(1) + block + "end" + blocks.group(1)));
        }
        blocks.appendTail(fixed);
        try (OutputStream out = map.createOutputStream()) {
            out.write(fixed.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * The UTF-16BE hex of glyph {@code cid} with a radical replaced by the ideograph the font draws with the same glyph
     * (its cmap names both), else by its compatibility equivalent.
     */
    private static String ideographs(int cid, String hex) {
        if (hex.length() % 4 != 0) {
            return hex;
        }
        String text = new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_16BE);
        if (text.codePoints().noneMatch(SearchableText::isRadical)) {
            return hex;
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> sb.append(isRadical(cp) ? ideograph(cid, cp) : new String(Character.toChars(cp))));
        return HexFormat.of().withUpperCase().formatHex(sb.toString().getBytes(StandardCharsets.UTF_16BE));
    }

    private static String ideograph(int glyph, int radical) {
        List<Integer> codes = cmap().getCharCodes(glyph);
        if (codes != null) {
            for (int code : codes) {
                if ((code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF)) {
                    return new String(Character.toChars(code));
                }
            }
        }
        return Normalizer.normalize(new String(Character.toChars(radical)), Normalizer.Form.NFKC);
    }

    /** The embedded font's Unicode cmap (the PDF's CIDs are its glyph ids), read once. */
    private static org.apache.fontbox.ttf.CmapLookup cmap() {
        if (cmap == null) {
            synchronized (SearchableText.class) {
                if (cmap == null) {
                    try (InputStream in = SearchableText.class.getResourceAsStream(Documents.FONT)) {
                        // Kept open for the life of the application: the lookup reads the parsed font.
                        org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser().parse(
                                new org.apache.pdfbox.io.RandomAccessReadBuffer(in));
                        org.apache.fontbox.ttf.CmapLookup lookup = font.getUnicodeCmapLookup();
                        lookup.getCharCodes(0);
                        cmap = lookup;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return cmap;
    }

    private static boolean isRadical(int cp) {
        return (cp >= 0x2E80 && cp <= 0x2EFF) || (cp >= 0x2F00 && cp <= 0x2FDF);
    }
}
