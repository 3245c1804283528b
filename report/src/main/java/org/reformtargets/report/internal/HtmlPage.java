// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Level;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * What the {@code scorecard.jte} template draws, already in words: every figure formatted for the
 * report's language, every bar width computed ({@link Bars}). Holds no markup; the template draws it
 * all and the engine escapes every value.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlPage {

    /** The width, in SVG units, of every bar. */
    public static final int BAR = 300;

    /**
     * One coloured segment of a stacked bar, or one status in its legend.
     *
     * @param css    the status's CSS class suffix ({@code met}, {@code not-met}, {@code no-data}, {@code na})
     * @param symbol a symbol that reads without colour (✓ ✗ ? –)
     * @param word   the status in words
     * @param count  how many results have it
     * @param x      where the segment starts
     * @param width  its width (0 when the count is 0)
     */
    public record Segment(String css, String symbol, String word, int count, int x, int width) {
    }

    /**
     * One result as a row of the page.
     *
     * @param anchor    the anchor of its unit's section
     * @param unit      the unit's name
     * @param headline  what is measured, from the sentence ("Hồ sơ được giải quyết đúng hạn lĩnh vực đất đai")
     * @param target    the target's id without the rule set's id
     * @param field     the field's label, or ""
     * @param css       its status's CSS class suffix
     * @param symbol    its status's symbol
     * @param status    its status in words
     * @param actual    the measured figure, or ""
     * @param threshold what the target asks, or ""
     * @param gap       how many more were needed, or "" where none is said or none was needed
     * @param source    the source document's title (shortened) and clause
     * @param sourceTitle the source document's full title and file, for a tooltip
     * @param sentence  the sentence explaining the verdict
     * @param period    the period it is for
     * @param measured  the span measured when a year-to-date figure stood in, or ""
     * @param notFinal  {@code true} while the period has not ended
     * @param points    points out of the maximum ("5,70/6"), or "" for an unscored target
     * @param outlook   the standing for the rest of the year, or "" where there is none
     * @param outlookCss the standing's CSS class suffix, or ""
     * @param expected  the cases still expected, or ""
     * @param required  the fewest successes still needed, or ""
     * @param rate      the rate those need, or ""
     */
    public record Row(String anchor, String unit, String headline, String target, String field, String css,
                      String symbol, String status, String actual, String threshold, String gap, String source,
                      String sourceTitle, String sentence, String period, String measured, boolean notFinal, String points,
                      String outlook, String outlookCss, String expected, String required, String rate) {

        /** The target's id cut after each slash, so that a narrow column breaks it there. */
        public List<String> targetParts() {
            return List.of(target.split("(?<=/)"));
        }
    }

    /**
     * A bar for a score or a score group.
     *
     * @param label  the period or the group's name
     * @param points the points ("47,09")
     * @param max    the maximum ("86"), or "" where unknown
     * @param width  the filled width of a bar {@link #BAR} wide
     */
    public record Meter(String label, String points, String max, int width) {
    }

    /**
     * One unit's score for one period.
     *
     * @param total    the total against its maximum
     * @param complete {@code false} when a scored target lacked its measurement
     * @param groups   a bar per group, in the rule set's order
     */
    public record ScoreView(Meter total, boolean complete, List<Meter> groups) {
    }

    /**
     * One unit: its place in the tree, its bar, its results and scores.
     *
     * @param anchor     the id of its section
     * @param name       its name
     * @param level      its level's label
     * @param depth      0 at the top of the tree
     * @param department {@code true} for a department (a page break before it when printed)
     * @param bar        its results by status, as a stacked bar
     * @param total      how many results it has
     * @param rows       every result
     * @param headline   the score of the rule set's own period (else the latest), or {@code null} when not scored
     * @param scores     its score of every period
     */
    public record UnitView(String anchor, String name, String level, int depth, boolean department,
                           List<Segment> bar, int total, List<Row> rows, ScoreView headline,
                           List<ScoreView> scores) {
    }

    /**
     * A unit in the table of contents, with the units under it.
     *
     * @param unit     the unit
     * @param children its sub-units, in tree order
     */
    public record TocNode(UnitView unit, List<TocNode> children) {
    }

    /**
     * Periods as a person reads a table of them: by the month they end, the shorter first when two end
     * together (July, August, September, Q3, the year).
     */
    static final Comparator<Period> PERIOD_ORDER = Comparator.<Period>comparingInt(p -> p.year() * 12 + p.lastMonth())
            .thenComparingInt(Period::months).thenComparing(Comparator.naturalOrder());

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^(\\D{0,30}?\\d+/[^\\s,;]+(?: ngày [\\d/]+)?)(?=[\\s,;])");
    private static final Pattern DECIMAL_POINT = Pattern.compile("(\\d)\\.(\\d)");
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportData data;
    private final boolean vi;
    private final List<UnitView> units;

    public HtmlPage(ReportData data) {
        this.data = data;
        this.vi = data.vietnamese();
        List<UnitView> views = new ArrayList<>(data.units().size());
        int i = 0;
        for (ReportData.UnitRow row : data.units()) {
            views.add(unit(row, anchor(i++, row.unit().id())));
        }
        this.units = List.copyOf(views);
    }

    /** The word in the page's language. */
    public String t(HtmlWords word) {
        return word.in(vi);
    }

    /** {@code vi} or {@code en}. */
    public String lang() {
        return vi ? "vi" : "en";
    }

    public String title() {
        return data.title();
    }

    public String ruleSetId() {
        return data.ruleSet().id();
    }

    public String version() {
        return data.ruleSet().version();
    }

    /** The facts' date: 31/12/2021 in Vietnamese, 2021-12-31 in English. */
    public String asOf() {
        var d = data.evaluation().asOf();
        return d == null ? "" : vi ? VI_DATE.format(d) : d.toString();
    }

    /** {@code true} when the rule set scores points. */
    public boolean scored() {
        return data.scored();
    }

    /** All results by status, as a stacked bar. */
    public List<Segment> totals() {
        return bar(data.totals());
    }

    /** How many results there are in all. */
    public int resultCount() {
        return data.evaluation().results().size();
    }

    public List<UnitView> units() {
        return units;
    }

    /**
     * The results not met, in tree order: those of the rule set's own period when there are any (a
     * rule set scoring every month also has a year), else all.
     */
    public List<Row> notMet() {
        List<Row> all = units.stream().flatMap(u -> u.rows().stream()).filter(r -> r.css().equals("not-met")).toList();
        String main = data.periodLabel(data.ruleSet().manifest().period());
        List<Row> own = all.stream().filter(r -> r.period().equals(main)).toList();
        return own.isEmpty() ? all : own;
    }

    /** The rule set's own period, as {@link #notMet()} chooses it, in words. */
    public String mainPeriod() {
        return data.periodLabel(data.ruleSet().manifest().period());
    }

    /** The unit tree, for the table of contents: the roots, each with its sub-units. */
    public List<TocNode> toc() {
        return subtree(0, 0).children();
    }

    /** The units from {@code from} on deeper than {@code depth}, up to the first that is not, as children. */
    private TocNode subtree(int from, int depth) {
        List<TocNode> children = new ArrayList<>();
        int i = from;
        while (i < units.size() && units.get(i).depth() >= depth) {
            UnitView u = units.get(i);
            int end = i + 1;
            while (end < units.size() && units.get(end).depth() > u.depth()) {
                end++;
            }
            children.add(new TocNode(u, subtree(i + 1, u.depth() + 1).children()));
            i = end;
        }
        return new TocNode(null, List.copyOf(children));
    }

    /** The results with an outlook for the rest of the year, in tree order. */
    public List<Row> outlooks() {
        return units.stream().flatMap(u -> u.rows().stream()).filter(r -> !r.outlook().isEmpty()).toList();
    }

    /** The audit hashes, label and value, in the record's order; empty values left out. */
    public Map<String, String> audit() {
        AuditRecord a = data.audit();
        Map<String, String> m = new LinkedHashMap<>();
        if (a == null) {
            return m;
        }
        put(m, "rulesSha256", a.rulesSha256());
        put(m, "factsSha256", a.factsSha256());
        put(m, "factsCanonicalSha256", a.factsCanonicalSha256());
        put(m, "resultSha256", a.resultSha256());
        put(m, "evaluatedAt", a.evaluatedAt() == null ? null : a.evaluatedAt().toString());
        put(m, "hmac", a.hmac());
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private UnitView unit(ReportData.UnitRow row, String anchor) {
        List<Row> rows = new ArrayList<>(row.results().size());
        for (TargetResult r : row.results()) {
            rows.add(row(r, anchor, row.unit().name()));
        }
        List<ScoreView> scores = new ArrayList<>();
        ScoreView headline = null;
        Period main = data.ruleSet().manifest().period();
        List<Score> byPeriod = new ArrayList<>(row.scores());
        byPeriod.sort(Comparator.comparing(Score::period, PERIOD_ORDER));
        for (Score s : byPeriod) {
            ScoreView v = score(s, row.results());
            scores.add(v);
            if (s.period().equals(main)) {
                headline = v;
            }
        }
        if (headline == null && !scores.isEmpty()) {
            headline = scores.get(scores.size() - 1);
        }
        int total = row.counts().values().stream().mapToInt(Integer::intValue).sum();
        return new UnitView(anchor, row.unit().name(), data.levelLabel(row.unit().level()), row.depth(),
                Level.DEPARTMENT.equals(row.unit().level()), bar(row.counts()), total, List.copyOf(rows), headline,
                List.copyOf(scores));
    }

    private List<Segment> bar(Map<Status, Integer> counts) {
        Status[] statuses = Status.values();
        long[] c = new long[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            c[i] = counts.getOrDefault(statuses[i], 0);
        }
        int[] widths = Bars.split(c, BAR);
        List<Segment> segments = new ArrayList<>(statuses.length);
        int x = 0;
        for (int i = 0; i < statuses.length; i++) {
            segments.add(new Segment(css(statuses[i]), symbol(statuses[i]), data.statusWord(statuses[i]), (int) c[i],
                    x, widths[i]));
            x += widths[i];
        }
        return segments;
    }

    private Row row(TargetResult r, String anchor, String unitName) {
        Outlook o = r.outlook();
        String points = r.maxPoints() == null ? ""
                : (r.points() == null ? "–" : number(r.points())) + "/" + number(r.maxPoints());
        return new Row(anchor, unitName, headline(r), shortTarget(r.target()), data.fieldLabel(r.field()),
                css(r.status()), symbol(r.status()), data.statusWord(r.status()),
                data.actualWords(r, this::number),
                data.thresholdWords(r, this::number),
                r.gap() == null || r.gap() == 0 ? "" : number(Long.toString(r.gap())), source(r), sourceTitle(r),
                data.sentence(r), data.periodLabel(r.period()),
                r.measuredPeriod() == null ? "" : data.periodLabel(r.measuredPeriod()), !r.isFinal(), points,
                o == null ? "" : standing(o.status()), o == null ? "" : o.status().name().toLowerCase().replace('_', '-'),
                o == null ? "" : number(Long.toString(o.expected())),
                o == null ? "" : number(Long.toString(o.required())),
                o == null || o.requiredRate() == null ? "" : number(o.requiredRate()) + "%");
    }

    private ScoreView score(Score s, List<TargetResult> results) {
        List<Meter> groups = new ArrayList<>(s.groups().size());
        s.groups().forEach((group, points) -> {
            BigDecimal max = groupMax(group, s.period(), results);
            if (max == null && new BigDecimal(points).signum() == 0 && namesGroup(group, results)) {
                groups.add(new Meter(data.groupLabel(group), t(HtmlWords.NOT_APPLICABLE), "", 0));
                return;
            }
            String m = max == null ? "" : max.stripTrailingZeros().toPlainString();
            groups.add(new Meter(data.groupLabel(group), number(points), m.isEmpty() ? "" : number(m),
                    max == null ? Bars.fill(points, s.maxTotal(), BAR) : Bars.fill(points, m, BAR)));
        });
        return new ScoreView(new Meter(data.periodLabel(s.period()), number(s.total()), number(s.maxTotal()),
                Bars.fill(s.total(), s.maxTotal(), BAR)), s.complete(), List.copyOf(groups));
    }

    /**
     * A group's maximum for one unit and period: the maxima of its scored results that count (not
     * {@code NOT_APPLICABLE}), a result belonging to the group whose id names it as a path segment
     * ({@code vn-766/digitization/…}); {@code null} when none does.
     */
    private static BigDecimal groupMax(String group, Period period, List<TargetResult> results) {
        BigDecimal sum = null;
        for (TargetResult r : results) {
            if (r.maxPoints() != null && r.status() != Status.NOT_APPLICABLE && r.period().equals(period)
                    && List.of(r.target().split("/")).contains(group)) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(new BigDecimal(r.maxPoints()));
            }
        }
        return sum == null || sum.signum() == 0 ? null : sum;
    }

    /** {@code true} when some result of the unit belongs to the group (names it as a path segment). */
    private static boolean namesGroup(String group, List<TargetResult> results) {
        return results.stream().anyMatch(r -> r.maxPoints() != null && List.of(r.target().split("/")).contains(group));
    }

    /**
     * The target's id without the rule set's id ({@code hcm-agri/2021/…}) or, failing that, without its
     * family ({@code vn-766/…} of rule set {@code vn-766/2025}).
     */
    private String shortTarget(String target) {
        String id = data.ruleSet().id();
        int slash = id.indexOf('/');
        for (String prefix : slash < 0 ? List.of(id + "/") : List.of(id + "/", id.substring(0, slash + 1))) {
            if (target.startsWith(prefix)) {
                return target.substring(prefix.length());
            }
        }
        return target;
    }

    /** The sentence up to its first colon, which names what is measured; else the target's short id. */
    private String headline(TargetResult r) {
        String s = data.sentence(r);
        int colon = s.indexOf(": ");
        return colon > 0 && colon <= 160 ? s.substring(0, colon) : shortTarget(r.target());
    }

    private String source(TargetResult r) {
        if (r.source() == null) {
            return "";
        }
        String doc = r.source().document() == null ? "" : r.source().document();
        String title = documentTitle(doc);
        String name = title == null ? doc : shortTitle(title);
        String clause = r.source().clause();
        if (clause == null || clause.isBlank()) {
            return name;
        }
        // "Nhóm 5, chỉ số 2" names itself; a bare "5" is a clause number
        return name + ", " + (Character.isLetter(clause.strip().charAt(0)) ? clause.strip()
                : t(HtmlWords.CLAUSE) + " " + clause.strip());
    }

    /** The source document's full title and its file, for a tooltip; "" when there is no source. */
    private String sourceTitle(TargetResult r) {
        if (r.source() == null || r.source().document() == null) {
            return "";
        }
        String title = documentTitle(r.source().document());
        return title == null ? r.source().document() : title + " (" + r.source().document() + ")";
    }

    /** The title the manifest gives the document, or {@code null}. */
    private String documentTitle(String document) {
        List<RuleSetManifest.SourceDocument> sources = data.ruleSet().manifest().sources();
        if (sources == null) {
            return null;
        }
        return sources.stream().filter(d -> document.equals(d.document()) && d.title() != null && !d.title().isBlank())
                .map(d -> d.title().strip()).findFirst().orElse(null);
    }

    /** The longest title a column shows before it is cut. */
    static final int TITLE_LENGTH = 72;

    /**
     * A title short enough for a column: a long title that opens with a document number is named by
     * it ("Quyết định 766/QĐ-TTg ngày 23/6/2022"); else up to its first semicolon; without a trailing
     * parenthesis when still too long; then cut at a word before {@link #TITLE_LENGTH} characters, with "…".
     */
    static String shortTitle(String title) {
        String s = title;
        var numbered = DOCUMENT_NUMBER.matcher(s);
        if (s.length() > TITLE_LENGTH && numbered.find()) {
            return numbered.group(1);
        }
        int semicolon = s.indexOf(';');
        if (semicolon > 0) {
            s = s.substring(0, semicolon).strip();
        }
        if (s.length() > TITLE_LENGTH && s.endsWith(")") && s.lastIndexOf(" (") > 0) {
            s = s.substring(0, s.lastIndexOf(" (")).strip();
        }
        if (s.length() > TITLE_LENGTH) {
            int space = s.lastIndexOf(' ', TITLE_LENGTH - 1);
            s = s.substring(0, space > 0 ? space : TITLE_LENGTH - 1).replaceAll("[,;:\\s]+$", "") + "…";
        }
        return s;
    }

    /** Decimal points between digits become commas in Vietnamese ("95.89" → "95,89"). */
    private String decimals(String s) {
        return vi ? DECIMAL_POINT.matcher(s).replaceAll("$1,$2") : s;
    }

    /**
     * A decimal string for people: thousands grouped ("1.234,5" in Vietnamese, "1,234.5" in English),
     * its decimals kept as given.
     */
    String number(String decimal) {
        if (decimal == null) {
            return "";
        }
        String sign = decimal.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? decimal : decimal.substring(1);
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        String fraction = point < 0 ? "" : digits.substring(point + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(vi ? '.' : ',');
            }
            b.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            b.append(vi ? ',' : '.').append(fraction);
        }
        return sign + b;
    }

    private String standing(Outlook.Standing s) {
        return switch (s) {
            case ON_TRACK -> t(HtmlWords.ON_TRACK);
            case AT_RISK -> t(HtmlWords.AT_RISK);
            case OUT_OF_REACH -> t(HtmlWords.OUT_OF_REACH);
        };
    }

    private static String css(Status s) {
        return switch (s) {
            case MET -> "met";
            case NOT_MET -> "not-met";
            case INSUFFICIENT_DATA -> "no-data";
            case NOT_APPLICABLE -> "na";
        };
    }

    private static String symbol(Status s) {
        return switch (s) {
            case MET -> "✓";
            case NOT_MET -> "✗";
            case INSUFFICIENT_DATA -> "?";
            case NOT_APPLICABLE -> "–";
        };
    }

    /** A section id made of the unit's position and the letters and digits of its id: unique and plain. */
    private static String anchor(int index, String id) {
        return "u" + index + "-" + id.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
