package cn.unionaid.platform.web;

import java.util.Comparator;
import java.util.List;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.NavigationItem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the navigation they may use on every page. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

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
}
