package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the lists of items: the front page, a list per category, a list per month of the
 * archive, and the archive's own page of months.
 */
final class ListPages {
    private final SiteContext site;
    private final Navigation navigation;
    private final PageOutput out;

    ListPages(SiteContext site, Navigation navigation, PageOutput out) {
        this.site = site;
        this.navigation = navigation;
        this.out = out;
    }

    /** What a list is besides its items: where it lives, what its pages say, and the menu they show. */
    record Listing(String folder, String pageTitle, String heading, List<Link> crumbs, List<NavEntry> menu,
            String atom, String jsonFeed) {
    }

    /** What the pages of {@code list} show around its items. */
    Listing listing(ItemList list) {
        String title = site.settings().title();
        if (list.category().isPresent()) {
            CategoryPath path = list.category().get();
            CategoryTree.Node node = site.tree().node(path);
            return new Listing(node.folder(), node.name() + " · " + title, node.name(), navigation.crumbs(path),
                    navigation.menu(Optional.of(path)), node.folder() + "atom.xml", node.folder() + "feed.json");
        }
        if (list.month().isPresent()) {
            String name = monthName(list.month().get());
            return new Listing(list.folder(), name + " · " + title, name, archiveCrumbs(),
                    navigation.menu(Optional.empty()), "atom.xml", "feed.json");
        }
        return new Listing("", title, "最新", List.of(), navigation.menu(Optional.empty()), "atom.xml", "feed.json");
    }

    /** Renders page {@code page} of a list paged by {@code paging}, which holds {@code items}, newest first. */
    void render(Listing listing, Paging paging, int page, List<SiteItem> items) {
        out.emit(SiteLayout.listPage(listing.folder(), page), () -> {
            String label = page == 0 ? "" : "第 " + page + " 页";
            ListPage model = new ListPage(
                    navigation.frame(label.isEmpty() ? listing.pageTitle() : listing.pageTitle() + " · " + label,
                            listing.atom(), listing.jsonFeed()),
                    listing.heading(), listing.crumbs(), listing.menu(), items.stream().map(this::listItem).toList(),
                    pageLink(listing.folder(), paging.newer(page), "较新"),
                    pageLink(listing.folder(), paging.older(page), "较早"), label);
            return site.theme().render("list.jte", model);
        });
    }

    /** Renders the archive's page of months, newest first, with the count of each. */
    void archive(List<ItemList> months) {
        Map<String, List<ArchivePage.Month>> years = new LinkedHashMap<>();
        for (ItemList list : months) {
            YearMonth month = list.month().orElseThrow();
            years.computeIfAbsent(Integer.toString(month.getYear()), year -> new ArrayList<>())
                    .add(new ArchivePage.Month(month.getMonthValue() + " 月", site.listHref(list.folder()), list.size()));
        }
        List<ArchivePage.Year> yearList = new ArrayList<>();
        years.forEach((year, yearMonths) -> yearList.add(new ArchivePage.Year(year, yearMonths)));
        ArchivePage page = new ArchivePage(navigation.frame("归档 · " + site.settings().title(), "", ""),
                navigation.menu(Optional.empty()), yearList);
        out.emit(ARCHIVE, () -> site.theme().render("archive.jte", page));
    }

    /** The archive's page of months. */
    static final String ARCHIVE = "archives/" + SiteLayout.INDEX;

    private static String monthName(YearMonth month) {
        return month.getYear() + " 年 " + month.getMonthValue() + " 月";
    }

    private List<Link> archiveCrumbs() {
        SiteLayout layout = site.layout();
        return List.of(new Link("首页", layout.href(SiteLayout.INDEX)), new Link("归档", layout.href(ARCHIVE)));
    }

    private Optional<Link> pageLink(String folder, int page, String text) {
        return page < 0 ? Optional.empty()
                : Optional.of(new Link(text, site.layout().href(SiteLayout.listPage(folder, page))));
    }

    /** An item as every list shows it: its links are from the site's root, the same on every page. */
    private ListItem listItem(SiteItem item) {
        CategoryTree.Node feed = site.tree().node(item.path());
        return new ListItem(item.title(), site.layout().href(item.file()), SiteText.source(item.path()),
                site.listHref(feed.folder()), item.date().toString(), site.dateText(item.date()),
                item.memo().excerpt(), item.memo().cover());
    }
}
