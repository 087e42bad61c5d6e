package cn.unionaid.org.web;

import java.util.List;

import cn.unionaid.org.OrgLevel;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.platform.AuthenticatedUser;
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

/** The caller, and the organisations the caller may see. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {

    private final Organisations organisations;

    OrganisationApi(Organisations organisations) {
        this.organisations = organisations;
    }

    record Me(long id, String username, String displayName, Org organisation, List<Role> roles) {
    }

    record Org(long id, String code, String name) {
    }

    record NewOrganisation(long parentId, String code, String name, OrgLevel level, String regionCode) {
    }

    record Correction(String name, String regionCode) {
    }

    @GetMapping("/me")
    Me me() {
        AuthenticatedUser user = CurrentUser.require();
        OrganisationView org = organisations.find(user.scope(), user.orgId()).orElseThrow();
        return new Me(user.userId(), user.getUsername(), user.displayName(), new Org(org.id(), org.code(), org.name()),
                user.roles().stream().sorted().toList());
    }

    @GetMapping("/orgs")
    Page<OrganisationView> orgs(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return organisations.visible(CurrentUser.require().scope(), PageRequest.of(q, after, size));
    }

    @GetMapping("/orgs/{id}")
    OrganisationView org(@PathVariable long id) {
        return organisations.find(CurrentUser.require().scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
    }

    @PostMapping("/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationView open(@RequestBody NewOrganisation body) {
        return organisations.open(CurrentUser.require().scope(), body.parentId(), body.code(), body.name(), body.level(),
                body.regionCode());
    }

    @PutMapping("/orgs/{id}")
    OrganisationView correct(@PathVariable long id, @RequestBody Correction body) {
        return organisations.correct(CurrentUser.require().scope(), id, body.name(), body.regionCode());
    }
}
