package dev.gleaner.publish.site;

import dev.gleaner.config.CategoryPath;
import dev.gleaner.store.SiteMemo.ItemMemo;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists of items, page by page: the front page, a list per category, a list per month of the
 * archive, and the archive's own page of months.
 */
final class ListPages {
    private final SiteContext site;
    private final Navigation navigation;
    private final PageOutput out;
    private final Map<String, ItemMemo> memos;
    // An item shows alike on every list it is in: on the front page, each level of its category, its month.
    private final Map<String, ListItem> listItems = new ConcurrentHashMap<>();

    /** @param memos the excerpt and cover of each item, by item key */
    ListPages(SiteContext site, Navigation navigation, PageOutput out, Map<String, ItemMemo> memos) {
        this.site = site;
        this.navigation = navigation;
        this.out = out;
        this.memos = memos;
    }

    /**
     * The lists to render, not rendered yet.
     *
     * @param tasks the rendering of each list
     * @param files the files the lists will make
     */
    record Plan(List<LargestFirst.Task> tasks, List<String> files) {
        Plan {
            tasks = List.copyOf(tasks);
            files = List.copyOf(files);
        }
    }

    /** What a list is besides its items: where it lives and what its pages say. */
    private record Listing(String folder, String pageTitle, String heading, List<Link> crumbs,
            Optional<CategoryPath> current, String atom, String jsonFeed) {
    }

    /** The front page and the list of each category. */
    Plan categories(List<SiteItem> newestFirst) {
        Map<CategoryPath, List<SiteItem>> byNode = new LinkedHashMap<>();
        for (CategoryTree.Node node : site.tree().all()) {
            byNode.put(node.path(), new ArrayList<>());
        }
        for (SiteItem item : newestFirst) {
            for (CategoryPath level : item.path().prefixes()) {
                byNode.get(level).add(item);
            }
        }
        List<LargestFirst.Task> tasks = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String title = site.settings().title();
        plan(new Listing("", title, "最新", List.of(), Optional.empty(), "atom.xml", "feed.json"), newestFirst,
                tasks, files);
        for (CategoryTree.Node node : site.tree().all()) {
            plan(new Listing(node.folder(), node.name() + " · " + title, node.name(), navigation.crumbs(node.path()),
                    Optional.of(node.path()), node.folder() + "atom.xml", node.folder() + "feed.json"),
                    byNode.get(node.path()), tasks, files);
        }
        return new Plan(tasks, files);
    }

    /** The list of each month, newest first, and the archive's page of months. */
    Plan archives(List<SiteItem> newestFirst) {
        Map<YearMonth, List<SiteItem>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (SiteItem item : newestFirst) {
            byMonth.computeIfAbsent(YearMonth.from(item.order().atZone(site.zone())), month -> new ArrayList<>())
                    .add(item);
        }
        List<LargestFirst.Task> tasks = new ArrayList<>();
        List<String> files = new ArrayList<>();
        SiteLayout layout = site.layout();
        List<Link> crumbs = List.of(new Link("首页", layout.href(SiteLayout.INDEX)),
                new Link("归档", layout.href("archives/" + SiteLayout.INDEX)));
        Map<String, List<ArchivePage.Month>> years = new LinkedHashMap<>();
        byMonth.forEach((month, monthItems) -> {
            String folder = String.format("archives/%04d/%02d/", month.getYear(), month.getMonthValue());
            String name = month.getYear() + " 年 " + month.getMonthValue() + " 月";
            years.computeIfAbsent(Integer.toString(month.getYear()), year -> new ArrayList<>())
                    .add(new ArchivePage.Month(month.getMonthValue() + " 月", site.listHref(folder), monthItems.size()));
            plan(new Listing(folder, name + " · " + site.settings().title(), name, crumbs, Optional.empty(),
                    "atom.xml", "feed.json"), monthItems, tasks, files);
        });
        List<ArchivePage.Year> yearList = new ArrayList<>();
        years.forEach((year, months) -> yearList.add(new ArchivePage.Year(year, months)));
        String file = "archives/" + SiteLayout.INDEX;
        tasks.add(new LargestFirst.Task(byMonth.size(), () -> {
            ArchivePage page = new ArchivePage(navigation.frame("归档 · " + site.settings().title(), "", ""),
                    navigation.menu(Optional.empty()), yearList);
            out.emit(file, Fingerprint.of(site.fingerprint(), page.toString()),
                    () -> site.theme().render("archive.jte", page));
        }));
        files.add(file);
        return new Plan(tasks, files);
    }

    private void plan(Listing listing, List<SiteItem> newestFirst, List<LargestFirst.Task> tasks, List<String> files) {
        List<Paging.Page<SiteItem>> pages = Paging.of(newestFirst, site.settings().pageSize());
        for (Paging.Page<SiteItem> page : pages) {
            files.add(SiteLayout.listPage(listing.folder(), page.number()));
        }
        tasks.add(new LargestFirst.Task(newestFirst.size(), () -> render(listing, pages)));
    }

    private void render(Listing listing, List<Paging.Page<SiteItem>> pages) {
        List<NavEntry> menu = navigation.menu(listing.current());
        // What every page of the list shares; each page adds its place and its items' fingerprints,
        // which stand for all a list shows of them, so pages are compared without being made.
        String listFingerprint = Fingerprint.of(site.fingerprint(), listing.folder(), listing.pageTitle(),
                listing.heading(), listing.crumbs().toString(), menu.toString(), listing.atom(), listing.jsonFeed());
        for (Paging.Page<SiteItem> page : pages) {
            StringBuilder inputs = new StringBuilder(listFingerprint.length() + 65 * page.items().size() + 32)
                    .append(listFingerprint).append(' ').append(page.number()).append(' ').append(page.newer())
                    .append(' ').append(page.older());
            for (SiteItem item : page.items()) {
                inputs.append(' ').append(item.pageFingerprint());
            }
            out.emit(SiteLayout.listPage(listing.folder(), page.number()), Fingerprint.of(inputs.toString()), () -> {
                String label = page.number() == 0 ? "" : "第 " + page.number() + " 页";
                ListPage model = new ListPage(
                        navigation.frame(label.isEmpty() ? listing.pageTitle() : listing.pageTitle() + " · " + label,
                                listing.atom(), listing.jsonFeed()),
                        listing.heading(), listing.crumbs(), menu, page.items().stream().map(this::listItem).toList(),
                        pageLink(listing.folder(), page.newer(), "较新"), pageLink(listing.folder(), page.older(), "较早"),
                        label);
                return site.theme().render("list.jte", model);
            });
        }
    }

    private Optional<Link> pageLink(String folder, int page, String text) {
        return page < 0 ? Optional.empty()
                : Optional.of(new Link(text, site.layout().href(SiteLayout.listPage(folder, page))));
    }

    /** An item as every list shows it: its links are from the site's root, the same on every page. */
    private ListItem listItem(SiteItem item) {
        return listItems.computeIfAbsent(item.key(), key -> {
            ItemMemo memo = memos.get(key);
            CategoryTree.Node feed = site.tree().node(item.path());
            return new ListItem(item.title(), site.layout().href(item.file()), SiteText.source(item.path()),
                    site.listHref(feed.folder()), item.date().toString(), site.dateText(item.date()),
                    memo == null ? "" : memo.excerpt(), memo == null ? "" : memo.cover());
        });
    }
}
