package cn.unionaid.org.web;

import cn.unionaid.org.Users;
import cn.unionaid.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A caller's own password over the API: the one call a temporary password may make (the rest answer 403 until
 * the password is changed, as the pages redirect to the change form).
 */
@RestController
class AccountApi {

    static final String CHANGE_PASSWORD = "/api/v1/account/password";

    private final Users users;
    private final cn.unionaid.org.ApiTokens tokens;

    AccountApi(Users users, cn.unionaid.org.ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record NewToken(String name, Boolean readOnly, Integer days) {
    }

    /** 接口令牌: the caller's own tokens (never their values). */
    @org.springframework.web.bind.annotation.GetMapping("/api/v1/account/tokens")
    java.util.List<cn.unionaid.org.ApiTokens.TokenView> tokens() {
        return tokens.mine();
    }

    /** Creates a token; its value is in this answer and nowhere else, ever. */
    @PostMapping("/api/v1/account/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    cn.unionaid.org.ApiTokens.Created createToken(@RequestBody NewToken body) {
        return tokens.create(body.name(), body.readOnly() == null || body.readOnly(), body.days() == null ? 90 : body.days());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/account/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@org.springframework.web.bind.annotation.PathVariable long id) {
        tokens.revoke(id);
    }

    @PostMapping(CHANGE_PASSWORD)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body) {
        users.changeOwnPassword(CurrentUser.require().getUsername(), body.currentPassword(), body.newPassword());
    }
}
