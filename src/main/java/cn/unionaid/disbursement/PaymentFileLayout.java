package cn.unionaid.disbursement;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.unionaid.shared.Labelled;

/**
 * Column layouts of the bank payment file (代发文件). The generic layouts suit most banks' 批量代发 templates;
 * ICBC_CSV is the 工商银行 企业网银 批量代发 layout (GBK). A new bank's layout is one more constant here.
 */
public enum PaymentFileLayout implements Labelled {
    GENERIC_XLSX("通用（XLSX）", List.of(Column.SEQ, Column.REFERENCE, Column.NAME, Column.CARD, Column.AMOUNT,
            Column.PURPOSE), false, StandardCharsets.UTF_8),
    GENERIC_CSV("通用（CSV，UTF-8）", List.of(Column.SEQ, Column.REFERENCE, Column.NAME, Column.CARD, Column.AMOUNT,
            Column.PURPOSE), true, StandardCharsets.UTF_8),
    ICBC_CSV("工商银行批量代发（CSV，GBK）", List.of(Column.CARD, Column.NAME, Column.AMOUNT, Column.PURPOSE,
            Column.REFERENCE), true, Charset.forName("GBK"));

    /** A column of a payment file and its header. */
    public enum Column {
        SEQ("序号"), REFERENCE("业务参考号"), NAME("户名"), CARD("账号"), AMOUNT("金额"), PURPOSE("用途");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private final String label;
    private final List<Column> columns;
    private final boolean csv;
    private final Charset charset;

    PaymentFileLayout(String label, List<Column> columns, boolean csv, Charset charset) {
        this.label = label;
        this.columns = columns;
        this.csv = csv;
        this.charset = charset;
    }

    @Override
    public String label() {
        return label;
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean csv() {
        return csv;
    }

    public Charset charset() {
        return charset;
    }

    public String extension() {
        return csv ? "csv" : "xlsx";
    }
}
