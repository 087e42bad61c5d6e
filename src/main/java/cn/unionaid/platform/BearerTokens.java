package cn.unionaid.platform;

import java.util.Optional;

/**
 * Checks an API token ({@code Authorization: Bearer …}) and answers with whom it signs in and what it may do.
 * Implemented by the module that keeps accounts.
 */
public interface BearerTokens {

    /** A token that holds: its id, its holder (as a login of theirs would load them) and whether it only reads. */
    record Use(long tokenId, AuthenticatedUser user, boolean readOnly) {
    }

    /** Empty when the token is unknown, revoked or expired. */
    Optional<Use> authenticate(String token, String source);
}
