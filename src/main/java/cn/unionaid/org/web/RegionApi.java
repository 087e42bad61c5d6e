package cn.unionaid.org.web;

import java.time.LocalDate;
import java.util.List;

import cn.unionaid.org.Region;
import cn.unionaid.org.Regions;
import cn.unionaid.org.SubsistenceStandard;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions and 低保 standards over the API. Amounts are in yuan as text ({@code 650.00}) to keep them exact. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    private final Regions regions;

    RegionApi(Regions regions) {
        this.regions = regions;
    }

    record RegionDto(String code, String name, String level, String parentCode) {
        static RegionDto of(Region r) {
            return new RegionDto(r.code().value(), r.name(), r.level().name(),
                    r.parent() == null ? null : r.parent().value());
        }
    }

    record StandardDto(long id, String regionCode, String monthlyYuan, LocalDate effectiveFrom, String documentRef,
            String recordedBy) {
        static StandardDto of(SubsistenceStandard s) {
            return new StandardDto(s.id(), s.region().value(), s.monthly().toYuanString(), s.effectiveFrom(),
                    s.documentRef(), s.recordedBy());
        }
    }

    record NewStandard(String monthlyYuan, LocalDate effectiveFrom, String documentRef) {
    }

    @GetMapping
    Page<RegionDto> search(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        Page<Region> page = regions.search(PageRequest.of(q, after, size));
        return new Page<>(page.items().stream().map(RegionDto::of).toList(), page.nextAfter());
    }

    @GetMapping("/{code}/subsistence-standards")
    List<StandardDto> standards(@PathVariable String code) {
        return regions.standards(RegionCode.of(code)).stream().map(StandardDto::of).toList();
    }

    /** The standard in force on a date, with the county → city → province fallback. */
    @GetMapping("/{code}/subsistence-standards/in-force")
    StandardDto inForce(@PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return regions.standardInForce(RegionCode.of(code), date).map(StandardDto::of)
                .orElseThrow(() -> BusinessRuleException.notFound("subsistence.error.missing", code, date.toString()));
    }

    @PostMapping("/{code}/subsistence-standards")
    @ResponseStatus(HttpStatus.CREATED)
    StandardDto record(@PathVariable String code, @RequestBody NewStandard body) {
        return StandardDto.of(regions.recordStandard(RegionCode.of(code), Money.parseYuan(body.monthlyYuan()),
                body.effectiveFrom(), body.documentRef()));
    }
}
