package cn.unionaid.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user, the side menu they may use (grouped by work) and the breadcrumb of the current page
 * on every page, error pages included.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    /** A group of the side menu with the entries this user may use. */
    record MenuGroup(NavigationGroup group, List<NavigationItem> items) {
    }

    /** Where the page sits: its group and menu entry (empty on pages outside the menu). */
    record Breadcrumb(NavigationGroup group, NavigationItem item) {
    }

    private final List<NavigationItem> navigation;

    ShellModelAdvice(List<NavigationItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("me")
    AuthenticatedUser me() {
        return CurrentUser.find().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        return CurrentUser.find().map(u -> navigation.stream().filter(n -> n.visibleTo(u)).toList()).orElse(List.of());
    }

    @ModelAttribute("menu")
    List<MenuGroup> menu() {
        Map<NavigationGroup, List<NavigationItem>> groups = new TreeMap<>();
        navigation().forEach(n -> groups.computeIfAbsent(n.group(), g -> new java.util.ArrayList<>()).add(n));
        return groups.entrySet().stream().map(e -> new MenuGroup(e.getKey(), e.getValue())).toList();
    }

    @ModelAttribute("breadcrumb")
    Breadcrumb breadcrumb(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded instanceof String f ? f : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        Optional<NavigationItem> here = navigation().stream().filter(n -> n.covers(path))
                .max(Comparator.comparingInt(n -> n.path().length()));
        return here.map(n -> new Breadcrumb(n.group(), n)).orElse(null);
    }
}
