package cn.unionaid.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.HomeTile;
import cn.unionaid.platform.ToDo;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page with the figures each module contributes for the user's scope. */
@Controller
class HomeController {

    private final List<HomeTile> tiles;
    private final List<ToDo.Source> toDos;

    HomeController(List<HomeTile> tiles, List<ToDo.Source> toDos) {
        this.tiles = tiles;
        this.toDos = toDos;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        AuthenticatedUser user = CurrentUser.require();
        model.addAttribute("figures", tiles.stream().map(t -> t.figureFor(user)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(HomeTile.Figure::order)).toList());
        List<ToDo> all = toDos.stream().flatMap(s -> s.forUser(user).stream())
                .sorted(Comparator.comparing(ToDo::overdue).reversed().thenComparingInt(ToDo::order)).toList();
        model.addAttribute("myToDos", all.stream().filter(ToDo::mine).toList());
        model.addAttribute("othersToDos", all.stream().filter(t -> !t.mine()).toList());
        return "home";
    }
}
