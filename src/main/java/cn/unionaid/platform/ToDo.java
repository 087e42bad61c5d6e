package cn.unionaid.platform;

/**
 * One line of the home page's 待办: what waits, where to act, whether it is this user's turn (or someone
 * else's, shown so the user knows whom the work waits for), and whether it is past its date.
 *
 * @param order   where it is listed among the others
 * @param text    the line in Chinese, as the user reads it
 * @param link    the page where it is done
 * @param mine    the user may do it now; otherwise it waits for someone else
 * @param overdue past its deadline
 */
public record ToDo(int order, String text, String link, boolean mine, boolean overdue) {

    /** The to-dos a module has for a user, contributed as a bean; empty when it has none for them. */
    public interface Source {
        java.util.List<ToDo> forUser(AuthenticatedUser user);
    }
}
