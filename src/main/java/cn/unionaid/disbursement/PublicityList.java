package cn.unionaid.disbursement;

import java.util.List;

/**
 * A batch's 公示名单 as it is printed: everyone it pays but those left out, of one union (所属工会) or of all, cut into
 * parts (册) of {@link #PART_SIZE} names so that each part is a document of a bounded size, numbered on across parts.
 *
 * @param union      the union chosen, or null for the whole batch
 * @param unions     the unions the list holds, each with how many of its members
 * @param listed     how many names the chosen list holds
 * @param partStarts the id of the first payment of each part, in order
 */
public record PublicityList(String union, List<Union> unions, long listed, List<Long> partStarts) {

    /** Names in one printed part: a PDF is laid out in memory, and a province's list has hundreds of thousands. */
    public static final int PART_SIZE = 5_000;

    /** The printed list's columns. */
    public static final List<String> HEADER = List.of("序号", "姓名", "所属工会", "金额(元)");

    /** A payment as the printed list shows it: the name masked (公示不公开完整姓名与卡号). */
    public static List<String> row(long number, BatchItemView item) {
        return List.of(Long.toString(number), cn.unionaid.shared.PersonName.masked(item.name()), item.orgName(),
                item.amountYuan());
    }

    /** One union of the list and how many of its members it holds. */
    public record Union(String name, long listed) {
    }

    public int parts() {
        return partStarts.size();
    }

    /** The 序号 of the first name of a part (1-based). */
    public long firstNumber(int part) {
        return (long) (part - 1) * PART_SIZE + 1;
    }

    /** The id the part begins at; a part outside the list is refused. */
    public long startOf(int part) {
        if (part < 1 || part > parts()) {
            throw cn.unionaid.platform.BusinessRuleException.notFound("batch.error.publicityPart");
        }
        return partStarts.get(part - 1);
    }
}
