package cn.unionaid.platform.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside. The encoding is UTF-8 (with or
 * without BOM) when the first 64 KiB decode as UTF-8, otherwise GB18030 (GBK and its four-byte extension), which is what Chinese Excel writes.
 */
final class CsvRows {

    /** GB18030 reads every GBK file the same and also the four-byte characters (rare surnames) GBK lacks. */
    static final Charset GBK = Charset.forName("GB18030");
    private static final int SNIFF = 1 << 16;

    private CsvRows() {
    }

    static void read(InputStream in, Consumer<SheetRow> rows) throws IOException {
        byte[] head = in.readNBytes(SNIFF);
        Charset charset = looksLikeUtf8(head, head.length < SNIFF) ? StandardCharsets.UTF_8 : GBK;
        int skip = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in);
        // A byte sequence that is no character stops the file with an error rather than becoming a silent '?'.
        parse(new InputStreamReader(whole, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), rows);
    }

    static boolean looksLikeUtf8(byte[] bytes, boolean complete) {
        int length = bytes.length;
        if (!complete) {
            // Do not judge a multi-byte character cut at the end of the sample.
            while (length > 0 && length > bytes.length - 4 && (bytes[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (bytes[length - 1] & 0xC0) == 0xC0) {
                length--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static void parse(Reader reader, Consumer<SheetRow> rows) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int rowNumber = 1;
        int c;
        Reader r = reader.markSupported() ? reader : new java.io.BufferedReader(reader, 1 << 16);
        while ((c = r.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    r.mark(1);
                    if (r.read() != '\n') {
                        r.reset();
                    }
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.accept(new SheetRow(rowNumber++, cells));
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append((char) c);
            }
        }
        if (any) {
            cells.add(cell.toString());
            rows.accept(new SheetRow(rowNumber, cells));
        }
    }
}
