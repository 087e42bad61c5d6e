package cn.unionaid.org.web;

import java.util.Arrays;

import cn.unionaid.org.OrgLevel;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.InvalidValueException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 组织机构: the union tree within the user's scope; the system administrator opens and corrects unions. */
@Controller
@RequestMapping("/orgs")
class OrganisationPages {

    private final Organisations organisations;
    private final Messages messages;

    OrganisationPages(Organisations organisations, Messages messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", organisations.visible(scope(), PageRequest.of(q, after, null)));
        model.addAttribute("q", q);
        return "org/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("org", require(id));
        return "org/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSADMIN')")
    String newForm(@RequestParam long parent, Model model) {
        model.addAttribute("parent", require(parent));
        model.addAttribute("levels", Arrays.asList(OrgLevel.values()).subList(1, OrgLevel.values().length));
        return "org/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSADMIN')")
    String open(@RequestParam long parentId, @RequestParam String code, @RequestParam String name,
            @RequestParam OrgLevel level, @RequestParam(required = false) String regionCode, Model model) {
        try {
            OrganisationView created = organisations.open(scope(), parentId, code, name, level, regionCode);
            return "redirect:/orgs/" + created.id();
        } catch (BusinessRuleException | InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("form", new OrgForm(code, name, level, regionCode));
            return newForm(parentId, model);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('SYSADMIN')")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("org", require(id));
        return "org/edit";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SYSADMIN')")
    String correct(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String regionCode,
            Model model) {
        try {
            organisations.correct(scope(), id, name, regionCode);
            return "redirect:/orgs/" + id;
        } catch (BusinessRuleException | InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            return editForm(id, model);
        }
    }

    record OrgForm(String code, String name, OrgLevel level, String regionCode) {
    }

    private OrganisationView require(long id) {
        return organisations.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
