package cn.unionaid.platform;

import java.util.Optional;

/**
 * A figure on the home page, contributed by the module that owns it and computed from real data within the
 * user's scope. Returns empty when the figure is not for this user.
 */
public interface HomeTile {

    record Figure(int order, String messageKey, long value, String link) {
    }

    Optional<Figure> figureFor(AuthenticatedUser user);
}
