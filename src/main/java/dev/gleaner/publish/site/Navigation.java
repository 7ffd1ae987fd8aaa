package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every page shows around its content: the frame with the site's links, breadcrumbs and the category menu. */
final class Navigation {
    private final SiteContext site;

    Navigation(SiteContext site) {
        this.site = site;
    }

    /**
     * The frame of a page titled {@code pageTitle}.
     *
     * @param atom the file of the Atom feed the page offers, or empty for the site's
     * @param jsonFeed the file of the JSON feed the page offers, or empty for the site's
     */
    PageFrame frame(String pageTitle, String atom, String jsonFeed) {
        SiteLayout layout = site.layout();
        return new PageFrame(site.settings().title(), pageTitle, layout.href(SiteLayout.INDEX),
                layout.href("archives/" + SiteLayout.INDEX), layout.href(atom.isEmpty() ? "atom.xml" : atom),
                layout.href(jsonFeed.isEmpty() ? "feed.json" : jsonFeed),
                layout.href(site.assets().get("style.css")), layout.href(site.assets().get("site.js")),
                layout.href(SearchIndex.TABLE), SiteContext.LANGUAGE);
    }

    /** The front page, then each level of {@code path}. */
    List<Link> crumbs(CategoryPath path) {
        List<Link> crumbs = new ArrayList<>();
        crumbs.add(new Link("首页", site.layout().href(SiteLayout.INDEX)));
        for (CategoryPath level : path.prefixes()) {
            CategoryTree.Node node = site.tree().node(level);
            crumbs.add(new Link(node.name(), site.listHref(node.folder())));
        }
        return crumbs;
    }

    /** The category menu: top categories always; below them only the branch that holds {@code current}. */
    List<NavEntry> menu(Optional<CategoryPath> current) {
        List<NavEntry> menu = new ArrayList<>();
        for (CategoryTree.Node node : site.tree().all()) {
            List<String> levels = node.path().levels();
            boolean onPath = current.isPresent() && current.get().startsWith(node.path());
            boolean parentOnPath = levels.size() == 1 || (current.isPresent()
                    && current.get().startsWith(new CategoryPath(levels.subList(0, levels.size() - 1))));
            if (parentOnPath) {
                menu.add(new NavEntry(node.depth(), node.name(), site.listHref(node.folder()), onPath,
                        onPath && current.get().equals(node.path())));
            }
        }
        // The tree lists parents before children but not depth-first; show each branch in place.
        return depthFirst(menu);
    }

    private List<NavEntry> depthFirst(List<NavEntry> entries) {
        List<NavEntry> ordered = new ArrayList<>(entries.size());
        Map<String, NavEntry> byHref = new LinkedHashMap<>();
        for (NavEntry entry : entries) {
            byHref.put(entry.href(), entry);
        }
        for (CategoryTree.Node root : site.tree().roots()) {
            visit(root, byHref, ordered);
        }
        return ordered;
    }

    private void visit(CategoryTree.Node node, Map<String, NavEntry> shown, List<NavEntry> ordered) {
        NavEntry entry = shown.get(site.listHref(node.folder()));
        if (entry == null) {
            return;
        }
        ordered.add(entry);
        for (CategoryTree.Node child : node.children()) {
            visit(child, shown, ordered);
        }
    }
}
