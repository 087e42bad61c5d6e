package cn.unionaid.audit;

/**
 * The outcome of re-computing the keyed hash chain and comparing it with the anchors kept outside the database.
 *
 * @param ok               the chain holds and every anchor is found in it
 * @param firstBrokenId    the first row whose hash or link does not hold (altered, forged or re-hashed)
 * @param rowsChecked      rows re-computed
 * @param anchorsChecked   anchors compared
 * @param missingAfterId   when rows were deleted from the end: the last row still there (0 when none is)
 * @param missingThroughId when rows were deleted from the end: the newest anchored row that is gone
 * @param anchorMismatchId an anchored row that is there but holds another hash (the table was rebuilt)
 * @param forgedAnchorLines lines of the anchor file whose seal does not hold
 */
public record ChainVerification(boolean ok, Long firstBrokenId, long rowsChecked, int anchorsChecked,
        Long missingAfterId, Long missingThroughId, Long anchorMismatchId, int forgedAnchorLines) {

    public static ChainVerification intact(long rows, int anchors) {
        return new ChainVerification(true, null, rows, anchors, null, null, null, 0);
    }

    /** Rows at the end of the log were deleted: the log ends before an anchor. */
    public boolean tailDeleted() {
        return missingThroughId != null;
    }
}
