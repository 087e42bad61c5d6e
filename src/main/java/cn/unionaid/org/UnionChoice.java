package cn.unionaid.org;

import java.util.List;

import cn.unionaid.platform.DataScope;

/**
 * 查看单位: a reader of a higher union looks at one union of their scope (their own by default). The pages of
 * figures (资金与台账, 绩效评价, 年度看板) read {@link #scope()}; their forms change only the reader's own union, so
 * they are hidden while another union is viewed.
 *
 * @param unions  the unions the reader may choose from (their own first), empty when there is only their own
 * @param scope   the scope of the union being viewed
 * @param orgId   the union being viewed
 * @param other   a union other than the reader's own is being viewed
 */
public record UnionChoice(List<OrganisationView> unions, DataScope scope, long orgId, boolean other) {
}
