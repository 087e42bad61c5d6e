package cn.unionaid.org.web;

import java.util.EnumSet;
import java.util.Set;

import cn.unionaid.org.Users;
import cn.unionaid.org.UserView;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and roles over the API; the role checks are the service's, the same as the pages'. */
@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final Users users;

    UserApi(Users users) {
        this.users = users;
    }

    record NewUser(String username, String displayName, long orgId, String password) {
    }

    record Roles(Set<Role> roles) {
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return users.visible(CurrentUser.require().scope(), PageRequest.of(q, after, size));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return users.find(CurrentUser.require().scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("user.error.notFound"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView open(@RequestBody NewUser body) {
        return users.open(CurrentUser.require().scope(), body.username(), body.displayName(), body.orgId(),
                body.password());
    }

    @PutMapping("/{id}/roles")
    UserView assignRoles(@PathVariable long id, @RequestBody Roles body) {
        Set<Role> roles = body.roles() == null || body.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(body.roles());
        users.assignRoles(CurrentUser.require().scope(), id, roles);
        return get(id);
    }

    record TemporaryPassword(String password) {
    }

    /** The system administrator resets a business account; the temporary password must be changed before any use. */
    @PostMapping("/{id}/password")
    UserView resetPassword(@PathVariable long id, @RequestBody TemporaryPassword body) {
        users.resetPassword(CurrentUser.require().scope(), id, body.password());
        return get(id);
    }

    @PostMapping("/{id}/reset-request")
    UserView requestAdministratorReset(@PathVariable long id) {
        users.requestAdministratorReset(CurrentUser.require().scope(), id);
        return get(id);
    }

    @PostMapping("/{id}/reset-approval")
    UserView approveAdministratorReset(@PathVariable long id, @RequestBody TemporaryPassword body) {
        users.approveAdministratorReset(CurrentUser.require().scope(), id, body.password());
        return get(id);
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable long id) {
        users.unlock(CurrentUser.require().scope(), id);
        return get(id);
    }
}
