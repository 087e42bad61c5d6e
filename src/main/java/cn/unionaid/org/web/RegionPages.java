package cn.unionaid.org.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.unionaid.org.Region;
import cn.unionaid.org.Regions;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 行政区划与低保标准: regions and the history of their minimum-living standards. */
@Controller
@RequestMapping("/regions")
class RegionPages {

    private final Regions regions;
    private final Messages messages;

    RegionPages(Regions regions, Messages messages) {
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", regions.search(PageRequest.of(q, after, null)));
        model.addAttribute("q", q);
        return "region/list";
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        RegionCode regionCode = RegionCode.of(code);
        Region region = regions.find(regionCode).orElseThrow(() -> BusinessRuleException.notFound("region.error.unknown", code));
        model.addAttribute("region", region);
        model.addAttribute("standards", regions.standards(regionCode));
        model.addAttribute("inForce", regions.standardInForce(regionCode, LocalDate.now()).orElse(null));
        return "region/detail";
    }

    @PostMapping("/{code}/standards")
    @PreAuthorize("hasRole('SYSADMIN')")
    String record(@PathVariable String code, @RequestParam String monthlyYuan, @RequestParam String effectiveFrom,
            @RequestParam(required = false) String documentRef, RedirectAttributes flash) {
        try {
            regions.recordStandard(RegionCode.of(code), Money.parseYuan(monthlyYuan), parseDate(effectiveFrom),
                    documentRef);
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/regions/" + code;
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw BusinessRuleException.invalid("subsistence.error.date");
        }
    }
}
