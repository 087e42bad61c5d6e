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

    AccountApi(Users users) {
        this.users = users;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping(CHANGE_PASSWORD)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body) {
        users.changeOwnPassword(CurrentUser.require().getUsername(), body.currentPassword(), body.newPassword());
    }
}
