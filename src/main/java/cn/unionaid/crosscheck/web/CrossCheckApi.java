package cn.unionaid.crosscheck.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.unionaid.crosscheck.HitStatus;
import cn.unionaid.crosscheck.HitView;
import cn.unionaid.crosscheck.Hits;
import cn.unionaid.crosscheck.OutsideListKind;
import cn.unionaid.crosscheck.OutsideListView;
import cn.unionaid.crosscheck.OutsideLists;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 外部数据比对 over the API: lists in, hits out, and each hit's resolution. */
@RestController
@RequestMapping("/api/v1/cross-checks")
class CrossCheckApi {

    private final OutsideLists lists;
    private final Hits hits;

    CrossCheckApi(OutsideLists lists, Hits hits) {
        this.lists = lists;
        this.hits = hits;
    }

    @PostMapping("/lists")
    @ResponseStatus(HttpStatus.CREATED)
    OutsideLists.Imported importList(@RequestParam("file") MultipartFile file, @RequestParam OutsideListKind kind,
            @RequestParam String source, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf)
            throws IOException {
        return lists.importList(scope(), kind, source, asOf, file.getBytes());
    }

    @GetMapping("/lists")
    Page<OutsideListView> lists(@RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
        return lists.list(scope(), PageRequest.of(null, after, size));
    }

    @GetMapping("/hits")
    Page<HitView> hits(@RequestParam(required = false) HitStatus status, @RequestParam(required = false) Long batchId,
            @RequestParam(required = false) Long listId, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return hits.list(scope(), new Hits.Filter(status, batchId, listId), after, PageRequest.of(null, after, size).size());
    }

    @GetMapping("/hits/{id}")
    HitView hit(@PathVariable long id) {
        return hits.find(scope(), id);
    }

    @PostMapping("/hits/{id}/explanation")
    HitView explain(@PathVariable long id, @RequestParam String explanation, @RequestParam("evidence") MultipartFile evidence)
            throws IOException {
        return hits.explain(scope(), id, explanation, evidence.getBytes());
    }

    @PostMapping("/hits/{id}/acceptance")
    HitView accept(@PathVariable long id) {
        return hits.accept(scope(), id);
    }

    @PostMapping("/hits/{id}/decline")
    HitView decline(@PathVariable long id) {
        return hits.decline(scope(), id);
    }

    @PostMapping("/hits/{id}/removal")
    HitView remove(@PathVariable long id) {
        return hits.remove(scope(), id);
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
