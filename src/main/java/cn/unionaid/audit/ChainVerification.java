package cn.unionaid.audit;

/** The outcome of re-computing the hash chain: ok, or the first row whose hash or link does not hold. */
public record ChainVerification(boolean ok, Long firstBrokenId, long rowsChecked) {
}
